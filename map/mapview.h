#pragma once

#include "map/clusterindex.h"
#include "map/maparealayer.h"
#include "map/mapareaset.h"
#include "map/mapgeometry.h"
#include "map/maplabels.h"
#include "map/mapmarkerset.h"

#include <atomic>
#include <optional>
#include <QColor>
#include <QElapsedTimer>
#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QGeoShape>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QQuickItem>
#include <QTimer>

namespace CivicDesk {

class MapSceneNode;
struct PlacedLabel;

// A map drawn in the Qt Quick scene graph in Web Mercator: an areas layer and a clustered
// markers layer over a plain background (a tile layer may be placed under it). The QML
// interface follows Qt Location's Map (center, zoomLevel, fromCoordinate, toCoordinate,
// fitViewportToGeoShape, visibleRegion), so that a build on Qt 6.5 or later can offer Qt
// Location's Map in its place. Drag pans and a flick glides on, the wheel and a pinch zoom
// around the cursor, a double click zooms in. With active focus the arrow keys pan, +, =, -,
// Page Up and Page Down zoom, and ] and [ step through the markers in view.
class MapView : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT

    // Coordinate shown at the centre of the item.
    Q_PROPERTY(QGeoCoordinate center READ center WRITE setCenter NOTIFY centerChanged)
    // Fractional zoom level: the world is 256 * 2^zoomLevel pixels wide.
    Q_PROPERTY(qreal zoomLevel READ zoomLevel WRITE setZoomLevel NOTIFY zoomLevelChanged)
    // Lowest zoom level that zoomLevel accepts, 5 by default.
    Q_PROPERTY(qreal minimumZoomLevel READ minimumZoomLevel WRITE setMinimumZoomLevel NOTIFY
                   minimumZoomLevelChanged)
    // Highest zoom level that zoomLevel accepts, 19 by default.
    Q_PROPERTY(qreal maximumZoomLevel READ maximumZoomLevel WRITE setMaximumZoomLevel NOTIFY
                   maximumZoomLevelChanged)
    // Rectangle of coordinates that the item shows.
    Q_PROPERTY(QGeoShape visibleRegion READ visibleRegion NOTIFY visibleRegionChanged)
    // Background colour where no layer draws.
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    // Colour of area outlines.
    Q_PROPERTY(QColor areaOutlineColor READ areaOutlineColor WRITE setAreaOutlineColor NOTIFY
                   areaOutlineColorChanged)
    // Colour of area fills, normally almost transparent.
    Q_PROPERTY(
        QColor areaFillColor READ areaFillColor WRITE setAreaFillColor NOTIFY areaFillColorChanged)
    // Areas layer, or null for none.
    Q_PROPERTY(CivicDesk::MapAreaSet *areas READ areas WRITE setAreas NOTIFY areasChanged)
    // Whether the areas layer draws the names of its areas. True by default.
    Q_PROPERTY(bool areaLabelsVisible READ areaLabelsVisible WRITE setAreaLabelsVisible NOTIFY
                   areaLabelsVisibleChanged)
    // Markers layer, or null for none.
    Q_PROPERTY(CivicDesk::MapMarkerSet *markers READ markers WRITE setMarkers NOTIFY markersChanged)
    // Id of the marker drawn larger and ringed, or empty for none.
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectedIdChanged)
    // Rectangle drawn as a translucent frame, such as a filter drawn earlier. Invalid for none.
    Q_PROPERTY(QGeoRectangle highlightedArea READ highlightedArea WRITE setHighlightedArea NOTIFY
                   highlightedAreaChanged)
    // Whether the next drag draws a rectangle instead of panning. A drag with Shift held always
    // draws. The property turns false when the rectangle is drawn.
    Q_PROPERTY(bool drawingArea READ drawingArea WRITE setDrawingArea NOTIFY drawingAreaChanged)
    // Coordinate under the mouse pointer, invalid while the pointer is outside the item.
    Q_PROPERTY(QGeoCoordinate cursorCoordinate READ cursorCoordinate NOTIFY cursorCoordinateChanged)
    // Number of markers drawn, as single markers or within clusters, in the item's rectangle.
    Q_PROPERTY(int markersInView READ markersInView NOTIFY markersInViewChanged)
    // Whether a change has not reached the screen yet. It turns false after the frame that
    // draws every change has been swapped, and stays true while the item is not shown.
    Q_PROPERTY(bool pendingWork READ pendingWork NOTIFY pendingWorkChanged)

