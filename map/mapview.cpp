#include "map/mapview.h"

#include "map/maplabels.h"
#include "map/maplogging.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QGeoRectangle>
#include <QGuiApplication>
#include <QLineF>
#include <QQuickWindow>
#include <QStyleHints>
#include <QtMath>

namespace CivicDesk {
namespace {

// Highest zoom level accepted for maximumZoomLevel. A pixel there covers about 0.15 mm of
// ground at the equator, far below any data the map shows.
constexpr qreal ZoomLevelLimit = 30;
// Zoom change per wheel notch (120 eighths of a degree), and per key press.
constexpr qreal WheelZoomPerNotch = 0.5;
constexpr qreal KeyZoomStep = 1;
// Pan per arrow key press, in pixels.
constexpr qreal KeyPanStep = 100;
// Clicks within this distance of a marker's centre hit the marker, in pixels.
constexpr qreal MarkerHitRadius = 8;
// Clusters of neighbouring cells closer than this are drawn as one, in pixels.
constexpr qreal ClusterMergeDistance = 40;
// Zoom level at which showMarker() stops zooming in: about 1.1 m per pixel at Hue.
constexpr qreal ShowMarkerZoomLimit = 17;
// Margin kept around a marker's circle of accuracy by showMarker(), in pixels.
constexpr int AccuracyMargin = 40;
// Margin kept around a cluster's points when a click zooms to them, in pixels.
constexpr int ClusterFitMargin = 48;
// A flick starts above this release speed and ends below the lower one, in pixels per second.
constexpr qreal FlickStartSpeed = 150;
constexpr qreal FlickStopSpeed = 20;
// The flick's speed falls to 1/e of its value in this many milliseconds.
constexpr qreal FlickDecay = 325;
// The release speed is measured over the drag's last milliseconds.
constexpr qint64 FlickSampleWindow = 100;
// A drawn rectangle narrower or lower than this is taken for a slip, in pixels.
constexpr qreal MinimumAreaSide = 6;
// At most this many ids go out with clusterClicked.
constexpr std::size_t ClusterListLimit = 500;
// Stepping with ] and [ goes through at most this many markers in view.
constexpr std::size_t StepLimit = 5000;

QPointF invalidPoint()
{
    return QPointF(qQNaN(), qQNaN());
}

} // namespace

MapView::MapView(QQuickItem *parent)
    : QQuickItem(parent)
    , m_center(Mercator::project(0, 0))
    , m_color(0xf2, 0xef, 0xe9)
    , m_areaOutlineColor(0x5f, 0x74, 0x8c)
    , m_areaFillColor(0x5f, 0x74, 0x8c, 24)
{
    m_zoomLevel = m_minimumZoomLevel;
    setFlag(ItemHasContents);
    setClip(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setAcceptTouchEvents(true);
    setActiveFocusOnTab(true);
    m_clock.start();
    m_countGlyphs = MapLabels::renderCountGlyphs(qApp->devicePixelRatio());
    m_flickTimer.setInterval(16);
    m_flickTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flickTimer, &QTimer::timeout, this, &MapView::stepFlick);
    // An item made with a parent already in a window gets no ItemSceneChange of its own,
    // because the base class constructor handles that change before this class exists.
    if (window())
        connectWindow(window());
}

MapView::~MapView()
{
    QObject::disconnect(m_frameSwappedConnection);
}

QGeoCoordinate MapView::center() const
{
    return Mercator::unproject(m_center);
}

void MapView::setCenter(const QGeoCoordinate &center)
{
    if (!center.isValid()) {
        qCWarning(lcMap) << "Ignored invalid map centre" << center;
        return;
    }
    setCenterMercator(Mercator::project(center));
}

void MapView::setCenterMercator(QPointF position)
{
    position.setX(position.x() - std::floor(position.x()));
    position.setY(std::clamp(position.y(), 0.0, 1.0));
    if (position == m_center)
        return;

    m_center = position;
    markChanged(DirtyNone);
    Q_EMIT centerChanged(center());
    Q_EMIT visibleRegionChanged();
}

void MapView::setZoomLevel(qreal zoomLevel)
{
    zoomLevel = std::clamp(zoomLevel, m_minimumZoomLevel, m_maximumZoomLevel);
    if (zoomLevel == m_zoomLevel)
        return;

    m_zoomLevel = zoomLevel;
    markChanged(DirtyNone);
    Q_EMIT zoomLevelChanged(m_zoomLevel);
    Q_EMIT visibleRegionChanged();
}

void MapView::setMinimumZoomLevel(qreal zoomLevel)
{
    zoomLevel = std::clamp(zoomLevel, 0.0, m_maximumZoomLevel);
    if (zoomLevel == m_minimumZoomLevel)
        return;

    m_minimumZoomLevel = zoomLevel;
    Q_EMIT minimumZoomLevelChanged();
    setZoomLevel(m_zoomLevel);
}

void MapView::setMaximumZoomLevel(qreal zoomLevel)
{
    zoomLevel = std::clamp(zoomLevel, m_minimumZoomLevel, ZoomLevelLimit);
    if (zoomLevel == m_maximumZoomLevel)
        return;

    m_maximumZoomLevel = zoomLevel;
    Q_EMIT maximumZoomLevelChanged();
    setZoomLevel(m_zoomLevel);
}

QGeoShape MapView::visibleRegion() const
{
    if (width() <= 0 || height() <= 0)
        return QGeoRectangle();
    const QPointF topLeft = mercatorAt(QPointF(0, 0));
    const QPointF bottomRight = mercatorAt(QPointF(width(), height()));
    const QGeoCoordinate northWest = Mercator::unproject(topLeft);
    const QGeoCoordinate southEast = Mercator::unproject(bottomRight);
    // A view wider than the world shows every longitude once.
    const bool wholeWorld = bottomRight.x() - topLeft.x() >= 1;
    const double west = wholeWorld ? -180.0 : northWest.longitude();
    const double east = wholeWorld ? 180.0 : southEast.longitude();
    return QGeoRectangle(QGeoCoordinate(northWest.latitude(), west),
                         QGeoCoordinate(southEast.latitude(), east));
}

void MapView::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    markChanged(DirtyBackground);
    Q_EMIT colorChanged();
}

