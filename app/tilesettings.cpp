#include "app/tilesettings.h"

#include "core/logging.h"
#include "map/mbtilessource.h"
#include "map/onlinetilesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace CivicDesk {
namespace {

constexpr qint64 Megabyte = 1024 * 1024;

// Reads an integer setting; a value that is not an integer in [minimum, maximum] is an error
// that names the key and the file.
bool readInt(const QSettings &settings, const QString &key, int minimum, int maximum, int *value,
             QString *error)
{
    if (!settings.contains(key))
        return true;
    bool ok = false;
    const int read = settings.value(key).toString().toInt(&ok);
    if (!ok || read < minimum || read > maximum) {
        *error = QStringLiteral("%1 = \"%2\" in %3 is not a whole number from %4 to %5")
                     .arg(key, settings.value(key).toString(), settings.fileName())
                     .arg(minimum)
                     .arg(maximum);
        return false;
    }
    *value = read;
    return true;
}

ConfiguredTiles onlineTiles(const QString &urlTemplate, const QString &origin,
                            const QSettings &settings, const QString &dataFolder)
{
    ConfiguredTiles configured;
    if (!OnlineTileSource::checkUrlTemplate(urlTemplate, &configured.error)) {
        configured.error += QStringLiteral(" (%1)").arg(origin);
        return configured;
    }
    OnlineTileSourceConfig config;
    config.urlTemplate = urlTemplate;
    config.attribution = settings.value(QStringLiteral("map/tileAttribution")).toString();
    config.subdomains = settings.value(QStringLiteral("map/tileSubdomains"))
                            .toString()
                            .split(QLatin1Char(','), Qt::SkipEmptyParts);
    config.contact = settings.value(QStringLiteral("map/tileContact")).toString();
    config.cacheFolder = QDir(dataFolder).filePath(QStringLiteral("tile-cache"));
    int cacheLimitMB = int(TileDiskCache::DefaultMaxBytes / Megabyte);
    if (!readInt(settings, QStringLiteral("map/tileMinZoom"), 0, 22, &config.minimumZoomLevel,
                 &configured.error) ||
        !readInt(settings, QStringLiteral("map/tileMaxZoom"), 0, 22, &config.maximumZoomLevel,
                 &configured.error) ||
        !readInt(settings, QStringLiteral("map/tileCacheLimitMB"), 1, 1024 * 1024, &cacheLimitMB,
                 &configured.error))
        return configured;
    config.cacheMaxBytes = cacheLimitMB * Megabyte;
    if (config.attribution.isEmpty())
        qCWarning(lcApp) << "no map/tileAttribution set for" << urlTemplate
                         << "; most tile servers' licences require a credit";
    if (config.contact.isEmpty())
        qCWarning(lcApp) << "no map/tileContact set; public tile servers ask for a contact in "
                            "the User-Agent";
    configured.source = std::make_unique<OnlineTileSource>(config);
    return configured;
}

} // namespace

QString installedBasemapPath()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() +
                           QStringLiteral("/../share/civicdesk/basemap-hue.mbtiles"));
}

ConfiguredTiles configureTiles(const TileOptions &options, QSettings &settings,
                               const QString &dataFolder)
{
    if (!options.urlTemplate.isEmpty())
        return onlineTiles(options.urlTemplate, QStringLiteral("--tiles"), settings, dataFolder);
    if (!options.basemapPath.isEmpty())
        return {std::make_unique<MBTilesSource>(options.basemapPath), QString()};

    const QString urlTemplate = settings.value(QStringLiteral("map/tileUrl")).toString();
    if (!urlTemplate.isEmpty())
        return onlineTiles(urlTemplate,
                           QStringLiteral("map/tileUrl in %1").arg(settings.fileName()), settings,
                           dataFolder);
    const QString basemap = settings.value(QStringLiteral("map/basemap")).toString();
    if (!basemap.isEmpty())
        return {std::make_unique<MBTilesSource>(basemap), QString()};

    const QString installed = installedBasemapPath();
    if (QFileInfo::exists(installed))
        return {std::make_unique<MBTilesSource>(installed), QString()};
    qCInfo(lcApp) << "no base map configured and none at" << installed
                  << "; the map is drawn without tiles";
    return {};
}

} // namespace CivicDesk
