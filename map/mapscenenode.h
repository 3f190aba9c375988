#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QSGNode>

class QQuickWindow;
class QSGGeometryNode;
class QSGRectangleNode;
class QSGTexture;
class QSGTextureMaterial;
class QSGTransformNode;

namespace CivicDesk {

// An area label placed in the item's pixels, centred on position.
struct PlacedLabel
{
    QString name;
    QPointF position;
};

// Root of MapView's scene graph: the background, then a transform that pans everything drawn
// for one zoom level, holding area fills, area outlines, labels, drawn rectangles, clusters,
// cluster counts and the selection in that order. It owns the label and glyph textures, so they are
// released on the render thread with it.
class MapSceneNode : public QSGNode
{
public:
    explicit MapSceneNode(QQuickWindow *window);
    ~MapSceneNode() override;

    void setBackground(const QRectF &rect, const QColor &color);
    void setTranslation(const QPointF &offset);

    // The geometry nodes. Callers fill their geometry and mark them dirty.
    QSGGeometryNode *fills() const { return m_fills; }
    QSGGeometryNode *outlines() const { return m_outlines; }
    QSGGeometryNode *frames() const { return m_frames; }
    QSGGeometryNode *markers() const { return m_markers; }
    QSGGeometryNode *counts() const { return m_counts; }
    QSGGeometryNode *selection() const { return m_selection; }

    // Replaces the labels. A texture is made once per name from images and kept until the
    // images' generation changes.
    void setLabels(const QList<PlacedLabel> &labels, const QHash<QString, QImage> &images,
                   int imagesGeneration);

    // Replaces the texture of the count glyphs when their generation changes.
    void setCountGlyphs(const QImage &image, int generation);

private:
    QSGTexture *labelTexture(const QString &name, const QHash<QString, QImage> &images);
    void clearLabelTextures();

    QQuickWindow *m_window;
    QSGRectangleNode *m_background = nullptr;
    QSGTransformNode *m_transform = nullptr;
    QSGGeometryNode *m_fills = nullptr;
    QSGGeometryNode *m_outlines = nullptr;
    QSGNode *m_labels = nullptr;
    QSGGeometryNode *m_frames = nullptr;
    QSGGeometryNode *m_markers = nullptr;
    QSGGeometryNode *m_counts = nullptr;
    QSGTextureMaterial *m_countsMaterial = nullptr;
    QSGTexture *m_countsTexture = nullptr;
    int m_countGlyphsGeneration = -1;
    QSGGeometryNode *m_selection = nullptr;
    QHash<QString, QSGTexture *> m_labelTextures;
    int m_labelImagesGeneration = -1;
};

} // namespace CivicDesk
