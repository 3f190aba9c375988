#include "map/mapscenenode.h"

#include "map/mapgeometry.h"

#include <cmath>
#include <QQuickWindow>
#include <QSGGeometryNode>
#include <QSGImageNode>
#include <QSGRectangleNode>
#include <QSGTexture>
#include <QSGTextureMaterial>
#include <QSGTransformNode>
#include <QSGVertexColorMaterial>

namespace CivicDesk {
namespace {

QSGGeometryNode *createColoredNode()
{
    auto *node = new QSGGeometryNode;
    node->setGeometry(MapGeometry::createColoredGeometry());
    node->setMaterial(new QSGVertexColorMaterial);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

double alignToPixels(double value, qreal devicePixelRatio)
{
    return std::round(value * devicePixelRatio) / devicePixelRatio;
}

} // namespace

MapSceneNode::MapSceneNode(QQuickWindow *window)
    : m_window(window)
    , m_background(window->createRectangleNode())
    , m_transform(new QSGTransformNode)
    , m_fills(createColoredNode())
    , m_outlines(createColoredNode())
    , m_labels(new QSGNode)
    , m_frames(createColoredNode())
    , m_markers(createColoredNode())
    , m_counts(new QSGGeometryNode)
    , m_countsMaterial(new QSGTextureMaterial)
    , m_selection(createColoredNode())
{
    m_counts->setGeometry(MapGeometry::createTexturedGeometry());
    m_counts->setMaterial(m_countsMaterial);
    m_counts->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    appendChildNode(m_background);
    appendChildNode(m_transform);
    m_transform->appendChildNode(m_fills);
    m_transform->appendChildNode(m_outlines);
    m_transform->appendChildNode(m_labels);
    m_transform->appendChildNode(m_frames);
    m_transform->appendChildNode(m_markers);
    m_transform->appendChildNode(m_counts);
    m_transform->appendChildNode(m_selection);
}

MapSceneNode::~MapSceneNode()
{
    clearLabelTextures();
    delete m_countsTexture;
}

void MapSceneNode::setCountGlyphs(const QImage &image, int generation)
{
    if (generation == m_countGlyphsGeneration || image.isNull())
        return;
    m_countGlyphsGeneration = generation;
    QSGTexture *previous = m_countsTexture;
    m_countsTexture = m_window->createTextureFromImage(image);
    m_countsTexture->setFiltering(QSGTexture::Linear);
    m_countsMaterial->setTexture(m_countsTexture);
    m_counts->markDirty(QSGNode::DirtyMaterial);
    delete previous;
}

void MapSceneNode::setBackground(const QRectF &rect, const QColor &color)
{
    m_background->setRect(rect);
    m_background->setColor(color);
}

void MapSceneNode::setTranslation(const QPointF &offset)
{
    const qreal ratio = m_window->effectiveDevicePixelRatio();
    QMatrix4x4 matrix;
    matrix.translate(float(alignToPixels(offset.x(), ratio)),
                     float(alignToPixels(offset.y(), ratio)));
    m_transform->setMatrix(matrix);
}

void MapSceneNode::setLabels(const QList<PlacedLabel> &labels, const QHash<QString, QImage> &images,
                             int imagesGeneration)
{
    if (imagesGeneration != m_labelImagesGeneration) {
        clearLabelTextures();
        m_labelImagesGeneration = imagesGeneration;
    }
    while (QSGNode *child = m_labels->firstChild()) {
        m_labels->removeChildNode(child);
        delete child;
    }

    const qreal ratio = m_window->effectiveDevicePixelRatio();
    for (const PlacedLabel &label : labels) {
        QSGTexture *texture = labelTexture(label.name, images);
        if (!texture)
            continue;
        const QSizeF size = QSizeF(texture->textureSize()) / ratio;
        const QPointF topLeft(alignToPixels(label.position.x() - size.width() / 2, ratio),
                              alignToPixels(label.position.y() - size.height() / 2, ratio));
        QSGImageNode *node = m_window->createImageNode();
        node->setTexture(texture);
        node->setOwnsTexture(false);
        node->setFiltering(QSGTexture::Linear);
        node->setRect(QRectF(topLeft, size));
        m_labels->appendChildNode(node);
    }
}

QSGTexture *MapSceneNode::labelTexture(const QString &name, const QHash<QString, QImage> &images)
{
    if (QSGTexture *texture = m_labelTextures.value(name))
        return texture;
    const QImage image = images.value(name);
    if (image.isNull())
        return nullptr;
    QSGTexture *texture = m_window->createTextureFromImage(image);
    m_labelTextures.insert(name, texture);
    return texture;
}

void MapSceneNode::clearLabelTextures()
{
    // Image nodes do not own their textures, so they go first.
    while (QSGNode *child = m_labels->firstChild()) {
        m_labels->removeChildNode(child);
        delete child;
    }
    qDeleteAll(m_labelTextures);
    m_labelTextures.clear();
}

} // namespace CivicDesk