void MapView::setAreaOutlineColor(const QColor &color)
{
    if (color == m_areaOutlineColor)
        return;
    m_areaOutlineColor = color;
    markChanged(DirtyAreas);
    Q_EMIT areaOutlineColorChanged();
}

void MapView::setAreaFillColor(const QColor &color)
{
    if (color == m_areaFillColor)
        return;
    m_areaFillColor = color;
    markChanged(DirtyAreas);
    Q_EMIT areaFillColorChanged();
}

void MapView::setAreas(MapAreaSet *areas)
{
    if (areas == m_areas)
        return;

    if (m_areas)
        disconnect(m_areas, nullptr, this, nullptr);
    m_areas = areas;
    if (m_areas) {
        connect(m_areas, &MapAreaSet::areasChanged, this, &MapView::onAreasChanged);
        connect(m_areas, &QObject::destroyed, this, [this] { setAreas(nullptr); });
    }
    onAreasChanged();
    Q_EMIT areasChanged();
}

void MapView::setAreaLabelsVisible(bool visible)
{
    if (visible == m_areaLabelsVisible)
        return;
    m_areaLabelsVisible = visible;
    markChanged(DirtyLabels);
    Q_EMIT areaLabelsVisibleChanged();
}

void MapView::setMarkers(MapMarkerSet *markers)
{
    if (markers == m_markers)
        return;

    if (m_markers)
        disconnect(m_markers, nullptr, this, nullptr);
    m_markers = markers;
    if (m_markers) {
        connect(m_markers, &MapMarkerSet::markersChanged, this, &MapView::onMarkersChanged);
        connect(m_markers, &QObject::destroyed, this, [this] { setMarkers(nullptr); });
    }
    onMarkersChanged();
    Q_EMIT markersChanged();
}

void MapView::setSelectedId(const QString &id)
{
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    markChanged(DirtySelection);
    Q_EMIT selectedIdChanged();
}

