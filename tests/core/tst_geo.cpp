#include "core/geo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace CivicDesk;

class GeoTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinsReversedWays()
    {
        // A square cut into three ways, the middle one stored backwards.
        const QList<Ring> ways{
            {QPointF(0, 0), QPointF(1, 0)},
            {QPointF(1, 1), QPointF(1, 0)},
            {QPointF(1, 1), QPointF(0, 1), QPointF(0, 0)},
        };
        int unclosed = -1;
        const QList<Ring> rings = joinWaysIntoRings(ways, &unclosed);
        QCOMPARE(unclosed, 0);
        QCOMPARE(rings.size(), 1);
        QCOMPARE(rings.first().size(), 5);
        QCOMPARE(rings.first().first(), rings.first().last());
    }

    void reportsOpenWays()
    {
        int unclosed = -1;
        const QList<Ring> rings = joinWaysIntoRings({{QPointF(0, 0), QPointF(1, 0)}}, &unclosed);
        QVERIFY(rings.isEmpty());
        QCOMPARE(unclosed, 1);
    }

    void containsHonoursHoles()
    {
        const Ring outer{QPointF(0, 0), QPointF(10, 0), QPointF(10, 10), QPointF(0, 10),
                         QPointF(0, 0)};
        const Ring hole{QPointF(4, 4), QPointF(6, 4), QPointF(6, 6), QPointF(4, 6), QPointF(4, 4)};
        const MultiPolygon shape{Rings{outer, hole}};
        QVERIFY(contains(shape, GeoPoint{2, 2}));
        QVERIFY(!contains(shape, GeoPoint{5, 5}));
        QVERIFY(!contains(shape, GeoPoint{11, 5}));
    }

    void geoJsonRoundTrip()
    {
        const MultiPolygon shape{Rings{Ring{QPointF(107.5, 16.4), QPointF(107.6, 16.4),
                                            QPointF(107.6, 16.5), QPointF(107.5, 16.4)}}};
        QCOMPARE(multiPolygonFromGeoJson(multiPolygonToGeoJson(shape)), shape);
    }

    void usablePositions()
    {
        QVERIFY(isUsablePosition({16.4637, 107.5909}));
        QVERIFY(!isUsablePosition({0, 0}));
        QVERIFY(!isUsablePosition({91, 10}));
        QVERIFY(!isUsablePosition({10, 181}));
    }

    void readsRelationWaysByRole()
    {
        const QByteArray json = R"({"members": [
            {"type": "way", "role": "outer", "geometry": [{"lat": 16.4, "lon": 107.5},
                                                         {"lat": 16.5, "lon": 107.6}]},
            {"type": "way", "role": "inner", "geometry": [{"lat": 16.45, "lon": 107.55},
                                                         {"lat": 16.46, "lon": 107.56}]},
            {"type": "way", "role": "outer", "geometry": [{"lat": 16.5, "lon": 107.6}]},
            {"type": "node", "role": "label", "lat": 16.45, "lon": 107.55}]})";
        const QJsonObject relation = QJsonDocument::fromJson(json).object();
        const auto outer = overpassRelationWays(relation, QLatin1String("outer"));
        QVERIFY(outer.has_value());
        QCOMPARE(outer->size(), 1); // the one-point way is left out
        QCOMPARE(outer->first(), (Ring{QPointF(107.5, 16.4), QPointF(107.6, 16.5)}));
        QCOMPARE(overpassRelationWays(relation, QLatin1String("inner"))->size(), 1);
    }

    void rejectsInvalidOverpassPoints_data()
    {
        QTest::addColumn<QByteArray>("node");
        QTest::newRow("latitude beyond 90") << QByteArray(R"({"lat": 91, "lon": 107})");
        QTest::newRow("longitude beyond 180") << QByteArray(R"({"lat": 16, "lon": -181})");
        QTest::newRow("latitude as text") << QByteArray(R"({"lat": "16.4", "lon": 107})");
        QTest::newRow("longitude missing") << QByteArray(R"({"lat": 16.4})");
    }

    void rejectsInvalidOverpassPoints()
    {
        QFETCH(QByteArray, node);
        QVERIFY(!overpassPoint(QJsonDocument::fromJson(node).object()).has_value());
        const QJsonObject relation{
            {QStringLiteral("members"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("way")},
                 {QStringLiteral("role"), QStringLiteral("outer")},
                 {QStringLiteral("geometry"),
                  QJsonArray{QJsonDocument::fromJson(R"({"lat": 16, "lon": 107})").object(),
                             QJsonDocument::fromJson(node).object()}}}}}};
        QVERIFY(!overpassRelationWays(relation, QLatin1String("outer")).has_value());
    }
};

QTEST_GUILESS_MAIN(GeoTest)
#include "tst_geo.moc"
