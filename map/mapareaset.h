#pragma once

#include "core/geo.h"
#include "core/reference.h"

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace CivicDesk {

// A named shape drawn by the areas layer, such as a ward or commune.
struct MapArea
{
    QString id;
    QString name;       // drawn as the area's label
    MultiPolygon shape; // x = longitude, y = latitude, in degrees
};

// The areas layer of a MapView: outlines, a light fill and a label per area. C++ fills it and
// assigns it to MapView.areas.
class MapAreaSet : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MapAreaSet is filled in C++ and assigned to MapView.areas")

    // Number of areas in the set.
    Q_PROPERTY(int count READ count NOTIFY areasChanged)

public:
    explicit MapAreaSet(QObject *parent = nullptr);

    const QList<MapArea> &areas() const { return m_areas; }
    int count() const { return int(m_areas.size()); }

    // Replaces every area. Areas with an empty shape are kept but draw nothing.
    void setAreas(QList<MapArea> areas);

    // Replaces every area with one per unit: id is the unit's code, name its Vietnamese name.
    // Units whose boundary is not a valid GeoJSON Polygon or MultiPolygon are skipped with a
    // warning. Returns the number of units skipped.
    int setAreasFromAdminUnits(const QList<AdminUnit> &units);

    // Returns the rectangle around every area, or an invalid one when the set is empty.
    Q_INVOKABLE QGeoRectangle boundingRectangle() const;

    // Returns the id of the first area containing the coordinate, or an empty string.
    Q_INVOKABLE QString areaAt(const QGeoCoordinate &coordinate) const;

Q_SIGNALS:
    void areasChanged();

private:
    QList<MapArea> m_areas;
};

} // namespace CivicDesk
