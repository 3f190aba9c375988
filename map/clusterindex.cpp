#include "map/clusterindex.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <QHash>

namespace CivicDesk {
namespace {

constexpr std::size_t BlockSize = 64;
constexpr std::size_t SuperBlockSize = 4096;
constexpr std::size_t BlocksPerSuperBlock = SuperBlockSize / BlockSize;
// Runs shorter than this are summed point by point.
constexpr std::size_t ShortRun = 2 * BlockSize;
// The buffer is merged into the sorted part past this many points, or past an eighth of the
// sorted part, whichever is larger: a merge costs one pass over every point.
constexpr std::size_t MinBufferLimit = 4096;

constexpr quint8 Removed = 0xff;
constexpr quint32 Absent = 0xffffffffu;
constexpr quint32 InBuffer = 0x80000000u;

// Spreads the 32 bits of v over the even bits of a 64-bit word.
quint64 spread(quint32 v)
{
    quint64 x = v;
    x = (x | (x << 16)) & 0x0000ffff0000ffffULL;
    x = (x | (x << 8)) & 0x00ff00ff00ff00ffULL;
    x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0fULL;
    x = (x | (x << 2)) & 0x3333333333333333ULL;
    x = (x | (x << 1)) & 0x5555555555555555ULL;
    return x;
}

// Gathers the even bits of a 64-bit word.
quint32 compress(quint64 x)
{
    x &= 0x5555555555555555ULL;
    x = (x | (x >> 1)) & 0x3333333333333333ULL;
    x = (x | (x >> 2)) & 0x0f0f0f0f0f0f0f0fULL;
    x = (x | (x >> 4)) & 0x00ff00ff00ff00ffULL;
    x = (x | (x >> 8)) & 0x0000ffff0000ffffULL;
    x = (x | (x >> 16)) & 0x00000000ffffffffULL;
    return quint32(x);
}

quint32 quantise(double v)
{
    const double scaled = std::floor(v * 4294967296.0);
    if (!(scaled > 0))
        return 0;
    if (scaled >= 4294967295.0)
        return 0xffffffffu;
    return quint32(scaled);
}

// Cluster indexes by cell key, for the eight neighbour lookups per cluster of mergeNearby():
// open addressing with linear probing in a table at least twice the cluster count. Together
// with stepKey(), it cut the instructions of mergeNearby() by 44% against a QHash looked up
// with spread() keys (callgrind, bench/clusterbench with 100,000 points).
class CellTable
{
public:
    static constexpr std::size_t NotFound = std::numeric_limits<std::size_t>::max();

    explicit CellTable(std::size_t count)
    {
        std::size_t size = 16;
        while (size < 2 * count)
            size *= 2;
        m_shift = 64 - std::countr_zero(size);
        m_slots.assign(size, Slot{0, NotFound});
    }

    // Maps the cell to index, replacing an earlier index of the same cell.
    void insert(quint64 cell, std::size_t index)
    {
        std::size_t i = home(cell);
        while (m_slots[i].index != NotFound && m_slots[i].cell != cell)
            i = (i + 1) & (m_slots.size() - 1);
        m_slots[i] = {cell, index};
    }

    std::size_t find(quint64 cell) const
    {
        for (std::size_t i = home(cell);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i].index == NotFound || m_slots[i].cell == cell)
                return m_slots[i].index;
        }
    }

private:
    struct Slot
    {
        quint64 cell;
        std::size_t index;
    };

    // Fibonacci hashing: the top bits of the key times 2^64 divided by the golden ratio.
    std::size_t home(quint64 cell) const
    {
        return std::size_t((cell * 0x9e3779b97f4a7c15ULL) >> m_shift);
    }

    std::vector<Slot> m_slots;
    int m_shift = 0;
};

constexpr quint64 XBits = 0x5555555555555555ULL;
constexpr quint64 YBits = ~XBits;

// Moves a Morton code one cell along an axis (XBits or YBits): step is -1, 0 or +1. A step out
// of the grid would carry into the next level's bits, so mergeNearby() checks the bounds first.
quint64 stepKey(quint64 key, qint64 step, quint64 axis)
{
    if (step == 0)
        return key;
    const quint64 moved = step > 0 ? ((key | ~axis) + 1) & axis : ((key & axis) - 1) & axis;
    return moved | (key & ~axis);
}

quint64 cellOf(quint64 key, int level)
{
    return level == 0 ? 0 : key >> (64 - 2 * level);
}

