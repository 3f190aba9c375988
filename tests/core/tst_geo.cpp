#include "core/geo.h"

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
};

QTEST_GUILESS_MAIN(GeoTest)
#include "tst_geo.moc"
