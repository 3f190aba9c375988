#include "map/clusterindex.h"
#include "map/mercator.h"

#include <cmath>
#include <map>
#include <QRandomGenerator>
#include <QTest>
#include <set>

using namespace CivicDesk;

namespace {

// Hue's wards and communes lie within this rectangle.
constexpr double South = 15.99, North = 16.75, West = 107.03, East = 108.20;

struct TestPoint
{
    double x;
    double y;
    quint32 item;
    quint8 category;
};

// The cell of a position at a level, computed bit by bit as a check on the index's own
// arithmetic.
quint64 cellKey(double x, double y, int level)
{
    const auto cx = quint64(std::floor(x * std::ldexp(1.0, level)));
    const auto cy = quint64(std::floor(y * std::ldexp(1.0, level)));
    quint64 key = 0;
    for (int bit = level - 1; bit >= 0; --bit)
        key = key * 4 + ((cy >> bit) & 1) * 2 + ((cx >> bit) & 1);
    return key;
}

struct Expected
{
    quint32 count = 0;
    std::array<quint32, ClusterIndex::MaxCategories> categories{};
    double sumX = 0;
    double sumY = 0;
};

std::map<quint64, Expected> bruteForce(const std::map<quint32, TestPoint> &points, int level)
{
    std::map<quint64, Expected> cells;
    for (const auto &[item, point] : points) {
        Expected &cell = cells[cellKey(point.x, point.y, level)];
        ++cell.count;
        ++cell.categories[point.category];
        cell.sumX += point.x;
        cell.sumY += point.y;
    }
    return cells;
}

bool cellInRect(quint64 key, int level, const QRectF &rect)
{
    quint64 cx = 0, cy = 0;
    for (int bit = 0; bit < level; ++bit) {
        cx |= ((key >> (2 * bit)) & 1) << bit;
        cy |= ((key >> (2 * bit + 1)) & 1) << bit;
    }
    const double side = std::ldexp(1.0, level);
    const QRectF cell(cx / side, cy / side, 1 / side, 1 / side);
    const QRectF clipped = rect.intersected(QRectF(0, 0, 1, 1));
    // Cells touched by the rectangle, borders included, as the index counts them.
    return cell.left() <= clipped.right() && clipped.left() < cell.right() &&
           cell.top() <= clipped.bottom() && clipped.top() < cell.bottom();
}

} // namespace

class TestClusterIndex : public QObject
{
    Q_OBJECT

private:
    QRandomGenerator m_random;
    std::map<quint32, TestPoint> m_points;
    ClusterIndex m_index;

    TestPoint randomPoint(quint32 item)
    {
        const double latitude = South + m_random.generateDouble() * (North - South);
        const double longitude = West + m_random.generateDouble() * (East - West);
        const QPointF p = Mercator::project(latitude, longitude);
        return {p.x(), p.y(), item, quint8(m_random.bounded(9))};
    }

    void fill(int count)
    {
        m_points.clear();
        std::vector<ClusterIndex::Point> points;
        for (int i = 0; i < count; ++i) {
            TestPoint point = randomPoint(quint32(i));
            // One point in fifty shares its position with the one before it, as reports sent
            // from one address do.
            if (i > 0 && i % 50 == 0) {
                point.x = m_points[quint32(i - 1)].x;
                point.y = m_points[quint32(i - 1)].y;
            }
            m_points[point.item] = point;
            points.push_back({point.x, point.y, point.item, point.category});
        }
        m_index.reset(points);
    }

    // Compares the clusters of a level inside rect with a count of every point.
    void compare(const QRectF &rect, int level, bool merge)
    {
        std::vector<ClusterIndex::Cluster> clusters = m_index.clusters(rect, level);
        if (merge) {
            const double distance = 40 / Mercator::worldSize(level - 2);
            ClusterIndex::mergeNearby(clusters, distance);
        }
        const std::map<quint64, Expected> cells = bruteForce(m_points, level);
        quint32 expectedTotal = 0;
        for (const auto &[key, cell] : cells) {
            if (cellInRect(key, level, rect))
                expectedTotal += cell.count;
        }
        quint32 total = 0;
        std::set<quint64> seen;
        for (const ClusterIndex::Cluster &cluster : clusters) {
            QCOMPARE(cluster.level, level);
            Expected expected;
            for (quint64 key : cluster.cells) {
                QVERIFY2(seen.insert(key).second, "a cell belongs to two clusters");
                QVERIFY2(cellInRect(key, level, rect), "a cluster's cell lies outside the view");
                const auto found = cells.find(key);
                QVERIFY2(found != cells.end(), "a cluster has a cell without points");
                expected.count += found->second.count;
                for (int c = 0; c < ClusterIndex::MaxCategories; ++c)
                    expected.categories[c] += found->second.categories[c];
                expected.sumX += found->second.sumX;
                expected.sumY += found->second.sumY;
            }
            QCOMPARE(cluster.count, expected.count);
            QVERIFY(cluster.categories == expected.categories);
            // The index rounds positions to 2^-32 of the world.
            QVERIFY(std::abs(cluster.position.x() - expected.sumX / expected.count) < 1e-9);
            QVERIFY(std::abs(cluster.position.y() - expected.sumY / expected.count) < 1e-9);
            if (cluster.count == 1)
                QVERIFY(m_points.count(cluster.item) == 1);
            else
                QCOMPARE(cluster.item, ClusterIndex::NoItem);
            total += cluster.count;
        }
        QCOMPARE(total, expectedTotal);
    }

