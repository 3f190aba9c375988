#pragma once

#include "basemap/basemapfeature.h"

#include <QMap>

namespace CivicDesk::Basemap {

// Features of one kind of invalid geometry that were skipped: how many, and where the first was.
struct SkippedFeatures
{
    int count = 0;
    QString first; // "feature 12", "way 4242", ...
};

// The features and labels read from one input file.
struct InputFile
{
    QString path;
    QString format; // "GeoJSON" or "Overpass JSON"
    QList<MapFeature> features;
    QList<PlaceLabelSource> places;
    QList<AreaLabelSource> areaLabels;
    // The credit the file carries itself: OpenStreetMap's for Overpass JSON, or a GeoJSON
    // file's top-level "attribution" member. Empty when the file names none.
    QString attribution;
    QRectF extent; // longitude and latitude in degrees: x west to east, y south to north
    // Median distance between consecutive vertices of lines and rings, in metres; 0 when the
    // file has too few segments to judge (see isCoarse).
    double medianSpacing = 0;
    QMap<QString, SkippedFeatures> skipped; // by reason
    int ignored = 0; // valid features of no drawn class, such as bus stops or shops
};

// Reads a GeoJSON file (a FeatureCollection or one Feature) or an Overpass API JSON file
// ("out geom" output). Nothing when the file cannot be read or parsed; the error names the
// file and, for invalid JSON, the line, column and byte offset.
std::optional<InputFile> readInputFile(const QString &path, QString *error);

// An input is generalised when it has at least CoarseMinSegments segments and their median
// length exceeds CoarseSpacing metres. Detailed surveys and OpenStreetMap place a vertex every
// few tens of metres, so lines with far fewer vertices stray from the real road or river.
constexpr int CoarseMinSegments = 200;
constexpr double CoarseSpacing = 150;
// Highest zoom a generalised input is drawn at: a pixel is about 75 m there at Huế's latitude.
constexpr int CoarseMaxZoom = 11;

bool isCoarse(const InputFile &input);

} // namespace CivicDesk::Basemap
