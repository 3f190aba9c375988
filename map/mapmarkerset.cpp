#include "map/mapmarkerset.h"

#include "map/maplogging.h"

#include <cmath>

namespace CivicDesk {
namespace {

bool isValidPosition(const MapMarker &marker)
{
    return std::isfinite(marker.latitude) && std::isfinite(marker.longitude) &&
           std::abs(marker.latitude) <= 90 && std::abs(marker.longitude) <= 180;
}

} // namespace

MapMarkerSet::MapMarkerSet(QObject *parent)
    : QObject(parent)
{}

void MapMarkerSet::setMarkers(QList<MapMarker> markers)
{
    m_markers.clear();
    m_markers.reserve(markers.size());
    m_indexById.clear();
    m_indexById.reserve(markers.size());
    qsizetype invalid = 0;
    for (MapMarker &marker : markers) {
        if (!isValidPosition(marker)) {
            ++invalid;
            continue;
        }
        const auto existing = m_indexById.constFind(marker.id);
        if (existing != m_indexById.cend()) {
            m_markers[existing.value()] = std::move(marker);
            continue;
        }
        m_indexById.insert(marker.id, m_markers.size());
        m_markers.append(std::move(marker));
    }
    if (invalid > 0)
        qCWarning(lcMap) << "Skipped" << invalid << "markers with a position outside WGS84 range";
    qCDebug(lcMap) << "Marker set holds" << m_markers.size() << "markers";
    Q_EMIT markersChanged();
}

void MapMarkerSet::clear()
{
    setMarkers({});
}

int MapMarkerSet::indexOf(const QString &id) const
{
    return int(m_indexById.value(id, -1));
}

QGeoCoordinate MapMarkerSet::coordinateOf(const QString &id) const
{
    const int index = indexOf(id);
    if (index < 0)
        return {};
    const MapMarker &marker = m_markers.at(index);
    return QGeoCoordinate(marker.latitude, marker.longitude);
}

} // namespace CivicDesk