void MapView::onAreasChanged()
{
    m_preparedAreas = m_areas ? prepareAreas(m_areas->areas()) : QList<PreparedArea>();
    renderLabelImages();
    markChanged(DirtyAreas | DirtyLabels);
}

void MapView::onMarkersChanged()
{
    m_clustersStale = true;
    markChanged(DirtyMarkers | DirtySelection);
}

QRectF MapView::viewRect() const
{
    return QRectF(mercatorAt(QPointF(0, 0)), mercatorAt(QPointF(width(), height())));
}

// Runs on the GUI thread before each frame's sync: queries the index again when the zoom level
// changed, the markers changed, or the view left the rectangle queried last.
void MapView::updatePolish()
{
    const QRectF view = viewRect();
    if (!m_markers) {
        if (!m_clusters.empty()) {
            m_clusters.clear();
            m_dirty |= DirtyMarkers;
        }
    } else if (m_clustersStale || m_clusterZoom != m_zoomLevel || !m_clusterRect.contains(view)) {
        queryClusters();
    }
    int inView = 0;
    for (const ClusterIndex::Cluster &cluster : m_clusters) {
        if (view.contains(cluster.position))
            inView += int(cluster.count);
    }
    if (inView != m_markersInView) {
        m_markersInView = inView;
        Q_EMIT markersInViewChanged();
    }
}

void MapView::queryClusters()
{
    QElapsedTimer timer;
    timer.start();
    const QRectF view = viewRect();
    // Half a view on every side: pans of up to half the item's size need no query.
    m_clusterRect =
        view.adjusted(-view.width() / 2, -view.height() / 2, view.width() / 2, view.height() / 2);
    m_clusterZoom = m_zoomLevel;
    m_clustersStale = false;
    m_clusters =
        m_markers->index().clusters(m_clusterRect, ClusterIndex::levelForZoom(m_zoomLevel));
    ClusterIndex::mergeNearby(m_clusters, ClusterMergeDistance / worldSize());
    m_dirty |= DirtyMarkers | DirtySelection;
    qCDebug(lcMap) << "Queried" << m_clusters.size() << "clusters in" << timer.nsecsElapsed() / 1000
                   << "microseconds";
}

// Renders label images on the GUI thread, where fonts are always usable. The render thread
// only turns them into textures.
void MapView::renderLabelImages()
{
    const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : qApp->devicePixelRatio();
    m_labelImages.clear();
    for (const PreparedArea &area : std::as_const(m_preparedAreas)) {
        if (!area.name.isEmpty() && !m_labelImages.contains(area.name))
            m_labelImages.insert(area.name, MapLabels::render(area.name, ratio));
    }
    m_labelImagesRatio = ratio;
    ++m_labelImagesGeneration;
    m_countGlyphs = MapLabels::renderCountGlyphs(ratio);
    ++m_countGlyphsGeneration;
}

double MapView::worldSize() const
{
    return Mercator::worldSize(m_zoomLevel);
}

QPointF MapView::mercatorAt(const QPointF &position) const
{
    return m_center + (position - itemCentre()) / worldSize();
}

QPointF MapView::fromCoordinate(const QGeoCoordinate &coordinate, bool clipToViewPort) const
{
    if (!coordinate.isValid())
        return invalidPoint();
    const QPointF position =
        (Mercator::project(coordinate) - m_center) * worldSize() + itemCentre();
    if (clipToViewPort && !QRectF(0, 0, width(), height()).contains(position))
        return invalidPoint();
    return position;
}

QGeoCoordinate MapView::toCoordinate(const QPointF &position, bool clipToViewPort) const
{
    if (clipToViewPort && !QRectF(0, 0, width(), height()).contains(position))
        return {};
    return Mercator::unproject(mercatorAt(position));
}

void MapView::fitViewportToGeoShape(const QGeoShape &shape, int margins)
{
    const QGeoRectangle rectangle = shape.boundingGeoRectangle();
    if (!rectangle.isValid()) {
        qCWarning(lcMap) << "Cannot fit the map to an invalid shape" << shape;
        return;
    }
    if (width() <= 0 || height() <= 0) {
        m_pendingFit = std::pair(rectangle, margins);
        return;
    }
    applyFit(rectangle, margins);
}

