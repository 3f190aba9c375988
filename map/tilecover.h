#pragma once

#include "map/tilesource.h"

#include <QList>
#include <QRectF>

namespace CivicDesk {

// The view of a map item: the normalised Mercator position at its centre, its fractional zoom
// level and its size in item pixels.
struct TileView
{
    QPointF centre;
    double zoomLevel = 0;
    QSizeF size;
    qreal devicePixelRatio = 1;
};

// A tile in view and where it is drawn, in item pixels.
struct VisibleTile
{
    TileId tile;
    QRectF target;
};

// Returns the integer zoom level whose tiles draw a view at zoomLevel: the nearest one, kept
// within the source's levels. Beyond maximumZoomLevel the deepest tiles are scaled up.
int tileZoomFor(double zoomLevel, int minimumZoomLevel, int maximumZoomLevel);

// Returns the tiles of zoom level z that cover the view, west to east and north to south. Near
// the antimeridian x wraps around, so a view wider than the world contains a tile more than once.
QList<VisibleTile> visibleTiles(const TileView &view, int z);

// Returns the part of `ancestor`'s image, in pixels of a tile of `imageSize`, that covers
// `tile`, a descendant of it.
QRectF sourceRectIn(const TileId &ancestor, const TileId &tile, const QSizeF &imageSize);

} // namespace CivicDesk
