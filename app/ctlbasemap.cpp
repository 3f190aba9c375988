#include "app/ctlbasemap.h"

#include "app/ctlcommands.h"
#include "basemap/basemapbuild.h"

#include <QFileInfo>

namespace CivicDesk {
namespace {

using namespace Basemap;

// Rejected features of one kind listed per file; the rest of a long list is only counted.
constexpr int ListedSkipReasons = 10;

int usage(QTextStream &err, const QString &message)
{
    err << "civicdeskctl: " << message
        << "\nRun civicdeskctl --help for the commands and their options.\n";
    return ExitUsage;
}

std::optional<int> zoomValue(const QString &text)
{
    bool ok = false;
    const int zoom = text.toInt(&ok);
    if (!ok || zoom < 0 || zoom > MaxZoomLimit)
        return std::nullopt;
    return zoom;
}

std::optional<QRectF> boundsValue(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    double values[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        values[i] = parts.at(i).trimmed().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    const auto [west, south, east, north] = values;
    if (west < -180 || east > 180 || west >= east || south < -85 || north > 85 || south >= north)
        return std::nullopt;
    return QRectF(QPointF(west, south), QPointF(east, north));
}

// Reads the options into `options`; returns an error message, empty when they are valid.
QString readOptions(const QCommandLineParser &parser, BuildOptions &options)
{
    options.inputs = parser.positionalArguments().mid(2);
    options.output = parser.value(QStringLiteral("out"));
    if (options.inputs.isEmpty() || options.output.isEmpty())
        return QStringLiteral("basemap build needs --out FILE.mbtiles and at least one INPUT");
    for (const char *name : {"min-zoom", "max-zoom"}) {
        const QString option = QLatin1String(name);
        if (!parser.isSet(option))
            continue;
        const auto zoom = zoomValue(parser.value(option));
        if (!zoom)
            return QStringLiteral("--%1 takes a zoom level from 0 to %2, not \"%3\"")
                .arg(option)
                .arg(MaxZoomLimit)
                .arg(parser.value(option));
        (option == QLatin1String("min-zoom") ? options.minZoom : options.maxZoom) = *zoom;
    }
    if (options.minZoom > options.maxZoom)
        return QStringLiteral("--min-zoom %1 is above --max-zoom %2")
            .arg(options.minZoom)
            .arg(options.maxZoom);
    if (parser.isSet(QStringLiteral("bounds"))) {
        options.bounds = boundsValue(parser.value(QStringLiteral("bounds")));
        if (!options.bounds)
            return QStringLiteral("--bounds takes WEST,SOUTH,EAST,NORTH in degrees, west below "
                                  "east and south below north (latitudes within 85), not \"%1\"")
                .arg(parser.value(QStringLiteral("bounds")));
    }
    options.attributions = parser.values(QStringLiteral("attribution"));
    for (const QString &value : parser.values(QStringLiteral("max-zoom-of"))) {
        const qsizetype equals = value.lastIndexOf(QLatin1Char('='));
        const QString file = value.left(equals);
        const auto zoom = zoomValue(value.mid(equals + 1));
        if (equals < 0 || !zoom)
            return QStringLiteral("--max-zoom-of takes FILE=ZOOM with a zoom from 0 to %1, not "
                                  "\"%2\"")
                .arg(MaxZoomLimit)
                .arg(value);
        if (!options.inputs.contains(file))
            return QStringLiteral("--max-zoom-of names %1, which is not one of the inputs")
                .arg(file);
        options.maxZoomOf.insert(file, *zoom);
    }
    return {};
}

void reportInput(const BuildOptions &options, const InputFile &input, QTextStream &out,
                 QTextStream &err)
{
    out << input.path << " (" << input.format << "): " << input.features.size() << " features, "
        << input.places.size() << " places, " << input.areaLabels.size() << " named areas, "
        << input.ignored << " ignored";
    const int maxZoom = inputMaxZoom(options, input);
    if (options.maxZoomOf.contains(input.path))
        out << "; drawn up to zoom " << maxZoom << " (--max-zoom-of)";
    else if (isCoarse(input))
        out << "; generalised (median vertex spacing " << qRound(input.medianSpacing)
            << " m), drawn up to zoom " << maxZoom;
    out << '\n';

    int listed = 0;
    for (auto it = input.skipped.cbegin(); it != input.skipped.cend(); ++it) {
        if (listed++ == ListedSkipReasons)
            break;
        err << "skipped: " << input.path << ": " << it->count
            << (it->count == 1 ? " feature: " : " features: ") << it.key()
            << " (first: " << it->first << ")\n";
    }
    if (input.format == QLatin1String("GeoJSON") && input.attribution.isEmpty() &&
        options.attributions.isEmpty()) {
        err << "warning: " << input.path
            << " names no attribution; if its licence asks for credit, give it with "
               "--attribution TEXT\n";
    }
}

QString megabytes(qint64 bytes)
{
    return QString::number(bytes / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

void reportBuild(const BuildOptions &options, const BuildSummary &summary, QTextStream &out)
{
    qint64 tiles = 0;
    for (const ZoomSummary &zoom : summary.zooms) {
        out << "zoom " << qSetFieldWidth(2) << zoom.zoom << qSetFieldWidth(0) << ": " << zoom.tiles
            << " tiles, " << zoom.drawn << " drawn, " << zoom.labels << " labels\n";
        tiles += zoom.tiles;
    }
    out << "labels: " << summary.areaLabels << " area names, " << summary.placeLabels
        << " place names";
    if (summary.unsupportedLabels > 0)
        out << ", " << summary.unsupportedLabels << " left out for letters the font lacks";
    out << '\n'
        << "attribution: " << summary.attribution << '\n'
        << "wrote " << options.output << ": " << tiles << " tiles, " << summary.uniqueImages
        << " unique images, " << megabytes(summary.fileSize) << ", "
        << QString::number(summary.seconds, 'f', 1) << " s\n";
}

} // namespace

int runBasemapCommand(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (parser.positionalArguments().value(1) != QLatin1String("build"))
        return usage(err, QStringLiteral("expected: basemap build --out FILE.mbtiles INPUT..."));
    BuildOptions options;
    const QString problem = readOptions(parser, options);
    if (!problem.isEmpty())
        return usage(err, problem);

    QString error;
    const auto inputs = readInputs(options.inputs, &error);
    if (!inputs) {
        err << "civicdeskctl: " << error << '\n' << options.output << ": nothing built\n";
        return ExitUsage;
    }
    for (const InputFile &input : *inputs)
        reportInput(options, input, out, err);
    out.flush();
    err.flush();

    const auto summary = buildBasemap(options, *inputs, &error);
    if (!summary) {
        err << "civicdeskctl: " << error << '\n' << options.output << ": nothing built\n";
        return ExitFailure;
    }
    reportBuild(options, *summary, out);
    return ExitOk;
}

} // namespace CivicDesk
