#pragma once

#include "basemap/basemapfeature.h"
#include "basemap/basemaplabels.h"

#include <QHash>
#include <QImage>
#include <QRect>

namespace CivicDesk::Basemap {

// Draws the tiles of one zoom level at a time. prepareZoom() runs alone; after it, hasContent()
// and render() may run on many threads at once, since they only read.
class TileRenderer
{
public:
    TileRenderer(const QList<MapFeature> &features, const LabelSet &labels);

    // Sorts what zoom shows into the tiles of `tiles` (x and y of tiles at that zoom) and places
    // the labels inside them.
    void prepareZoom(int zoom, const QRect &tiles);

    // Whether anything but the land colour falls on the tile.
    bool hasContent(const QPoint &tile) const;
    // Draws one tile, 256 by 256 pixels, of the prepared zoom.
    QImage render(const QPoint &tile) const;
    // Draws the land colour alone: the look of every tile without content.
    static QImage emptyTile();

    int placedLabelCount() const { return int(m_placed.size()); }

private:
    // One drawable piece: a whole area, or a run of at most ChunkPoints points of a line, so that
    // a tile draws only the parts of a long line that pass near it.
    struct Item
    {
        int feature = 0;
        QPolygonF points; // empty for an area, which draws every part of its feature
        QRectF bounds;
        FeatureKind kind = FeatureKind::Minor;
    };

    void drawArea(QPainter &painter, const Item &item, const QPointF &origin) const;
    void drawLine(QPainter &painter, const Item &item, const QPointF &origin, bool casing) const;
    void drawLabels(QPainter &painter, const QList<int> &labels, const QPointF &origin) const;
    QPolygonF toTile(const QPolygonF &points, const QPointF &origin) const;

    const QList<MapFeature> &m_features;
    const LabelSet &m_labels;
    QList<Item> m_items;
    int m_zoom = 0;
    double m_world = 0;
    QHash<quint64, QList<int>> m_tileItems;  // item indexes in paint order, by tile
    QHash<quint64, QList<int>> m_tileLabels; // indexes into m_placed, by tile
    QList<PlacedLabel> m_placed;
};

} // namespace CivicDesk::Basemap
