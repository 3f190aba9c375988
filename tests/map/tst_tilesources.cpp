#include "map/mbtilessource.h"
#include "map/onlinetilesource.h"
#include "map/tilecover.h"
#include "map/tilediskcache.h"
#include "tilefixtures.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace CivicDesk::Test;

namespace {

constexpr int OpenTimeout = 10000; // milliseconds

const QString SourceKey = QStringLiteral("https://tiles.example/{z}/{x}/{y}.png");

CachedTile cachedTile(char fill, int bytes, const QString &etag = QString())
{
    return CachedTile{QByteArray(bytes, fill), etag, QString(), 4102444800}; // expires in 2100
}

// Waits until the source has opened or failed.
bool waitOpened(MBTilesSource &source)
{
    return QTest::qWaitFor([&] { return source.status() != TileSource::Status::Opening; },
                           OpenTimeout);
}

} // namespace

class TileSourcesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tileZoomNearestWithinSourceLevels_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::addColumn<int>("expected");
        QTest::newRow("integer") << 12.0 << 12;
        QTest::newRow("rounds down") << 12.49 << 12;
        QTest::newRow("rounds up") << 12.5 << 13;
        QTest::newRow("beyond maximum") << 18.2 << 16;
        QTest::newRow("below minimum") << 1.2 << 3;
    }

    void tileZoomNearestWithinSourceLevels()
    {
        QFETCH(double, zoom);
        QFETCH(int, expected);
        QCOMPARE(tileZoomFor(zoom, 3, 16), expected);
    }

    void visibleTilesCoverView()
    {
        // The whole world at zoom 1 in a 512 x 512 view: four tiles of 256 pixels.
        const TileView view{QPointF(0.5, 0.5), 1, QSizeF(512, 512), 1};
        const QList<VisibleTile> tiles = visibleTiles(view, 1);
        QCOMPARE(tiles.size(), 4);
        QCOMPARE(tiles.first().tile, (TileId{1, 0, 0}));
        QCOMPARE(tiles.first().target, QRectF(0, 0, 256, 256));
        QCOMPARE(tiles.last().tile, (TileId{1, 1, 1}));

        // Zoom 1.5 drawn with tiles of level 1, each scaled to 362 pixels.
        const TileView scaled{QPointF(0.5, 0.5), 1.5, QSizeF(100, 100), 1};
        const QList<VisibleTile> middle = visibleTiles(scaled, 1);
        QCOMPARE(middle.size(), 4);
        QVERIFY(std::abs(middle.first().target.width() - 256 * std::sqrt(2.0)) < 1e-9);
    }

    void visibleTilesWrapAtAntimeridian()
    {
        const TileView view{QPointF(0.0, 0.5), 2, QSizeF(256, 256), 1};
        QList<int> columns;
        for (const VisibleTile &tile : visibleTiles(view, 2))
            columns.append(tile.tile.x);
        QCOMPARE(columns, (QList<int>{3, 0, 3, 0}));
    }

    void mbtilesReadsTmsRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("colours.mbtiles"));
        writeMBTiles(path, 0, 2,
                     {{QStringLiteral("format"), QStringLiteral("png")},
                      {QStringLiteral("attribution"), QStringLiteral("© Test contributors")},
                      {QStringLiteral("minzoom"), QStringLiteral("0")},
                      {QStringLiteral("maxzoom"), QStringLiteral("2")}});
        MBTilesSource source(path);
        QVERIFY2(waitOpened(source), "the MBTiles file did not open");
        QCOMPARE(source.status(), TileSource::Status::Ready);
        QCOMPARE(source.attribution(), QStringLiteral("© Test contributors"));
        QCOMPARE(source.maximumZoomLevel(), 2);

        QSignalSpy loaded(&source, &TileSource::tileLoaded);
        // XYZ (2, 1, 0) is the row 2^2 - 1 - 0 = 3 of column 1.
        const TileId tile{2, 1, 0};
        source.requestTile(tile);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, OpenTimeout);
        QCOMPARE(loaded.first().at(0).value<TileId>(), tile);
        const QImage image = QImage::fromData(loaded.first().at(1).toByteArray());
        QCOMPARE(image.pixelColor(128, 128), tileColor(tile));
        QVERIFY(tileColor(tile) != tileColor(TileId{2, 1, 3}));
    }

    void mbtilesMissingTileReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.mbtiles"));
        writeMBTiles(path, 0, 1, {{QStringLiteral("format"), QStringLiteral("png")}});
        MBTilesSource source(path);
        QSignalSpy missing(&source, &TileSource::tileMissing);
        source.requestTile(TileId{3, 1, 1});
        QTRY_COMPARE_WITH_TIMEOUT(missing.size(), 1, OpenTimeout);
        QCOMPARE(source.maximumZoomLevel(), 1);
    }

    void mbtilesVectorRejected_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("data");
        const QByteArray gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8);
        QTest::newRow("format pbf") << QStringLiteral("pbf") << gzip;
        QTest::newRow("gzip data, no format") << QString() << gzip;
        QTest::newRow("gzip data declared png") << QStringLiteral("png") << gzip;
        QTest::newRow("protobuf data declared png")
            << QStringLiteral("png") << QByteArray("\x1a\x05water", 7);
    }

    void mbtilesVectorRejected()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, data);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vector.mbtiles"));
        QHash<QString, QString> metadata;
        if (!format.isEmpty())
            metadata.insert(QStringLiteral("format"), format);
        writeMBTiles(path, 0, 1, metadata, [&](const TileId &) { return data; });

        MBTilesSource source(path);
        QVERIFY2(waitOpened(source), "the MBTiles file did not open");
        QCOMPARE(source.status(), TileSource::Status::Failed);
        QVERIFY2(source.errorString().contains(path), qPrintable(source.errorString()));
        QVERIFY2(source.errorString().contains(QLatin1String("vector")),
                 qPrintable(source.errorString()));

        QSignalSpy missing(&source, &TileSource::tileMissing);
        source.requestTile(TileId{0, 0, 0});
        QCOMPARE(missing.size(), 1);
    }

    void mbtilesCorruptFileRejected_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("text") << QByteArray("this is not a database, just some text\n")
                              << QStringLiteral("is not an MBTiles file");
        QTest::newRow("truncated SQLite header") << QByteArray("SQLite format 3\0\x10\0", 19)
                                                 << QStringLiteral("is not an MBTiles file");
    }

    void mbtilesCorruptFileRejected()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("corrupt.mbtiles"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();

        MBTilesSource source(path);
        QVERIFY2(waitOpened(source), "the MBTiles file did not open");
        QCOMPARE(source.status(), TileSource::Status::Failed);
        QVERIFY2(source.errorString().contains(path), qPrintable(source.errorString()));
        QVERIFY2(source.errorString().contains(message), qPrintable(source.errorString()));
    }

    void mbtilesWithoutTilesTableRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
            database.setDatabaseName(path);
            QVERIFY(database.open());
            QSqlQuery(database).exec(QStringLiteral("CREATE TABLE report (id TEXT)"));
        }
        QSqlDatabase::removeDatabase(path);

        MBTilesSource source(path);
        QVERIFY2(waitOpened(source), "the MBTiles file did not open");
        QCOMPARE(source.status(), TileSource::Status::Failed);
        QVERIFY2(source.errorString().contains(QLatin1String("is not an MBTiles file")),
                 qPrintable(source.errorString()));
    }

    void mbtilesMissingFileRejected()
    {
        MBTilesSource source(QStringLiteral("/nonexistent/basemap.mbtiles"));
        QVERIFY2(waitOpened(source), "the MBTiles file did not open");
        QCOMPARE(source.status(), TileSource::Status::Failed);
        QVERIFY(source.errorString().contains(QLatin1String("/nonexistent/basemap.mbtiles")));
    }

    void diskCacheEvictsLeastRecentlyUsed()
    {
        QTemporaryDir dir;
        TileDiskCache cache(dir.path(), 3000);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const TileId a{10, 1, 1};
        const TileId b{10, 2, 1};
        const TileId c{10, 3, 1};
        const TileId d{10, 4, 1};
        QVERIFY(cache.store(SourceKey, a, cachedTile('a', 1000)));
        QVERIFY(cache.store(SourceKey, b, cachedTile('b', 1000)));
        QVERIFY(cache.store(SourceKey, c, cachedTile('c', 1000)));
        QCOMPARE(cache.totalBytes(), 3000);
        QVERIFY(cache.find(SourceKey, a)); // a is now used more recently than b

        QVERIFY(cache.store(SourceKey, d, cachedTile('d', 1000)));
        QVERIFY(cache.contains(SourceKey, a));
        QVERIFY(!cache.contains(SourceKey, b));
        QVERIFY(cache.contains(SourceKey, c));
        QVERIFY(cache.contains(SourceKey, d));
        QCOMPARE(cache.totalBytes(), 3000);
        QCOMPARE(cache.tileCount(), 3);
    }

    void diskCacheReplacingTileCountsOnce()
    {
        QTemporaryDir dir;
        TileDiskCache cache(dir.path(), 10000);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QVERIFY(cache.store(SourceKey, TileId{3, 1, 1}, cachedTile('a', 1000)));
        QVERIFY(cache.store(SourceKey, TileId{3, 1, 1}, cachedTile('b', 600)));
        QCOMPARE(cache.totalBytes(), 600);
        QCOMPARE(cache.find(SourceKey, TileId{3, 1, 1})->data, QByteArray(600, 'b'));
        QVERIFY(!cache.store(SourceKey, TileId{3, 1, 2}, cachedTile('c', 20000)));
    }

    void diskCacheSurvivesReopening()
    {
        QTemporaryDir dir;
        const TileId a{5, 1, 1};
        const TileId b{5, 2, 1};
        {
            TileDiskCache cache(dir.path(), 2000);
            QString error;
            QVERIFY2(cache.open(&error), qPrintable(error));
            QVERIFY(cache.store(SourceKey, a, cachedTile('a', 1000, QStringLiteral("\"v1\""))));
            QVERIFY(cache.store(SourceKey, b, cachedTile('b', 1000)));
        }
        TileDiskCache cache(dir.path(), 2000);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QCOMPARE(cache.totalBytes(), 2000);
        const std::optional<CachedTile> found = cache.find(SourceKey, a);
        QVERIFY(found);
        QCOMPARE(found->data, QByteArray(1000, 'a'));
        QCOMPARE(found->etag, QStringLiteral("\"v1\""));
        QCOMPARE(found->expires, 4102444800);
        QVERIFY(!cache.find(QStringLiteral("https://other.example/{z}/{x}/{y}.png"), a));

        // The order of use survived too: b, not the tile just found, goes first.
        QVERIFY(cache.store(SourceKey, TileId{5, 3, 1}, cachedTile('c', 1000)));
        QVERIFY(cache.contains(SourceKey, a));
        QVERIFY(!cache.contains(SourceKey, b));
    }

    void diskCacheRefreshKeepsData()
    {
        QTemporaryDir dir;
        TileDiskCache cache(dir.path(), 2000);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const TileId tile{5, 1, 1};
        QVERIFY(cache.store(SourceKey, tile, CachedTile{"png", QStringLiteral("\"v1\""), {}, 10}));
        QVERIFY(cache.refresh(SourceKey, tile, CachedTile{{}, {}, {}, 99}));
        const std::optional<CachedTile> found = cache.find(SourceKey, tile);
        QCOMPARE(found->data, QByteArray("png"));
        QCOMPARE(found->etag, QStringLiteral("\"v1\""));
        QCOMPARE(found->expires, 99);
    }

    void diskCacheSetsAsideForeignFile_data()
    {
        QTest::addColumn<bool>("sqlite");
        QTest::newRow("text file") << false;
        QTest::newRow("another program's database") << true;
    }

    void diskCacheSetsAsideForeignFile()
    {
        QFETCH(bool, sqlite);
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("tiles.sqlite"));
        if (sqlite) {
            {
                QSqlDatabase database =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), cachePath);
                database.setDatabaseName(cachePath);
                QVERIFY(database.open());
                QSqlQuery(database).exec(QStringLiteral("CREATE TABLE notes (text TEXT)"));
            }
            QSqlDatabase::removeDatabase(cachePath);
        } else {
            QFile file(cachePath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(8192, 'x'));
        }
        QFile other(dir.filePath(QStringLiteral("readme.txt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("kept");
        other.close();

        TileDiskCache cache(dir.path(), 2000);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        QCOMPARE(cache.tileCount(), 0);
        QVERIFY(cache.store(SourceKey, TileId{1, 0, 0}, cachedTile('a', 10)));
        QVERIFY(QFile::exists(cachePath + QStringLiteral(".bad")));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("readme.txt"))));
    }

    void urlTemplateChecked_data()
    {
        QTest::addColumn<QString>("urlTemplate");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << QStringLiteral("https://tiles.example/{z}/{x}/{y}.png")
                               << QString();
        QTest::newRow("subdomains")
            << QStringLiteral("https://{s}.tiles.example/{z}/{x}/{y}.png") << QString();
        QTest::newRow("no y") << QStringLiteral("https://tiles.example/{z}/{x}.png")
                              << QStringLiteral("lacks {y}");
        QTest::newRow("file scheme")
            << QStringLiteral("file:///tiles/{z}/{x}/{y}.png") << QStringLiteral("https://");
        QTest::newRow("no host") << QStringLiteral("https:///{z}/{x}/{y}.png")
                                 << QStringLiteral("names no host");
    }

    void urlTemplateChecked()
    {
        QFETCH(QString, urlTemplate);
        QFETCH(QString, error);
        QString message;
        QCOMPARE(OnlineTileSource::checkUrlTemplate(urlTemplate, &message), error.isEmpty());
        if (!error.isEmpty()) {
            QVERIFY2(message.contains(error), qPrintable(message));
            QVERIFY2(message.contains(urlTemplate), qPrintable(message));
        }
    }

    void userAgentNamesProgramVersionContact()
    {
        QCOMPARE(OnlineTileSource::userAgent(QString()),
                 QStringLiteral("CivicDesk/" CIVICDESK_VERSION));
        QCOMPARE(OnlineTileSource::userAgent(QStringLiteral("ops@city.example")),
                 QStringLiteral("CivicDesk/" CIVICDESK_VERSION " (+ops@city.example)"));
    }
};

QTEST_GUILESS_MAIN(TileSourcesTest)
#include "tst_tilesources.moc"