    QList<QRectF> views() const
    {
        const QPointF centre = Mercator::project(16.4637, 107.5909);
        QList<QRectF> result{QRectF(0, 0, 1, 1), QRectF(Mercator::project(North, West),
                                                        Mercator::project(South, East))};
        // A 1920 x 1080 view over the centre of Hue at zoom levels 8, 12 and 16.
        for (int zoom : {8, 12, 16}) {
            const double world = Mercator::worldSize(zoom);
            result.append(QRectF(centre - QPointF(960, 540) / world, QSizeF(1920, 1080) / world));
        }
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        m_random.seed(seed);
    }

    void mortonRoundTrip()
    {
        for (const QPointF &p : {QPointF(0, 0), QPointF(0.5, 0.25), QPointF(0.999999, 0.123456)}) {
            const QPointF back = ClusterIndex::positionOf(ClusterIndex::keyOf(p.x(), p.y()));
            QVERIFY(std::abs(back.x() - p.x()) < 1e-9);
            QVERIFY(std::abs(back.y() - p.y()) < 1e-9);
        }
        // Cells at a level are the top bits of the code.
        const QPointF hue = Mercator::project(16.4637, 107.5909);
        for (int level = 1; level <= 20; ++level) {
            QCOMPARE(ClusterIndex::keyOf(hue.x(), hue.y()) >> (64 - 2 * level),
                     cellKey(hue.x(), hue.y(), level));
        }
    }

    void countsMatchAtEveryLevel()
    {
        fill(20000);
        for (const QRectF &view : views()) {
            for (int level = 0; level <= 22; ++level) {
                compare(view, level, false);
                if (QTest::currentTestFailed()) {
                    qWarning() << "level" << level << "view" << view;
                    return;
                }
                compare(view, level, true);
                if (QTest::currentTestFailed()) {
                    qWarning() << "merged, level" << level << "view" << view;
                    return;
                }
            }
        }
    }

    void insertsRemovalsAndChanges()
    {
        fill(10000);
        // Enough changes to pass through the buffer and the merges into the sorted order.
        quint32 next = 10000;
        for (int round = 0; round < 12000; ++round) {
            const int action = int(m_random.bounded(4));
            if (action == 0 || action == 1) {
                const TestPoint point = randomPoint(next++);
                m_points[point.item] = point;
                m_index.insert({point.x, point.y, point.item, point.category});
            } else if (!m_points.empty()) {
                auto it = m_points.lower_bound(m_random.bounded(next));
                if (it == m_points.end())
                    it = m_points.begin();
                if (action == 2) {
                    QVERIFY(m_index.remove(it->first));
                    m_points.erase(it);
                } else {
                    it->second.category = quint8(m_random.bounded(9));
                    QVERIFY(m_index.setCategory(it->first, it->second.category));
                }
            }
            if (round % 3000 == 0) {
                for (int level : {0, 6, 12, 18})
                    compare(QRectF(0, 0, 1, 1), level, true);
            }
        }
        QCOMPARE(m_index.size(), qsizetype(m_points.size()));
        QVERIFY(!m_index.remove(next + 5));
        for (const QRectF &view : views()) {
            for (int level = 0; level <= 20; level += 2)
                compare(view, level, false);
        }
    }

    void movedItemCountsOnce()
    {
        fill(100);
        TestPoint &point = m_points[7];
        const TestPoint moved = randomPoint(7);
        point = moved;
        m_index.insert({moved.x, moved.y, 7, moved.category});
        QCOMPARE(m_index.size(), qsizetype(100));
        compare(QRectF(0, 0, 1, 1), 14, false);
    }

