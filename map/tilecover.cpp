#include "map/tilecover.h"

#include "map/mercator.h"

#include <algorithm>
#include <cmath>

namespace CivicDesk {

int tileZoomFor(double zoomLevel, int minimumZoomLevel, int maximumZoomLevel)
{
    const int nearest = int(std::lround(zoomLevel));
    return std::clamp(nearest, minimumZoomLevel, std::max(minimumZoomLevel, maximumZoomLevel));
}

QList<VisibleTile> visibleTiles(const TileView &view, int z)
{
    QList<VisibleTile> tiles;
    if (view.size.isEmpty() || z < 0 || z > 30)
        return tiles;

    const double world = Mercator::worldSize(view.zoomLevel);
    const int count = 1 << z;
    const double tileSize = world / count;
    // Item position of the world's north-west corner, on whole device pixels so that tiles at
    // an integer zoom level are drawn pixel for pixel.
    const double ratio = view.devicePixelRatio;
    const double originX =
        std::round((view.size.width() / 2 - view.centre.x() * world) * ratio) / ratio;
    const double originY =
        std::round((view.size.height() / 2 - view.centre.y() * world) * ratio) / ratio;

    const int firstX = int(std::floor(-originX / tileSize));
    const int lastX = int(std::ceil((view.size.width() - originX) / tileSize)) - 1;
    const int firstY = std::max(0, int(std::floor(-originY / tileSize)));
    const int lastY =
        std::min(count - 1, int(std::ceil((view.size.height() - originY) / tileSize)) - 1);
    for (int y = firstY; y <= lastY; ++y) {
        for (int x = firstX; x <= lastX; ++x) {
            const int wrapped = ((x % count) + count) % count;
            // Edges are computed from the tile index, so that neighbours share them exactly.
            const QPointF topLeft(originX + x * tileSize, originY + y * tileSize);
            const QPointF bottomRight(originX + (x + 1) * tileSize, originY + (y + 1) * tileSize);
            tiles.append(VisibleTile{TileId{z, wrapped, y}, QRectF(topLeft, bottomRight)});
        }
    }
    return tiles;
}

QRectF sourceRectIn(const TileId &ancestor, const TileId &tile, const QSizeF &imageSize)
{
    const int levels = tile.z - ancestor.z;
    const double fraction = 1.0 / (1 << levels);
    const double column = tile.x - (ancestor.x << levels);
    const double row = tile.y - (ancestor.y << levels);
    return QRectF(column * fraction * imageSize.width(), row * fraction * imageSize.height(),
                  fraction * imageSize.width(), fraction * imageSize.height());
}

} // namespace CivicDesk
