#pragma once

#include <array>
#include <cstdint>
#include <QPointF>
#include <QRectF>
#include <QVarLengthArray>
#include <vector>

namespace CivicDesk {

// A hierarchical grid over Web Mercator that clusters up to millions of points for the map.
//
// Points are kept sorted by their Morton code (the bits of x and y interleaved), so the points
// of a grid cell at any level form one contiguous run of that order, found by binary search
// while descending the quadtree. Sums kept per block of 64 points and per block of 4096 give a
// run's count, category mix and centroid without visiting each point. Inserted points wait in
// a small unsorted buffer that queries read too, so a new point counts at once. When the buffer
// grows, one linear pass merges it into the sorted order.
//
// Positions are normalised Web Mercator (the world is the unit square, see mercator.h),
// quantised to 32 bits a side: about a centimetre at the equator.
class ClusterIndex
{
public:
    // Categories of points that clusters count separately, such as report statuses.
    static constexpr int MaxCategories = 12;
    // Deepest grid level: cells of 2^-MaxLevel of the world's width.
    static constexpr int MaxLevel = 31;
    static constexpr quint32 NoItem = 0xffffffffu;

    struct Point
    {
        double x = 0;        // normalised Mercator, 0 (west) to 1 (east)
        double y = 0;        // normalised Mercator, 0 (north) to 1 (south)
        quint32 item = 0;    // the caller's number for the point, below 2^31
        quint8 category = 0; // below MaxCategories
    };

    // The points of one or more neighbouring cells of one level.
    struct Cluster
    {
        QPointF position; // centroid, normalised Mercator
        quint32 count = 0;
        std::array<quint32, MaxCategories> categories{};
        // The item when count is 1, otherwise NoItem.
        quint32 item = NoItem;
        // Lowest and highest Morton code of its points: equal when all share one position.
        quint64 minKey = 0;
        quint64 maxKey = 0;
        int level = 0;
        // Keys of its cells at level (the top 2 * level bits of a Morton code).
        QVarLengthArray<quint64, 4> cells;

        bool samePosition() const { return minKey == maxKey; }
    };

    ClusterIndex();

    // Replaces every point. A repeated item keeps its last point.
    void reset(const std::vector<Point> &points);
    // Adds a point, or moves an item that is already in the index.
    void insert(const Point &point);
    // Returns whether the item was in the index.
    bool remove(quint32 item);
    // Returns whether the item was in the index.
    bool setCategory(quint32 item, quint8 category);
    bool contains(quint32 item) const;

    // Number of points.
    qsizetype size() const { return m_live; }

    // Returns the clusters of the non-empty cells of a level that intersect rect, one per cell,
    // in no particular order.
    std::vector<Cluster> clusters(const QRectF &rect, int level) const;

    // Joins clusters of neighbouring cells whose centroids lie closer than distance
    // (normalised units), larger clusters first, so that drawn clusters do not overlap where
    // a cell border cuts a group of points in two.
    static void mergeNearby(std::vector<Cluster> &clusters, double distance);

    // Returns the bounding rectangle of a cluster's points.
    QRectF extent(const Cluster &cluster) const;
    // Returns the items of a cluster's points, at most limit of them, in Morton order.
    std::vector<quint32> items(const Cluster &cluster, std::size_t limit) const;

    // Returns the grid level whose cells are 64 to 128 pixels wide at a zoom level.
    static int levelForZoom(double zoomLevel);

    // Bytes held by the index.
    std::size_t memoryUsage() const;

    // Morton code of a normalised position, and the position of a code's point.
    static quint64 keyOf(double x, double y);
    static QPointF positionOf(quint64 key);

private:
    struct Sums
    {
        quint32 count = 0;
        std::array<quint32, MaxCategories> categories{};
        quint64 x = 0;
        quint64 y = 0;
    };
    struct Entry
    {
        quint64 key;
        quint32 item;
        quint8 category;
    };

    void compact();
    void rebuildSums();
    void addPoint(Sums &sums, std::size_t index) const;
    void sumRange(Sums &sums, std::size_t begin, std::size_t end) const;
    void addRange(Cluster &cluster, std::size_t begin, std::size_t end) const;
    void collect(std::vector<Cluster> &out, int level, quint64 prefix, int prefixLevel,
                 std::size_t begin, std::size_t end, quint32 x0, quint32 y0, quint32 x1,
                 quint32 y1) const;
    void subtract(std::size_t index);
    void add(std::size_t index);
    template<typename Function> void forEachPoint(const Cluster &cluster, Function function) const;

    // The sorted part, as parallel arrays.
    std::vector<quint64> m_keys;
    std::vector<quint32> m_items;
    std::vector<quint8> m_categories; // Removed for a deleted point
    std::vector<Sums> m_blockSums;    // per BlockSize points
    std::vector<Sums> m_superSums;    // per SuperBlockSize points
    std::size_t m_removedSorted = 0;

    // Points not merged into the sorted part yet.
    std::vector<Entry> m_buffer;

    // Location of each item: an index into the sorted part, InBuffer plus an index into the
    // buffer, or Absent.
    std::vector<quint32> m_slots;
    qsizetype m_live = 0;
};

} // namespace CivicDesk
