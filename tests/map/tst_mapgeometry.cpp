#include "map/labelplacement.h"
#include "map/mapareaset.h"
#include "map/mapgeometry.h"
#include "map/mapmarkerset.h"
#include "map/mercator.h"
#include "map/triangulation.h"

#include <cmath>
#include <QSignalSpy>
#include <QTest>

using namespace CivicDesk;

namespace {

Ring rectangleRing(double left, double top, double right, double bottom)
{
    return {QPointF(left, top), QPointF(right, top), QPointF(right, bottom), QPointF(left, bottom),
            QPointF(left, top)};
}

// A comb: a base with three teeth pointing up, so the ring has several reflex vertices.
Ring combRing()
{
    return {QPointF(0, 0), QPointF(7, 0), QPointF(7, 5), QPointF(6, 5),
            QPointF(6, 2), QPointF(4, 2), QPointF(4, 5), QPointF(3, 5),
            QPointF(3, 2), QPointF(1, 2), QPointF(1, 5), QPointF(0, 5)};
}

// A "C" open to the right: its bounding box centre lies outside it.
Ring cRing()
{
    return {QPointF(0, 0), QPointF(10, 0), QPointF(10, 2),  QPointF(2, 2),
            QPointF(2, 8), QPointF(10, 8), QPointF(10, 10), QPointF(0, 10)};
}

Ring reversed(const Ring &ring)
{
    return Ring(ring.crbegin(), ring.crend());
}

double triangleArea(const QPointF &a, const QPointF &b, const QPointF &c)
{
    return std::abs((b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x())) / 2;
}

double coveredArea(const Triangulation &result)
{
    double sum = 0;
    for (qsizetype i = 0; i + 2 < result.indices.size(); i += 3) {
        sum += triangleArea(result.vertices.at(result.indices.at(i)),
                            result.vertices.at(result.indices.at(i + 1)),
                            result.vertices.at(result.indices.at(i + 2)));
    }
    return sum;
}

// Returns whether every triangle's centroid lies inside the polygon (even-odd over all rings).
bool centroidsInside(const Triangulation &result, const QList<Ring> &rings)
{
    for (qsizetype i = 0; i + 2 < result.indices.size(); i += 3) {
        const QPointF centroid = (result.vertices.at(result.indices.at(i)) +
                                  result.vertices.at(result.indices.at(i + 1)) +
                                  result.vertices.at(result.indices.at(i + 2))) /
                                 3;
        bool inside = false;
        for (const Ring &ring : rings)
            inside ^= ringContains(ring, centroid);
        if (!inside)
            return false;
    }
    return true;
}

} // namespace

class MapGeometryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mercatorKnownValues()
    {
        QCOMPARE(Mercator::project(0, 0), QPointF(0.5, 0.5));
        QCOMPARE(Mercator::project(0, 180).x(), 1.0);
        QCOMPARE(Mercator::project(0, -180).x(), 0.0);
        QVERIFY(std::abs(Mercator::project(Mercator::MaxLatitude, 0).y()) < 1e-12);
        QVERIFY(std::abs(Mercator::project(-Mercator::MaxLatitude, 0).y() - 1) < 1e-12);
        QCOMPARE(Mercator::worldSize(0), 256.0);
        QCOMPARE(Mercator::worldSize(3), 2048.0);
    }

    // Tiles of the OpenStreetMap scheme (x from the west, y from the north) that hold known
    // places, as tile servers and the base map number them.
    void mercatorKnownTiles_data()
    {
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::addColumn<int>("zoom");
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::newRow("Berlin, zoom 10") << 52.52 << 13.405 << 10 << 550 << 335;
        QTest::newRow("Hue centre, zoom 16") << 16.4637 << 107.5909 << 16 << 52354 << 29728;
        QTest::newRow("Sydney, zoom 12") << -33.8568 << 151.2153 << 12 << 3768 << 2457;
        QTest::newRow("null island, zoom 1") << 0.0 << 0.0 << 1 << 1 << 1;
        QTest::newRow("north-west corner, zoom 3") << 85.0511 << -180.0 << 3 << 0 << 0;
    }

    void mercatorKnownTiles()
    {
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        QFETCH(int, zoom);
        QFETCH(int, x);
        QFETCH(int, y);
        const QPointF tile = Mercator::project(latitude, longitude) * std::exp2(zoom);
        QCOMPARE(int(std::floor(tile.x())), x);
        QCOMPARE(int(std::floor(tile.y())), y);
    }

    void mercatorRoundTrip_data()
    {
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::newRow("Hue") << 16.4637 << 107.5909;
        QTest::newRow("origin") << 0.0 << 0.0;
        QTest::newRow("south-west") << -45.5 << -120.25;
        QTest::newRow("east edge") << 10.0 << 180.0;
    }

    void mercatorRoundTrip()
    {
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        const QGeoCoordinate back = Mercator::unproject(Mercator::project(latitude, longitude));
        QVERIFY(std::abs(back.latitude() - latitude) < 1e-9);
        QVERIFY(std::abs(back.longitude() - longitude) < 1e-9);
    }

    void triangulationCoversPolygon_data()
    {
        QTest::addColumn<QList<Ring>>("rings");
        QTest::addColumn<double>("area");
        QTest::newRow("square") << QList<Ring>{rectangleRing(0, 0, 1, 1)} << 1.0;
        QTest::newRow("comb") << QList<Ring>{combRing()} << 23.0;
        QTest::newRow("comb clockwise") << QList<Ring>{reversed(combRing())} << 23.0;
        QTest::newRow("one hole") << QList<Ring>{rectangleRing(0, 0, 10, 10),
                                                 rectangleRing(3, 3, 6, 6)}
                                  << 91.0;
        QTest::newRow("two holes")
            << QList<Ring>{rectangleRing(0, 0, 10, 10), rectangleRing(1, 1, 3, 3),
                           rectangleRing(6, 6, 9, 8)}
            << 90.0;
        QTest::newRow("hole in concave ring")
            << QList<Ring>{cRing(), rectangleRing(0.5, 0.5, 1.5, 9.5)} << 43.0;
        QTest::newRow("collinear and repeated points")
            << QList<Ring>{{QPointF(0, 0), QPointF(1, 0), QPointF(2, 0), QPointF(2, 0),
                            QPointF(2, 2), QPointF(0, 2), QPointF(0, 0)}}
            << 4.0;
    }

    void triangulationCoversPolygon()
    {
        QFETCH(QList<Ring>, rings);
        QFETCH(double, area);
        const Triangulation result = triangulatePolygon(rings);
        QCOMPARE(result.indices.size() % 3, 0);
        QVERIFY(!result.indices.isEmpty());
        QVERIFY(std::abs(coveredArea(result) - area) < 1e-9);
        QVERIFY(centroidsInside(result, rings));
    }

    void triangulationSkipsDegenerateRings()
    {
        QVERIFY(triangulatePolygon({}).indices.isEmpty());
        QVERIFY(
            triangulatePolygon({{QPointF(0, 0), QPointF(1, 1), QPointF(0, 0)}}).indices.isEmpty());
    }

    void labelAnchorInsideConcaveRing()
    {
        const QList<Ring> polygon{cRing()};
        const LabelAnchor anchor = findLabelAnchor(polygon);
        QVERIFY(ringContains(cRing(), anchor.position));
        QVERIFY(!ringContains(cRing(), QPointF(5, 5))); // the bounding box centre
        // The largest circle inside sits in a corner of the C, touching two outer edges and the
        // inner corner at (2, 2): its radius is 2 * sqrt(2) / (1 + sqrt(2)), about 1.17.
        QVERIFY(anchor.clearance > 0.9);
        QVERIFY(anchor.clearance <= 2 * M_SQRT2 / (1 + M_SQRT2) + 1e-9);
    }

    void labelAnchorFollowsLabelAspect()
    {
        // An L: a tall arm 4 wide and a long arm 3 high. A round label has more room in the
        // tall arm, a wide one in the long arm.
        const Ring ring{QPointF(0, 0), QPointF(30, 0), QPointF(30, 3),
                        QPointF(4, 3), QPointF(4, 20), QPointF(0, 20)};
        const LabelAnchor round = findLabelAnchor({ring}, 1);
        QVERIFY(round.position.x() < 4);
        QVERIFY(round.clearance > 1.6);

        const LabelAnchor wide = findLabelAnchor({ring}, 5);
        QVERIFY(wide.position.x() > 8);
        QVERIFY(wide.position.y() < 3);
        QVERIFY(wide.clearance > 1.3);
        QVERIFY(wide.clearance <= 1.5 + 1e-9);
    }

    void labelAnchorNearSquareCentre()
    {
        const LabelAnchor anchor = findLabelAnchor({rectangleRing(0, 0, 4, 4)});
        QVERIFY(QLineF(anchor.position, QPointF(2, 2)).length() < 0.1);
        QVERIFY(std::abs(anchor.clearance - 2) < 0.1);
    }

    void labelAnchorAvoidsHole()
    {
        const QList<Ring> polygon{rectangleRing(0, 0, 10, 10), rectangleRing(2, 2, 8, 8)};
        const LabelAnchor anchor = findLabelAnchor(polygon);
        QVERIFY(!ringContains(polygon.at(1), anchor.position));
        QVERIFY(anchor.clearance > 0.8);
    }

    void clusterGeometryForManyMarkers()
    {
        // A hundred thousand single markers, and a thousand clusters of every category.
        std::vector<ClusterIndex::Cluster> clusters;
        for (int i = 0; i < 100000; ++i) {
            ClusterIndex::Cluster single;
            single.position = QPointF(0.8 + (i % 1000) * 1e-5, 0.45 + (i / 1000) * 1e-5);
            single.count = 1;
            single.categories[i % 9] = 1;
            clusters.push_back(single);
        }
        for (int i = 0; i < 1000; ++i) {
            ClusterIndex::Cluster cluster;
            cluster.position = QPointF(0.8 + i * 1e-5, 0.46);
            for (int c = 0; c < ClusterIndex::MaxCategories; ++c)
                cluster.categories[c] = quint32(1 + (i * c) % 7);
            for (quint32 share : cluster.categories)
                cluster.count += share;
            clusters.push_back(cluster);
        }
        const QList<QColor> colors{Qt::red, Qt::blue};
        const MapGeometry::ScreenTransform transform{QPointF(0.8, 0.45), 1e6, {}};
        std::unique_ptr<QSGGeometry> geometry(MapGeometry::createColoredGeometry());
        MapGeometry::buildClusters(geometry.get(), clusters, colors, transform);

        QCOMPARE_GT(geometry->vertexCount(), 100000 * 24);
        QCOMPARE(geometry->indexCount() % 3, 0);
        const quint32 *indices = geometry->indexDataAsUInt();
        quint32 highest = 0;
        for (int i = 0; i < geometry->indexCount(); ++i)
            highest = std::max(highest, indices[i]);
        QCOMPARE(highest, quint32(geometry->vertexCount() - 1));

        // Counts: one glyph quad per character of every cluster's count.
        const MapLabels::CountGlyphs glyphs = MapLabels::renderCountGlyphs(1);
        std::unique_ptr<QSGGeometry> labels(MapGeometry::createTexturedGeometry());
        MapGeometry::buildCountLabels(labels.get(), clusters, glyphs, transform);
        int characters = 0;
        for (const ClusterIndex::Cluster &cluster : clusters) {
            if (cluster.count > 1)
                characters += int(MapLabels::countText(cluster.count).size());
        }
        QCOMPARE(labels->vertexCount(), 4 * characters);
        QCOMPARE(labels->indexCount(), 6 * characters);
    }

    void countTextShortensLargeCounts_data()
    {
        QTest::addColumn<quint32>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << 7u << QStringLiteral("7");
        QTest::newRow("hundreds") << 999u << QStringLiteral("999");
        QTest::newRow("thousand") << 1000u << QStringLiteral("1.0k");
        QTest::newRow("thousands") << 9999u << QStringLiteral("9.9k");
        QTest::newRow("tens of thousands") << 12345u << QStringLiteral("12k");
        QTest::newRow("hundreds of thousands") << 999999u << QStringLiteral("999k");
        QTest::newRow("million") << 1250000u << QStringLiteral("1.2M");
    }

    void countTextShortensLargeCounts()
    {
        QFETCH(quint32, count);
        QFETCH(QString, text);
        QCOMPARE(MapLabels::countText(count), text);
    }

    void markerSetSkipsInvalidPositions()
    {
        MapMarkerSet set;
        QSignalSpy changed(&set, &MapMarkerSet::markersChanged);
        QTest::ignoreMessage(QtWarningMsg, "Skipped 2 markers with a position outside WGS84 range");
        set.setMarkers({MapMarker{QStringLiteral("a"), 16.46, 107.59, QColor(Qt::red)},
                        MapMarker{QStringLiteral("b"), 95, 107.59, QColor(Qt::red)},
                        MapMarker{QStringLiteral("c"), qQNaN(), 0, QColor(Qt::red)},
                        MapMarker{QStringLiteral("d"), 16.47, 107.6, QColor(Qt::blue)}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(set.count(), 2);
        QVERIFY(set.contains(QStringLiteral("d")));
        QVERIFY(!set.contains(QStringLiteral("b")));
        QCOMPARE(set.coordinateOf(QStringLiteral("a")), QGeoCoordinate(16.46, 107.59));
        QVERIFY(!set.coordinateOf(QStringLiteral("c")).isValid());
    }

    void markerSetKeepsLastOfRepeatedId()
    {
        MapMarkerSet set;
        set.setMarkers({MapMarker{QStringLiteral("a"), 1, 1, QColor(Qt::red)},
                        MapMarker{QStringLiteral("a"), 2, 2, QColor(Qt::blue)}});
        QCOMPARE(set.count(), 1);
        QCOMPARE(set.marker(QStringLiteral("a"))->color, QColor(Qt::blue));
        QCOMPARE(set.coordinateOf(QStringLiteral("a")), QGeoCoordinate(2, 2));
    }

    void areaSetFromAdminUnits()
    {
        AdminUnit ward;
        ward.code = QStringLiteral("W1");
        ward.nameVi = QStringLiteral("Phường Phú Xuân");
        ward.boundaryGeoJson =
            QStringLiteral(R"({"type":"Polygon","coordinates":)"
                           R"([[[107.5,16.4],[107.6,16.4],[107.6,16.5],[107.5,16.4]]]})");
        AdminUnit broken;
        broken.code = QStringLiteral("W2");
        broken.boundaryGeoJson = QStringLiteral("{\"type\":\"Point\"}");

        MapAreaSet set;
        QSignalSpy changed(&set, &MapAreaSet::areasChanged);
        QTest::ignoreMessage(QtWarningMsg, "Skipped administrative unit \"W2\" because its "
                                           "boundary is missing or not a GeoJSON polygon");
        QCOMPARE(set.setAreasFromAdminUnits({ward, broken}), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(set.count(), 1);
        QCOMPARE(set.areas().first().name, ward.nameVi);
        QCOMPARE(set.boundingRectangle(),
                 QGeoRectangle(QGeoCoordinate(16.5, 107.5), QGeoCoordinate(16.4, 107.6)));
        QCOMPARE(set.areaAt(QGeoCoordinate(16.42, 107.58)), QStringLiteral("W1"));
        QCOMPARE(set.areaAt(QGeoCoordinate(16.48, 107.52)), QString());
    }
};

QTEST_MAIN(MapGeometryTest)
#include "tst_mapgeometry.moc"
