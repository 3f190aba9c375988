#pragma once

#include "map/tilesource.h"

#include <optional>
#include <QString>

class QSqlError;

namespace CivicDesk {

// A tile as the server sent it, with what HTTP caching needs to reuse and revalidate it.
struct CachedTile
{
    QByteArray data;
    QString etag;         // ETag header, sent back as If-None-Match
    QString lastModified; // Last-Modified header, sent back as If-Modified-Since
    qint64 expires = 0;   // seconds since 1970 UTC after which the tile must be revalidated
};

// A size-limited cache of tiles from tile servers in one SQLite file (tiles.sqlite) in its own
// folder, so that tiles, their validators and their order of use survive a restart. When the
// tiles' data together pass the limit, the least recently used tiles are deleted. Use is counted
// with a number that grows with every hit, not with the clock, so a clock change cannot reorder
// it. A file in the cache's place that is not such a cache (corrupt, or another program's) is
// renamed to tiles.sqlite.bad, replacing an older one, and an empty cache starts in its place.
// Other files in the folder are left alone.
//
// Not thread-safe: the cache's SQLite connection belongs to the thread that called open(), and
// every call must come from that thread.
class TileDiskCache
{
public:
    // maxBytes limits the tiles' data; SQLite's pages and indexes add a few percent to the file.
    TileDiskCache(QString folder, qint64 maxBytes);
    ~TileDiskCache();
    TileDiskCache(const TileDiskCache &) = delete;
    TileDiskCache &operator=(const TileDiskCache &) = delete;

    // 512 MB: about 25,000 tiles of 20 KB, a city at every zoom level up to 19 and more.
    static constexpr qint64 DefaultMaxBytes = 512LL * 1024 * 1024;

    QString filePath() const;
    qint64 maxBytes() const { return m_maxBytes; }

    bool open(QString *error);
    void close();

    // Returns the tile of `source` (a key such as the URL template) and marks it as used.
    std::optional<CachedTile> find(const QString &source, const TileId &tile);
    // Stores or replaces a tile, then deletes the least recently used tiles while the cache is
    // over its limit. A tile larger than the whole limit is not stored.
    bool store(const QString &source, const TileId &tile, const CachedTile &entry);
    // Records a revalidation (HTTP 304): new expiry and validators, keeping the data.
    bool refresh(const QString &source, const TileId &tile, const CachedTile &validators);
    bool contains(const QString &source, const TileId &tile) const;

    qint64 totalBytes() const { return m_totalBytes; }
    int tileCount() const;

private:
    bool openFile(QString *error);
    bool checkSchema();
    bool createSchema(QString *error);
    void setAside();
    void evict();
    void handleQueryFailure(const QString &what, const QSqlError &error);
    void recoverIfCorrupt();

    QString m_folder;
    qint64 m_maxBytes;
    QString m_connectionName;
    qint64 m_totalBytes = 0;
    qint64 m_nextUse = 1;
    bool m_open = false;
    bool m_corrupt = false;
};

} // namespace CivicDesk