void MapView::applyFit(const QGeoRectangle &rectangle, int margins)
{
    const QPointF topLeft = Mercator::project(rectangle.topLeft());
    const QPointF bottomRight = Mercator::project(rectangle.bottomRight());
    double spanX = bottomRight.x() - topLeft.x();
    if (spanX < 0) // the rectangle crosses the antimeridian
        spanX += 1;
    const double spanY = bottomRight.y() - topLeft.y();

    const double availableWidth = std::max(width() - 2.0 * margins, 1.0);
    const double availableHeight = std::max(height() - 2.0 * margins, 1.0);
    double scale = std::numeric_limits<double>::infinity();
    if (spanX > 0)
        scale = availableWidth / spanX;
    if (spanY > 0)
        scale = std::min(scale, availableHeight / spanY);
    // A point has no extent, so it is shown at the highest zoom level.
    setZoomLevel(std::isinf(scale) ? m_maximumZoomLevel : std::log2(scale / Mercator::TileSize));
    setCenterMercator(QPointF(topLeft.x() + spanX / 2, topLeft.y() + spanY / 2));
}

void MapView::centerOnMarker(const QString &id)
{
    const std::optional<MapMarker> marker = m_markers ? m_markers->marker(id) : std::nullopt;
    if (!marker) {
        qCDebug(lcMap) << "No marker to centre on with id" << id;
        return;
    }
    setCenterMercator(Mercator::project(marker->latitude, marker->longitude));
}

void MapView::showMarker(const QString &id)
{
    const std::optional<MapMarker> marker = m_markers ? m_markers->marker(id) : std::nullopt;
    if (!marker) {
        qCDebug(lcMap) << "No marker to show with id" << id;
        return;
    }
    const QPointF position = Mercator::project(marker->latitude, marker->longitude);
    qreal zoom = std::max(m_zoomLevel, ShowMarkerZoomLimit);
    if (marker->accuracy > 0 && width() > 2 * AccuracyMargin && height() > 2 * AccuracyMargin) {
        // The circle's diameter in normalised units, then the zoom level that fits it.
        const double diameter = Mercator::fromMetres(2 * marker->accuracy, marker->latitude);
        const double pixels = std::min(width(), height()) - 2.0 * AccuracyMargin;
        zoom = std::log2(pixels / diameter / Mercator::TileSize);
    }
    setZoomLevel(std::min(zoom, ShowMarkerZoomLimit));
    setCenterMercator(position);
}

QString MapView::markerAt(const QPointF &position) const
{
    if (!m_markers)
        return {};
    const double scale = worldSize();
    double bestDistance = MarkerHitRadius * MarkerHitRadius;
    quint32 best = ClusterIndex::NoItem;
    for (const ClusterIndex::Cluster &cluster : m_clusters) {
        if (cluster.count != 1)
            continue;
        const QPointF offset = (cluster.position - m_center) * scale + itemCentre() - position;
        const double distance = QPointF::dotProduct(offset, offset);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = cluster.item;
        }
    }
    return best == ClusterIndex::NoItem ? QString() : m_markers->idOf(best);
}

const ClusterIndex::Cluster *MapView::clusterAt(const QPointF &position) const
{
    const double scale = worldSize();
    const ClusterIndex::Cluster *best = nullptr;
    double bestDistance = 0;
    for (const ClusterIndex::Cluster &cluster : m_clusters) {
        if (cluster.count < 2)
            continue;
        const QPointF offset = (cluster.position - m_center) * scale + itemCentre() - position;
        const double distance = std::hypot(offset.x(), offset.y());
        if (distance <= MapGeometry::clusterRadius(cluster.count) + 2 &&
            (!best || distance < bestDistance)) {
            best = &cluster;
            bestDistance = distance;
        }
    }
    return best;
}

