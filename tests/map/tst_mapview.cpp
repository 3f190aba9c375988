#include "map/mapareaset.h"
#include "map/mapgeometry.h"
#include "map/mapmarkerset.h"
#include "map/mapview.h"
#include "map/mercator.h"
#include "mapwindow.h"

#include <cmath>
#include <memory>
#include <QGeoRectangle>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)

using namespace CivicDesk;
using namespace CivicDesk::Test;

namespace {

// The first frames under Xvfb with Mesa's software OpenGL take a while on a loaded machine.
constexpr int FrameTimeout = 15000; // milliseconds

const QColor Red(0xd3, 0x2f, 0x2f);
const QColor Blue(0x19, 0x76, 0xd2);
const QString RedId = QStringLiteral("report-red");
const QString BlueId = QStringLiteral("report-blue");
const QGeoCoordinate RedPosition(16.4665, 107.563);
const QGeoCoordinate BluePosition(16.4575, 107.5865);
// On the bottom edge of the L-shaped area, inside its bottom arm, and in the hole of the other.
const QGeoCoordinate OutlinePoint(16.455, 107.5675);
const QGeoCoordinate FillPoint(16.458, 107.571);
const QGeoCoordinate HolePoint(16.4625, 107.5865);

Ring ringOf(const QList<std::pair<double, double>> &longitudeLatitude)
{
    Ring ring;
    for (const auto &[longitude, latitude] : longitudeLatitude)
        ring.append(QPointF(longitude, latitude));
    ring.append(ring.first());
    return ring;
}

// Two wards near the centre of Hue: an L-shaped one (concave) and one with a hole.
QList<MapArea> testAreas()
{
    const Ring lShape = ringOf({{107.560, 16.455},
                                {107.575, 16.455},
                                {107.575, 16.461},
                                {107.566, 16.461},
                                {107.566, 16.470},
                                {107.560, 16.470}});
    const Ring outer =
        ringOf({{107.578, 16.455}, {107.595, 16.455}, {107.595, 16.470}, {107.578, 16.470}});
    const Ring hole =
        ringOf({{107.583, 16.460}, {107.590, 16.460}, {107.590, 16.465}, {107.583, 16.465}});
    return {MapArea{QStringLiteral("W1"), QStringLiteral("Phường Phú Xuân"), {{lShape}}},
            MapArea{QStringLiteral("W2"), QStringLiteral("Phường Thuận Hóa"), {{outer, hole}}}};
}

MapMarker makeMarker(const QString &id, const QGeoCoordinate &position, const QColor &color)
{
    return MapMarker{id, position.latitude(), position.longitude(), color};
}

QList<MapMarker> testMarkers()
{
    return {makeMarker(RedId, RedPosition, Red), makeMarker(BlueId, BluePosition, Blue),
            makeMarker(QStringLiteral("green"), QGeoCoordinate(16.468, 107.5615),
                       QColor(0x38, 0x8e, 0x3c)),
            makeMarker(QStringLiteral("orange"), QGeoCoordinate(16.4565, 107.580),
                       QColor(0xf5, 0x7c, 0x00)),
            makeMarker(QStringLiteral("purple"), QGeoCoordinate(16.466, 107.5925),
                       QColor(0x7b, 0x1f, 0xa2))};
}

const QByteArray WindowQml = R"(
import QtQuick
import CivicDesk.Map

Window {
    width: 960
    height: 600
    visible: true

    MapView {
        id: map
        objectName: "map"
        anchors.fill: parent
        focus: true
    }
    MapScaleBar {
        map: map
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 8
    }
    MapAttribution {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
}
)";

double degreesBetween(const QGeoCoordinate &a, const QGeoCoordinate &b)
{
    return std::max(std::abs(a.latitude() - b.latitude()), std::abs(a.longitude() - b.longitude()));
}

// Saves a grabbed frame into the folder named by CIVICDESK_MAP_GRAB_DIR, when it is set, so that
// a person can look at what the pixel checks saw.
void saveForReview(const QImage &image, const QString &fileName)
{
    const QString folder = qEnvironmentVariable("CIVICDESK_MAP_GRAB_DIR");
    if (!folder.isEmpty())
        QVERIFY(image.save(folder + QLatin1Char('/') + fileName));
}

void sendWheel(QQuickWindow *window, const QPointF &position, int angleDelta)
{
    QWheelEvent event(position, window->mapToGlobal(position), QPoint(), QPoint(0, angleDelta),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QGuiApplication::sendEvent(window, &event);
}

} // namespace

class MapViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = Test::loadMapWindow(*m_engine, WindowQml,
                                       QStringLiteral("qrc:/tst_mapview/window.qml"));
        QVERIFY(m_window);
        m_map = m_window->findChild<MapView *>(QStringLiteral("map"));
        QVERIFY(m_map);

