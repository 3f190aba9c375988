#include "map/maplabels.h"
#include "map/maplogging.h"
#include "map/mapscenenode.h"
#include "map/mapview.h"
#include "map/mercator.h"

#include <cmath>
#include <QElapsedTimer>
#include <QQuickWindow>
#include <QSGGeometryNode>

// The scene-graph half of MapView: change tracking, pendingWork and geometry rebuilds.
namespace CivicDesk {
namespace {

// Colour of drawn rectangles.
const QColor AreaFrameColor(0x00, 0x6d, 0xb3);
// Outline width of areas, in pixels.
constexpr double AreaOutlineWidth = 1.5;
// Geometry is stored as floats relative to the view it was built for. Past this pan distance,
// in pixels, float precision would start to show, so the scene is rebuilt.
constexpr qreal MaxPanWithoutRebuild = 32768;

} // namespace

void MapView::connectWindow(QQuickWindow *window)
{
    QObject::disconnect(m_frameSwappedConnection);
    if (!window)
        return;
    // frameSwapped comes from the render thread: record which change that frame drew there,
    // then decide on the GUI thread, where changes are counted.
    m_frameSwappedConnection = connect(
        window, &QQuickWindow::frameSwapped, this,
        [this] {
            m_swappedGeneration.store(m_syncedGeneration.load());
            QMetaObject::invokeMethod(this, &MapView::checkFrameSwapped, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
}

void MapView::markChanged(unsigned dirty)
{
    m_dirty |= dirty;
    ++m_changeGeneration;
    setPendingWork(true);
    polish();
    update();
}

void MapView::setPendingWork(bool pending)
{
    if (pending == m_pendingWork)
        return;
    m_pendingWork = pending;
    Q_EMIT pendingWorkChanged();
}

void MapView::checkFrameSwapped()
{
    if (m_swappedGeneration.load() == m_changeGeneration)
        setPendingWork(false);
}

// Runs on the render thread while the GUI thread waits, so the item's members are safe to read.
QSGNode *MapView::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    auto *scene = static_cast<MapSceneNode *>(oldNode);
    if (!scene) {
        scene = new MapSceneNode(window());
        m_built.valid = false;
    }
    unsigned dirty = m_dirty;
    if (needsFullRebuild()) {
        m_built = BuiltView{true, m_center, m_zoomLevel, size()};
        dirty = DirtyAll;
    }
    rebuildScene(scene, dirty);
    scene->setTranslation((m_built.origin - m_center) * worldSize());
    m_dirty = DirtyNone;
    m_syncedGeneration.store(m_changeGeneration);
    return scene;
}

bool MapView::needsFullRebuild() const
{
    if (!m_built.valid || m_built.zoomLevel != m_zoomLevel || m_built.size != size())
        return true;
    const QPointF pan = (m_built.origin - m_center) * worldSize();
    return std::abs(pan.x()) > MaxPanWithoutRebuild || std::abs(pan.y()) > MaxPanWithoutRebuild;
}

void MapView::rebuildScene(MapSceneNode *scene, unsigned dirty)
{
    if (dirty == DirtyNone)
        return;

    QElapsedTimer timer;
    timer.start();
    const MapGeometry::ScreenTransform transform{
        m_built.origin, Mercator::worldSize(m_built.zoomLevel),
        QPointF(m_built.size.width() / 2, m_built.size.height() / 2)};
    if (dirty & DirtyBackground)
        scene->setBackground(boundingRect(), m_color);
    if (dirty & DirtyAreas) {
        MapGeometry::buildAreaFills(scene->fills()->geometry(), m_preparedAreas, transform,
                                    m_areaFillColor);
        MapGeometry::buildAreaOutlines(scene->outlines()->geometry(), m_preparedAreas, transform,
                                       m_areaOutlineColor, AreaOutlineWidth);
        scene->fills()->markDirty(QSGNode::DirtyGeometry);
        scene->outlines()->markDirty(QSGNode::DirtyGeometry);
    }
    if (dirty & DirtyLabels)
        scene->setLabels(placeLabels(transform), m_labelImages, m_labelImagesGeneration);
    if (dirty & DirtyMarkers) {
        const QList<QColor> colors = m_markers ? m_markers->categoryColors() : QList<QColor>();
        MapGeometry::buildClusters(scene->markers()->geometry(), m_clusters, colors, transform);
        scene->markers()->markDirty(QSGNode::DirtyGeometry);
        scene->setCountGlyphs(m_countGlyphs.image, m_countGlyphsGeneration);
        MapGeometry::buildCountLabels(scene->counts()->geometry(), m_clusters, m_countGlyphs,
                                      transform);
        scene->counts()->markDirty(QSGNode::DirtyGeometry);
    }
    if (dirty & DirtySelection)
        rebuildSelection(scene, transform);
    qCDebug(lcMap) << "Rebuilt map scene parts" << dirty << "in" << timer.elapsed() << "ms";
}

QList<PlacedLabel> MapView::placeLabels(const MapGeometry::ScreenTransform &transform) const
{
    QList<PlacedLabel> labels;
    if (!m_areaLabelsVisible)
        return labels;
    for (const PreparedArea &area : m_preparedAreas) {
        const QImage image = m_labelImages.value(area.name);
        if (image.isNull() ||
            !MapLabels::fits(image.deviceIndependentSize(), area, transform.scale))
            continue;
        labels.append(PlacedLabel{area.name, transform.map(area.label.position)});
    }
    return labels;
}

void MapView::rebuildSelection(MapSceneNode *scene, const MapGeometry::ScreenTransform &transform)
{
    const std::optional<MapMarker> marker =
        m_markers && !m_selectedId.isEmpty() ? m_markers->marker(m_selectedId) : std::nullopt;
    std::optional<QPointF> position;
    QColor color;
    double accuracy = 0;
    if (marker) {
        position = transform.map(Mercator::project(marker->latitude, marker->longitude));
        color = marker->color;
        accuracy = Mercator::fromMetres(marker->accuracy, marker->latitude) * transform.scale;
    }
    MapGeometry::buildSelection(scene->selection()->geometry(), position, color, accuracy);

    QList<QRectF> frames;
    if (m_highlightedArea.isValid()) {
        frames.append(QRectF(transform.map(Mercator::project(m_highlightedArea.topLeft())),
                             transform.map(Mercator::project(m_highlightedArea.bottomRight()))));
    }
    if (m_areaDrag) {
        frames.append(QRectF(transform.map(m_areaDrag->first), transform.map(m_areaDrag->second))
                          .normalized());
    }
    MapGeometry::buildFrames(scene->frames()->geometry(), frames, AreaFrameColor);
    scene->frames()->markDirty(QSGNode::DirtyGeometry);
    scene->selection()->markDirty(QSGNode::DirtyGeometry);
}

} // namespace CivicDesk
