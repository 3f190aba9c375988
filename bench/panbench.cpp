// Frame times of the map (map/mapview.h) panned along a fixed path in a 1920x1080 window. One
// run pans with a million reports over the wards and communes of Hue and with no reports, so
// that the ratio of the two is the cost of the reports. Both draw the ward boundaries as the
// operator's map does.
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" panbench --seed 42 --points 1000000 --zooms 13,11,16
//
// Each frame moves the map's centre one step along the path as soon as the previous frame has
// been swapped, so frames follow each other as fast as the window renders them. A frame's time
// is the interval between two frameSwapped signals.

#include "benchsupport.h"
#include "map/mapareaset.h"
#include "map/mapmarkerset.h"
#include "map/mapview.h"
#include "map/mercator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMutex>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSurfaceFormat>
#include <QTimer>
#include <vector>

using namespace CivicDesk;
using namespace CivicDesk::Bench;

namespace {

constexpr int WindowWidth = 1920;
constexpr int WindowHeight = 1080;
// The path: a rectangle of 2400 x 1200 pixels centred on PathCentre, walked clockwise from its
// north-west corner in steps of StepPixels: 200 steps east, 100 south, 200 west, 100 north. The
// map queries half a view beyond each edge (960 and 540 pixels), so one loop leaves the queried
// rectangle about twice on each side.
constexpr double StepPixels = 12;
constexpr int StepsEast = 200;
constexpr int StepsSouth = 100;
constexpr int PathFrames = 2 * (StepsEast + StepsSouth);
// The operator's map opens on this centre (ui/operator/MapPane.qml).
const QGeoCoordinate PathCentre(16.4637, 107.5909);
// Frames drawn before timing starts, along the path's last steps, so that the timed frames
// start warm and on the path.
constexpr int WarmUpFrames = 60;
// Report statuses (core/codes.h), which clusters count apart.
constexpr int StatusCount = 9;
// A run that gets no frame for this long has stalled, in milliseconds.
constexpr int StallTimeout = 10000;

struct FrameStats
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    double mean = 0;
};

// Re-queries of the cluster index and scene rebuilds that MapView logged on civicdesk.map
// while a run was timed.
struct QueryLog
{
    QMutex mutex;
    bool recording = false;
    QList<double> microseconds;
    QList<double> clusters;
    QList<double> rebuildMs; // whole milliseconds, as MapView logs them
};

QueryLog queryLog;
QtMessageHandler previousHandler = nullptr;

// Takes MapView's "Queried N clusters in X microseconds" lines (GUI thread) and "Rebuilt map
// scene parts D in X ms" lines (render thread), drops its other debug lines and passes every
// other message on.
void collectQueries(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const QRegularExpression queried(
        QStringLiteral("^Queried (\\d+) clusters in (\\d+) microseconds$"));
    static const QRegularExpression rebuilt(
        QStringLiteral("^Rebuilt map scene parts \\d+ in (\\d+) ms$"));
    if (type != QtDebugMsg || qstrcmp(context.category, "civicdesk.map") != 0) {
        previousHandler(type, context, message);
        return;
    }

    const QMutexLocker locker(&queryLog.mutex);
    if (!queryLog.recording)
        return;
    if (const QRegularExpressionMatch match = queried.match(message); match.hasMatch()) {
        queryLog.clusters.append(match.captured(1).toDouble());
        queryLog.microseconds.append(match.captured(2).toDouble());
    } else if (const QRegularExpressionMatch match = rebuilt.match(message); match.hasMatch()) {
        queryLog.rebuildMs.append(match.captured(1).toDouble());
    }
}

// Returns the path's offset from its north-west corner at a frame, in pixels.
QPointF pathOffset(int frame)
{
    frame %= PathFrames;
    if (frame < StepsEast)
        return {frame * StepPixels, 0};
    frame -= StepsEast;
    if (frame < StepsSouth)
        return {StepsEast * StepPixels, frame * StepPixels};
    frame -= StepsSouth;
    if (frame < StepsEast)
        return {(StepsEast - frame) * StepPixels, StepsSouth * StepPixels};
    frame -= StepsEast;
    return {0, (StepsSouth - frame) * StepPixels};
}

