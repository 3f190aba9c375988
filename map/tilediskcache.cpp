#include "map/tilediskcache.h"

#include "map/maplogging.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace CivicDesk {
namespace {

// PRAGMA application_id of the cache file ("CDTC"), so that another program's SQLite file in
// its place is recognised as foreign.
constexpr int ApplicationId = 0x43445443;
constexpr int SchemaVersion = 1;
// Tiles deleted per query while evicting.
constexpr int EvictionBatch = 64;

const QString FileName = QStringLiteral("tiles.sqlite");

// SQLite's result codes for a damaged file (SQLITE_CORRUPT) and a file that is not a database
// (SQLITE_NOTADB).
bool isCorruption(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("11") || code == QLatin1String("26");
}

// Binds a tile's key: its source, then z, x and y, in the order the statements name them.
void bindKey(QSqlQuery &query, const QString &source, const TileId &tile)
{
    query.addBindValue(source);
    query.addBindValue(tile.z);
    query.addBindValue(tile.x);
    query.addBindValue(tile.y);
}

} // namespace

TileDiskCache::TileDiskCache(QString folder, qint64 maxBytes)
    : m_folder(std::move(folder))
    , m_maxBytes(maxBytes)
    , m_connectionName(QStringLiteral("tile-cache-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

TileDiskCache::~TileDiskCache()
{
    close();
}

QString TileDiskCache::filePath() const
{
    return QDir(m_folder).filePath(FileName);
}

bool TileDiskCache::open(QString *error)
{
    if (!QDir().mkpath(m_folder)) {
        *error = QStringLiteral("cannot create the tile cache folder %1").arg(m_folder);
        return false;
    }
    if (!openFile(error))
        return false;
    if (checkSchema())
        return true;

    qCWarning(lcMap) << "the tile cache" << filePath()
                     << "is corrupt or not a tile cache; setting it aside and starting empty";
    close();
    setAside();
    return openFile(error) && createSchema(error);
}

bool TileDiskCache::openFile(QString *error)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    database.setDatabaseName(filePath());
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open()) {
        *error = QStringLiteral("cannot open the tile cache %1: %2")
                     .arg(filePath(), database.lastError().text());
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return false;
    }
    m_open = true;
    return true;
}

// Returns whether the file is this program's cache, creating the schema in an empty file.
bool TileDiskCache::checkSchema()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return false;
    if (query.value(0).toInt() == 0) {
        query.finish();
        QString error;
        if (createSchema(&error))
            return true;
        qCWarning(lcMap).noquote() << error;
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next() ||
        query.value(0).toInt() != ApplicationId)
        return false;
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next() ||
        query.value(0).toInt() != SchemaVersion)
        return false;
    if (!query.exec(QStringLiteral("SELECT COALESCE(SUM(size), 0), COALESCE(MAX(used), 0) "
                                   "FROM tile")) ||
        !query.next())
        return false;
    m_totalBytes = query.value(0).toLongLong();
    m_nextUse = query.value(1).toLongLong() + 1;
    return true;
}

bool TileDiskCache::createSchema(QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // auto_vacuum must be set before the first table exists; it lets evictions shrink the file.
    const QStringList statements = {
        QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("CREATE TABLE tile (source TEXT NOT NULL, z INTEGER NOT NULL, "
                       "x INTEGER NOT NULL, y INTEGER NOT NULL, data BLOB NOT NULL, etag TEXT, "
                       "last_modified TEXT, expires INTEGER NOT NULL, size INTEGER NOT NULL, "
                       "used INTEGER NOT NULL, PRIMARY KEY (source, z, x, y))"),
        QStringLiteral("CREATE INDEX tile_used ON tile (used)"),
        QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId),
        QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion),
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            *error = QStringLiteral("cannot create the tile cache %1: %2")
                         .arg(filePath(), query.lastError().text());
            return false;
        }
    }
    m_totalBytes = 0;
    m_nextUse = 1;
    return true;
}

void TileDiskCache::close()
{
    if (!m_open)
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

void TileDiskCache::setAside()
{
    const QString path = filePath();
    const QString aside = path + QStringLiteral(".bad");
    QFile::remove(aside);
    if (!QFile::rename(path, aside))
        QFile::remove(path);
    // The journal files of the file set aside belong to it and would corrupt the new one.
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    QFile::remove(path + QStringLiteral("-journal"));
}

void TileDiskCache::handleQueryFailure(const QString &what, const QSqlError &error)
{
    qCWarning(lcMap).noquote() << "tile cache" << filePath() << what << "failed:" << error.text();
    if (isCorruption(error))
        m_corrupt = true;
}

// Replaces a file that broke while in use with an empty cache. Runs at the start of the next
// call, when no query of the failed one uses the connection any more.
void TileDiskCache::recoverIfCorrupt()
{
    if (!m_corrupt)
        return;
    m_corrupt = false;
    qCWarning(lcMap) << "setting the corrupt tile cache" << filePath() << "aside; starting empty";
    QString error;
    close();
    setAside();
    if (!openFile(&error) || !createSchema(&error))
        qCWarning(lcMap).noquote() << error;
}

std::optional<CachedTile> TileDiskCache::find(const QString &source, const TileId &tile)
{
    recoverIfCorrupt();
    if (!m_open)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT data, etag, last_modified, expires FROM tile "
                                 "WHERE source = ? AND z = ? AND x = ? AND y = ?"));
    bindKey(query, source, tile);
    if (!query.exec()) {
        handleQueryFailure(QStringLiteral("lookup"), query.lastError());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;

    CachedTile entry{query.value(0).toByteArray(), query.value(1).toString(),
                     query.value(2).toString(), query.value(3).toLongLong()};
    query.finish();
    query.prepare(
        QStringLiteral("UPDATE tile SET used = ? WHERE source = ? AND z = ? AND x = ? AND y = ?"));
    query.addBindValue(m_nextUse++);
    bindKey(query, source, tile);
    if (!query.exec())
        handleQueryFailure(QStringLiteral("marking a tile as used"), query.lastError());
    return entry;
}

