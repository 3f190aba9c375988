#pragma once

#include "map/tilesource.h"

#include <memory>
#include <QString>

class QSettings;

namespace CivicDesk {

// Tile source options given on the command line; they take precedence over the settings.
struct TileOptions
{
    QString urlTemplate; // --tiles
    QString basemapPath; // --basemap
};

// The tile source that was configured, or none, with why a configuration was not usable.
struct ConfiguredTiles
{
    std::unique_ptr<TileSource> source;
    QString error; // names the value and where it was set
};

// Creates the tile source named by the command line, else by the settings (group "map": tileUrl
// with tileAttribution, tileSubdomains, tileMinZoom, tileMaxZoom, tileContact,
// tileCacheLimitMB; or basemap), else the offline base map installed beside the program
// (../share/civicdesk/basemap-hue.mbtiles) when it exists. Online tiles are cached in
// DATA_FOLDER/tile-cache.
ConfiguredTiles configureTiles(const TileOptions &options, QSettings &settings,
                               const QString &dataFolder);

// Path of the offline base map that scripts/run builds beside the program.
QString installedBasemapPath();

} // namespace CivicDesk
