#pragma once

#include "map/tilesource.h"

#include <memory>
#include <optional>

namespace CivicDesk {

// Metadata of a raster MBTiles file, as MBTilesSource::inspect reads it.
struct MBTilesInfo
{
    QString format; // png, jpg or webp
    QString attribution;
    int minimumZoomLevel = 0;
    int maximumZoomLevel = 0;
};

// Raster tiles from an MBTiles file (an SQLite database with a `tiles` table or view and a
// `metadata` table, https://github.com/mapbox/mbtiles-spec). The file is opened read-only and
// read on a thread of its own. Rows are in the TMS scheme, so the XYZ tile (z, x, y) is the row
// with tile_row = 2^z - 1 - y. Vector tiles (format pbf, or gzip or protobuf data) are
// rejected: the map draws raster images only.
class MBTilesSource : public TileSource
{
    Q_OBJECT

public:
    explicit MBTilesSource(const QString &path, QObject *parent = nullptr);
    ~MBTilesSource() override;

    QString path() const { return m_path; }

    void requestTile(const TileId &tile) override;
    void cancelTile(const TileId &tile) override;

    // Checks that the open database `connectionName` is a raster MBTiles file that Qt can
    // decode, and reads its metadata. On failure returns nothing and sets `error` to a sentence
    // that names the file.
    static std::optional<MBTilesInfo> inspect(const QString &connectionName, const QString &path,
                                              QString *error);

private:
    void open();
    void onOpened(const std::optional<MBTilesInfo> &info, const QString &error);
    void readTile(const TileId &tile);

    QString m_path;
    QString m_connectionName;
    QSet<TileId> m_requested;
    std::unique_ptr<TileWorkerThread> m_worker;
};

} // namespace CivicDesk