// Returns the map's centre at a frame of the path at a zoom level.
QGeoCoordinate pathCentreAt(int frame, int zoom)
{
    const QPointF halfPath(StepsEast * StepPixels / 2, StepsSouth * StepPixels / 2);
    const QPointF pixels = pathOffset(frame) - halfPath;
    return Mercator::unproject(Mercator::project(PathCentre) + pixels / Mercator::worldSize(zoom));
}

// Moves the map one step along the path after each swapped frame and records the swap times.
class PanRun : public QObject
{
public:
    PanRun(QQuickWindow *window, MapView *map, int zoom)
        : m_window(window)
        , m_map(map)
        , m_zoom(zoom)
    {}

    // Runs the warm-up and the timed frames and returns the timed frames' times in ms.
    QList<double> run()
    {
        m_swapTimes.reserve(WarmUpFrames + PathFrames);
        // frameSwapped comes from the render thread with the threaded render loop: take the
        // time there, then step on the GUI thread, where the map lives.
        const QMetaObject::Connection connection = connect(
            m_window, &QQuickWindow::frameSwapped, this,
            [this] {
                m_swapTimes.push_back(m_clock.nsecsElapsed());
                QMetaObject::invokeMethod(this, &PanRun::step, Qt::QueuedConnection);
            },
            Qt::DirectConnection);
        QTimer stall;
        stall.setSingleShot(true);
        connect(&stall, &QTimer::timeout, this, [this] {
            fail(QStringLiteral("no frame swapped for %1 ms after frame %2")
                     .arg(StallTimeout)
                     .arg(m_frame));
        });
        m_stall = &stall;

        m_clock.start();
        m_map->setZoomLevel(m_zoom);
        m_map->setCenter(positionOf(0));
        m_map->update();
        stall.start(StallTimeout);
        m_loop.exec();
        disconnect(connection);

        QList<double> times;
        for (int frame = WarmUpFrames; frame < int(m_swapTimes.size()); ++frame)
            times.append(double(m_swapTimes[frame] - m_swapTimes[frame - 1]) / 1e6);
        return times;
    }

private:
    // The centre of the run's frame: warm-up frames walk the path's last steps into its start.
    QGeoCoordinate positionOf(int frame) const
    {
        return pathCentreAt(frame + PathFrames - WarmUpFrames, m_zoom);
    }

    void step()
    {
        m_stall->start(StallTimeout);
        ++m_frame;
        // Only runs with reports query the index, so only they count.
        setRecording(m_frame >= WarmUpFrames && m_map->markers());
        if (m_frame == WarmUpFrames + PathFrames) {
            setRecording(false);
            m_loop.quit();
            return;
        }
        m_map->setCenter(positionOf(m_frame));
    }

    static void setRecording(bool recording)
    {
        const QMutexLocker locker(&queryLog.mutex);
        queryLog.recording = recording;
    }

    QQuickWindow *m_window;
    MapView *m_map;
    int m_zoom;
    int m_frame = 0;
    QElapsedTimer m_clock;
    QTimer *m_stall = nullptr;
    QEventLoop m_loop;
    // Written on the render thread while the GUI thread waits in m_loop. The queued step after
    // each swap orders the writes before the reads that follow the loop.
    std::vector<qint64> m_swapTimes;
};

FrameStats statsOf(const QList<double> &times)
{
    double sum = 0;
    for (double time : times)
        sum += time;
    return {percentile(times, 0.5), percentile(times, 0.95), percentile(times, 0.99),
            percentile(times, 1.0), times.isEmpty() ? 0 : sum / double(times.size())};
}

QString formatRow(const QString &label, const FrameStats &stats)
{
    return QStringLiteral("  %1 %2 %3 %4 %5 %6")
        .arg(label, -18)
        .arg(stats.p50, 8, 'f', 2)
        .arg(stats.p95, 8, 'f', 2)
        .arg(stats.p99, 8, 'f', 2)
        .arg(stats.max, 8, 'f', 2)
        .arg(1000 / stats.mean, 8, 'f', 1);
}

QString formatRatio(const FrameStats &reports, const FrameStats &empty)
{
    return QStringLiteral("  %1 %2x %3x %4x %5x")
        .arg(QStringLiteral("ratio"), -18)
        .arg(reports.p50 / empty.p50, 7, 'f', 2)
        .arg(reports.p95 / empty.p95, 7, 'f', 2)
        .arg(reports.p99 / empty.p99, 7, 'f', 2)
        .arg(reports.max / empty.max, 7, 'f', 2);
}