bool TileDiskCache::store(const QString &source, const TileId &tile, const CachedTile &entry)
{
    recoverIfCorrupt();
    if (!m_open || entry.data.size() > m_maxBytes)
        return false;
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(database);
    qint64 replaced = 0;
    query.prepare(
        QStringLiteral("SELECT size FROM tile WHERE source = ? AND z = ? AND x = ? AND y = ?"));
    bindKey(query, source, tile);
    if (query.exec() && query.next())
        replaced = query.value(0).toLongLong();
    query.finish();

    query.prepare(QStringLiteral("INSERT OR REPLACE INTO tile (source, z, x, y, data, etag, "
                                 "last_modified, expires, size, used) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindKey(query, source, tile);
    query.addBindValue(entry.data);
    query.addBindValue(entry.etag);
    query.addBindValue(entry.lastModified);
    query.addBindValue(entry.expires);
    query.addBindValue(qint64(entry.data.size()));
    query.addBindValue(m_nextUse++);
    if (!query.exec()) {
        handleQueryFailure(QStringLiteral("storing tile ") + tile.toString(), query.lastError());
        return false;
    }
    m_totalBytes += entry.data.size() - replaced;
    evict();
    return true;
}

bool TileDiskCache::refresh(const QString &source, const TileId &tile, const CachedTile &validators)
{
    recoverIfCorrupt();
    if (!m_open)
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("UPDATE tile SET expires = ?, etag = COALESCE(?, etag), "
                                 "last_modified = COALESCE(?, last_modified), used = ? "
                                 "WHERE source = ? AND z = ? AND x = ? AND y = ?"));
    query.addBindValue(validators.expires);
    query.addBindValue(validators.etag.isEmpty() ? QVariant() : validators.etag);
    query.addBindValue(validators.lastModified.isEmpty() ? QVariant() : validators.lastModified);
    query.addBindValue(m_nextUse++);
    bindKey(query, source, tile);
    if (!query.exec()) {
        handleQueryFailure(QStringLiteral("refreshing tile ") + tile.toString(), query.lastError());
        return false;
    }
    return query.numRowsAffected() > 0;
}

bool TileDiskCache::contains(const QString &source, const TileId &tile) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT 1 FROM tile WHERE source = ? AND z = ? AND x = ? AND y = ?"));
    bindKey(query, source, tile);
    return query.exec() && query.next();
}

int TileDiskCache::tileCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT count(*) FROM tile")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

void TileDiskCache::evict()
{
    if (m_totalBytes <= m_maxBytes)
        return;
    QSqlQuery select(QSqlDatabase::database(m_connectionName, false));
    QSqlQuery remove(QSqlDatabase::database(m_connectionName, false));
    remove.prepare(QStringLiteral("DELETE FROM tile WHERE rowid = ?"));
    int evicted = 0;
    while (m_totalBytes > m_maxBytes) {
        if (!select.exec(QStringLiteral("SELECT rowid, size FROM tile ORDER BY used LIMIT %1")
                             .arg(EvictionBatch))) {
            handleQueryFailure(QStringLiteral("eviction"), select.lastError());
            return;
        }
        QList<std::pair<qint64, qint64>> oldest;
        while (select.next())
            oldest.append({select.value(0).toLongLong(), select.value(1).toLongLong()});
        select.finish();
        if (oldest.isEmpty())
            break;
        for (const auto &[rowid, size] : oldest) {
            if (m_totalBytes <= m_maxBytes)
                break;
            remove.addBindValue(rowid);
            if (!remove.exec()) {
                handleQueryFailure(QStringLiteral("eviction"), remove.lastError());
                return;
            }
            m_totalBytes -= size;
            ++evicted;
        }
    }
    // The pragma frees pages as it is stepped, so it is stepped to its end.
    if (select.exec(QStringLiteral("PRAGMA incremental_vacuum")))
        while (select.next()) {
        }
    qCDebug(lcMap) << "evicted" << evicted << "tiles from the tile cache; now" << m_totalBytes
                   << "bytes";
}

} // namespace CivicDesk
