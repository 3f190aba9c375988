#pragma once

#include "basemap/basemapinput.h"

#include <QHash>
#include <QLoggingCategory>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcBasemap)

namespace CivicDesk::Basemap {

struct BuildOptions
{
    QString output;
    QStringList inputs;
    int minZoom = 8;
    int maxZoom = 16;
    // West, south, east, north in degrees, as x = longitude and y = latitude (top() is the
    // south edge); nothing for the extent of the inputs.
    std::optional<QRectF> bounds;
    QStringList attributions;
    QHash<QString, int> maxZoomOf; // by input path as given
};

// Maximum number of tiles of one build. A province at zoom 8-16 has tens of thousands, but a
// typing mistake in --bounds or --max-zoom can ask for billions.
constexpr qint64 MaxTiles = 4'000'000;
constexpr int MaxZoomLimit = 19;

struct ZoomSummary
{
    int zoom = 0;
    qint64 tiles = 0;
    qint64 drawn = 0; // tiles with content, as opposed to land only
    int labels = 0;
};

struct BuildSummary
{
    QList<ZoomSummary> zooms;
    QRectF bounds;
    QString attribution;
    int uniqueImages = 0;
    qint64 fileSize = 0;
    double seconds = 0;
    int areaLabels = 0; // names of areas that can be placed at some zoom
    int placeLabels = 0;
    int unsupportedLabels = 0;
};

// Reads every input; the error names the first file that cannot be read or parsed.
std::optional<QList<InputFile>> readInputs(const QStringList &paths, QString *error);

// Returns the highest zoom each input is drawn at: --max-zoom-of when given, CoarseMaxZoom for a
// generalised input (see isCoarse), else the build's maximum.
int inputMaxZoom(const BuildOptions &options, const InputFile &input);

// The attribution of the map: each input's own credit and every --attribution, once each.
QString combinedAttribution(const QList<InputFile> &inputs, const QStringList &attributions);

// Renders the inputs into options.output. The file is written under a temporary name in the
// same folder and renamed at the end, so that a failed or interrupted build leaves no partial
// file behind (an interruption by SIGINT, SIGTERM or SIGHUP removes the temporary file).
std::optional<BuildSummary> buildBasemap(const BuildOptions &options,
                                         const QList<InputFile> &inputs, QString *error);

} // namespace CivicDesk::Basemap