QString MapView::markerAfter(const QString &id, int step) const
{
    if (!m_markers)
        return {};
    const QRectF view = viewRect();
    std::vector<const ClusterIndex::Cluster *> visible;
    for (const ClusterIndex::Cluster &cluster : m_clusters) {
        if (view.contains(cluster.position))
            visible.push_back(&cluster);
    }
    // Rows as high as a cluster's cell, then from the left.
    const double row = 64 / worldSize();
    std::sort(visible.begin(), visible.end(), [row](const auto *a, const auto *b) {
        const auto rowA = std::floor(a->position.y() / row);
        const auto rowB = std::floor(b->position.y() / row);
        if (rowA != rowB)
            return rowA < rowB;
        return a->position.x() < b->position.x();
    });
    QStringList ids;
    for (const ClusterIndex::Cluster *cluster : visible) {
        const std::size_t room = StepLimit - std::size_t(ids.size());
        if (room == 0)
            break;
        for (quint32 item : m_markers->index().items(*cluster, room))
            ids.append(m_markers->idOf(item));
    }
    if (ids.isEmpty())
        return {};
    const qsizetype at = ids.indexOf(id);
    if (at < 0)
        return step >= 0 ? ids.first() : ids.last();
    const qsizetype count = ids.size();
    return ids.at(((at + step) % count + count) % count);
}

void MapView::panBy(const QPointF &delta)
{
    setCenterMercator(m_center - delta / worldSize());
}

void MapView::zoomAround(const QPointF &position, qreal delta)
{
    const QPointF anchor = mercatorAt(position);
    setZoomLevel(m_zoomLevel + delta);
    setCenterMercator(anchor - (position - itemCentre()) / worldSize());
}

void MapView::handleClick(const QPointF &position)
{
    const QString id = markerAt(position);
    if (!id.isEmpty()) {
        Q_EMIT markerClicked(id);
        return;
    }
    if (const ClusterIndex::Cluster *cluster = clusterAt(position)) {
        clickCluster(*cluster);
        return;
    }
    Q_EMIT mapClicked(toCoordinate(position, false));
}

// Zooms to the cluster's points, or lists them when zooming cannot take them apart.
void MapView::clickCluster(const ClusterIndex::Cluster &cluster)
{
    const QRectF extent = m_markers ? m_markers->index().extent(cluster) : QRectF();
    if (!cluster.samePosition() && m_zoomLevel < m_maximumZoomLevel && extent.isValid()) {
        const QGeoRectangle rectangle(Mercator::unproject(extent.topLeft()),
                                      Mercator::unproject(extent.bottomRight()));
        fitViewportToGeoShape(rectangle, ClusterFitMargin);
        return;
    }
    QStringList ids;
    for (quint32 item : m_markers->index().items(cluster, ClusterListLimit))
        ids.append(m_markers->idOf(item));
    Q_EMIT clusterClicked(ids, Mercator::unproject(cluster.position));
}

void MapView::startFlick(const QPointF &velocity)
{
    m_flickVelocity = velocity;
    m_flickLastStep = m_clock.elapsed();
    m_flickTimer.start();
}

void MapView::stepFlick()
{
    const qint64 now = m_clock.elapsed();
    const double elapsed = double(now - m_flickLastStep);
    m_flickLastStep = now;
    panBy(m_flickVelocity * elapsed / 1000);
    m_flickVelocity *= std::exp(-elapsed / FlickDecay);
    if (std::hypot(m_flickVelocity.x(), m_flickVelocity.y()) < FlickStopSpeed)
        stopFlick();
}

void MapView::stopFlick()
{
    m_flickTimer.stop();
    m_flickVelocity = QPointF();
}

void MapView::setHighlightedArea(const QGeoRectangle &area)
{
    if (area == m_highlightedArea)
        return;
    m_highlightedArea = area;
    markChanged(DirtySelection);
    Q_EMIT highlightedAreaChanged();
}

void MapView::setDrawingArea(bool drawing)
{
    if (drawing == m_drawingArea)
        return;
    m_drawingArea = drawing;
    if (!drawing && m_areaDrag) {
        m_areaDrag.reset();
        markChanged(DirtySelection);
    }
    Q_EMIT drawingAreaChanged();
}