        m_areas.setAreas(testAreas());
        m_markers.setMarkers(testMarkers());
        m_map->setAreas(&m_areas);
        m_map->setMarkers(&m_markers);
        m_map->setZoomLevel(15);
        m_map->setCenter(QGeoCoordinate(16.4625, 107.5775));
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        m_engine.reset();
        m_window = nullptr;
        m_map = nullptr;
    }

    void projectionRoundTrip_data()
    {
        QTest::addColumn<QPointF>("position");
        QTest::newRow("top left") << QPointF(0, 0);
        QTest::newRow("centre") << QPointF(480, 300);
        QTest::newRow("bottom right") << QPointF(960, 600);
        QTest::newRow("fractional") << QPointF(123.25, 456.75);
    }

    void projectionRoundTrip()
    {
        QFETCH(QPointF, position);
        const QGeoCoordinate coordinate = m_map->toCoordinate(position);
        QVERIFY(coordinate.isValid());
        const QPointF back = m_map->fromCoordinate(coordinate);
        QVERIFY2(QLineF(back, position).length() < 1e-6, qPrintable(QString::number(back.x())));
    }

    void projectionKnownValuesAtZoomZero()
    {
        MapView map;
        map.setSize(QSizeF(256, 256));
        map.setMinimumZoomLevel(0);
        map.setZoomLevel(0);
        map.setCenter(QGeoCoordinate(0, 0));

        QCOMPARE(map.fromCoordinate(QGeoCoordinate(0, 0)), QPointF(128, 128));
        QCOMPARE(map.fromCoordinate(QGeoCoordinate(0, 180)), QPointF(256, 128));
        QCOMPARE(map.fromCoordinate(QGeoCoordinate(0, -180)), QPointF(0, 128));
        QVERIFY(std::abs(map.fromCoordinate(QGeoCoordinate(85.0511287798, 0)).y()) < 1e-6);
        QCOMPARE(map.toCoordinate(QPointF(256, 128)).longitude(), 180.0);
        QCOMPARE(map.toCoordinate(QPointF(128, 128)), QGeoCoordinate(0, 0));
    }

    void projectionClipsToViewport()
    {
        MapView map;
        map.setSize(QSizeF(256, 256));
        map.setMinimumZoomLevel(0);
        map.setZoomLevel(1);
        map.setCenter(QGeoCoordinate(0, 0));

        const QPointF clipped = map.fromCoordinate(QGeoCoordinate(0, 180));
        QVERIFY(std::isnan(clipped.x()));
        QVERIFY(std::isnan(clipped.y()));
        QCOMPARE(map.fromCoordinate(QGeoCoordinate(0, 180), false), QPointF(384, 128));
        QVERIFY(!map.toCoordinate(QPointF(300, 10)).isValid());
        QVERIFY(map.toCoordinate(QPointF(300, 10), false).isValid());
    }

    void zoomLevelStaysWithinLimits()
    {
        QCOMPARE(m_map->minimumZoomLevel(), 5.0);
        QCOMPARE(m_map->maximumZoomLevel(), 19.0);
        m_map->setZoomLevel(25);
        QCOMPARE(m_map->zoomLevel(), 19.0);
        m_map->setZoomLevel(2);
        QCOMPARE(m_map->zoomLevel(), 5.0);
        m_map->setZoomLevel(13.37);
        QCOMPARE(m_map->zoomLevel(), 13.37);
        m_map->setMaximumZoomLevel(12);
        QCOMPARE(m_map->zoomLevel(), 12.0);
    }

    void wheelZoomKeepsCoordinateUnderCursor()
    {
        const QPointF cursor(700, 200);
        const QGeoCoordinate before = m_map->toCoordinate(cursor);
        sendWheel(m_window, cursor, 120);
        QCOMPARE(m_map->zoomLevel(), 15.5);
        QVERIFY(degreesBetween(m_map->toCoordinate(cursor), before) < 1e-9);

        sendWheel(m_window, cursor, -60);
        QCOMPARE(m_map->zoomLevel(), 15.25);
        QVERIFY(degreesBetween(m_map->toCoordinate(cursor), before) < 1e-9);
    }

    void doubleClickZoomsInAroundCursor()
    {
        const QPoint cursor(250, 420);
        const QGeoCoordinate before = m_map->toCoordinate(cursor);
        QTest::mouseDClick(m_window, Qt::LeftButton, Qt::NoModifier, cursor);
        QCOMPARE(m_map->zoomLevel(), 16.0);
        QVERIFY(degreesBetween(m_map->toCoordinate(cursor), before) < 1e-9);
    }

    void dragPansTheMap()
    {
        QSignalSpy mapClicked(m_map, &MapView::mapClicked);
        const QPoint start(400, 300);
        const QPoint end(500, 350);
        const QGeoCoordinate grabbed = m_map->toCoordinate(start);
        QTest::mousePress(m_window, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(m_window, start + (end - start) * step / 10);
        QTest::mouseRelease(m_window, Qt::LeftButton, Qt::NoModifier, end);

        QVERIFY(QLineF(m_map->fromCoordinate(grabbed), end).length() < 1e-6);
        QCOMPARE(mapClicked.count(), 0);
    }

    void drawsMarkersAndAreas()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        const QImage image = m_window->grabWindow();
        saveForReview(image, QStringLiteral("markers-and-areas.png"));

        QCOMPARE_LE(channelDistance(pixelAt(image, m_map->fromCoordinate(RedPosition)), Red), 2);
        QCOMPARE_LE(channelDistance(pixelAt(image, m_map->fromCoordinate(BluePosition)), Blue), 2);

        const QColor background = m_map->color();
        const QColor hole = pixelAt(image, m_map->fromCoordinate(HolePoint));
        QCOMPARE_LE(channelDistance(hole, background), 2);
        const QColor fill = pixelAt(image, m_map->fromCoordinate(FillPoint));
        QCOMPARE_GT(channelDistance(fill, background), 5);
        QCOMPARE_LT(fill.lightness(), background.lightness());

        // The 1.5-pixel line covers at least three quarters of the pixel nearest to its centre.
        const QPointF edge = m_map->fromCoordinate(OutlinePoint);
        const QColor outline = m_map->areaOutlineColor();
        int nearest = 255;
        for (int dy = -1; dy <= 1; ++dy)
            nearest =
                std::min(nearest, channelDistance(pixelAt(image, edge + QPointF(0, dy)), outline));
        QCOMPARE_LE(nearest, channelDistance(background, outline) / 3);
    }

    void selectedMarkerDrawnLargerWithRing()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        const QPointF red = m_map->fromCoordinate(RedPosition);
        const QImage before = m_window->grabWindow();
        QCOMPARE_GT(channelDistance(pixelAt(before, red + QPointF(5.5, 0)), Red), 30);

        m_map->setSelectedId(RedId);
        QVERIFY(m_map->pendingWork());
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        const QImage after = m_window->grabWindow();
        saveForReview(after, QStringLiteral("selected-marker.png"));
        QCOMPARE_LE(channelDistance(pixelAt(after, red + QPointF(5, 0)), Red), 2);
        QCOMPARE_LE(channelDistance(pixelAt(after, red + QPointF(9, 0)), Qt::white), 8);
        QCOMPARE_LT(pixelAt(after, red + QPointF(11, 0)).lightness(), 100);
    }

    void pendingWorkClearsAfterFrameSwapped()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QSignalSpy swapped(m_window, &QQuickWindow::frameSwapped);
        QSignalSpy pending(m_map, &MapView::pendingWorkChanged);
        m_map->setCenter(QGeoCoordinate(16.46, 107.58));
        QVERIFY(m_map->pendingWork());
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QCOMPARE_GE(swapped.count(), 1);
        QCOMPARE(pending.count(), 2);
    }

    void itemMadeInCppReportsDrawnFrame()
    {
        auto *map = new MapView(m_window->contentItem());
        map->setSize(QSizeF(200, 200));
        map->setMarkers(&m_markers);
        QVERIFY(map->pendingWork());
        QTRY_VERIFY_WITH_TIMEOUT(!map->pendingWork(), FrameTimeout);
    }

    void clickOnMarkerEmitsItsId()
    {
        QSignalSpy markerClicked(m_map, &MapView::markerClicked);
        QSignalSpy mapClicked(m_map, &MapView::mapClicked);
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier,
                          m_map->fromCoordinate(RedPosition).toPoint());
        QCOMPARE(markerClicked.count(), 1);
        QCOMPARE(markerClicked.first().first().toString(), RedId);

        // Within the hit radius of 8 pixels, but not on the marker's pixels.
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier,
                          m_map->fromCoordinate(BluePosition).toPoint() + QPoint(6, 3));
        QCOMPARE(markerClicked.count(), 2);
        QCOMPARE(markerClicked.last().first().toString(), BlueId);
        QCOMPARE(mapClicked.count(), 0);
        QVERIFY(m_map->selectedId().isEmpty());
    }

    void clickOnEmptyMapEmitsCoordinate()
    {
        QSignalSpy markerClicked(m_map, &MapView::markerClicked);
        QSignalSpy mapClicked(m_map, &MapView::mapClicked);
        const QPoint position(100, 100);
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, position);
        QCOMPARE(mapClicked.count(), 1);
        const auto clicked = mapClicked.first().first().value<QGeoCoordinate>();
        QVERIFY(degreesBetween(clicked, m_map->toCoordinate(position)) < 1e-9);
        QCOMPARE(markerClicked.count(), 0);
    }

    void keyboardZoomsAndPans()
    {
        m_map->forceActiveFocus();
        QVERIFY(m_map->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Plus);
        QCOMPARE(m_map->zoomLevel(), 16.0);
        QTest::keyClick(m_window, Qt::Key_Minus);
        QCOMPARE(m_map->zoomLevel(), 15.0);
        QTest::keyClick(m_window, Qt::Key_Equal);
        QCOMPARE(m_map->zoomLevel(), 16.0);
        QTest::keyClick(m_window, Qt::Key_PageDown);
        QCOMPARE(m_map->zoomLevel(), 15.0);

        const QGeoCoordinate before = m_map->center();
        QTest::keyClick(m_window, Qt::Key_Left);
        QVERIFY(m_map->center().longitude() < before.longitude());
        QTest::keyClick(m_window, Qt::Key_Up);
        QVERIFY(m_map->center().latitude() > before.latitude());
    }

    void centerOnMarkerPans()
    {
        m_map->centerOnMarker(BlueId);
        QVERIFY(QLineF(m_map->fromCoordinate(BluePosition), QPointF(480, 300)).length() < 1e-6);
        QCOMPARE(m_map->zoomLevel(), 15.0);
        m_map->centerOnMarker(QStringLiteral("no such marker"));
        QVERIFY(QLineF(m_map->fromCoordinate(BluePosition), QPointF(480, 300)).length() < 1e-6);
    }

    void fitViewportShowsShape()
    {
        const QGeoRectangle bounds = m_areas.boundingRectangle();
        m_map->fitViewportToGeoShape(bounds, 40);
        const QPointF topLeft = m_map->fromCoordinate(bounds.topLeft());
        const QPointF bottomRight = m_map->fromCoordinate(bounds.bottomRight());
        QVERIFY(topLeft.x() >= 40 - 1e-6 && topLeft.y() >= 40 - 1e-6);
        QVERIFY(bottomRight.x() <= 920 + 1e-6 && bottomRight.y() <= 560 + 1e-6);
        // One side of the shape touches its margins.
        const bool fillsWidth = std::abs(bottomRight.x() - topLeft.x() - 880) < 1e-6;
        const bool fillsHeight = std::abs(bottomRight.y() - topLeft.y() - 520) < 1e-6;
        QVERIFY(fillsWidth || fillsHeight);
    }

    void visibleRegionMatchesCorners()
    {
        QSignalSpy changed(m_map, &MapView::visibleRegionChanged);
        m_map->setZoomLevel(14);
        QCOMPARE_GE(changed.count(), 1);
        const QGeoRectangle region(m_map->visibleRegion());
        QVERIFY(degreesBetween(region.topLeft(), m_map->toCoordinate(QPointF(0, 0))) < 1e-9);
        QVERIFY(degreesBetween(region.bottomRight(), m_map->toCoordinate(QPointF(960, 600))) <
                1e-9);
        QVERIFY(region.contains(m_map->center()));
    }

    void clustersDrawnWithCounts()
    {
        // At zoom 12 the five markers lie within about 50 pixels: one or two clusters.
        m_map->setZoomLevel(12);
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QCOMPARE(m_map->markersInView(), 5);
        quint32 total = 0;
        const ClusterIndex::Cluster *largest = nullptr;
        for (const ClusterIndex::Cluster &cluster : m_map->clusters()) {
            total += cluster.count;
            if (!largest || cluster.count > largest->count)
                largest = &cluster;
        }
        QCOMPARE(total, 5u);
        QVERIFY(largest && largest->count >= 2);

        const QImage image = m_window->grabWindow();
        saveForReview(image, QStringLiteral("clusters.png"));
        const QPointF centre = m_map->fromCoordinate(Mercator::unproject(largest->position), false);
        // The count's dark glyphs sit on the white face, inside a coloured ring.
        int darkest = 255;
        for (int dx = -4; dx <= 4; ++dx)
            darkest = std::min(darkest, pixelAt(image, centre + QPointF(dx, 0)).lightness());
        QCOMPARE_LT(darkest, 120);
        const double radius = MapGeometry::clusterRadius(largest->count);
        QCOMPARE_GT(pixelAt(image, centre + QPointF(0, -radius + 6)).lightness(), 235);
        QCOMPARE_GT(pixelAt(image, centre + QPointF(0, -radius + 2)).saturation(), 80);
    }

    void noMarkerForInvalidPositions()
    {
        QTest::ignoreMessage(QtWarningMsg, "Skipped 2 markers with a position outside WGS84 range");
        QList<MapMarker> markers = testMarkers();
        markers.append(MapMarker{QStringLiteral("nowhere"), qQNaN(), qQNaN(), Red});
        markers.append(MapMarker{QStringLiteral("far"), 200, 0, Red});
        m_markers.setMarkers(markers);
        m_map->setCenter(QGeoCoordinate(0, 0));
        m_map->setZoomLevel(6);
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QCOMPARE(m_map->markersInView(), 0);
        const QImage image = m_window->grabWindow();
        QCOMPARE_LE(channelDistance(pixelAt(image, m_map->fromCoordinate(QGeoCoordinate(0, 0))),
                                    m_map->color()),
                    2);
    }

    void clickOnClusterZoomsToItsMarkers()
    {
        m_map->setZoomLevel(12);
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        const ClusterIndex::Cluster *cluster = nullptr;
        for (const ClusterIndex::Cluster &candidate : m_map->clusters()) {
            if (candidate.count > 1)
                cluster = &candidate;
        }
        QVERIFY(cluster);
        const quint32 count = cluster->count;
        QSignalSpy listed(m_map, &MapView::clusterClicked);
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier,
                          m_map->fromCoordinate(Mercator::unproject(cluster->position)).toPoint());
        QCOMPARE(listed.count(), 0);
        QCOMPARE_GT(m_map->zoomLevel(), 12.0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QCOMPARE(m_map->markersInView(), int(count));
    }

    void clickOnStackedMarkersListsThem()
    {
        const QGeoCoordinate stack(16.4600, 107.5700);
        QList<MapMarker> markers = testMarkers();
        for (int i = 0; i < 3; ++i)
            markers.append(makeMarker(QStringLiteral("stacked-%1").arg(i), stack, Blue));
        m_markers.setMarkers(markers);
        m_map->setZoomLevel(18);
        m_map->setCenter(stack);
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);

        QSignalSpy listed(m_map, &MapView::clusterClicked);
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier,
                          m_map->fromCoordinate(stack).toPoint());
        QCOMPARE(listed.count(), 1);
        QStringList ids = listed.first().first().toStringList();
        ids.sort();
        QCOMPARE(ids, QStringList({QStringLiteral("stacked-0"), QStringLiteral("stacked-1"),
                                   QStringLiteral("stacked-2")}));
        QCOMPARE(m_map->zoomLevel(), 18.0);
    }

    void newMarkerDrawnWithoutRebuild()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        const QGeoCoordinate position(16.4640, 107.5700);
        const QColor green(0x2e, 0x7d, 0x32);
        QVERIFY(m_markers.upsert(makeMarker(QStringLiteral("new"), position, green)));
        QVERIFY(m_map->pendingWork());
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QCOMPARE(m_map->markersInView(), 6);
        QCOMPARE_LE(channelDistance(
                        pixelAt(m_window->grabWindow(), m_map->fromCoordinate(position)), green),
                    2);

        QVERIFY(m_markers.remove(QStringLiteral("new")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        QCOMPARE(m_map->markersInView(), 5);
    }

    void showMarkerFitsAccuracyCircle()
    {
        MapMarker marker = makeMarker(QStringLiteral("approximate"), RedPosition, Red);
        marker.accuracy = 500;
        QVERIFY(m_markers.upsert(marker));
        m_map->showMarker(marker.id);
        QVERIFY(degreesBetween(m_map->center(), RedPosition) < 1e-9);
        // The circle's diameter fills the window's height less 40 pixels on each side.
        const QGeoCoordinate north = RedPosition.atDistanceAndAzimuth(500, 0);
        const QPointF top = m_map->fromCoordinate(north);
        QVERIFY2(std::abs(top.y() - 40) < 2, qPrintable(QString::number(top.y())));

        marker.accuracy = 2;
        QVERIFY(m_markers.upsert(marker));
        m_map->showMarker(marker.id);
        QCOMPARE(m_map->zoomLevel(), 17.0);

        marker.accuracy = 0;
        QVERIFY(m_markers.upsert(marker));
        m_map->setZoomLevel(10);
        m_map->showMarker(marker.id);
        QCOMPARE(m_map->zoomLevel(), 17.0);
        m_map->setSelectedId(marker.id);
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
    }

    void bracketKeysStepThroughMarkersInView()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_map->pendingWork(), FrameTimeout);
        m_map->forceActiveFocus();
        QSignalSpy stepped(m_map, &MapView::markerStepped);
        QStringList seen;
        for (int i = 0; i < 5; ++i) {
            QTest::keyClick(m_window, Qt::Key_BracketRight);
            QCOMPARE(stepped.count(), i + 1);
            const QString id = stepped.last().first().toString();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.append(id);
            m_map->setSelectedId(id);
        }
        // Reading order: the green marker is the topmost, and the sixth step wraps around.
        QCOMPARE(seen.first(), QStringLiteral("green"));
        QTest::keyClick(m_window, Qt::Key_BracketRight);
        QCOMPARE(stepped.last().first().toString(), seen.first());
        m_map->setSelectedId(seen.first());
        QTest::keyClick(m_window, Qt::Key_BracketLeft);
        QCOMPARE(stepped.last().first().toString(), seen.last());
    }

    void flickGlidesOnAfterRelease()
    {
        const QPoint start(300, 300);
        const QPoint end(600, 300);
        const QGeoCoordinate grabbed = m_map->toCoordinate(start);
        QTest::mousePress(m_window, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(m_window, start + (end - start) * step / 10);
        QTest::mouseRelease(m_window, Qt::LeftButton, Qt::NoModifier, end);
        // The grabbed coordinate keeps moving right after the release, then stops.
        QTRY_VERIFY_WITH_TIMEOUT(m_map->fromCoordinate(grabbed, false).x() > end.x() + 20, 5000);
        QGeoCoordinate previous;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QGeoCoordinate now = m_map->center();
                const bool still = previous.isValid() && degreesBetween(now, previous) == 0;
                previous = now;
                return still;
            }(),
            10000);
    }

    void pressStopsFlick()
    {
        const QPoint start(300, 300);
        QTest::mousePress(m_window, Qt::LeftButton, Qt::NoModifier, start);
        for (int step = 1; step <= 10; ++step)
            QTest::mouseMove(m_window, start + QPoint(30 * step, 0));
        QTest::mouseRelease(m_window, Qt::LeftButton, Qt::NoModifier, start + QPoint(300, 0));
        QTest::mousePress(m_window, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
        const QGeoCoordinate stopped = m_map->center();
        QTest::mouseRelease(m_window, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
        // Events queued before the press may still arrive; none may move the map after it.
        QCoreApplication::processEvents();
        QCOMPARE(m_map->center(), stopped);
    }

    void pinchZoomsAroundItsMiddle()
    {
        QPointingDevice *device = QTest::createTouchDevice();
        const QPointF middle(480, 300);
        const QGeoCoordinate anchored = m_map->toCoordinate(middle);
        QTest::touchEvent(m_window, device).press(0, QPoint(430, 300)).press(1, QPoint(530, 300));
        QTest::touchEvent(m_window, device).move(0, QPoint(380, 300)).move(1, QPoint(580, 300));
        QTest::touchEvent(m_window, device)
            .release(0, QPoint(380, 300))
            .release(1, QPoint(580, 300));
        // The distance between the fingers doubled: one zoom level closer.
        QVERIFY2(std::abs(m_map->zoomLevel() - 16) < 1e-9,
                 qPrintable(QString::number(m_map->zoomLevel())));
        QVERIFY(degreesBetween(m_map->toCoordinate(middle), anchored) < 1e-9);
    }

    void fingerLeftAfterPinchPansFromItself()
    {
        QPointingDevice *device = QTest::createTouchDevice();
        // One sequence, so that the finger left down keeps its position between events.
        QTest::QTouchEventSequence touch = QTest::touchEvent(m_window, device, false);
        touch.press(0, QPoint(430, 300)).press(1, QPoint(530, 300)).commit();
        touch.move(0, QPoint(420, 300)).move(1, QPoint(540, 300)).commit();
        // The first finger lifts; the second goes on moving and drags what lies under it.
        touch.release(0, QPoint(420, 300)).stationary(1).commit();
        const QPoint finger(540, 300);
        const QGeoCoordinate grabbed = m_map->toCoordinate(finger);
        touch.move(1, finger + QPoint(30, 20)).commit();
        touch.release(1, finger + QPoint(30, 20)).commit();
        const QPointF now = m_map->fromCoordinate(grabbed);
        QVERIFY2(QLineF(now, finger + QPoint(30, 20)).length() < 1e-6,
                 qPrintable(QStringLiteral("%1, %2").arg(now.x()).arg(now.y())));
    }

    void oneFingerPansAndTaps()
    {
        QPointingDevice *device = QTest::createTouchDevice();
        const QPoint start(400, 300);
        const QGeoCoordinate grabbed = m_map->toCoordinate(start);
        QTest::touchEvent(m_window, device).press(0, start);
        for (int step = 1; step <= 5; ++step)
            QTest::touchEvent(m_window, device).move(0, start + QPoint(20 * step, 10 * step));
        QTest::touchEvent(m_window, device).release(0, start + QPoint(100, 50));
        QVERIFY(QLineF(m_map->fromCoordinate(grabbed), start + QPoint(100, 50)).length() < 1e-6);

        QSignalSpy markerClicked(m_map, &MapView::markerClicked);
        const QPoint red = m_map->fromCoordinate(RedPosition).toPoint();
        QTest::touchEvent(m_window, device).press(0, red);
        QTest::touchEvent(m_window, device).release(0, red);
        QCOMPARE(markerClicked.count(), 1);
        QCOMPARE(markerClicked.first().first().toString(), RedId);
    }

    void hoverReportsCursorCoordinate()
    {
        const QPoint position(250, 150);
        // The first move enters the window; hover events come with the moves inside it.
        QTest::mouseMove(m_window, position - QPoint(10, 10));
        QTest::mouseMove(m_window, position);
        QTRY_VERIFY_WITH_TIMEOUT(m_map->cursorCoordinate().isValid(), 5000);
        QVERIFY(degreesBetween(m_map->cursorCoordinate(), m_map->toCoordinate(position)) < 1e-9);
    }

    void moduleLoadsThroughImportPath()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
import QtQuick
import QtPositioning
import CivicDesk.Map

Item {
    property alias map: map
    property alias scaleBar: scaleBar
    property alias attribution: attribution
    MapView {
        id: map
        width: 400
        height: 300
        center: QtPositioning.coordinate(16.46, 107.59)
        zoomLevel: 13
    }
    MapScaleBar { id: scaleBar; map: map }
    MapAttribution { id: attribution }
}
)",
                          QUrl(QStringLiteral("qrc:/tst_mapview/module.qml")));
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));

        auto *map = root->property("map").value<MapView *>();
        QVERIFY(map);
        QCOMPARE(map->zoomLevel(), 13.0);
        QVERIFY(degreesBetween(map->center(), QGeoCoordinate(16.46, 107.59)) < 1e-9);
        // About 18.3 m per pixel there, so a 120-pixel bar rounds down to 2 km.
        QCOMPARE(root->property("scaleBar").value<QObject *>()->property("metres").toDouble(),
                 2000.0);
        QCOMPARE(root->property("attribution").value<QObject *>()->property("text").toString(),
                 QStringLiteral("© OpenStreetMap contributors"));
    }

    void fitViewportFromQml()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
import QtQuick
import QtPositioning
import CivicDesk.Map

MapView {
    width: 400
    height: 300
    Component.onCompleted: fitViewportToGeoShape(
        QtPositioning.rectangle(QtPositioning.coordinate(16.5, 107.5),
                                QtPositioning.coordinate(16.4, 107.7)), 0)
}
)",
                          QUrl(QStringLiteral("qrc:/tst_mapview/fit.qml")));
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *map = qobject_cast<MapView *>(root.get());
        QVERIFY(map);
        QVERIFY(degreesBetween(map->center(), QGeoCoordinate(16.45, 107.6)) < 1e-3);
        // 0.2 degrees of longitude fill 400 pixels: 256 * 2^z = 400 * 360 / 0.2.
        QVERIFY(std::abs(map->zoomLevel() - std::log2(400 * 360 / 0.2 / 256)) < 1e-9);
    }

private:
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    MapView *m_map = nullptr;
    MapAreaSet m_areas;
    MapMarkerSet m_markers;
};

QTEST_MAIN(MapViewTest)
#include "tst_mapview.moc"
