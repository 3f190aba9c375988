#include "map/mapmarkerset.h"

#include "map/maplogging.h"
#include "map/mercator.h"

#include <cmath>
#include <QSet>

namespace CivicDesk {
namespace {

bool isValidPosition(const MapMarker &marker)
{
    return std::isfinite(marker.latitude) && std::isfinite(marker.longitude) &&
           std::abs(marker.latitude) <= 90 && std::abs(marker.longitude) <= 180;
}

ClusterIndex::Point indexPoint(double latitude, double longitude, quint32 item, quint8 category)
{
    const QPointF position = Mercator::project(latitude, longitude);
    return {position.x(), position.y(), item, category};
}

} // namespace

MapMarkerSet::MapMarkerSet(QObject *parent)
    : QObject(parent)
{}

void MapMarkerSet::setCategoryColors(const QList<QColor> &colors)
{
    m_colors = colors.mid(0, ClusterIndex::MaxCategories);
}

quint8 MapMarkerSet::categoryOf(const QColor &color)
{
    const qsizetype known = m_colors.indexOf(color);
    if (known >= 0)
        return quint8(known);
    if (m_colors.size() < ClusterIndex::MaxCategories) {
        m_colors.append(color);
        return quint8(m_colors.size() - 1);
    }
    return quint8(ClusterIndex::MaxCategories - 1);
}

// Stores the marker and changes the index, or, with bulk, collects the index's new point there.
bool MapMarkerSet::apply(const MapMarker &marker, std::vector<ClusterIndex::Point> *bulk)
{
    if (!isValidPosition(marker))
        return false;
    const quint8 category = categoryOf(marker.color);
    const auto existing = m_itemById.constFind(marker.id);
    if (existing != m_itemById.cend()) {
        Stored &stored = m_items[*existing];
        const bool moved =
            stored.latitude != marker.latitude || stored.longitude != marker.longitude;
        stored.accuracy = float(marker.accuracy);
        if (moved) {
            stored.latitude = marker.latitude;
            stored.longitude = marker.longitude;
            stored.category = category;
            m_index.insert(indexPoint(marker.latitude, marker.longitude, *existing, category));
        } else if (stored.category != category) {
            stored.category = category;
            m_index.setCategory(*existing, category);
        }
        return true;
    }
    quint32 item;
    if (!m_freeItems.empty()) {
        item = m_freeItems.back();
        m_freeItems.pop_back();
    } else {
        item = quint32(m_items.size());
        m_items.emplace_back();
    }
    m_items[item] = {marker.id, marker.latitude, marker.longitude, float(marker.accuracy),
                     category};
    m_itemById.insert(marker.id, item);
    const ClusterIndex::Point point = indexPoint(marker.latitude, marker.longitude, item, category);
    if (bulk)
        bulk->push_back(point);
    else
        m_index.insert(point);
    return true;
}

void MapMarkerSet::removeItem(quint32 item)
{
    m_index.remove(item);
    m_itemById.remove(m_items[item].id);
    m_items[item] = {};
    m_freeItems.push_back(item);
}

void MapMarkerSet::setMarkers(const QList<MapMarker> &markers)
{
    qsizetype invalid = 0;
    if (m_itemById.isEmpty()) {
        // A first fill builds the index in one sort.
        std::vector<ClusterIndex::Point> points;
        points.reserve(std::size_t(markers.size()));
        m_items.reserve(std::size_t(markers.size()));
        m_itemById.reserve(markers.size());
        for (const MapMarker &marker : markers) {
            if (!apply(marker, &points))
                ++invalid;
        }
        m_index.reset(points);
    } else {
        QSet<quint32> keptItems;
        keptItems.reserve(markers.size());
        for (const MapMarker &marker : markers) {
            if (!apply(marker, nullptr)) {
                ++invalid;
                continue;
            }
            keptItems.insert(m_itemById.value(marker.id));
        }
        std::vector<quint32> removedItems;
        for (auto it = m_itemById.cbegin(); it != m_itemById.cend(); ++it) {
            if (!keptItems.contains(*it))
                removedItems.push_back(*it);
        }
        for (quint32 item : removedItems)
            removeItem(item);
    }
    if (invalid > 0)
        qCWarning(lcMap) << "Skipped" << invalid << "markers with a position outside WGS84 range";
    qCDebug(lcMap) << "Marker set holds" << count() << "markers";
    Q_EMIT markersChanged();
}

bool MapMarkerSet::upsert(const MapMarker &marker)
{
    if (!apply(marker, nullptr)) {
        qCWarning(lcMap) << "Skipped marker" << marker.id << "with a position outside WGS84 range";
        return false;
    }
    Q_EMIT markersChanged();
    return true;
}

void MapMarkerSet::update(const QList<MapMarker> &markers, const QStringList &removedIds)
{
    for (const QString &id : removedIds) {
        const auto found = m_itemById.constFind(id);
        if (found != m_itemById.cend())
            removeItem(*found);
    }
    for (const MapMarker &marker : markers) {
        if (apply(marker, nullptr))
            continue;
        const auto found = m_itemById.constFind(marker.id);
        if (found != m_itemById.cend())
            removeItem(*found);
    }
    Q_EMIT markersChanged();
}

bool MapMarkerSet::remove(const QString &id)
{
    const auto found = m_itemById.constFind(id);
    if (found == m_itemById.cend())
        return false;
    removeItem(*found);
    Q_EMIT markersChanged();
    return true;
}

void MapMarkerSet::clear()
{
    m_items.clear();
    m_freeItems.clear();
    m_itemById.clear();
    m_index.reset({});
    Q_EMIT markersChanged();
}

std::optional<MapMarker> MapMarkerSet::marker(const QString &id) const
{
    const auto found = m_itemById.constFind(id);
    if (found == m_itemById.cend())
        return std::nullopt;
    const Stored &stored = m_items[*found];
    return MapMarker{stored.id, stored.latitude, stored.longitude, m_colors.value(stored.category),
                     stored.accuracy};
}

QGeoCoordinate MapMarkerSet::coordinateOf(const QString &id) const
{
    const std::optional<MapMarker> found = marker(id);
    return found ? QGeoCoordinate(found->latitude, found->longitude) : QGeoCoordinate();
}

QString MapMarkerSet::idOf(quint32 item) const
{
    return item < m_items.size() ? m_items[item].id : QString();
}

} // namespace CivicDesk
