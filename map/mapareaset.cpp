#include "map/mapareaset.h"

#include "map/maplogging.h"

#include <algorithm>
#include <limits>

namespace CivicDesk {

MapAreaSet::MapAreaSet(QObject *parent)
    : QObject(parent)
{}

void MapAreaSet::setAreas(QList<MapArea> areas)
{
    m_areas = std::move(areas);
    qCDebug(lcMap) << "Area set holds" << m_areas.size() << "areas";
    Q_EMIT areasChanged();
}

int MapAreaSet::setAreasFromAdminUnits(const QList<AdminUnit> &units)
{
    QList<MapArea> areas;
    areas.reserve(units.size());
    int skipped = 0;
    for (const AdminUnit &unit : units) {
        MultiPolygon shape = multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8());
        if (shape.isEmpty()) {
            qCWarning(lcMap) << "Skipped administrative unit" << unit.code
                             << "because its boundary is missing or not a GeoJSON polygon";
            ++skipped;
            continue;
        }
        areas.append(MapArea{unit.code, unit.nameVi, std::move(shape)});
    }
    setAreas(std::move(areas));
    return skipped;
}

QGeoRectangle MapAreaSet::boundingRectangle() const
{
    QRectF bounds;
    for (const MapArea &area : m_areas) {
        const QRectF areaBounds = boundsOf(area.shape);
        if (!areaBounds.isNull())
            bounds = bounds.isNull() ? areaBounds : bounds.united(areaBounds);
    }
    if (bounds.isNull())
        return {};
    return QGeoRectangle(QGeoCoordinate(bounds.bottom(), bounds.left()),
                         QGeoCoordinate(bounds.top(), bounds.right()));
}

QString MapAreaSet::areaAt(const QGeoCoordinate &coordinate) const
{
    if (!coordinate.isValid())
        return {};
    const GeoPoint point{coordinate.latitude(), coordinate.longitude()};
    for (const MapArea &area : m_areas) {
        if (contains(area.shape, point))
            return area.id;
    }
    return {};
}

} // namespace CivicDesk
