#pragma once

#include <QColor>
#include <QGeoCoordinate>
#include <QHash>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace CivicDesk {

// One point drawn by the markers layer, such as a report's position.
struct MapMarker
{
    QString id;
    double latitude = 0;  // WGS84 degrees
    double longitude = 0; // WGS84 degrees
    QColor color;
};

// The markers layer of a MapView. MapView draws every marker of the set with one scene-graph
// geometry node, so the set may hold a hundred thousand markers. C++ fills it and assigns it
// to MapView.markers.
class MapMarkerSet : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MapMarkerSet is filled in C++ and assigned to MapView.markers")

    // Number of markers in the set.
    Q_PROPERTY(int count READ count NOTIFY markersChanged)

public:
    explicit MapMarkerSet(QObject *parent = nullptr);

    const QList<MapMarker> &markers() const { return m_markers; }
    int count() const { return int(m_markers.size()); }

    // Replaces every marker. Markers with a position outside the WGS84 range are skipped with
    // one warning that counts them. A repeated id keeps its last marker.
    void setMarkers(QList<MapMarker> markers);
    void clear();

    // Returns the marker's index in markers(), or -1 when no marker has that id.
    Q_INVOKABLE int indexOf(const QString &id) const;

    // Returns the marker's position, or an invalid coordinate when no marker has that id.
    Q_INVOKABLE QGeoCoordinate coordinateOf(const QString &id) const;

Q_SIGNALS:
    void markersChanged();

private:
    QList<MapMarker> m_markers;
    QHash<QString, qsizetype> m_indexById;
};

} // namespace CivicDesk
