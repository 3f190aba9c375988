#include "map/mbtilessource.h"

#include "map/maplogging.h"

#include <QFileInfo>
#include <QImageReader>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace CivicDesk {
namespace {

// Image formats by the first bytes of their files. Vector tiles are protobuf, most often
// compressed with gzip (1f 8b) or zlib (78 xx).
QString sniffFormat(const QByteArray &data)
{
    if (data.startsWith("\x89PNG"))
        return QStringLiteral("png");
    if (data.startsWith("\xff\xd8\xff"))
        return QStringLiteral("jpg");
    if (data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    if (data.startsWith("\x1f\x8b") || data.startsWith("\x78\x9c") || data.startsWith("\x78\x01") ||
        data.startsWith("\x78\xda"))
        return QStringLiteral("pbf");
    return QString();
}

QString normaliseFormat(QString format)
{
    format = format.trimmed().toLower();
    if (format == QLatin1String("jpeg"))
        return QStringLiteral("jpg");
    return format;
}

std::optional<int> metadataInt(const QHash<QString, QString> &metadata, const QString &key)
{
    bool ok = false;
    const int value = metadata.value(key).trimmed().toInt(&ok);
    if (!ok || value < 0 || value > 30)
        return std::nullopt;
    return value;
}

} // namespace

MBTilesSource::MBTilesSource(const QString &path, QObject *parent)
    : TileSource(QFileInfo(path).fileName(), parent)
    , m_path(path)
    , m_connectionName(QStringLiteral("mbtiles-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_worker(std::make_unique<TileWorkerThread>(QStringLiteral("MBTiles reader")))
{
    setStatus(Status::Opening);
    open();
}

MBTilesSource::~MBTilesSource()
{
    m_worker->post([name = m_connectionName] { QSqlDatabase::removeDatabase(name); });
    m_worker.reset();
}

void MBTilesSource::open()
{
    m_worker->post([this, path = m_path, name = m_connectionName] {
        QString error;
        std::optional<MBTilesInfo> info;
        if (!QFileInfo(path).isFile()) {
            error = QStringLiteral("the base map file %1 does not exist").arg(path);
        } else {
            QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            database.setDatabaseName(path);
            database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!database.open())
                error = QStringLiteral("cannot open the base map file %1: %2")
                            .arg(path, database.lastError().text());
            else
                info = inspect(name, path, &error);
        }
        QMetaObject::invokeMethod(this, [this, info, error] { onOpened(info, error); });
    });
}

std::optional<MBTilesInfo> MBTilesSource::inspect(const QString &connectionName,
                                                  const QString &path, QString *error)
{
    QSqlDatabase database = QSqlDatabase::database(connectionName, false);
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT tile_data FROM tiles LIMIT 1"))) {
        *error = QStringLiteral("%1 is not an MBTiles file: %2")
                     .arg(path, query.lastError().databaseText());
        return std::nullopt;
    }
    if (!query.next()) {
        *error = QStringLiteral("the MBTiles file %1 contains no tiles").arg(path);
        return std::nullopt;
    }
    const QByteArray sample = query.value(0).toByteArray();

    QHash<QString, QString> metadata;
    if (query.exec(QStringLiteral("SELECT name, value FROM metadata"))) {
        while (query.next())
            metadata.insert(query.value(0).toString(), query.value(1).toString());
    } else {
        qCWarning(lcMap) << "the MBTiles file" << path << "has no metadata table";
    }

    const QString declared = normaliseFormat(metadata.value(QStringLiteral("format")));
    const QString sniffed = sniffFormat(sample);
    if (declared == QLatin1String("pbf") || sniffed == QLatin1String("pbf")) {
        *error = QStringLiteral("%1 contains vector tiles (format pbf); the map draws raster "
                                "MBTiles files only (png, jpg or webp)")
                     .arg(path);
        return std::nullopt;
    }
    const QString format = declared.isEmpty() ? sniffed : declared;
    if (format != QLatin1String("png") && format != QLatin1String("jpg") &&
        format != QLatin1String("webp")) {
        *error = QStringLiteral("%1 has tiles in format \"%2\"; the map draws png, jpg or webp")
                     .arg(path, format.isEmpty() ? QStringLiteral("unknown") : format);
        return std::nullopt;
    }
    if (sniffed.isEmpty()) {
        *error = QStringLiteral("the first tile in %1 is not a %2 image; the file is corrupt or "
                                "holds vector tiles")
                     .arg(path, format);
        return std::nullopt;
    }
    if (!QImageReader::supportedImageFormats().contains(format.toLatin1())) {
        *error = QStringLiteral("%1 has %2 tiles, but Qt has no %2 image plugin here (install "
                                "qt6-image-formats-plugins)")
                     .arg(path, format);
        return std::nullopt;
    }

    MBTilesInfo info;
    info.format = format;
    info.attribution = metadata.value(QStringLiteral("attribution")).trimmed();
    auto minimum = metadataInt(metadata, QStringLiteral("minzoom"));
    auto maximum = metadataInt(metadata, QStringLiteral("maxzoom"));
    if ((!minimum || !maximum) &&
        query.exec(QStringLiteral("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")) &&
        query.next()) {
        minimum = minimum.value_or(query.value(0).toInt());
        maximum = maximum.value_or(query.value(1).toInt());
    }
    info.minimumZoomLevel = minimum.value_or(0);
    info.maximumZoomLevel = std::max(info.minimumZoomLevel, maximum.value_or(0));
    return info;
}

void MBTilesSource::onOpened(const std::optional<MBTilesInfo> &info, const QString &error)
{
    if (!info) {
        qCWarning(lcMap).noquote() << "Base map rejected:" << error;
        setStatus(Status::Failed, error);
        const QSet<TileId> requested = std::exchange(m_requested, {});
        for (const TileId &tile : requested)
            Q_EMIT tileMissing(tile);
        return;
    }
    qCInfo(lcMap) << "opened the base map" << m_path << "format" << info->format << "zoom levels"
                  << info->minimumZoomLevel << "to" << info->maximumZoomLevel;
    setInfo(info->attribution, info->minimumZoomLevel, info->maximumZoomLevel);
    setStatus(Status::Ready);
}

void MBTilesSource::requestTile(const TileId &tile)
{
    if (status() == Status::Failed || !tile.isValid()) {
        Q_EMIT tileMissing(tile);
        return;
    }
    if (m_requested.contains(tile))
        return;
    m_requested.insert(tile);
    readTile(tile);
}

void MBTilesSource::cancelTile(const TileId &tile)
{
    // A read already posted still runs, and its result is dropped.
    m_requested.remove(tile);
}

void MBTilesSource::readTile(const TileId &tile)
{
    m_worker->post([this, tile, name = m_connectionName] {
        QSqlQuery query(QSqlDatabase::database(name, false));
        query.prepare(QStringLiteral("SELECT tile_data FROM tiles WHERE zoom_level = ? AND "
                                     "tile_column = ? AND tile_row = ?"));
        query.addBindValue(tile.z);
        query.addBindValue(tile.x);
        query.addBindValue((1 << tile.z) - 1 - tile.y);
        QByteArray data;
        if (!query.exec())
            qCWarning(lcMap) << "cannot read tile" << tile.toString()
                             << "from the base map:" << query.lastError().text();
        else if (query.next())
            data = query.value(0).toByteArray();
        QMetaObject::invokeMethod(this, [this, tile, data] {
            if (!m_requested.remove(tile))
                return;
            if (data.isEmpty())
                Q_EMIT tileMissing(tile);
            else
                Q_EMIT tileLoaded(tile, data);
        });
    });
}

} // namespace CivicDesk