// First Morton code inside the cell with that prefix at that level.
quint64 firstKeyOf(quint64 prefix, int level)
{
    return level == 0 ? 0 : prefix << (64 - 2 * level);
}

} // namespace

ClusterIndex::ClusterIndex() = default;

quint64 ClusterIndex::keyOf(double x, double y)
{
    return spread(quantise(x)) | (spread(quantise(y)) << 1);
}

QPointF ClusterIndex::positionOf(quint64 key)
{
    // The centre of the quantum, so that a position survives a round trip.
    return {(compress(key) + 0.5) / 4294967296.0, (compress(key >> 1) + 0.5) / 4294967296.0};
}

int ClusterIndex::levelForZoom(double zoomLevel)
{
    // At level zoom a cell is as wide as a 256-pixel tile, and two levels deeper 64 pixels.
    const int level = int(std::floor(zoomLevel)) + 2;
    return std::clamp(level, 0, MaxLevel);
}

void ClusterIndex::reset(const std::vector<Point> &points)
{
    std::vector<Entry> entries;
    entries.reserve(points.size());
    quint32 highestItem = 0;
    for (const Point &point : points) {
        entries.push_back({keyOf(point.x, point.y), point.item,
                           quint8(std::min<int>(point.category, MaxCategories - 1))});
        highestItem = std::max(highestItem, point.item);
    }
    // A repeated item keeps its last point: mark earlier ones before sorting.
    m_slots.assign(points.empty() ? 0 : std::size_t(highestItem) + 1, Absent);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        quint32 &slot = m_slots[entries[i].item];
        if (slot != Absent)
            entries[slot].category = Removed;
        slot = quint32(i);
    }
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const Entry &e) { return e.category == Removed; }),
                  entries.end());
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.key < b.key; });

    m_keys.resize(entries.size());
    m_items.resize(entries.size());
    m_categories.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        m_keys[i] = entries[i].key;
        m_items[i] = entries[i].item;
        m_categories[i] = entries[i].category;
        m_slots[entries[i].item] = quint32(i);
    }
    m_keys.shrink_to_fit();
    m_items.shrink_to_fit();
    m_categories.shrink_to_fit();
    m_buffer.clear();
    m_removedSorted = 0;
    m_live = qsizetype(entries.size());
    rebuildSums();
}

void ClusterIndex::rebuildSums()
{
    const std::size_t n = m_keys.size();
    m_blockSums.assign((n + BlockSize - 1) / BlockSize, Sums{});
    m_superSums.assign((n + SuperBlockSize - 1) / SuperBlockSize, Sums{});
    for (std::size_t i = 0; i < n; ++i) {
        addPoint(m_blockSums[i / BlockSize], i);
        addPoint(m_superSums[i / SuperBlockSize], i);
    }
}

void ClusterIndex::addPoint(Sums &sums, std::size_t index) const
{
    const quint8 category = m_categories[index];
    if (category == Removed)
        return;
    const quint64 key = m_keys[index];
    ++sums.count;
    ++sums.categories[category];
    sums.x += compress(key);
    sums.y += compress(key >> 1);
}

static void addSums(auto &to, const auto &from)
{
    to.count += from.count;
    for (int c = 0; c < ClusterIndex::MaxCategories; ++c)
        to.categories[c] += from.categories[c];
    to.x += from.x;
    to.y += from.y;
}

void ClusterIndex::sumRange(Sums &sums, std::size_t begin, std::size_t end) const
{
    if (end - begin < ShortRun) {
        for (std::size_t i = begin; i < end; ++i)
            addPoint(sums, i);
        return;
    }
    // Points up to the first block border, whole blocks up to the first super block border,
    // whole super blocks, then the same in reverse order of size.
    std::size_t i = begin;
    for (; i % BlockSize != 0; ++i)
        addPoint(sums, i);
    for (; i % SuperBlockSize != 0 && i + BlockSize <= end; i += BlockSize)
        addSums(sums, m_blockSums[i / BlockSize]);
    for (; i + SuperBlockSize <= end; i += SuperBlockSize)
        addSums(sums, m_superSums[i / SuperBlockSize]);
    for (; i + BlockSize <= end; i += BlockSize)
        addSums(sums, m_blockSums[i / BlockSize]);
    for (; i < end; ++i)
        addPoint(sums, i);
}

