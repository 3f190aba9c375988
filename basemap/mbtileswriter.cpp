#include "basemap/mbtileswriter.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace CivicDesk::Basemap {
namespace {

QString sqlError(const QString &what, const QSqlError &error)
{
    return QStringLiteral("%1 failed: %2").arg(what, error.text());
}

} // namespace

MbtilesWriter::MbtilesWriter()
    : m_connection(QStringLiteral("mbtiles-") + QUuid::createUuid().toString(QUuid::Id128))
{}

MbtilesWriter::~MbtilesWriter()
{
    m_insertImage.reset();
    m_insertRow.reset();
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool MbtilesWriter::exec(const QString &sql, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(sql)) {
        *error = sqlError(sql.section(QLatin1Char('('), 0, 0).trimmed(), query.lastError());
        return false;
    }
    return true;
}

bool MbtilesWriter::open(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = sqlError(QStringLiteral("opening ") + path, db.lastError());
        return false;
    }
    // The file is a temporary one until the build succeeds, so a journal would only slow it.
    const QStringList statements{
        QStringLiteral("PRAGMA journal_mode = OFF"),
        QStringLiteral("PRAGMA synchronous = OFF"),
        QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)"),
        QStringLiteral("CREATE UNIQUE INDEX metadata_name ON metadata (name)"),
        QStringLiteral("CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, "
                       "tile_row INTEGER, tile_id TEXT)"),
        QStringLiteral("CREATE TABLE images (tile_data BLOB, tile_id TEXT)"),
        QStringLiteral("CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, "
                       "map.tile_column AS tile_column, map.tile_row AS tile_row, "
                       "images.tile_data AS tile_data FROM map JOIN images "
                       "ON images.tile_id = map.tile_id"),
        QStringLiteral("BEGIN"),
    };
    for (const QString &statement : statements) {
        if (!exec(statement, error))
            return false;
    }
    m_insertImage = std::make_unique<QSqlQuery>(db);
    m_insertRow = std::make_unique<QSqlQuery>(db);
    if (!m_insertImage->prepare(
            QStringLiteral("INSERT INTO images (tile_data, tile_id) VALUES (?, ?)")) ||
        !m_insertRow->prepare(QStringLiteral("INSERT INTO map (zoom_level, tile_column, "
                                             "tile_row, tile_id) VALUES (?, ?, ?, ?)"))) {
        *error = sqlError(QStringLiteral("preparing the inserts"), m_insertImage->lastError());
        return false;
    }
    m_open = true;
    return true;
}

bool MbtilesWriter::addTile(int zoom, int x, int y, const QByteArray &png, QString *error)
{
    const QByteArray id = QCryptographicHash::hash(png, QCryptographicHash::Md5).toHex();
    const QString idText = QString::fromLatin1(id);
    if (!m_storedImages.contains(id)) {
        m_insertImage->bindValue(0, png);
        m_insertImage->bindValue(1, idText);
        if (!m_insertImage->exec()) {
            *error = sqlError(QStringLiteral("storing an image"), m_insertImage->lastError());
            return false;
        }
        m_storedImages.insert(id);
    }
    m_insertRow->bindValue(0, zoom);
    m_insertRow->bindValue(1, x);
    m_insertRow->bindValue(2, (1 << zoom) - 1 - y);
    m_insertRow->bindValue(3, idText);
    if (!m_insertRow->exec()) {
        *error = sqlError(QStringLiteral("storing a tile"), m_insertRow->lastError());
        return false;
    }
    return true;
}

bool MbtilesWriter::commit(QString *error)
{
    return exec(QStringLiteral("COMMIT"), error) && exec(QStringLiteral("BEGIN"), error);
}

bool MbtilesWriter::setMetadata(const QList<QPair<QString, QString>> &entries, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)"));
    for (const auto &[name, value] : entries) {
        query.addBindValue(name);
        query.addBindValue(value);
        if (!query.exec()) {
            *error = sqlError(QStringLiteral("writing metadata ") + name, query.lastError());
            return false;
        }
    }
    return true;
}

bool MbtilesWriter::close(QString *error)
{
    if (!m_open)
        return true;
    // Indexes are built once at the end, which is faster than keeping them while tiles arrive.
    const QStringList statements{
        QStringLiteral("CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row)"),
        QStringLiteral("CREATE UNIQUE INDEX images_id ON images (tile_id)"),
        QStringLiteral("COMMIT"),
    };
    for (const QString &statement : statements) {
        if (!exec(statement, error))
            return false;
    }
    m_open = false;
    m_insertImage.reset();
    m_insertRow.reset();
    QSqlDatabase::database(m_connection, false).close();
    return true;
}

} // namespace CivicDesk::Basemap
