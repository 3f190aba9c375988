#include "tilefixtures.h"

#include <QBuffer>
#include <QImage>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace CivicDesk::Test {

QColor tileColor(const TileId &tile)
{
    const int hue = (tile.x * 67 + tile.y * 131 + tile.z * 29) % 360;
    // As RGB, so that it compares equal to a pixel read back.
    return QColor(QColor::fromHsv(hue, 200, 60 + 25 * (tile.z % 8)).rgb());
}

QByteArray solidTilePng(const QColor &color)
{
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(color);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

namespace {

void execOrFail(QSqlQuery &query, const QString &statement)
{
    if (!query.exec(statement))
        QFAIL(qPrintable(statement + QStringLiteral(": ") + query.lastError().text()));
}

void fillMBTiles(QSqlDatabase &database, int minZoom, int maxZoom,
                 const QHash<QString, QString> &metadata,
                 const std::function<QByteArray(const TileId &)> &tileData)
{
    QSqlQuery query(database);
    execOrFail(query, QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)"));
    execOrFail(query, QStringLiteral("CREATE TABLE tiles (zoom_level INTEGER, tile_column "
                                     "INTEGER, tile_row INTEGER, tile_data BLOB)"));
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        query.prepare(QStringLiteral("INSERT INTO metadata VALUES (?, ?)"));
        query.addBindValue(it.key());
        query.addBindValue(it.value());
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    database.transaction();
    for (int z = minZoom; z <= maxZoom; ++z) {
        const int count = 1 << z;
        for (int x = 0; x < count; ++x) {
            for (int y = 0; y < count; ++y) {
                const TileId tile{z, x, y};
                query.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
                query.addBindValue(z);
                query.addBindValue(x);
                query.addBindValue(count - 1 - y);
                query.addBindValue(tileData ? tileData(tile) : solidTilePng(tileColor(tile)));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
        }
    }
    database.commit();
}

} // namespace

void writeMBTiles(const QString &path, int minZoom, int maxZoom,
                  const QHash<QString, QString> &metadata,
                  const std::function<QByteArray(const TileId &)> &tileData)
{
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        database.setDatabaseName(path);
        QVERIFY2(database.open(), qPrintable(database.lastError().text()));
        fillMBTiles(database, minZoom, maxZoom, metadata, tileData);
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace CivicDesk::Test