void ClusterIndex::addRange(Cluster &cluster, std::size_t begin, std::size_t end) const
{
    Sums sums;
    sumRange(sums, begin, end);
    if (sums.count == 0)
        return;
    // Until the query finishes, the cluster's position is the sum of its points' positions.
    std::size_t first = begin;
    while (m_categories[first] == Removed)
        ++first;
    std::size_t last = end - 1;
    while (m_categories[last] == Removed)
        --last;
    if (cluster.count == 0) {
        cluster.minKey = m_keys[first];
        cluster.maxKey = m_keys[last];
    } else {
        cluster.minKey = std::min(cluster.minKey, m_keys[first]);
        cluster.maxKey = std::max(cluster.maxKey, m_keys[last]);
    }
    cluster.item = cluster.count == 0 && sums.count == 1 ? m_items[first] : NoItem;
    cluster.count += sums.count;
    for (int c = 0; c < MaxCategories; ++c)
        cluster.categories[c] += sums.categories[c];
    cluster.position += QPointF(double(sums.x), double(sums.y));
}

void ClusterIndex::collect(std::vector<Cluster> &out, int level, quint64 prefix, int prefixLevel,
                           std::size_t begin, std::size_t end, quint32 x0, quint32 y0, quint32 x1,
                           quint32 y1) const
{
    if (begin == end)
        return;
    if (prefixLevel == level) {
        Cluster cluster;
        cluster.level = level;
        cluster.cells.append(prefix);
        addRange(cluster, begin, end);
        if (cluster.count > 0)
            out.push_back(std::move(cluster));
        return;
    }
    // The four children's runs, split by the first code of children 1, 2 and 3.
    const int childLevel = prefixLevel + 1;
    std::size_t bounds[5];
    bounds[0] = begin;
    bounds[4] = end;
    for (int q = 1; q < 4; ++q) {
        const quint64 first = firstKeyOf(prefix * 4 + q, childLevel);
        bounds[q] = std::size_t(
            std::lower_bound(m_keys.begin() + bounds[q - 1], m_keys.begin() + end, first) -
            m_keys.begin());
    }
    // Cell coordinates at the target level are compared after shifting to the child's level.
    const int shift = level - childLevel;
    const quint32 px = compress(prefix);
    const quint32 py = compress(prefix >> 1);
    for (int q = 0; q < 4; ++q) {
        const quint32 cx = px * 2 + (q & 1);
        const quint32 cy = py * 2 + (q >> 1);
        if (cx < (x0 >> shift) || cx > (x1 >> shift) || cy < (y0 >> shift) || cy > (y1 >> shift))
            continue;
        collect(out, level, prefix * 4 + q, childLevel, bounds[q], bounds[q + 1], x0, y0, x1, y1);
    }
}

std::vector<ClusterIndex::Cluster> ClusterIndex::clusters(const QRectF &rect, int level) const
{
    std::vector<Cluster> out;
    level = std::clamp(level, 0, MaxLevel);
    const QRectF world(0, 0, 1, 1);
    const QRectF clipped = rect.normalized().intersected(world);
    if (clipped.isEmpty() || m_live == 0)
        return out;
    const double cells = std::ldexp(1.0, level);
    const quint32 last = quint32(cells - 1);
    auto cell = [&](double v) {
        return std::min(last, quint32(std::max(0.0, v * cells)));
    };
    const quint32 x0 = cell(clipped.left()), x1 = cell(clipped.right());
    const quint32 y0 = cell(clipped.top()), y1 = cell(clipped.bottom());

    collect(out, level, 0, 0, 0, m_keys.size(), x0, y0, x1, y1);

    if (!m_buffer.empty()) {
        QHash<quint64, std::size_t> byCell;
        for (std::size_t i = 0; i < out.size(); ++i)
            byCell.insert(out[i].cells.first(), i);
        for (const Entry &entry : m_buffer) {
            if (entry.category == Removed)
                continue;
            const quint64 key = cellOf(entry.key, level);
            const quint32 cx = compress(key), cy = compress(key >> 1);
            if (cx < x0 || cx > x1 || cy < y0 || cy > y1)
                continue;
            auto found = byCell.constFind(key);
            if (found == byCell.cend()) {
                Cluster cluster;
                cluster.level = level;
                cluster.cells.append(key);
                found = byCell.insert(key, out.size());
                out.push_back(std::move(cluster));
            }
            Cluster &cluster = out[*found];
            cluster.minKey = cluster.count == 0 ? entry.key : std::min(cluster.minKey, entry.key);
            cluster.maxKey = cluster.count == 0 ? entry.key : std::max(cluster.maxKey, entry.key);
            cluster.item = cluster.count == 0 ? entry.item : NoItem;
            ++cluster.count;
            ++cluster.categories[entry.category];
            cluster.position += QPointF(compress(entry.key), compress(entry.key >> 1));
        }
    }
    for (Cluster &cluster : out)
        cluster.position = (cluster.position / cluster.count + QPointF(0.5, 0.5)) / 4294967296.0;
    return out;
}

