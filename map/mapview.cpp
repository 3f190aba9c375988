#include "map/mapview.h"

#include "map/maplabels.h"
#include "map/maplogging.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QStyleHints>

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
    setActiveFocusOnTab(true);
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
    m_markerPositions.clear();
    if (m_markers) {
        const QList<MapMarker> &markers = m_markers->markers();
        m_markerPositions.reserve(markers.size());
        for (const MapMarker &marker : markers)
            m_markerPositions.append(Mercator::project(marker.latitude, marker.longitude));
    }
    markChanged(DirtyMarkers | DirtySelection);
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
    const int index = m_markers ? m_markers->indexOf(id) : -1;
    if (index < 0 || index >= m_markerPositions.size()) {
        qCDebug(lcMap) << "No marker to centre on with id" << id;
        return;
    }
    setCenterMercator(m_markerPositions.at(index));
}

QString MapView::markerAt(const QPointF &position) const
{
    if (!m_markers)
        return {};
    const double scale = worldSize();
    const QPointF origin = itemCentre() - position;
    double bestDistance = MarkerHitRadius * MarkerHitRadius;
    qsizetype best = -1;
    for (qsizetype i = 0; i < m_markerPositions.size(); ++i) {
        const QPointF offset = (m_markerPositions.at(i) - m_center) * scale + origin;
        const double distance = QPointF::dotProduct(offset, offset);
        // Later markers are drawn on top, so they win ties.
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best < 0 ? QString() : m_markers->markers().at(best).id;
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
    if (!id.isEmpty())
        Q_EMIT markerClicked(id);
    else
        Q_EMIT mapClicked(toCoordinate(position, false));
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->position();
    m_lastDragPosition = m_pressPosition;
    m_dragging = false;
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    if (!m_dragging) {
        const int threshold = QGuiApplication::styleHints()->startDragDistance();
        if ((position - m_pressPosition).manhattanLength() < threshold)
            return;
        m_dragging = true;
        setKeepMouseGrab(true);
    }
    panBy(position - m_lastDragPosition);
    m_lastDragPosition = position;
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool wasDragging = m_dragging;
    m_dragging = false;
    setKeepMouseGrab(false);
    // The release that ends a double click is not a click of its own.
    if (m_ignoreNextRelease) {
        m_ignoreNextRelease = false;
        return;
    }
    if (!wasDragging)
        handleClick(event->position());
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
    default:
        event->ignore();
        return;
    }
    event->accept();
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
