#include "basemap/basemapstyle.h"
#include "map/mercator.h"
#include "testsupport.h"

#include <cmath>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
namespace Style = CivicDesk::Basemap::Style;

namespace {

// The fixture: a ward (GeoJSON polygon) with a pond (an OpenStreetMap water area) and a primary
// road crossing it, and a town, all near the centre of Huế.
constexpr double WardWest = 107.56, WardSouth = 16.44, WardEast = 107.62, WardNorth = 16.49;
constexpr double RoadLatitude = 16.475;
// A town south of the ward whose name is centred on a border between two tiles of zoom 14.
constexpr double BorderTownLatitude = 16.4335;
const QString bounds = QStringLiteral("107.55,16.43,107.63,16.50");

QJsonArray position(double longitude, double latitude)
{
    return QJsonArray{longitude, latitude};
}

QJsonObject node(double latitude, double longitude)
{
    return QJsonObject{{QStringLiteral("lat"), latitude}, {QStringLiteral("lon"), longitude}};
}

QJsonObject geoJsonFeature(const QJsonObject &properties, const QString &type,
                           const QJsonArray &coordinates)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("Feature")},
        {QStringLiteral("properties"), properties},
        {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), type},
                                                 {QStringLiteral("coordinates"), coordinates}}}};
}

QJsonObject overpassWay(qint64 id, const QJsonObject &tags, const QJsonArray &geometry)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("way")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("tags"), tags},
                       {QStringLiteral("geometry"), geometry}};
}

// Returns the longitude of the western edge of the zoom 14 tile that contains `longitude`.
double tileEdgeLongitude(double longitude)
{
    const double tiles = std::exp2(14);
    return std::floor((longitude + 180) / 360 * tiles) / tiles * 360 - 180;
}

struct Pixel
{
    int zoom = 0;
    int column = 0;
    int row = 0; // XYZ scheme
    QPoint inTile;
};

Pixel pixelAt(int zoom, double latitude, double longitude)
{
    const QPointF world = Mercator::project(latitude, longitude) * Mercator::worldSize(zoom);
    const int column = int(world.x() / Mercator::TileSize);
    const int row = int(world.y() / Mercator::TileSize);
    return {zoom, column, row,
            QPoint(int(world.x()) - column * int(Mercator::TileSize),
                   int(world.y()) - row * int(Mercator::TileSize))};
}

} // namespace

class BasemapBuildTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_wards;
    QString m_osm;
    QString m_map;
    Test::CtlRun m_build;

    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    }

    QString writeJson(const QString &name, const QJsonObject &object)
    {
        const QString path = m_dir.filePath(name);
        return writeFile(path, QJsonDocument(object).toJson()) ? path : QString();
    }

    static Test::CtlRun build(const QString &map, const QStringList &arguments)
    {
        return Test::runCtl(QStringList{QStringLiteral("basemap"), QStringLiteral("build"),
                                        QStringLiteral("--out"), map} +
                            arguments);
    }

    QString writeWards()
    {
        const QJsonArray ring{position(WardWest, WardSouth), position(WardEast, WardSouth),
                              position(WardEast, WardNorth), position(WardWest, WardNorth),
                              position(WardWest, WardSouth)};
        const QJsonArray features{
            geoJsonFeature({{QStringLiteral("name"), QStringLiteral("Phường Thử Nghiệm")}},
                           QStringLiteral("Polygon"), QJsonArray{ring}),
            geoJsonFeature({}, QStringLiteral("LineString"),
                           QJsonArray{position(107.57, 16.45), position(107.58, 16.45)}),
            // Invalid: a longitude beyond 180 degrees.
            geoJsonFeature({{QStringLiteral("highway"), QStringLiteral("primary")}},
                           QStringLiteral("LineString"),
                           QJsonArray{position(200, 16.45), position(107.58, 16.46)}),
        };
        return writeJson(QStringLiteral("wards.geojson"),
                         {{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                          {QStringLiteral("features"), features}});
    }

    QString writeOsm()
    {
        const QJsonArray pond{node(16.455, 107.575), node(16.455, 107.585), node(16.465, 107.585),
                              node(16.465, 107.575), node(16.455, 107.575)};
        const QJsonArray road{node(RoadLatitude, 107.565), node(RoadLatitude, 107.615)};
        const QJsonArray broken{node(95, 107.57), node(16.46, 107.58)};
        QJsonObject town = node(16.488, 107.565);
        town.insert(QStringLiteral("type"), QStringLiteral("node"));
        town.insert(QStringLiteral("id"), 5);
        town.insert(QStringLiteral("tags"),
                    QJsonObject{{QStringLiteral("place"), QStringLiteral("town")},
                                {QStringLiteral("name"), QStringLiteral("Vỹ Dạ")}});
        QJsonObject borderTown = node(BorderTownLatitude, tileEdgeLongitude(107.59));
        borderTown.insert(QStringLiteral("type"), QStringLiteral("node"));
        borderTown.insert(QStringLiteral("id"), 6);
        borderTown.insert(QStringLiteral("tags"),
                          QJsonObject{{QStringLiteral("place"), QStringLiteral("town")},
                                      {QStringLiteral("name"), QStringLiteral("Kim Long")}});
        const QJsonArray elements{
            overpassWay(1, {{QStringLiteral("natural"), QStringLiteral("water")}}, pond),
            overpassWay(2, {{QStringLiteral("highway"), QStringLiteral("primary")}}, road),
            overpassWay(3, {{QStringLiteral("highway"), QStringLiteral("residential")}}, broken),
            town,
            borderTown,
            // Invalid: fetched with "out body", so it has node ids but no positions.
            QJsonObject{{QStringLiteral("type"), QStringLiteral("way")},
                        {QStringLiteral("id"), 4},
                        {QStringLiteral("nodes"), QJsonArray{1, 2}},
                        {QStringLiteral("tags"),
                         QJsonObject{{QStringLiteral("highway"), QStringLiteral("primary")}}}},
        };
        const QJsonObject osm3s{
            {QStringLiteral("copyright"),
             QStringLiteral("The data included in this document is from www.openstreetmap.org. "
                            "The data is made available under ODbL.")}};
        return writeJson(QStringLiteral("osm.json"), {{QStringLiteral("version"), 0.6},
                                                      {QStringLiteral("osm3s"), osm3s},
                                                      {QStringLiteral("elements"), elements}});
    }

    // Returns the first column of the first row of `sql` on the built map.
    QVariant scalar(const QString &sql, const QVariantList &values = {})
    {
        QVariant result;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("map"));
            db.setDatabaseName(m_map);
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(sql);
                for (const QVariant &value : values)
                    query.addBindValue(value);
                if (query.exec() && query.next())
                    result = query.value(0);
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("map"));
        return result;
    }

    QImage tileImage(const Pixel &pixel)
    {
        const int tmsRow = (1 << pixel.zoom) - 1 - pixel.row;
        const QByteArray png =
            scalar(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND "
                                  "tile_column = ? AND tile_row = ?"),
                   {pixel.zoom, pixel.column, tmsRow})
                .toByteArray();
        return QImage::fromData(png, "PNG");
    }

    QRgb colourAt(int zoom, double latitude, double longitude)
    {
        const Pixel pixel = pixelAt(zoom, latitude, longitude);
        const QImage image = tileImage(pixel);
        return image.isNull() ? 0 : image.pixel(pixel.inTile) | 0xff000000;
    }

    QStringList leftovers(const QString &folder) const
    {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_wards = writeWards();
        m_osm = writeOsm();
        QVERIFY(!m_wards.isEmpty() && !m_osm.isEmpty());
        m_map = m_dir.filePath(QStringLiteral("fixture.mbtiles"));
        m_build = build(m_map, {QStringLiteral("--min-zoom"), QStringLiteral("12"),
                                QStringLiteral("--max-zoom"), QStringLiteral("14"),
                                QStringLiteral("--bounds"), bounds, QStringLiteral("--attribution"),
                                QStringLiteral("Wards: test fixture"), m_wards, m_osm});
        QVERIFY2(m_build.exitCode == 0, qPrintable(m_build.err));
    }

    void pixelsHaveLayerColours()
    {
        QCOMPARE(colourAt(14, 16.460, 107.580), Style::Water);
        QCOMPARE(colourAt(14, RoadLatitude, 107.570), Style::MainRoadFill);
        QCOMPARE(colourAt(14, 16.445, 107.612), Style::Land);
        // Outside the ward, north of it, nothing but land.
        QCOMPARE(colourAt(13, 16.497, 107.600), Style::Land);
    }

    void wardBoundaryIsOutlineOnly()
    {
        // The ward's edge is drawn, but its inside is not filled.
        const Pixel edge = pixelAt(14, 16.465, WardEast);
        const QImage image = tileImage(edge);
        QVERIFY(!image.isNull());
        bool outlined = false;
        for (int dx = -1; dx <= 1; ++dx)
            outlined |= (image.pixel(edge.inTile + QPoint(dx, 0)) | 0xff000000) != Style::Land;
        QVERIFY2(outlined, "no boundary line at the ward's eastern edge");
        QCOMPARE(colourAt(14, 16.465, WardEast - 0.003), Style::Land);
    }

    void labelDrawnOnBothTiles()
    {
        // The town's name straddles the border, so both tiles show part of it next to the edge.
        const double border = tileEdgeLongitude(107.59);
        const Pixel right = pixelAt(14, BorderTownLatitude, border + 1e-7);
        const Pixel left = pixelAt(14, BorderTownLatitude, border - 1e-7);
        QCOMPARE(left.column + 1, right.column);
        QCOMPARE(left.inTile.x(), 255);
        QCOMPARE(right.inTile.x(), 0);
        const QImage leftImage = tileImage(left);
        const QImage rightImage = tileImage(right);
        QVERIFY(!leftImage.isNull() && !rightImage.isNull());
        int leftInk = 0;
        int rightInk = 0;
        for (int dy = -8; dy <= 8; ++dy) {
            for (int dx = 0; dx < 20; ++dx) {
                const int y = left.inTile.y() + dy;
                leftInk += (leftImage.pixel(255 - dx, y) | 0xff000000) != Style::Land;
                rightInk += (rightImage.pixel(dx, y) | 0xff000000) != Style::Land;
            }
        }
        QVERIFY2(leftInk > 10, qPrintable(QString::number(leftInk)));
        QVERIFY2(rightInk > 10, qPrintable(QString::number(rightInk)));
    }

    void rowsAreInTmsOrder()
    {
        const Pixel northWest = pixelAt(14, 16.50, 107.55);
        const Pixel southEast = pixelAt(14, 16.43, 107.63);
        const int last = (1 << 14) - 1;
        QCOMPARE(
            scalar(QStringLiteral("SELECT max(tile_row) FROM map WHERE zoom_level = 14")).toInt(),
            last - northWest.row);
        QCOMPARE(
            scalar(QStringLiteral("SELECT min(tile_row) FROM map WHERE zoom_level = 14")).toInt(),
            last - southEast.row);
        const int expected =
            (southEast.column - northWest.column + 1) * (southEast.row - northWest.row + 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM tiles WHERE zoom_level = 14")).toInt(),
                 expected);
    }

    void identicalTilesStoredOnce()
    {
        const int rows = scalar(QStringLiteral("SELECT count(*) FROM map")).toInt();
        const int images = scalar(QStringLiteral("SELECT count(*) FROM images")).toInt();
        QVERIFY2(images < rows,
                 qPrintable(QStringLiteral("%1 images for %2 tiles").arg(images).arg(rows)));
        QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT tile_id) FROM images")).toInt(),
                 images);
    }

    void metadataDescribesMap()
    {
        auto value = [this](const char *name) {
            return scalar(QStringLiteral("SELECT value FROM metadata WHERE name = ?"),
                          {QString::fromLatin1(name)})
                .toString();
        };
        QCOMPARE(value("format"), QStringLiteral("png"));
        QCOMPARE(value("type"), QStringLiteral("baselayer"));
        QCOMPARE(value("minzoom"), QStringLiteral("12"));
        QCOMPARE(value("maxzoom"), QStringLiteral("14"));
        QCOMPARE(value("bounds"), QStringLiteral("107.550000,16.430000,107.630000,16.500000"));
        QVERIFY(!value("name").isEmpty());
        QVERIFY(!value("version").isEmpty());
        QVERIFY(!value("center").isEmpty());
        const QString attribution = value("attribution");
        QVERIFY2(attribution.contains(QStringLiteral("© OpenStreetMap contributors (ODbL)")),
                 qPrintable(attribution));
        QVERIFY2(attribution.contains(QStringLiteral("Wards: test fixture")),
                 qPrintable(attribution));
    }

    void invalidFeaturesReported()
    {
        QVERIFY2(m_build.err.contains(QStringLiteral("skipped: ") + m_wards +
                                      QStringLiteral(": 1 feature: coordinate")),
                 qPrintable(m_build.err));
        QVERIFY2(m_build.err.contains(QStringLiteral("(first: feature 3)")),
                 qPrintable(m_build.err));
        QVERIFY2(m_build.err.contains(QStringLiteral("(first: way 3)")), qPrintable(m_build.err));
        QVERIFY2(m_build.err.contains(QStringLiteral("no inline geometry; fetch the data with "
                                                     "\"out geom\" (first: way 4)")),
                 qPrintable(m_build.err));
        QVERIFY2(m_build.out.contains(QStringLiteral("1 area names, 2 place names")),
                 qPrintable(m_build.out));
    }

    void geoJsonWithoutCreditWarns()
    {
        const Test::CtlRun run =
            build(m_dir.filePath(QStringLiteral("uncredited.mbtiles")),
                  {QStringLiteral("--min-zoom"), QStringLiteral("10"), QStringLiteral("--max-zoom"),
                   QStringLiteral("10"), m_wards});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("warning: ") + m_wards +
                                  QStringLiteral(" names no attribution")),
                 qPrintable(run.err));
    }

    void brokenJsonBuildsNothing()
    {
        QTemporaryDir out;
        const QString broken = m_dir.filePath(QStringLiteral("broken.geojson"));
        QVERIFY(writeFile(broken,
                          "{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": } ]}\n"));
        const Test::CtlRun run =
            build(out.filePath(QStringLiteral("broken.mbtiles")), {m_osm, broken});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(broken + QStringLiteral(": invalid JSON at line 2, column")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("(byte ")), qPrintable(run.err));
        QCOMPARE(leftovers(out.path()), QStringList());
    }

    void failedBuildKeepsOldMap()
    {
        QTemporaryDir out;
        const QString map = out.filePath(QStringLiteral("old.mbtiles"));
        QVERIFY(writeFile(map, "the previous map"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.json"));
        const Test::CtlRun run = build(map, {missing});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        QFile old(map);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the previous map"));
        QCOMPARE(leftovers(out.path()), QStringList{QStringLiteral("old.mbtiles")});
    }

    void interruptedBuildLeavesNothing()
    {
        QTemporaryDir out;
        const QString map = out.filePath(QStringLiteral("hue.mbtiles"));
        QVERIFY(writeFile(map, QByteArray())); // an older map, which must stay as it is
        QProcess process;
        process.setProgram(
            QDir(QStringLiteral(CIVICDESK_BIN_DIR)).filePath(QStringLiteral("civicdeskctl")));
        // Zoom 8-16 over the whole city takes long enough to be stopped halfway.
        process.setArguments(
            {QStringLiteral("basemap"), QStringLiteral("build"), QStringLiteral("--out"), map,
             QDir(QStringLiteral(CIVICDESK_SOURCE_DIR))
                 .filePath(QStringLiteral("resources/reference/hue_wards_osm_2025.json"))});
        process.start();
        QTRY_VERIFY_WITH_TIMEOUT(leftovers(out.path()).size() == 2, 60000); // the temporary file
        process.terminate();
        QVERIFY2(process.waitForFinished(60000), "civicdeskctl did not stop on SIGTERM");
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QCOMPARE(leftovers(out.path()), QStringList{QStringLiteral("hue.mbtiles")});
        QCOMPARE(QFileInfo(map).size(), 0);
    }

    void invalidOptionsRejected_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("bounds of three numbers")
            << QStringList{QStringLiteral("--bounds"), QStringLiteral("107,16,108")}
            << QStringLiteral("--bounds takes WEST,SOUTH,EAST,NORTH");
        QTest::newRow("west above east")
            << QStringList{QStringLiteral("--bounds"), QStringLiteral("108,16,107,17")}
            << QStringLiteral("--bounds takes");
        QTest::newRow("zoom beyond the limit")
            << QStringList{QStringLiteral("--max-zoom"), QStringLiteral("25")}
            << QStringLiteral("--max-zoom takes a zoom level");
        QTest::newRow("minimum above maximum")
            << QStringList{QStringLiteral("--min-zoom"), QStringLiteral("12"),
                           QStringLiteral("--max-zoom"), QStringLiteral("10")}
            << QStringLiteral("--min-zoom 12 is above --max-zoom 10");
        QTest::newRow("max-zoom-of an unknown file")
            << QStringList{QStringLiteral("--max-zoom-of"), QStringLiteral("other.json=11")}
            << QStringLiteral("not one of the inputs");
    }

    void invalidOptionsRejected()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        QTemporaryDir out;
        const QString map = out.filePath(QStringLiteral("map.mbtiles"));
        const Test::CtlRun run = build(map, options + QStringList{m_osm});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(!QFile::exists(map));
    }

    void hueInputsBuild()
    {
        QTemporaryDir out;
        const QString map = out.filePath(QStringLiteral("hue.mbtiles"));
        const QDir source(QStringLiteral(CIVICDESK_SOURCE_DIR));
        const QString roads =
            source.filePath(QStringLiteral("resources/basemap/hue_roads_rail_legocity.geojson"));
        const Test::CtlRun run = build(
            map,
            {QStringLiteral("--min-zoom"), QStringLiteral("8"), QStringLiteral("--max-zoom"),
             QStringLiteral("10"), QStringLiteral("--attribution"),
             QStringLiteral("Roads: CTU-SematX LegoCity (CC BY-SA 4.0)"),
             source.filePath(QStringLiteral("resources/reference/hue_wards_osm_2025.json")), roads,
             source.filePath(QStringLiteral("resources/basemap/hue_places_osm_2017.json"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("40 area names")), qPrintable(run.out));
        QVERIFY2(run.out.contains(roads + QStringLiteral(" (GeoJSON)")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("drawn up to zoom 11")), qPrintable(run.out));
        QVERIFY2(!run.err.contains(QStringLiteral("skipped")), qPrintable(run.err));
        QVERIFY(QFile::exists(map));
    }
};

QTEST_GUILESS_MAIN(BasemapBuildTest)
#include "tst_basemapbuild.moc"