void ClusterIndex::mergeNearby(std::vector<Cluster> &clusters, double distance)
{
    if (clusters.size() < 2)
        return;
    CellTable byCell(clusters.size());
    for (std::size_t i = 0; i < clusters.size(); ++i)
        byCell.insert(clusters[i].cells.first(), i);
    // Larger clusters take in their neighbours first, and ties go by cell, so the result is the
    // same whatever order the clusters came in. The keys are copied out of the clusters so that
    // the sort reads one array.
    struct OrderKey
    {
        quint32 count;
        quint64 cell;
        std::size_t index;
    };
    std::vector<OrderKey> order(clusters.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = {clusters[i].count, clusters[i].cells.first(), i};
    std::sort(order.begin(), order.end(), [](const OrderKey &a, const OrderKey &b) {
        return a.count != b.count ? a.count > b.count : a.cell < b.cell;
    });
    std::vector<bool> absorbed(clusters.size(), false);
    const double limit = distance * distance;
    for (const OrderKey &key : order) {
        const std::size_t index = key.index;
        if (absorbed[index])
            continue;
        Cluster &into = clusters[index];
        const quint64 cell = into.cells.first();
        const qint64 cx = compress(cell), cy = compress(cell >> 1);
        const qint64 side = qint64(1) << into.level;
        for (qint64 dy = -1; dy <= 1; ++dy) {
            for (qint64 dx = -1; dx <= 1; ++dx) {
                const qint64 nx = cx + dx, ny = cy + dy;
                if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= side || ny >= side)
                    continue;
                const std::size_t found = byCell.find(stepKey(stepKey(cell, dx, XBits), dy, YBits));
                if (found == CellTable::NotFound || absorbed[found] || found == index)
                    continue;
                Cluster &other = clusters[found];
                if (other.count > into.count)
                    continue; // it takes this one in its own turn, or has already declined
                const QPointF d = other.position - into.position;
                if (d.x() * d.x() + d.y() * d.y() >= limit)
                    continue;
                const double total = double(into.count) + other.count;
                into.position =
                    (into.position * double(into.count) + other.position * double(other.count)) /
                    total;
                into.count += other.count;
                for (int c = 0; c < MaxCategories; ++c)
                    into.categories[c] += other.categories[c];
                into.minKey = std::min(into.minKey, other.minKey);
                into.maxKey = std::max(into.maxKey, other.maxKey);
                into.item = NoItem;
                into.cells.append(other.cells.constData(), other.cells.size());
                absorbed[found] = true;
            }
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        if (absorbed[i])
            continue;
        if (kept != i)
            clusters[kept] = std::move(clusters[i]);
        ++kept;
    }
    clusters.resize(kept);
}

template<typename Function>
void ClusterIndex::forEachPoint(const Cluster &cluster, Function function) const
{
    for (quint64 cell : cluster.cells) {
        const quint64 first = firstKeyOf(cell, cluster.level);
        const auto begin = std::lower_bound(m_keys.begin(), m_keys.end(), first);
        for (auto it = begin; it != m_keys.end() && cellOf(*it, cluster.level) == cell; ++it) {
            const std::size_t i = std::size_t(it - m_keys.begin());
            if (m_categories[i] != Removed && !function(*it, m_items[i]))
                return;
        }
    }
    for (const Entry &entry : m_buffer) {
        if (entry.category == Removed)
            continue;
        if (cluster.cells.contains(cellOf(entry.key, cluster.level)) &&
            !function(entry.key, entry.item)) {
            return;
        }
    }
}

QRectF ClusterIndex::extent(const Cluster &cluster) const
{
    double left = 1, top = 1, right = 0, bottom = 0;
    bool any = false;
    forEachPoint(cluster, [&](quint64 key, quint32) {
        const QPointF p = positionOf(key);
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
        any = true;
        return true;
    });
    return any ? QRectF(QPointF(left, top), QPointF(right, bottom)) : QRectF();
}

std::vector<quint32> ClusterIndex::items(const Cluster &cluster, std::size_t limit) const
{
    std::vector<quint32> result;
    if (limit == 0)
        return result;
    forEachPoint(cluster, [&](quint64, quint32 item) {
        result.push_back(item);
        return result.size() < limit;
    });
    return result;
}

bool ClusterIndex::contains(quint32 item) const
{
    return item < m_slots.size() && m_slots[item] != Absent;
}

void ClusterIndex::subtract(std::size_t index)
{
    const quint64 key = m_keys[index];
    const quint8 category = m_categories[index];
    for (Sums *sums : {&m_blockSums[index / BlockSize], &m_superSums[index / SuperBlockSize]}) {
        --sums->count;
        --sums->categories[category];
        sums->x -= compress(key);
        sums->y -= compress(key >> 1);
    }
}

void ClusterIndex::add(std::size_t index)
{
    addPoint(m_blockSums[index / BlockSize], index);
    addPoint(m_superSums[index / SuperBlockSize], index);
}

void ClusterIndex::insert(const Point &point)
{
    if (point.item >= InBuffer)
        return;
    remove(point.item);
    if (point.item >= m_slots.size())
        m_slots.resize(std::size_t(point.item) + 1, Absent);
    m_slots[point.item] = InBuffer | quint32(m_buffer.size());
    m_buffer.push_back({keyOf(point.x, point.y), point.item,
                        quint8(std::min<int>(point.category, MaxCategories - 1))});
    ++m_live;
    const std::size_t limit = std::max(MinBufferLimit, m_keys.size() / 8);
    if (m_buffer.size() > limit)
        compact();
}

bool ClusterIndex::remove(quint32 item)
{
    if (!contains(item))
        return false;
    const quint32 slot = m_slots[item];
    if (slot & InBuffer) {
        m_buffer[slot & ~InBuffer].category = Removed;
    } else {
        subtract(slot);
        m_categories[slot] = Removed;
        ++m_removedSorted;
    }
    m_slots[item] = Absent;
    --m_live;
    if (m_removedSorted > std::max(MinBufferLimit, m_keys.size() / 8))
        compact();
    return true;
}

bool ClusterIndex::setCategory(quint32 item, quint8 category)
{
    if (!contains(item))
        return false;
    category = quint8(std::min<int>(category, MaxCategories - 1));
    const quint32 slot = m_slots[item];
    if (slot & InBuffer) {
        m_buffer[slot & ~InBuffer].category = category;
    } else {
        subtract(slot);
        m_categories[slot] = category;
        add(slot);
    }
    return true;
}

void ClusterIndex::compact()
{
    std::vector<Entry> buffer;
    buffer.reserve(m_buffer.size());
    for (const Entry &entry : m_buffer) {
        if (entry.category != Removed)
            buffer.push_back(entry);
    }
    std::sort(buffer.begin(), buffer.end(),
              [](const Entry &a, const Entry &b) { return a.key < b.key; });

    const std::size_t total = std::size_t(m_live);
    std::vector<quint64> keys;
    std::vector<quint32> items;
    std::vector<quint8> categories;
    keys.reserve(total);
    items.reserve(total);
    categories.reserve(total);
    std::size_t b = 0;
    auto takeBuffer = [&] {
        keys.push_back(buffer[b].key);
        items.push_back(buffer[b].item);
        categories.push_back(buffer[b].category);
        ++b;
    };
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_categories[i] == Removed)
            continue;
        while (b < buffer.size() && buffer[b].key < m_keys[i])
            takeBuffer();
        keys.push_back(m_keys[i]);
        items.push_back(m_items[i]);
        categories.push_back(m_categories[i]);
    }
    while (b < buffer.size())
        takeBuffer();

    m_keys = std::move(keys);
    m_items = std::move(items);
    m_categories = std::move(categories);
    for (std::size_t i = 0; i < m_items.size(); ++i)
        m_slots[m_items[i]] = quint32(i);
    m_buffer.clear();
    m_removedSorted = 0;
    rebuildSums();
}

std::size_t ClusterIndex::memoryUsage() const
{
    return m_keys.capacity() * sizeof(quint64) + m_items.capacity() * sizeof(quint32) +
           m_categories.capacity() * sizeof(quint8) +
           (m_blockSums.capacity() + m_superSums.capacity()) * sizeof(Sums) +
           m_buffer.capacity() * sizeof(Entry) + m_slots.capacity() * sizeof(quint32) +
           sizeof(*this);
}

} // namespace CivicDesk
