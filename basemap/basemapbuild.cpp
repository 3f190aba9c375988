#include "basemap/basemapbuild.h"

#include "basemap/basemaprender.h"
#include "basemap/mbtileswriter.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>
#include <QTemporaryFile>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcBasemap, "civicdesk.basemap", QtInfoMsg)

namespace CivicDesk::Basemap {
namespace {

// Tiles handed to the worker threads at once; the main thread writes one batch while the next
// renders.
constexpr qsizetype BatchSize = 512;

struct RenderedTile
{
    QPoint tile;
    QByteArray png; // empty for a tile of land only
};

QByteArray encodePng(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

// Tiles of `zoom` that cover the bounds (degrees: x longitude, y latitude from south to north).
QRect tileRange(const QRectF &bounds, int zoom)
{
    const int count = 1 << zoom;
    const QPointF northWest = Mercator::project(bounds.bottom(), bounds.left()) * count;
    const QPointF southEast = Mercator::project(bounds.top(), bounds.right()) * count;
    auto clamp = [count](double value) {
        return std::clamp(int(std::floor(value)), 0, count - 1);
    };
    // A bound that falls on a tile edge does not pull in the tile beyond it.
    constexpr double edge = 1e-9;
    return QRect(QPoint(clamp(northWest.x()), clamp(northWest.y())),
                 QPoint(clamp(std::max(northWest.x(), southEast.x() - edge)),
                        clamp(std::max(northWest.y(), southEast.y() - edge))));
}

// The temporary file's name, for the signal handler, which may not allocate.
char temporaryPath[4096];

extern "C" void removeTemporaryAndExit(int signal)
{
    ::unlink(temporaryPath);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

constexpr int interruptions[] = {SIGINT, SIGTERM, SIGHUP};

// Removes the temporary file when the process is interrupted while this object lives.
class InterruptGuard
{
public:
    explicit InterruptGuard(const QString &path)
    {
        const QByteArray name = QFile::encodeName(path);
        std::strncpy(temporaryPath, name.constData(), sizeof temporaryPath - 1);
        for (int number : interruptions) {
            m_previous.append(std::signal(number, removeTemporaryAndExit));
            // A signal the caller ignores (nohup ignores SIGHUP) stays ignored.
            if (m_previous.constLast() == SIG_IGN)
                std::signal(number, SIG_IGN);
        }
    }
    ~InterruptGuard()
    {
        for (qsizetype i = 0; i < m_previous.size(); ++i)
            std::signal(interruptions[i], m_previous.at(i));
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    QList<void (*)(int)> m_previous;
};

struct Layers
{
    QList<MapFeature> features;
    QList<PlaceLabelSource> places;
    QList<AreaLabelSource> areas;
};

Layers mergedLayers(const BuildOptions &options, const QList<InputFile> &inputs)
{
    Layers layers;
    for (const InputFile &input : inputs) {
        const int maxZoom = inputMaxZoom(options, input);
        for (MapFeature feature : input.features) {
            feature.featureClass.maxZoom = std::min(feature.featureClass.maxZoom, maxZoom);
            layers.features.append(feature);
        }
        for (PlaceLabelSource place : input.places) {
            place.maxZoom = maxZoom;
            layers.places.append(place);
        }
        for (AreaLabelSource area : input.areaLabels) {
            area.maxZoom = maxZoom;
            layers.areas.append(area);
        }
    }
    return layers;
}

QRectF inputExtent(const QList<InputFile> &inputs)
{
    QRectF extent;
    bool first = true;
    for (const InputFile &input : inputs) {
        if (input.features.isEmpty() && input.places.isEmpty())
            continue;
        extent = first ? input.extent : extent.united(input.extent);
        // united() drops an empty rectangle, such as the extent of a single place.
        extent.setLeft(std::min(extent.left(), input.extent.left()));
        extent.setTop(std::min(extent.top(), input.extent.top()));
        extent.setRight(std::max(extent.right(), input.extent.right()));
        extent.setBottom(std::max(extent.bottom(), input.extent.bottom()));
        first = false;
    }
    return extent;
}

// The default view: the first city among the labels, else the middle of the bounds.
QString centreOf(const QRectF &bounds, const QList<PlaceLabelSource> &places, int zoom)
{
    QPointF centre = bounds.center();
    for (const PlaceLabelSource &place : places) {
        const QGeoCoordinate coordinate = Mercator::unproject(place.position);
        const QPointF degrees(coordinate.longitude(), coordinate.latitude());
        if (place.rank == PlaceRank::City && bounds.contains(degrees)) {
            centre = degrees;
            break;
        }
    }
    return QStringLiteral("%1,%2,%3")
        .arg(centre.x(), 0, 'f', 6)
        .arg(centre.y(), 0, 'f', 6)
        .arg(zoom);
}

QString boundsText(const QRectF &bounds)
{
    return QStringLiteral("%1,%2,%3,%4")
        .arg(bounds.left(), 0, 'f', 6)
        .arg(bounds.top(), 0, 'f', 6)
        .arg(bounds.right(), 0, 'f', 6)
        .arg(bounds.bottom(), 0, 'f', 6);
}

// Renders and writes the tiles of every zoom.
class TilePipeline
{
public:
    TilePipeline(TileRenderer &renderer, MbtilesWriter &writer)
        : m_renderer(renderer)
        , m_writer(writer)
        , m_emptyPng(encodePng(TileRenderer::emptyTile()))
    {}

    bool writeZoom(int zoom, const QRect &range, ZoomSummary *summary, QString *error)
    {
        m_renderer.prepareZoom(zoom, range);
        summary->zoom = zoom;
        summary->labels = m_renderer.placedLabelCount();
        QList<QPoint> tiles;
        for (int y = range.top(); y <= range.bottom(); ++y) {
            for (int x = range.left(); x <= range.right(); ++x)
                tiles.append(QPoint(x, y));
        }
        QFuture<RenderedTile> pending;
        bool ok = true;
        for (qsizetype start = 0; start < tiles.size(); start += BatchSize) {
            QFuture<RenderedTile> next = QtConcurrent::mapped(
                tiles.mid(start, BatchSize), [this](const QPoint &tile) { return render(tile); });
            if (pending.isValid() && ok)
                ok = write(zoom, pending.results(), summary, error);
            pending = next;
        }
        if (pending.isValid() && ok)
            ok = write(zoom, pending.results(), summary, error);
        return ok && m_writer.commit(error);
    }

private:
    RenderedTile render(const QPoint &tile) const
    {
        if (!m_renderer.hasContent(tile))
            return {tile, {}};
        return {tile, encodePng(m_renderer.render(tile))};
    }

    bool write(int zoom, const QList<RenderedTile> &tiles, ZoomSummary *summary, QString *error)
    {
        for (const RenderedTile &tile : tiles) {
            ++summary->tiles;
            if (!tile.png.isEmpty())
                ++summary->drawn;
            const QByteArray &png = tile.png.isEmpty() ? m_emptyPng : tile.png;
            if (!m_writer.addTile(zoom, tile.tile.x(), tile.tile.y(), png, error))
                return false;
        }
        return true;
    }

    TileRenderer &m_renderer;
    MbtilesWriter &m_writer;
    const QByteArray m_emptyPng;
};

// Returns the number of tiles of the build, or nothing when it exceeds MaxTiles.
std::optional<qint64> checkedTileCount(const BuildOptions &options, const QRectF &bounds,
                                       QString *error)
{
    qint64 total = 0;
    for (int zoom = options.minZoom; zoom <= options.maxZoom; ++zoom) {
        const QRect range = tileRange(bounds, zoom);
        total += qint64(range.width()) * range.height();
    }
    if (total <= MaxTiles)
        return total;
    *error = QStringLiteral("the bounds %1 at zoom %2-%3 need %4 tiles, more than %5; narrow "
                            "--bounds or lower --max-zoom")
                 .arg(boundsText(bounds))
                 .arg(options.minZoom)
                 .arg(options.maxZoom)
                 .arg(total)
                 .arg(MaxTiles);
    return std::nullopt;
}

QList<QPair<QString, QString>> metadataOf(const BuildOptions &options, const Layers &layers,
                                          const BuildSummary &summary)
{
    QStringList names;
    for (const QString &input : options.inputs)
        names.append(QFileInfo(input).fileName());
    const int centreZoom = std::clamp(12, options.minZoom, options.maxZoom);
    return {
        {QStringLiteral("name"), QFileInfo(options.output).completeBaseName()},
        {QStringLiteral("format"), QStringLiteral("png")},
        {QStringLiteral("type"), QStringLiteral("baselayer")},
        {QStringLiteral("version"), QStringLiteral("1")},
        {QStringLiteral("description"),
         QStringLiteral("Base map drawn by civicdeskctl %1 from %2")
             .arg(QStringLiteral(CIVICDESK_VERSION), names.join(QStringLiteral(", ")))},
        {QStringLiteral("bounds"), boundsText(summary.bounds)},
        {QStringLiteral("center"), centreOf(summary.bounds, layers.places, centreZoom)},
        {QStringLiteral("minzoom"), QString::number(options.minZoom)},
        {QStringLiteral("maxzoom"), QString::number(options.maxZoom)},
        {QStringLiteral("attribution"), summary.attribution},
    };
}

// Renders every zoom into a new MBTiles file at `path`, with its metadata.
bool writeTiles(const BuildOptions &options, const Layers &layers, TileRenderer &renderer,
                const QString &path, BuildSummary &summary, QString *error)
{
    MbtilesWriter writer;
    if (!writer.open(path, error))
        return false;
    TilePipeline pipeline(renderer, writer);
    for (int zoom = options.minZoom; zoom <= options.maxZoom; ++zoom) {
        ZoomSummary zoomSummary;
        if (!pipeline.writeZoom(zoom, tileRange(summary.bounds, zoom), &zoomSummary, error))
            return false;
        qCInfo(lcBasemap) << "zoom" << zoom << ":" << zoomSummary.tiles << "tiles,"
                          << zoomSummary.drawn << "drawn," << zoomSummary.labels << "labels";
        summary.zooms.append(zoomSummary);
    }
    if (!writer.setMetadata(metadataOf(options, layers, summary), error) || !writer.close(error))
        return false;
    summary.uniqueImages = writer.imageCount();
    return true;
}

// Renames the finished temporary file to `target`. rename() replaces an existing file in one
// step, so readers see either the old map or the new one.
bool moveIntoPlace(QTemporaryFile &temporary, const QString &target, QString *error)
{
    // QTemporaryFile creates the file readable by its owner only, but the map is for every user
    // of the machine, as far as the umask allows.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    const QByteArray from = QFile::encodeName(temporary.fileName());
    ::chmod(from.constData(), 0666 & ~mask);
    if (std::rename(from.constData(), QFile::encodeName(target).constData()) != 0) {
        *error =
            QStringLiteral("cannot rename %1 to %2: %3")
                .arg(temporary.fileName(), target, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    temporary.setAutoRemove(false);
    return true;
}

} // namespace

std::optional<QList<InputFile>> readInputs(const QStringList &paths, QString *error)
{
    QList<InputFile> inputs;
    for (const QString &path : paths) {
        auto input = readInputFile(path, error);
        if (!input)
            return std::nullopt;
        qCInfo(lcBasemap) << "read" << path << ":" << input->features.size() << "features,"
                          << input->places.size() << "places," << input->areaLabels.size()
                          << "named areas";
        inputs.append(*input);
    }
    return inputs;
}

int inputMaxZoom(const BuildOptions &options, const InputFile &input)
{
    const auto given = options.maxZoomOf.constFind(input.path);
    if (given != options.maxZoomOf.cend())
        return *given;
    return isCoarse(input) ? CoarseMaxZoom : options.maxZoom;
}

QString combinedAttribution(const QList<InputFile> &inputs, const QStringList &attributions)
{
    QStringList credits;
    for (const InputFile &input : inputs) {
        if (!input.attribution.isEmpty() && !credits.contains(input.attribution))
            credits.append(input.attribution);
    }
    for (const QString &attribution : attributions) {
        if (!credits.contains(attribution.trimmed()))
            credits.append(attribution.trimmed());
    }
    return credits.join(QStringLiteral("; "));
}

std::optional<BuildSummary> buildBasemap(const BuildOptions &options,
                                         const QList<InputFile> &inputs, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const bool hasData = std::any_of(inputs.cbegin(), inputs.cend(), [](const InputFile &input) {
        return !input.features.isEmpty() || !input.places.isEmpty();
    });
    if (!options.bounds && !hasData) {
        *error = QStringLiteral("the inputs hold nothing to draw; give --bounds to build a map of "
                                "land only");
        return std::nullopt;
    }
    BuildSummary summary;
    summary.bounds = options.bounds ? *options.bounds : inputExtent(inputs);
    const auto total = checkedTileCount(options, summary.bounds, error);
    if (!total)
        return std::nullopt;

    const auto family = loadLabelFont(error);
    if (!family)
        return std::nullopt;
    const Layers layers = mergedLayers(options, inputs);
    const LabelSet labels(*family, layers.places, layers.areas);
    summary.areaLabels = labels.areaCount();
    summary.placeLabels = labels.placeCount();
    summary.unsupportedLabels = labels.unsupportedCount();
    summary.attribution = combinedAttribution(inputs, options.attributions);
    TileRenderer renderer(layers.features, labels);

    const QFileInfo target(options.output);
    QTemporaryFile temporary(target.absoluteDir().filePath(QLatin1Char('.') + target.fileName() +
                                                           QStringLiteral(".XXXXXX")));
    if (!temporary.open()) {
        *error = QStringLiteral("cannot write in %1: %2")
                     .arg(target.absolutePath(), temporary.errorString());
        return std::nullopt;
    }
    temporary.close();
    const InterruptGuard guard(temporary.fileName());
    qCInfo(lcBasemap) << "building" << options.output << "from" << inputs.size()
                      << "inputs:" << *total << "tiles at zoom" << options.minZoom << "to"
                      << options.maxZoom;

    if (!writeTiles(options, layers, renderer, temporary.fileName(), summary, error) ||
        !moveIntoPlace(temporary, target.absoluteFilePath(), error)) {
        return std::nullopt;
    }
    summary.fileSize = QFileInfo(target.absoluteFilePath()).size();
    summary.seconds = timer.elapsed() / 1000.0;
    qCInfo(lcBasemap) << "built" << options.output << "in" << summary.seconds << "s";
    return summary;
}

} // namespace CivicDesk::Basemap