void MapView::finishArea()
{
    const auto [start, end] = *m_areaDrag;
    m_areaDrag.reset();
    markChanged(DirtySelection);
    const QRectF rect = QRectF(start, end).normalized();
    const QSizeF pixels = rect.size() * worldSize();
    setDrawingArea(false);
    if (pixels.width() < MinimumAreaSide || pixels.height() < MinimumAreaSide)
        return;
    Q_EMIT areaDrawn(QGeoRectangle(Mercator::unproject(rect.topLeft()),
                                   Mercator::unproject(rect.bottomRight())));
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    stopFlick();
    if (m_drawingArea || event->modifiers().testFlag(Qt::ShiftModifier)) {
        const QPointF corner = mercatorAt(event->position());
        m_areaDrag = std::pair(corner, corner);
        forceActiveFocus(Qt::MouseFocusReason);
        setKeepMouseGrab(true);
        event->accept();
        return;
    }
    m_pressPosition = event->position();
    m_lastDragPosition = m_pressPosition;
    m_dragging = false;
    m_dragTrail = {{m_clock.elapsed(), m_pressPosition}};
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    if (m_areaDrag) {
        m_areaDrag->second = mercatorAt(position);
        markChanged(DirtySelection);
        return;
    }
    if (!m_dragging) {
        const int threshold = QGuiApplication::styleHints()->startDragDistance();
        if ((position - m_pressPosition).manhattanLength() < threshold)
            return;
        m_dragging = true;
        setKeepMouseGrab(true);
    }
    panBy(position - m_lastDragPosition);
    m_lastDragPosition = position;
    const qint64 now = m_clock.elapsed();
    m_dragTrail.append({now, position});
    while (m_dragTrail.size() > 2 && now - m_dragTrail.first().first > FlickSampleWindow)
        m_dragTrail.removeFirst();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_areaDrag) {
        m_areaDrag->second = mercatorAt(event->position());
        setKeepMouseGrab(false);
        finishArea();
        return;
    }
    const bool wasDragging = m_dragging;
    m_dragging = false;
    setKeepMouseGrab(false);
    // The release that ends a double click is not a click of its own.
    if (m_ignoreNextRelease) {
        m_ignoreNextRelease = false;
        return;
    }
    if (!wasDragging) {
        handleClick(event->position());
        return;
    }
    // A drag released while still moving glides on. One held still before release does not.
    const qint64 now = m_clock.elapsed();
    if (m_dragTrail.size() >= 2 && now - m_dragTrail.last().first < FlickSampleWindow / 2) {
        const auto &[firstTime, firstPosition] = m_dragTrail.first();
        const double seconds = std::max<qint64>(now - firstTime, 1) / 1000.0;
        const QPointF velocity = (event->position() - firstPosition) / seconds;
        if (std::hypot(velocity.x(), velocity.y()) > FlickStartSpeed)
            startFlick(velocity);
    }
}

void MapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_ignoreNextRelease = true;
    zoomAround(event->position(), KeyZoomStep);
    event->accept();
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const qreal notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        event->ignore();
        return;
    }
    zoomAround(event->position(), notches * WheelZoomPerNotch);
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(QPointF(KeyPanStep, 0));
        break;
    case Qt::Key_Right:
        panBy(QPointF(-KeyPanStep, 0));
        break;
    case Qt::Key_Up:
        panBy(QPointF(0, KeyPanStep));
        break;
    case Qt::Key_Down:
        panBy(QPointF(0, -KeyPanStep));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_PageUp:
        zoomAround(itemCentre(), KeyZoomStep);
        break;
    case Qt::Key_Minus:
    case Qt::Key_PageDown:
        zoomAround(itemCentre(), -KeyZoomStep);
        break;
    case Qt::Key_Escape:
        if (!m_areaDrag && !m_drawingArea) {
            event->ignore();
            return;
        }
        setDrawingArea(false);
        break;
    case Qt::Key_BracketRight:
    case Qt::Key_BracketLeft: {
        const QString id = markerAfter(m_selectedId, event->key() == Qt::Key_BracketRight ? 1 : -1);
        if (!id.isEmpty())
            Q_EMIT markerStepped(id);
        break;
    }
    default:
        event->ignore();
        return;
    }
    event->accept();
}

