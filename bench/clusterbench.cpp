// Build time, viewport query time and memory of the map's cluster index (map/clusterindex.h)
// for points spread over the wards and communes of Hue, with the raw limit of sorting the
// points' Morton codes measured in the same run.
//
//   clusterbench --seed 42 --points 100000,1000000 --export DIR
//
// With --export, the program also writes the points and view centres of each run to
// DIR/views-N.bin and its results to DIR/civicdesk.json, so that bench/supercluster/bench.mjs
// can run the same views through the JavaScript library supercluster. bench/run-clusterbench
// runs both and prints them side by side.

#include "benchsupport.h"
#include "core/geo.h"
#include "map/clusterindex.h"
#include "map/mercator.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <malloc.h>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtEndian>
#include <vector>

using namespace CivicDesk;
using namespace CivicDesk::Bench;

namespace {

// The view: a full HD window, in which clusters closer than 40 pixels are merged.
constexpr double ViewWidth = 1920;
constexpr double ViewHeight = 1080;
constexpr double MergeRadius = 40; // pixels
constexpr int MaxZoom = 18;
// Report statuses (core/codes.h), which the map counts per cluster.
constexpr int StatusCount = 9;
// Views per zoom level run before timing, so that both libraries start warm.
constexpr int WarmUpViews = 100;

// Points of a run: positions in WGS84 and the same projected to normalised Web Mercator.
struct PointSet
{
    std::vector<GeoPoint> positions;
    std::vector<quint8> statuses;
    std::vector<ClusterIndex::Point> projected;
};

struct BuildResult
{
    double medianMs = 0;
    QList<double> runsMs;
    std::size_t memoryBytes = 0;
    qint64 residentGrowthKiB = 0;
};

struct ZoomResult
{
    int zoom = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double clustersP50 = 0;
};

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

PointSet samplePoints(const QList<Ward> &wards, int count, QRandomGenerator &random)
{
    PointSet set;
    set.positions.reserve(std::size_t(count));
    set.statuses.reserve(std::size_t(count));
    set.projected.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const GeoPoint position = randomPosition(wards, random);
        const auto status = quint8(random.bounded(StatusCount));
        const QPointF p = Mercator::project(position.latitude, position.longitude);
        set.positions.push_back(position);
        set.statuses.push_back(status);
        set.projected.push_back({p.x(), p.y(), quint32(i), status});
    }
    return set;
}

// The first count points of a larger set, which are a sample of their own.
PointSet prefixOf(const PointSet &set, int count)
{
    const auto n = std::size_t(count);
    return {{set.positions.begin(), set.positions.begin() + n},
            {set.statuses.begin(), set.statuses.begin() + n},
            {set.projected.begin(), set.projected.begin() + n}};
}

double median(QList<double> values)
{
    return percentile(std::move(values), 0.5);
}

// Times std::sort of the points' 64-bit Morton codes: the floor of any index that sorts them.
double measureMortonSort(const PointSet &set, int runs)
{
    std::vector<quint64> keys;
    keys.reserve(set.projected.size());
    for (const ClusterIndex::Point &point : set.projected)
        keys.push_back(ClusterIndex::keyOf(point.x, point.y));
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        std::vector<quint64> copy = keys;
        const Clock::time_point start = Clock::now();
        std::sort(copy.begin(), copy.end());
        times.append(millisecondsSince(start));
    }
    return median(times);
}

// Returns the resident memory after giving the heap's free pages back to the system, so that
// memory freed by an earlier step does not hide or inflate the growth of the next.
qint64 trimmedResidentKiB()
{
    malloc_trim(0);
    return residentMemoryKiB();
}

// Builds a new index runs times and keeps the last one in index.
BuildResult measureBuild(const PointSet &set, int runs, std::unique_ptr<ClusterIndex> &index)
{
    BuildResult result;
    for (int run = 0; run < runs; ++run) {
        index.reset();
        const qint64 residentBefore = trimmedResidentKiB();
        index = std::make_unique<ClusterIndex>();
        const Clock::time_point start = Clock::now();
        index->reset(set.projected);
        result.runsMs.append(millisecondsSince(start));
        result.residentGrowthKiB = trimmedResidentKiB() - residentBefore;
    }
    result.medianMs = median(result.runsMs);
    result.memoryBytes = index->memoryUsage();
    return result;
}

// The view of ViewWidth x ViewHeight pixels around a centre, in normalised Mercator.
QRectF viewAround(const QPointF &centre, int zoom)
{
    const double world = Mercator::worldSize(zoom);
    const QSizeF size = QSizeF(ViewWidth, ViewHeight) / world;
    return {centre - QPointF(size.width() / 2, size.height() / 2), size};
}

