#pragma once

#include "map/clusterindex.h"

#include <optional>
#include <QColor>
#include <QGeoCoordinate>
#include <QHash>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace CivicDesk {

// One point drawn by the markers layer, such as a report's position.
struct MapMarker
{
    QString id;
    double latitude = 0;  // WGS84 degrees
    double longitude = 0; // WGS84 degrees
    QColor color;
    // Radius in metres of the circle that contains the true position, or 0 when unknown.
    double accuracy = 0;
};

// The markers layer of a MapView, kept in a ClusterIndex so that a million markers stay fluid.
// Each distinct colour is a category that clusters count apart, in the order of
// categoryColors() followed by colours met later. The set distinguishes at most
// ClusterIndex::MaxCategories colours, and markers of further colours count with the last
// one. C++ fills the set and assigns it to MapView.markers.
class MapMarkerSet : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MapMarkerSet is filled in C++ and assigned to MapView.markers")

    // Number of markers in the set.
    Q_PROPERTY(int count READ count NOTIFY markersChanged)

public:
    explicit MapMarkerSet(QObject *parent = nullptr);

    int count() const { return int(m_index.size()); }

    // Fixes the order of the first categories, such as the statuses of the workflow.
    void setCategoryColors(const QList<QColor> &colors);
    const QList<QColor> &categoryColors() const { return m_colors; }

    // Replaces every marker. Markers with a position outside the WGS84 range are skipped with
    // one warning that counts them. A repeated id keeps its last marker. Only the differences
    // reach the index, so a set that gains one marker is not rebuilt.
    void setMarkers(const QList<MapMarker> &markers);
    // Adds a marker or replaces the one with its id. Returns false for an invalid position.
    bool upsert(const MapMarker &marker);
    // Adds or replaces markers and removes others by id, with one markersChanged. A marker with
    // an invalid position removes the one with its id.
    void update(const QList<MapMarker> &markers, const QStringList &removedIds);
    bool remove(const QString &id);
    void clear();

    Q_INVOKABLE bool contains(const QString &id) const { return m_itemById.contains(id); }
    // Returns the marker with that id, if any.
    std::optional<MapMarker> marker(const QString &id) const;
    // Returns the marker's position, or an invalid coordinate when no marker has that id.
    Q_INVOKABLE QGeoCoordinate coordinateOf(const QString &id) const;
    // Returns the id of an item of the index.
    QString idOf(quint32 item) const;

    const ClusterIndex &index() const { return m_index; }

Q_SIGNALS:
    void markersChanged();

private:
    struct Stored
    {
        QString id;
        double latitude = 0;
        double longitude = 0;
        float accuracy = 0;
        quint8 category = 0;
    };

    quint8 categoryOf(const QColor &color);
    bool apply(const MapMarker &marker, std::vector<ClusterIndex::Point> *bulk);
    void removeItem(quint32 item);

    QList<QColor> m_colors;
    std::vector<Stored> m_items;
    std::vector<quint32> m_freeItems;
    QHash<QString, quint32> m_itemById;
    ClusterIndex m_index;
};

} // namespace CivicDesk
