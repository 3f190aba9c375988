#include "map/maptilelayer.h"
#include "map/mapview.h"
#include "map/mbtilessource.h"
#include "map/mercator.h"
#include "mapwindow.h"
#include "tilefixtures.h"

#include <cmath>
#include <memory>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)

using namespace CivicDesk;
using namespace CivicDesk::Test;

namespace {

// The first frames under Xvfb with Mesa's software OpenGL take a while on a loaded machine.
constexpr int FrameTimeout = 15000; // milliseconds
constexpr int MaxZoom = 4;

const QGeoCoordinate Hue(16.4637, 107.5909);

const QByteArray WindowQml = R"(
import QtQuick
import CivicDesk.Map

Window {
    width: 800
    height: 600
    visible: true

    MapView {
        id: map
        objectName: "map"
        anchors.fill: parent
        color: "transparent"

        MapTileLayer {
            id: tiles
            objectName: "tiles"
            z: -1
            anchors.fill: parent
            map: map
            landColor: "#102030"
        }
    }
    MapTileNotices {
        objectName: "notices"
        anchors.fill: parent
        tileLayer: tiles
    }
}
)";

// A source whose tiles arrive only when the test delivers them.
class ManualTileSource : public TileSource
{
public:
    ManualTileSource()
        : TileSource(QStringLiteral("manual"))
    {
        setInfo(QString(), 0, 10);
    }

    void requestTile(const TileId &tile) override { m_requested.insert(tile); }
    void cancelTile(const TileId &tile) override { m_requested.remove(tile); }

    void deliverLevel(int z)
    {
        const QSet<TileId> requested = m_requested;
        for (const TileId &tile : requested) {
            if (tile.z != z)
                continue;
            m_requested.remove(tile);
            Q_EMIT tileLoaded(tile, solidTilePng(tileColor(tile)));
        }
    }

private:
    QSet<TileId> m_requested;
};

} // namespace

class MapTileLayerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = Test::loadMapWindow(*m_engine, WindowQml,
                                       QStringLiteral("qrc:/tst_maptilelayer/window.qml"));
        QVERIFY(m_window);
        m_map = m_window->findChild<MapView *>(QStringLiteral("map"));
        m_layer = m_window->findChild<MapTileLayer *>(QStringLiteral("tiles"));
        QVERIFY(m_map);
        QVERIFY(m_layer);
        m_map->setMinimumZoomLevel(0);
        m_map->setCenter(Hue);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        m_engine.reset();
        m_source.reset();
    }

    void drawsTileColoursAtProjectedPositions_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("tileZoom");
        QTest::newRow("integer zoom") << 4.0 << 4;
        QTest::newRow("fractional zoom, nearest level above") << 3.6 << 4;
        QTest::newRow("fractional zoom, nearest level below") << 3.3 << 3;
        QTest::newRow("beyond the file's levels") << 7.2 << MaxZoom;
    }

    void drawsTileColoursAtProjectedPositions()
    {
        QFETCH(double, zoom);
        QFETCH(int, tileZoom);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("colours.mbtiles"));
        writeMBTiles(path, 0, MaxZoom,
                     {{QStringLiteral("format"), QStringLiteral("png")},
                      {QStringLiteral("attribution"), QStringLiteral("© Colour tests")}});
        m_source = std::make_unique<MBTilesSource>(path);
        m_layer->setSource(m_source.get());
        m_map->setZoomLevel(zoom);
        QTRY_VERIFY_WITH_TIMEOUT(!m_layer->loading(), FrameTimeout);
        QCOMPARE(m_layer->attribution(), QStringLiteral("© Colour tests"));
        QCOMPARE(m_layer->pendingTiles(), 0);

        const QImage image = m_window->grabWindow();
        QCOMPARE_LE(channelDistance(pixelAt(image, m_map->fromCoordinate(Hue)),
                                    colourAt(m_map->fromCoordinate(Hue), tileZoom)),
                    2);
        // Points across the window, away from tile edges, where filtering blends neighbours.
        int checked = 0;
        for (int x = 40; x < 800; x += 90) {
            for (int y = 40; y < 600; y += 70) {
                const QPointF position(x, y);
                if (nearTileEdge(position, tileZoom))
                    continue;
                ++checked;
                const QColor expected = colourAt(position, tileZoom);
                QVERIFY2(channelDistance(pixelAt(image, position), expected) <= 2,
                         qPrintable(QStringLiteral("pixel %1,%2 is %3, expected %4")
                                        .arg(x)
                                        .arg(y)
                                        .arg(pixelAt(image, position).name(), expected.name())));
            }
        }
        QCOMPARE_GT(checked, 20);
    }

    void parentStandsInWhileTileLoads()
    {
        auto source = std::make_unique<ManualTileSource>();
        ManualTileSource *manual = source.get();
        m_source = std::move(source);
        m_layer->setSource(manual);
        m_map->setZoomLevel(3);
        QCOMPARE_GT(m_layer->pendingTiles(), 0);
        manual->deliverLevel(3);
        QTRY_VERIFY_WITH_TIMEOUT(!m_layer->loading(), FrameTimeout);

        m_map->setZoomLevel(4);
        QVERIFY(m_layer->loading());
        const QPointF hue = m_map->fromCoordinate(Hue);
        QImage image = m_window->grabWindow();
        QCOMPARE_LE(channelDistance(pixelAt(image, hue), colourAt(hue, 3)), 2);

        manual->deliverLevel(4);
        QTRY_VERIFY_WITH_TIMEOUT(!m_layer->loading(), FrameTimeout);
        image = m_window->grabWindow();
        QCOMPARE_LE(channelDistance(pixelAt(image, hue), colourAt(hue, 4)), 2);

        // Zooming out to level 2, which never loaded, the children of level 3 stand in.
        m_map->setZoomLevel(1.6);
        QVERIFY(m_layer->loading());
        const QPointF hueAfter = m_map->fromCoordinate(Hue);
        image = m_window->grabWindow();
        QCOMPARE_LE(channelDistance(pixelAt(image, hueAfter), colourAt(hueAfter, 3)), 2);
    }

    void landColourWhereNoTileIs()
    {
        auto source = std::make_unique<ManualTileSource>();
        m_layer->setSource(source.get());
        m_source = std::move(source);
        m_map->setZoomLevel(6);
        const QImage image = m_window->grabWindow();
        QCOMPARE_LE(channelDistance(pixelAt(image, QPointF(400, 300)), QColor(0x10, 0x20, 0x30)),
                    2);
    }

    void noticeNamesUnreadableBaseMap()
    {
        QObject *notices = m_window->findChild<QObject *>(QStringLiteral("notices"));
        QVERIFY(notices);
        QVERIFY(notices->property("notice").toString().contains(QLatin1String("No base map")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.mbtiles"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database");
        file.close();
        m_source = std::make_unique<MBTilesSource>(path);
        m_layer->setSource(m_source.get());
        QTRY_COMPARE_WITH_TIMEOUT(m_layer->status(), TileSource::Status::Failed, FrameTimeout);
        QVERIFY(!m_layer->loading());
        const QString notice = notices->property("notice").toString();
        QVERIFY2(notice.contains(QLatin1String("broken.mbtiles")), qPrintable(notice));
    }

private:
    // The colour of the tile of level z under an item position.
    QColor colourAt(const QPointF &position, int z) const
    {
        const QPointF mercator = Mercator::project(m_map->toCoordinate(position, false));
        const int count = 1 << z;
        return tileColor(TileId{z, int(std::floor(mercator.x() * count)),
                                int(std::floor(mercator.y() * count))});
    }

    bool nearTileEdge(const QPointF &position, int z) const
    {
        for (const QPointF offset :
             {QPointF(-3, -3), QPointF(3, 3), QPointF(-3, 3), QPointF(3, -3)}) {
            if (colourAt(position + offset, z) != colourAt(position, z))
                return true;
        }
        return false;
    }

    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    MapView *m_map = nullptr;
    MapTileLayer *m_layer = nullptr;
    std::unique_ptr<TileSource> m_source;
};

QTEST_MAIN(MapTileLayerTest)
#include "tst_maptilelayer.moc"