// Returns the number of clusters the map draws for the view, queried as the map queries them.
std::size_t queryView(const ClusterIndex &index, const QPointF &centre, int zoom)
{
    std::vector<ClusterIndex::Cluster> clusters =
        index.clusters(viewAround(centre, zoom), ClusterIndex::levelForZoom(zoom));
    ClusterIndex::mergeNearby(clusters, MergeRadius / Mercator::worldSize(zoom));
    return clusters.size();
}

// Times the views of a zoom level. A view's time is the fastest of repeats runs of it, so that
// another process taking the core for a time slice does not count as the view's cost.
ZoomResult measureZoom(const ClusterIndex &index, const QList<QPointF> &centres, int zoom,
                       int repeats)
{
    for (int i = 0; i < std::min<int>(WarmUpViews, int(centres.size())); ++i)
        queryView(index, centres.at(i), zoom);
    QList<double> times;
    QList<double> counts;
    for (const QPointF &centre : centres) {
        double fastest = std::numeric_limits<double>::max();
        std::size_t count = 0;
        for (int repeat = 0; repeat < repeats; ++repeat) {
            const Clock::time_point start = Clock::now();
            count = queryView(index, centre, zoom);
            fastest = std::min(fastest, millisecondsSince(start));
        }
        times.append(fastest);
        counts.append(double(count));
    }
    return {zoom, percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1.0),
            median(counts)};
}