public:
    explicit MapView(QQuickItem *parent = nullptr);
    ~MapView() override;

    QGeoCoordinate center() const;
    void setCenter(const QGeoCoordinate &center);
    qreal zoomLevel() const { return m_zoomLevel; }
    void setZoomLevel(qreal zoomLevel);
    qreal minimumZoomLevel() const { return m_minimumZoomLevel; }
    void setMinimumZoomLevel(qreal zoomLevel);
    qreal maximumZoomLevel() const { return m_maximumZoomLevel; }
    void setMaximumZoomLevel(qreal zoomLevel);
    QGeoShape visibleRegion() const;
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QColor areaOutlineColor() const { return m_areaOutlineColor; }
    void setAreaOutlineColor(const QColor &color);
    QColor areaFillColor() const { return m_areaFillColor; }
    void setAreaFillColor(const QColor &color);
    MapAreaSet *areas() const { return m_areas; }
    void setAreas(MapAreaSet *areas);
    bool areaLabelsVisible() const { return m_areaLabelsVisible; }
    void setAreaLabelsVisible(bool visible);
    MapMarkerSet *markers() const { return m_markers; }
    void setMarkers(MapMarkerSet *markers);
    QString selectedId() const { return m_selectedId; }
    void setSelectedId(const QString &id);
    bool pendingWork() const { return m_pendingWork; }
    QGeoCoordinate cursorCoordinate() const { return m_cursorCoordinate; }
    QGeoRectangle highlightedArea() const { return m_highlightedArea; }
    void setHighlightedArea(const QGeoRectangle &area);
    bool drawingArea() const { return m_drawingArea; }
    void setDrawingArea(bool drawing);
    int markersInView() const { return m_markersInView; }
    // Clusters and single markers of the current view and its surroundings.
    const std::vector<ClusterIndex::Cluster> &clusters() const { return m_clusters; }

    // Returns the item position of a coordinate. With clipToViewPort, a coordinate outside the
    // item gives a point whose coordinates are NaN, as in Qt Location.
    Q_INVOKABLE QPointF fromCoordinate(const QGeoCoordinate &coordinate,
                                       bool clipToViewPort = true) const;
    // Returns the coordinate at an item position. With clipToViewPort, a position outside the
    // item gives an invalid coordinate.
    Q_INVOKABLE QGeoCoordinate toCoordinate(const QPointF &position,
                                            bool clipToViewPort = true) const;
    // Sets center and zoomLevel so that the shape's bounding rectangle fills the item less a
    // margin in pixels on each side. Before the item has a size, the fit waits for one.
    Q_INVOKABLE void fitViewportToGeoShape(const QGeoShape &shape, int margins = 10);
    // Pans to the marker with that id, keeping the zoom level.
    Q_INVOKABLE void centerOnMarker(const QString &id);
    // Shows the marker with that id and its circle of accuracy, zooming in no further than
    // level 17. A marker without a known accuracy is shown at level 17, or at the current zoom
    // level when the view is closer already.
    Q_INVOKABLE void showMarker(const QString &id);
    // Returns the id of the single marker nearest to an item position within 8 pixels, or "".
    // Markers inside a cluster are not single.
    Q_INVOKABLE QString markerAt(const QPointF &position) const;
    // Returns the id of the marker in view that comes step places after the one with id, in
    // reading order: rows from the top, then from the left. The order wraps around, and an id
    // that is not in view starts from the first. Returns "" when no marker is in view.
    Q_INVOKABLE QString markerAfter(const QString &id, int step = 1) const;

Q_SIGNALS:
    void centerChanged(const QGeoCoordinate &coordinate);
    void zoomLevelChanged(qreal zoomLevel);
    void minimumZoomLevelChanged();
    void maximumZoomLevelChanged();
    void visibleRegionChanged();
    void colorChanged();
    void areaOutlineColorChanged();
    void areaFillColorChanged();
    void areasChanged();
    void areaLabelsVisibleChanged();
    void markersChanged();
    void selectedIdChanged();
    void pendingWorkChanged();
    // A click within 8 pixels of a marker. It changes nothing, selectedId included.
    void markerClicked(const QString &id);
    // A click away from every marker, at that coordinate.
    void mapClicked(const QGeoCoordinate &coordinate);
    // A click on a cluster whose markers share one position, or that cannot be zoomed further
    // apart: the ids of its markers, at most 500, and its position.
    void clusterClicked(const QStringList &ids, const QGeoCoordinate &coordinate);
    // The user asked to step to another marker in view with ] or [. It changes nothing.
    void markerStepped(const QString &id);
    void cursorCoordinateChanged();
    void highlightedAreaChanged();
    void drawingAreaChanged();
    // A rectangle drawn by dragging, at least 6 pixels wide and high.
    void areaDrawn(const QGeoRectangle &area);
    void markersInViewChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *data) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void touchEvent(QTouchEvent *event) override;
    bool event(QEvent *event) override;
    void updatePolish() override;

