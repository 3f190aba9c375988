#include "map/tilelayernode.h"

#include <algorithm>
#include <QQuickWindow>
#include <QSGImageNode>
#include <QSGRectangleNode>
#include <QSGTexture>

namespace CivicDesk {

TileLayerNode::TileLayerNode(QQuickWindow *window)
    : m_window(window)
    , m_background(window->createRectangleNode())
    , m_tiles(new QSGNode)
{
    appendChildNode(m_background);
    appendChildNode(m_tiles);
}

TileLayerNode::~TileLayerNode()
{
    // Image nodes do not own their textures, so they go first.
    removeTileNodes();
    for (const Texture &texture : std::as_const(m_textures))
        delete texture.texture;
}

void TileLayerNode::setBackground(const QRectF &rect, const QColor &color)
{
    m_background->setRect(rect);
    m_background->setColor(color);
}

void TileLayerNode::setTiles(const QList<TileDraw> &draws)
{
    ++m_frame;
    removeTileNodes();
    for (const TileDraw &draw : draws) {
        QSGTexture *texture = textureFor(draw);
        if (!texture)
            continue;
        QSGImageNode *node = m_window->createImageNode();
        node->setTexture(texture);
        node->setOwnsTexture(false);
        node->setFiltering(QSGTexture::Linear);
        node->setSourceRect(draw.source);
        node->setRect(draw.target);
        m_tiles->appendChildNode(node);
    }
    releaseSpareTextures();
}

QSGTexture *TileLayerNode::textureFor(const TileDraw &draw)
{
    if (draw.image.isNull())
        return nullptr;
    Texture &slot = m_textures[draw.tile];
    slot.frame = m_frame;
    if (slot.texture && slot.imageKey == draw.image.cacheKey())
        return slot.texture;
    // A tile refreshed from the server comes with a new image. The old texture is not drawn by
    // any node any more, because removeTileNodes ran first.
    delete slot.texture;
    slot.texture = m_window->createTextureFromImage(draw.image);
    slot.imageKey = draw.image.cacheKey();
    return slot.texture;
}

void TileLayerNode::removeTileNodes()
{
    while (QSGNode *child = m_tiles->firstChild()) {
        m_tiles->removeChildNode(child);
        delete child;
    }
}

void TileLayerNode::releaseSpareTextures()
{
    QList<std::pair<quint64, TileId>> spare;
    for (auto it = m_textures.cbegin(); it != m_textures.cend(); ++it) {
        if (it->frame != m_frame)
            spare.append({it->frame, it.key()});
    }
    if (spare.size() <= SpareTextures)
        return;
    std::sort(spare.begin(), spare.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (qsizetype i = 0; i < spare.size() - SpareTextures; ++i)
        delete m_textures.take(spare.at(i).second).texture;
}

} // namespace CivicDesk