// Writes the points and centres for bench/supercluster/bench.mjs, little-endian: the magic
// "CDVIEWS1", the point and centre counts (uint32 each), longitude and latitude of every point
// (float64 pairs), the index of every centre's point (uint32) and the status of every point
// (uint8).
void writeViews(const QString &path, const PointSet &set, const QList<quint32> &centreIndexes)
{
    QByteArray data("CDVIEWS1");
    auto appendUint32 = [&](quint32 v) {
        const quint32 le = qToLittleEndian(v);
        data.append(reinterpret_cast<const char *>(&le), sizeof(le));
    };
    auto appendDouble = [&](double v) {
        const double le = qToLittleEndian(v);
        data.append(reinterpret_cast<const char *>(&le), sizeof(le));
    };
    appendUint32(quint32(set.positions.size()));
    appendUint32(quint32(centreIndexes.size()));
    for (const GeoPoint &position : set.positions) {
        appendDouble(position.longitude);
        appendDouble(position.latitude);
    }
    for (quint32 index : centreIndexes)
        appendUint32(index);
    data.append(reinterpret_cast<const char *>(set.statuses.data()),
                qsizetype(set.statuses.size()));

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

QJsonObject toJson(int count, const BuildResult &build, double sortMs,
                   const QList<ZoomResult> &zooms)
{
    QJsonArray zoomArray;
    for (const ZoomResult &z : zooms) {
        zoomArray.append(QJsonObject{{QStringLiteral("zoom"), z.zoom},
                                     {QStringLiteral("p50Ms"), z.p50Ms},
                                     {QStringLiteral("p99Ms"), z.p99Ms},
                                     {QStringLiteral("maxMs"), z.maxMs},
                                     {QStringLiteral("clustersP50"), z.clustersP50}});
    }
    QJsonArray runs;
    for (double ms : build.runsMs)
        runs.append(ms);
    return {{QStringLiteral("points"), count},
            {QStringLiteral("buildMs"), build.medianMs},
            {QStringLiteral("buildRunsMs"), runs},
            {QStringLiteral("memoryBytes"), qint64(build.memoryBytes)},
            {QStringLiteral("residentGrowthBytes"), build.residentGrowthKiB * 1024},
            {QStringLiteral("mortonSortMs"), sortMs},
            {QStringLiteral("zooms"), zoomArray}};
}

void printRun(int count, const BuildResult &build, double sortMs, const QList<ZoomResult> &zooms)
{
    const double millions = count / 1e6;
    say(QStringLiteral("%L1 points: std::sort of the Morton codes %2 ms; build (reset) median "
                       "%3 ms of %4 runs (%5x the sort)")
            .arg(count)
            .arg(sortMs, 0, 'f', 1)
            .arg(build.medianMs, 0, 'f', 1)
            .arg(build.runsMs.size())
            .arg(build.medianMs / sortMs, 0, 'f', 2));
    say(QStringLiteral("  memoryUsage() %1 MiB per million points; resident growth %2 MiB per "
                       "million points")
            .arg(double(build.memoryBytes) / 1048576 / millions, 0, 'f', 1)
            .arg(double(build.residentGrowthKiB) / 1024 / millions, 0, 'f', 1));
    say(QStringLiteral("  zoom  level  clusters p50   p50 ms   p99 ms   max ms"));
    for (const ZoomResult &z : zooms) {
        say(QStringLiteral("  %1  %2  %3  %4  %5  %6")
                .arg(z.zoom, 4)
                .arg(ClusterIndex::levelForZoom(z.zoom), 5)
                .arg(z.clustersP50, 12, 'f', 0)
                .arg(z.p50Ms, 7, 'f', 3)
                .arg(z.p99Ms, 7, 'f', 3)
                .arg(z.maxMs, 7, 'f', 3));
    }
}

struct Options
{
    quint32 seed = 0;
    QList<int> counts;
    int views = 0;
    int runs = 0;
    int repeats = 0;
    QString exportDir;
};

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Build and viewport query time of the map's cluster index"));
    parser.addHelpOption();
    addSeedOption(parser, QStringLiteral("Seed of the points and view centres (default: random)."));
    parser.addOption({QStringLiteral("points"), QStringLiteral("Point counts, comma-separated."),
                      QStringLiteral("counts"), QStringLiteral("100000,1000000")});
    parser.addOption({QStringLiteral("views"), QStringLiteral("View centres per zoom level."),
                      QStringLiteral("count"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Builds to take the median of."),
                      QStringLiteral("count"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("repeats"),
                      QStringLiteral("Runs of each view, of which the fastest counts."),
                      QStringLiteral("count"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("export"),
                      QStringLiteral("Folder to write the views and results to, for "
                                     "bench/supercluster/bench.mjs."),
                      QStringLiteral("dir")});
    parser.process(app);

    Options options;
    options.seed = seedFrom(parser);
    bool ok = true;
    for (const QString &count : parser.value(QStringLiteral("points")).split(QLatin1Char(','))) {
        options.counts.append(count.toInt(&ok));
        if (!ok || options.counts.last() <= 0)
            fail(QStringLiteral("invalid point count %1 in --points").arg(count));
    }
    options.views = parser.value(QStringLiteral("views")).toInt();
    options.runs = parser.value(QStringLiteral("runs")).toInt();
    options.repeats = parser.value(QStringLiteral("repeats")).toInt();
    if (options.views <= 0 || options.runs <= 0 || options.repeats <= 0)
        fail(QStringLiteral("--views, --runs and --repeats must be positive numbers"));
    options.exportDir = parser.value(QStringLiteral("export"));
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    say(QStringLiteral("seed %1").arg(options.seed));
    QRandomGenerator random(options.seed);

    const QList<Ward> wards = readWards();
    const int largest = *std::max_element(options.counts.begin(), options.counts.end());
    Clock::time_point start = Clock::now();
    const PointSet all = samplePoints(wards, largest, random);
    say(QStringLiteral("%L1 points sampled in %2 wards and communes in %3 s")
            .arg(largest)
            .arg(wards.size())
            .arg(millisecondsSince(start) / 1000, 0, 'f', 1));
    if (!options.exportDir.isEmpty() && !QDir().mkpath(options.exportDir))
        fail(QStringLiteral("cannot create the folder %1").arg(options.exportDir));

    QJsonArray results;
    for (int count : options.counts) {
        const PointSet set = prefixOf(all, count);
        QList<quint32> centreIndexes;
        QList<QPointF> centres;
        for (int i = 0; i < options.views; ++i) {
            centreIndexes.append(random.bounded(quint32(count)));
            const ClusterIndex::Point &point = set.projected[centreIndexes.last()];
            centres.append({point.x, point.y});
        }

        const double sortMs = measureMortonSort(set, options.runs);
        std::unique_ptr<ClusterIndex> index;
        const BuildResult build = measureBuild(set, options.runs, index);
        QList<ZoomResult> zooms;
        for (int zoom = 0; zoom <= MaxZoom; ++zoom)
            zooms.append(measureZoom(*index, centres, zoom, options.repeats));
        printRun(count, build, sortMs, zooms);
        results.append(toJson(count, build, sortMs, zooms));

        if (!options.exportDir.isEmpty()) {
            writeViews(QDir(options.exportDir).filePath(QStringLiteral("views-%1.bin").arg(count)),
                       set, centreIndexes);
        }
    }

    if (!options.exportDir.isEmpty()) {
        const QString path = QDir(options.exportDir).filePath(QStringLiteral("civicdesk.json"));
        QFile file(path);
        const QJsonObject root{{QStringLiteral("seed"), qint64(options.seed)},
                               {QStringLiteral("views"), options.views},
                               {QStringLiteral("runs"), options.runs},
                               {QStringLiteral("repeats"), options.repeats},
                               {QStringLiteral("results"), results}};
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0)
            fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    }
    return 0;
}