private:
    // Parts of the scene to rebuild at the next sync. Pans only move a transform.
    enum Dirty : unsigned
    {
        DirtyNone = 0,
        DirtyBackground = 1,
        DirtyAreas = 2,
        DirtyLabels = 4,
        DirtyMarkers = 8,
        DirtySelection = 16,
        DirtyAll = 31,
    };

    // The view that the scene's geometry was built for.
    struct BuiltView
    {
        bool valid = false;
        QPointF origin; // normalised Mercator position at the item's centre
        qreal zoomLevel = 0;
        QSizeF size;
    };

    void markChanged(unsigned dirty);
    void setPendingWork(bool pending);
    void checkFrameSwapped();
    void connectWindow(QQuickWindow *window);
    void setCenterMercator(QPointF position);
    QPointF mercatorAt(const QPointF &position) const;
    QPointF itemCentre() const { return QPointF(width() / 2, height() / 2); }
    double worldSize() const;
    void panBy(const QPointF &delta);
    void zoomAround(const QPointF &position, qreal delta);
    void applyFit(const QGeoRectangle &rectangle, int margins);
    void handleClick(const QPointF &position);
    void clickCluster(const ClusterIndex::Cluster &cluster);
    void finishArea();
    const ClusterIndex::Cluster *clusterAt(const QPointF &position) const;
    QRectF viewRect() const;
    void queryClusters();
    void startFlick(const QPointF &velocity);
    void stepFlick();
    void stopFlick();
    void onAreasChanged();
    void onMarkersChanged();
    void renderLabelImages();
    bool needsFullRebuild() const;
    void rebuildScene(MapSceneNode *scene, unsigned dirty);
    QList<PlacedLabel> placeLabels(const MapGeometry::ScreenTransform &transform) const;
    void rebuildSelection(MapSceneNode *scene, const MapGeometry::ScreenTransform &transform);

    QPointF m_center;
    qreal m_zoomLevel = 12;
    qreal m_minimumZoomLevel = 5;
    qreal m_maximumZoomLevel = 19;
    QColor m_color;
    QColor m_areaOutlineColor;
    QColor m_areaFillColor;
    QPointer<MapAreaSet> m_areas;
    QPointer<MapMarkerSet> m_markers;
    bool m_areaLabelsVisible = true;
    QString m_selectedId;

    QList<PreparedArea> m_preparedAreas;
    // Clusters of the query rectangle, a margin around the view so that pans need no query.
    std::vector<ClusterIndex::Cluster> m_clusters;
    QRectF m_clusterRect;
    qreal m_clusterZoom = -1;
    bool m_clustersStale = true;
    int m_markersInView = 0;
    MapLabels::CountGlyphs m_countGlyphs;
    int m_countGlyphsGeneration = 0;
    QGeoCoordinate m_cursorCoordinate;
    QHash<QString, QImage> m_labelImages;
    int m_labelImagesGeneration = 0;
    qreal m_labelImagesRatio = 0;
    std::optional<std::pair<QGeoRectangle, int>> m_pendingFit;

    QPointF m_pressPosition;
    QPointF m_lastDragPosition;
    bool m_dragging = false;
    bool m_ignoreNextRelease = false;
    // Recent drag positions with their times in milliseconds, for the flick's speed.
    QList<std::pair<qint64, QPointF>> m_dragTrail;
    QElapsedTimer m_clock;
    QTimer m_flickTimer;
    QPointF m_flickVelocity; // pixels per second
    qint64 m_flickLastStep = 0;
    // Corners of the rectangle being drawn, normalised Mercator.
    std::optional<std::pair<QPointF, QPointF>> m_areaDrag;
    QGeoRectangle m_highlightedArea;
    bool m_drawingArea = false;
    // Positions of the fingers on the item by touch point id, and whether the fingers of the
    // current touch have moved or pinched, so that lifting them is no tap.
    QHash<int, QPointF> m_touches;
    bool m_touchMoved = false;

    unsigned m_dirty = DirtyAll;
    BuiltView m_built;
    bool m_pendingWork = true;
    QMetaObject::Connection m_frameSwappedConnection;
    // Generations count changes on the GUI thread. The render thread records the one it
    // synced and, at the following swap, the one that frame drew.
    quint64 m_changeGeneration = 1;
    std::atomic<quint64> m_syncedGeneration{0};
    std::atomic<quint64> m_swappedGeneration{0};
};

} // namespace CivicDesk