void MapView::hoverMoveEvent(QHoverEvent *event)
{
    m_cursorCoordinate = toCoordinate(event->position(), false);
    Q_EMIT cursorCoordinateChanged();
}

void MapView::hoverLeaveEvent(QHoverEvent *)
{
    m_cursorCoordinate = QGeoCoordinate();
    Q_EMIT cursorCoordinateChanged();
}

// One finger pans and taps like the mouse, and two fingers pan and zoom around their midpoint.
// Fingers are followed by id, so a finger that stays after a pinch pans on from where it is.
void MapView::touchEvent(QTouchEvent *event)
{
    const QHash<int, QPointF> before = m_touches;
    if (event->type() == QEvent::TouchBegin) {
        stopFlick();
        m_touches.clear();
        m_touchMoved = false;
        if (!event->points().isEmpty())
            m_pressPosition = event->points().first().position();
        forceActiveFocus(Qt::OtherFocusReason);
    }
    QPointF lastReleased = m_pressPosition;
    for (const QEventPoint &point : event->points()) {
        if (point.state() == QEventPoint::Released) {
            m_touches.remove(point.id());
            lastReleased = point.position();
        } else {
            m_touches.insert(point.id(), point.position());
        }
    }
    if (event->type() == QEvent::TouchCancel)
        m_touches.clear();

    // Fingers that were down before this event and still are.
    QList<int> stillDown;
    for (auto it = m_touches.cbegin(); it != m_touches.cend(); ++it) {
        if (before.contains(it.key()))
            stillDown.append(it.key());
    }
    std::sort(stillDown.begin(), stillDown.end());

    if (m_touches.size() >= 2) {
        m_touchMoved = true; // two fingers never tap
        if (stillDown.size() >= 2) {
            const QPointF a0 = before.value(stillDown[0]), b0 = before.value(stillDown[1]);
            const QPointF a1 = m_touches.value(stillDown[0]), b1 = m_touches.value(stillDown[1]);
            const QPointF middle = (a1 + b1) / 2;
            panBy(middle - (a0 + b0) / 2);
            const double was = QLineF(a0, b0).length();
            const double is = QLineF(a1, b1).length();
            if (was > 0 && is > 0)
                zoomAround(middle, std::log2(is / was));
        }
    } else if (m_touches.size() == 1 && stillDown.size() == 1) {
        const QPointF now = m_touches.value(stillDown.first());
        if (m_touchMoved) {
            panBy(now - before.value(stillDown.first()));
        } else if ((now - m_pressPosition).manhattanLength() >=
                   QGuiApplication::styleHints()->startDragDistance()) {
            m_touchMoved = true;
            panBy(now - m_pressPosition);
        }
    } else if (m_touches.isEmpty() && event->type() == QEvent::TouchEnd && !m_touchMoved) {
        handleClick(lastReleased);
    }
    event->accept();
}

bool MapView::event(QEvent *event)
{
    // Touchpads pinch through native gestures; the value is the change of scale minus one.
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(gesture->position(), std::log2(1 + gesture->value()));
            return true;
        }
    }
    return QQuickItem::event(event);
}

void MapView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() == oldGeometry.size())
        return;

    markChanged(DirtyBackground);
    Q_EMIT visibleRegionChanged();
    if (m_pendingFit && width() > 0 && height() > 0) {
        const auto [rectangle, margins] = *m_pendingFit;
        m_pendingFit.reset();
        applyFit(rectangle, margins);
    }
}

void MapView::itemChange(ItemChange change, const ItemChangeData &value)
{
    QQuickItem::itemChange(change, value);
    switch (change) {
    case ItemSceneChange:
        connectWindow(value.window);
        if (value.window && value.window->effectiveDevicePixelRatio() != m_labelImagesRatio)
            renderLabelImages();
        markChanged(DirtyAll);
        break;
    case ItemDevicePixelRatioHasChanged:
        renderLabelImages();
        markChanged(DirtyLabels);
        break;
    case ItemVisibleHasChanged:
        if (value.boolValue && m_pendingWork)
            update();
        break;
    default:
        break;
    }
}

} // namespace CivicDesk
