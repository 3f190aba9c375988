#include "map/maptilelayer.h"
#include "map/onlinetilesource.h"
#include "tilefixtures.h"
#include "tiletestserver.h"

#include <memory>
#include <QGuiApplication>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace CivicDesk::Test;

namespace {

// Requests go to 127.0.0.1 only, but on a loaded machine a response can still take a while.
constexpr int AnswerTimeout = 15000; // milliseconds

const QString Contact = QStringLiteral("ops@city.example");

// The tiles of zoom level 3 in columns 4 to 6, rows 2 to 3.
QList<TileId> someTiles()
{
    QList<TileId> tiles;
    for (int x = 4; x <= 6; ++x)
        for (int y = 2; y <= 3; ++y)
            tiles.append(TileId{3, x, y});
    return tiles;
}

QByteArray pathOf(const TileId &tile)
{
    return QStringLiteral("/%1/%2/%3.png").arg(tile.z).arg(tile.x).arg(tile.y).toLatin1();
}

} // namespace

class OnlineTilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TileTestServer>();
        m_server->setExpectedUserAgent(OnlineTileSource::userAgent(Contact).toLatin1());
        QVERIFY(m_server->start());
        m_cacheDir = std::make_unique<QTemporaryDir>();
    }

    void cleanup()
    {
        m_server.reset();
        m_cacheDir.reset();
    }

    void sendsUserAgentAndKeepsTilesOnDisk()
    {
        {
            std::unique_ptr<OnlineTileSource> source = makeSource();
            QSignalSpy loaded(source.get(), &TileSource::tileLoaded);
            for (const TileId &tile : someTiles())
                source->requestTile(tile);
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), someTiles().size(), AnswerTimeout);
            const auto first = loaded.first();
            const QImage image = QImage::fromData(first.at(1).toByteArray());
            QCOMPARE(image.pixel(5, 5), tileColor(first.at(0).value<TileId>()).rgb());
        }
        QCOMPARE(m_server->requestCount(200), someTiles().size());
        QCOMPARE(m_server->badUserAgents(), 0);

        // A new source on the same cache folder, as after a restart: nothing is fetched again.
        std::unique_ptr<OnlineTileSource> source = makeSource();
        QSignalSpy loaded(source.get(), &TileSource::tileLoaded);
        for (const TileId &tile : someTiles())
            source->requestTile(tile);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), someTiles().size(), AnswerTimeout);
        QCOMPARE(m_server->requests().size(), someTiles().size());
    }

    void atMostTwoRequestsPerHost()
    {
        m_server->setDelay(60);
        std::unique_ptr<OnlineTileSource> source = makeSource();
        QSignalSpy loaded(source.get(), &TileSource::tileLoaded);
        QList<TileId> tiles;
        for (int x = 0; x < 4; ++x)
            for (int y = 0; y < 4; ++y)
                tiles.append(TileId{4, x, y});
        for (const TileId &tile : tiles)
            source->requestTile(tile);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), tiles.size(), AnswerTimeout);
        QCOMPARE(m_server->maxOpenRequests(), OnlineTileSource::MaxRequestsPerHost);
        QCOMPARE(m_server->requests().size(), tiles.size());
    }

    void staleTileRevalidatedWithEtag()
    {
        m_server->setMaxAge(0);
        const TileId tile{3, 5, 3};
        {
            std::unique_ptr<OnlineTileSource> source = makeSource();
            QSignalSpy loaded(source.get(), &TileSource::tileLoaded);
            source->requestTile(tile);
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, AnswerTimeout);
        }
        std::unique_ptr<OnlineTileSource> source = makeSource();
        QSignalSpy loaded(source.get(), &TileSource::tileLoaded);
        source->requestTile(tile);
        // The stale copy comes from the cache; the server then confirms it with 304.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(304), 1, AnswerTimeout);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(m_server->requests().last().ifNoneMatch,
                 QByteArray("\"" + pathOf(tile) + "-v1\""));
        QCOMPARE(m_server->requestsFor(pathOf(tile)), 2);
    }

    void tooManyRequestsPausesThenRecovers()
    {
        m_server->failNext(1, 429, "1");
        std::unique_ptr<OnlineTileSource> source = makeSource();
        QSignalSpy loaded(source.get(), &TileSource::tileLoaded);
        QSignalSpy failed(source.get(), &TileSource::tileFailed);
        QSignalSpy available(source.get(), &TileSource::availableAgain);
        for (const TileId &tile : someTiles())
            source->requestTile(tile);
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), TileSource::Status::RateLimited, AnswerTimeout);
        QVERIFY(!source->offline());

        // Only the probe goes out after Retry-After; the queued tiles failed instead of retrying.
        QTRY_COMPARE_WITH_TIMEOUT(available.size(), 1, AnswerTimeout);
        QCOMPARE(source->status(), TileSource::Status::Ready);
        QCOMPARE_LE(m_server->requests().size(), OnlineTileSource::MaxRequestsPerHost + 1);
        // The probe's tile failed first and loaded with the probe.
        QCOMPARE(loaded.size() + failed.size(), someTiles().size() + 1);

        QSet<TileId> loadedTiles;
        const auto collectLoaded = [&] {
            for (const QVariantList &arguments : std::as_const(loaded))
                loadedTiles.insert(arguments.first().value<TileId>());
        };
        collectLoaded();
        for (const TileId &tile : someTiles()) {
            if (!loadedTiles.contains(tile))
                source->requestTile(tile);
        }
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), someTiles().size(), AnswerTimeout);
        collectLoaded();
        QCOMPARE(loadedTiles.size(), someTiles().size());
        QCOMPARE(m_server->requestCount(429), 1);
        QCOMPARE(m_server->requestCount(200), someTiles().size());
    }

    void retryAfterLongerThanBackoffHonoured()
    {
        m_server->failNext(1, 503, "120");
        std::unique_ptr<OnlineTileSource> source = makeSource();
        source->requestTile(TileId{3, 5, 3});
        QTRY_COMPARE_WITH_TIMEOUT(source->status(), TileSource::Status::Offline, AnswerTimeout);
        // The probe waits for the server's 120 s, not for the 100 ms of the first backoff step.
        QCOMPARE_GT(source->probeDelay(), 60000);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void serviceUnavailableGoesOfflineThenRecovers()
    {
        m_server->failNext(3, 503, "0");
        std::unique_ptr<OnlineTileSource> source = makeSource();
        QSignalSpy available(source.get(), &TileSource::availableAgain);
        source->requestTile(TileId{3, 5, 3});
        QTRY_VERIFY_WITH_TIMEOUT(source->offline(), AnswerTimeout);
        QVERIFY(source->errorString().contains(QLatin1String("HTTP 503")));
        // Each failed probe doubles the delay; the fourth request gets through.
        QTRY_COMPARE_WITH_TIMEOUT(available.size(), 1, AnswerTimeout);
        QCOMPARE(m_server->requests().size(), 4);
        QVERIFY(!source->offline());
    }

    void layerKeepsTilesOfflineAndRecovers()
    {
        std::unique_ptr<OnlineTileSource> source = makeSource();
        MapView map;
        map.setSize(QSizeF(600, 400));
        map.setZoomLevel(12);
        map.setCenter(QGeoCoordinate(16.4637, 107.5909));
        MapTileLayer layer;
        layer.setMap(&map);
        layer.setSource(source.get());
        QVERIFY(layer.loading());
        QTRY_VERIFY_WITH_TIMEOUT(!layer.loading(), AnswerTimeout);
        const int loadedOnline = layer.loadedTileCount();
        QCOMPARE_GT(loadedOnline, 0);
        QCOMPARE(m_server->requestCount(200), loadedOnline);

        m_server->stop();
        map.setCenter(QGeoCoordinate(16.50, 107.66)); // a few tiles east and north
        QTRY_VERIFY_WITH_TIMEOUT(layer.offline(), AnswerTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!layer.loading(), AnswerTimeout);
        QCOMPARE(layer.loadedTileCount(), loadedOnline);

        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(!layer.offline(), AnswerTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!layer.loading(), AnswerTimeout);
        QCOMPARE_GT(layer.loadedTileCount(), loadedOnline);
        QCOMPARE(layer.status(), TileSource::Status::Ready);
    }

private:
    std::unique_ptr<OnlineTileSource> makeSource()
    {
        OnlineTileSourceConfig config;
        config.urlTemplate = m_server->urlTemplate();
        config.attribution = QStringLiteral("© Test tiles");
        config.contact = Contact;
        config.cacheFolder = m_cacheDir->filePath(QStringLiteral("tiles"));
        auto source = std::make_unique<OnlineTileSource>(config);
        source->setRetryDelays(100, 400);
        source->setTransferTimeout(5000);
        return source;
    }

    std::unique_ptr<TileTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_cacheDir;
};

int main(int argc, char *argv[])
{
    // The layer needs a QGuiApplication but draws nothing here, so no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    OnlineTilesTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_onlinetiles.moc"