// Areas labelled as the operator's map labels them (models/workstation.cpp): the Vietnamese
// name without its "Phường" or "Xã" word.
QList<MapArea> areasOf(const QList<Ward> &wards)
{
    static const QRegularExpression kind(QStringLiteral("^(Phường|Xã) "));
    QList<MapArea> areas;
    for (const Ward &ward : wards)
        areas.append({ward.code, QString(ward.nameVi).remove(kind), ward.shape});
    return areas;
}

// Reports spread as bench/clusterbench.cpp spreads its points (the same seed gives the same
// positions), each with one of the statuses' colours.
QList<MapMarker> sampleReports(const QList<Ward> &wards, int count, QRandomGenerator &random,
                               const QList<QColor> &statusColors)
{
    QList<MapMarker> markers;
    markers.reserve(count);
    for (int i = 0; i < count; ++i) {
        const GeoPoint position = randomPosition(wards, random);
        const QColor color = statusColors.at(random.bounded(StatusCount));
        markers.append(
            {QStringLiteral("report-%1").arg(i), position.latitude, position.longitude, color, 0});
    }
    return markers;
}

QList<double> runPath(QQuickWindow *window, MapView *map, MapMarkerSet *markers, int zoom)
{
    map->setMarkers(markers);
    return PanRun(window, map, zoom).run();
}

// Runs the path with and without the reports and prints both and their ratio. Rounds alternate
// the order (empty first, then reports first), so that a change of the machine's load during
// the run weighs on both alike.
void measureZoom(QQuickWindow *window, MapView *map, MapMarkerSet *reports, int zoom, int rounds)
{
    {
        const QMutexLocker locker(&queryLog.mutex);
        queryLog.microseconds.clear();
        queryLog.clusters.clear();
        queryLog.rebuildMs.clear();
    }
    QList<double> emptyTimes;
    QList<double> reportTimes;
    for (int round = 0; round < rounds; ++round) {
        if (round % 2 == 0) {
            emptyTimes += runPath(window, map, nullptr, zoom);
            reportTimes += runPath(window, map, reports, zoom);
        } else {
            reportTimes += runPath(window, map, reports, zoom);
            emptyTimes += runPath(window, map, nullptr, zoom);
        }
    }
    const FrameStats empty = statsOf(emptyTimes);
    const FrameStats withReports = statsOf(reportTimes);

    say(QStringLiteral("zoom %1: %2 rounds of %3 frames of %4 px along a %5 x %6 px rectangle")
            .arg(zoom)
            .arg(rounds)
            .arg(PathFrames)
            .arg(StepPixels)
            .arg(StepsEast * StepPixels)
            .arg(StepsSouth * StepPixels));
    say(QStringLiteral("  %1   p50 ms   p95 ms   p99 ms   max ms      fps").arg(QString(), -18));
    say(formatRow(QStringLiteral("empty map"), empty));
    say(formatRow(QStringLiteral("%L1 reports").arg(reports->count()), withReports));
    say(formatRatio(withReports, empty));

    const QMutexLocker locker(&queryLog.mutex);
    double total = 0;
    for (double us : queryLog.microseconds)
        total += us;
    say(QStringLiteral("  re-queries with reports: %1, %2 clusters p50, time p50 %3 us, max %4 "
                       "us, total %5 ms")
            .arg(queryLog.microseconds.size())
            .arg(percentile(queryLog.clusters, 0.5), 0, 'f', 0)
            .arg(percentile(queryLog.microseconds, 0.5), 0, 'f', 0)
            .arg(percentile(queryLog.microseconds, 1.0), 0, 'f', 0)
            .arg(total / 1000, 0, 'f', 1));
    say(QStringLiteral("  scene rebuilds with reports: %1, p50 %2 ms, max %3 ms")
            .arg(queryLog.rebuildMs.size())
            .arg(percentile(queryLog.rebuildMs, 0.5), 0, 'f', 0)
            .arg(percentile(queryLog.rebuildMs, 1.0), 0, 'f', 0));
}

struct Options
{
    quint32 seed = 0;
    int points = 0;
    QList<int> zooms;
    int rounds = 0;
    int swapInterval = 0;
};