    void extentAndItems()
    {
        fill(5000);
        const std::vector<ClusterIndex::Cluster> clusters = m_index.clusters(QRectF(0, 0, 1, 1), 9);
        QVERIFY(!clusters.empty());
        for (const ClusterIndex::Cluster &cluster : clusters) {
            const std::vector<quint32> items = m_index.items(cluster, 1000000);
            QCOMPARE(items.size(), std::size_t(cluster.count));
            double left = 1, top = 1, right = 0, bottom = 0;
            for (quint32 item : items) {
                const TestPoint &point = m_points.at(item);
                left = std::min(left, point.x);
                right = std::max(right, point.x);
                top = std::min(top, point.y);
                bottom = std::max(bottom, point.y);
            }
            const QRectF extent = m_index.extent(cluster);
            QVERIFY(std::abs(extent.left() - left) < 1e-9);
            QVERIFY(std::abs(extent.top() - top) < 1e-9);
            QVERIFY(std::abs(extent.right() - right) < 1e-9);
            QVERIFY(std::abs(extent.bottom() - bottom) < 1e-9);
            QCOMPARE(m_index.items(cluster, 3).size(), std::min<std::size_t>(3, cluster.count));
        }
    }

    void samePositionRecognised()
    {
        std::vector<ClusterIndex::Point> points;
        const QPointF hue = Mercator::project(16.4637, 107.5909);
        for (quint32 i = 0; i < 5; ++i)
            points.push_back({hue.x(), hue.y(), i, quint8(i % 2)});
        points.push_back({hue.x() + 1e-7, hue.y(), 5, 0});
        m_index.reset(points);
        std::vector<ClusterIndex::Cluster> clusters = m_index.clusters(QRectF(0, 0, 1, 1), 24);
        QCOMPARE(clusters.size(), std::size_t(2));
        std::sort(clusters.begin(), clusters.end(),
                  [](const auto &a, const auto &b) { return a.count > b.count; });
        QCOMPARE(clusters[0].count, quint32(5));
        QVERIFY(clusters[0].samePosition());
        QCOMPARE(clusters[0].categories[0], quint32(3));
        QCOMPARE(clusters[0].categories[1], quint32(2));
        QCOMPARE(clusters[1].count, quint32(1));
        QCOMPARE(clusters[1].item, quint32(5));
        // At a coarser level both positions share a cell that is not one position.
        const std::vector<ClusterIndex::Cluster> coarse = m_index.clusters(QRectF(0, 0, 1, 1), 10);
        QCOMPARE(coarse.size(), std::size_t(1));
        QVERIFY(!coarse.front().samePosition());
    }

    void mergeJoinsAllEightNeighbours()
    {
        // Three points in the middle of a cell, one point just across each of its four edges
        // and four corners, and one point three cells away.
        constexpr int level = 20;
        const double side = std::ldexp(1.0, -level);
        const QPointF hue = Mercator::project(16.4637, 107.5909);
        const double cx = std::floor(hue.x() / side) + 0.5;
        const double cy = std::floor(hue.y() / side) + 0.5;
        std::vector<ClusterIndex::Point> points;
        for (quint32 i = 0; i < 3; ++i)
            points.push_back({cx * side, cy * side, i, 0});
        for (int dy = -1; dy <= 1; ++dy) {
            for (int dx = -1; dx <= 1; ++dx) {
                if (dx != 0 || dy != 0) {
                    points.push_back({(cx + 0.6 * dx) * side, (cy + 0.6 * dy) * side,
                                      quint32(points.size()), 1});
                }
            }
        }
        points.push_back({(cx + 3) * side, cy * side, quint32(points.size()), 2});
        m_index.reset(points);

        std::vector<ClusterIndex::Cluster> clusters = m_index.clusters(QRectF(0, 0, 1, 1), level);
        QCOMPARE(clusters.size(), std::size_t(10));
        ClusterIndex::mergeNearby(clusters, 2 * side);
        QCOMPARE(clusters.size(), std::size_t(2));
        std::sort(clusters.begin(), clusters.end(),
                  [](const auto &a, const auto &b) { return a.count > b.count; });
        QCOMPARE(clusters[0].count, quint32(11));
        QCOMPARE(clusters[0].cells.size(), 9);
        QCOMPARE(clusters[0].categories[1], quint32(8));
        QCOMPARE(clusters[1].count, quint32(1));
        QCOMPARE(clusters[1].categories[2], quint32(1));
    }

    void emptyAndOutOfWorld()
    {
        m_index.reset({});
        QVERIFY(m_index.clusters(QRectF(0, 0, 1, 1), 5).empty());
        m_index.insert({0.5, 0.5, 3, 1});
        QCOMPARE(m_index.clusters(QRectF(0.4, 0.4, 0.2, 0.2), 5).size(), std::size_t(1));
        QVERIFY(m_index.clusters(QRectF(2, 2, 1, 1), 5).empty());
        QVERIFY(m_index.clusters(QRectF(0.1, 0.1, 0.1, 0.1), 5).empty());
        QVERIFY(m_index.remove(3));
        QVERIFY(m_index.clusters(QRectF(0, 0, 1, 1), 5).empty());
        QCOMPARE(m_index.size(), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TestClusterIndex)
#include "tst_clusterindex.moc"
