#pragma once

#include "map/tilesource.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QSGNode>

class QQuickWindow;
class QSGRectangleNode;
class QSGTexture;

namespace CivicDesk {

// One tile image, or the part of it given by `source` (in image pixels), drawn at `target` (in
// item pixels).
struct TileDraw
{
    TileId tile;
    QImage image;
    QRectF source;
    QRectF target;
};

// Root of MapTileLayer's scene graph: the land colour, then one image node per tile drawn, in
// order. It owns the tiles' textures and keeps those of recently drawn tiles for reuse, so they
// are made and released on the render thread.
class TileLayerNode : public QSGNode
{
public:
    explicit TileLayerNode(QQuickWindow *window);
    ~TileLayerNode() override;
    TileLayerNode(const TileLayerNode &) = delete;
    TileLayerNode &operator=(const TileLayerNode &) = delete;

    // Textures of tiles not drawn in the last frame that are kept for reuse.
    static constexpr int SpareTextures = 96;

    void setBackground(const QRectF &rect, const QColor &color);
    void setTiles(const QList<TileDraw> &draws);

    int textureCount() const { return int(m_textures.size()); }

private:
    struct Texture
    {
        QSGTexture *texture = nullptr;
        qint64 imageKey = 0; // QImage::cacheKey of the image it was made from
        quint64 frame = 0;   // last frame that drew it
    };

    QSGTexture *textureFor(const TileDraw &draw);
    void removeTileNodes();
    void releaseSpareTextures();

    QQuickWindow *m_window;
    QSGRectangleNode *m_background;
    QSGNode *m_tiles;
    QHash<TileId, Texture> m_textures;
    quint64 m_frame = 0;
};

} // namespace CivicDesk