Options parseOptions(const QGuiApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Frame times of the map panned over reports, against the empty map"));
    parser.addHelpOption();
    addSeedOption(parser, QStringLiteral("Seed of the report positions (default: random)."));
    parser.addOption({QStringLiteral("points"), QStringLiteral("Number of reports."),
                      QStringLiteral("count"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("zooms"),
                      QStringLiteral("Zoom levels to pan at, comma-separated, each a run."),
                      QStringLiteral("levels"), QStringLiteral("13,11,16")});
    parser.addOption({QStringLiteral("rounds"),
                      QStringLiteral("Runs of the path per zoom level, each with and without "
                                     "the reports."),
                      QStringLiteral("count"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("swap-interval"),
                      QStringLiteral("OpenGL swap interval: 0 renders frames back to back, 1 "
                                     "waits for the display's refresh where there is one."),
                      QStringLiteral("frames"), QStringLiteral("0")});
    parser.process(app);

    Options options;
    options.seed = seedFrom(parser);
    bool ok = true;
    options.points = parser.value(QStringLiteral("points")).toInt(&ok);
    if (!ok || options.points <= 0)
        fail(QStringLiteral("invalid --points: give a positive number"));
    for (const QString &zoom : parser.value(QStringLiteral("zooms")).split(QLatin1Char(','))) {
        options.zooms.append(zoom.toInt(&ok));
        if (!ok || options.zooms.last() < 5 || options.zooms.last() > 19)
            fail(QStringLiteral("invalid zoom level %1 in --zooms: give 5 to 19").arg(zoom));
    }
    options.rounds = parser.value(QStringLiteral("rounds")).toInt(&ok);
    if (!ok || options.rounds <= 0)
        fail(QStringLiteral("invalid --rounds: give a positive number"));
    options.swapInterval = parser.value(QStringLiteral("swap-interval")).toInt(&ok);
    if (!ok || options.swapInterval < 0)
        fail(QStringLiteral("invalid --swap-interval: give 0 or a positive number"));
    return options;
}

// Waits until the window has swapped its first frame.
void waitForFirstFrame(QQuickWindow *window)
{
    QEventLoop loop;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    QTimer::singleShot(StallTimeout, &loop, [] { fail(QStringLiteral("the window never drew")); });
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const Options options = parseOptions(app);
    say(QStringLiteral("seed %1").arg(options.seed));
    QRandomGenerator random(options.seed);

    // Set before the window exists, because its OpenGL context takes the default format.
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setSwapInterval(options.swapInterval);
    QSurfaceFormat::setDefaultFormat(format);
    QLoggingCategory::setFilterRules(QStringLiteral("civicdesk.map.debug=true"));
    previousHandler = qInstallMessageHandler(collectQueries);

    const QList<Ward> wards = readWards();
    QElapsedTimer timer;
    timer.start();
    QList<QColor> statusColors;
    for (int status = 0; status < StatusCount; ++status)
        statusColors.append(QColor::fromHsv(status * 360 / StatusCount, 200, 190));
    const QList<MapMarker> markers = sampleReports(wards, options.points, random, statusColors);
    MapMarkerSet reports;
    reports.setCategoryColors(statusColors);
    reports.setMarkers(markers);
    say(QStringLiteral("%L1 reports sampled in %2 wards and communes and loaded in %3 s")
            .arg(options.points)
            .arg(wards.size())
            .arg(double(timer.elapsed()) / 1000, 0, 'f', 1));

    MapAreaSet areas;
    areas.setAreas(areasOf(wards));
    QQuickWindow window;
    window.resize(WindowWidth, WindowHeight);
    auto *map = new MapView(window.contentItem());
    map->setSize(QSizeF(WindowWidth, WindowHeight));
    map->setAreas(&areas);
    window.show();
    waitForFirstFrame(&window);
    say(QStringLiteral("window %1x%2, swap interval %3, ward boundaries and labels of %4 areas")
            .arg(window.width())
            .arg(window.height())
            .arg(QSurfaceFormat::defaultFormat().swapInterval())
            .arg(areas.count()));

    for (int zoom : options.zooms)
        measureZoom(&window, map, &reports, zoom, options.rounds);
    return 0;
}
