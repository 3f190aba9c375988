#include "central/mediastore.h"

#include "core/logging.h"
#include "db/sqlquery.h"
#include "media/thumbnail.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace CivicDesk {
namespace {

constexpr qint64 mediaChunkSize = 1024 * 1024;

QString hexSha256(QCryptographicHash &hash)
{
    return QString::fromLatin1(hash.result().toHex());
}

// Returns the stored file's row, an empty map when there is none, or nullopt on failure.
std::optional<QVariantMap> mediaFileRow(const QSqlDatabase &database, const QString &sha256,
                                        const QString &columns, QString *error)
{
    SqlStatement select(
        database, QStringLiteral("SELECT %1 FROM media_file WHERE sha256 = :sha").arg(columns));
    const auto rows = select.bind(QStringLiteral(":sha"), sha256).rows(error);
    if (!rows)
        return std::nullopt;
    return rows->isEmpty() ? QVariantMap() : rows->first();
}

// Inserts the chunks of `file` from its start and returns the SHA-256 of what it inserted.
std::optional<QString> insertChunks(const QSqlDatabase &database, const QString &sha256,
                                    QFile &file, int *chunkCount, QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    file.seek(0);
    *chunkCount = 0;
    while (!file.atEnd()) {
        const QByteArray data = file.read(mediaChunkSize);
        if (data.isEmpty()) {
            *error = QStringLiteral("cannot read media file %1: %2")
                         .arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        hash.addData(data);
        // Another writer may store the same content concurrently (PostgreSQL); its chunks are
        // the same bytes, so either copy will do.
        SqlStatement insert(database,
                            QStringLiteral("INSERT INTO media_chunk (sha256, chunk, data) "
                                           "VALUES (:sha, :chunk, :data) "
                                           "ON CONFLICT DO NOTHING"));
        insert.bind(QStringLiteral(":sha"), sha256)
            .bind(QStringLiteral(":chunk"), *chunkCount)
            .bind(QStringLiteral(":data"), data);
        if (!insert.exec(error))
            return std::nullopt;
        ++*chunkCount;
    }
    return hexSha256(hash);
}

bool insertMediaFile(const QSqlDatabase &database, const Media &media, int chunkCount,
                     const std::optional<Thumbnail> &thumbnail, QString *error)
{
    SqlStatement insert(
        database,
        QStringLiteral("INSERT INTO media_file (sha256, size, chunk_count, width, height, "
                       "duration_ms, thumbnail, thumbnail_sha256, thumbnail_width, "
                       "thumbnail_height) VALUES (:sha256, :size, :chunk_count, :width, :height, "
                       ":duration_ms, :thumbnail, :thumbnail_sha256, :thumbnail_width, "
                       ":thumbnail_height) ON CONFLICT DO NOTHING"));
    insert.bindAll({
        {QStringLiteral("sha256"), media.sha256},
        {QStringLiteral("size"), media.size},
        {QStringLiteral("chunk_count"), chunkCount},
        {QStringLiteral("width"), media.width},
        {QStringLiteral("height"), media.height},
        {QStringLiteral("duration_ms"), media.durationMs},
        {QStringLiteral("thumbnail"), thumbnail ? QVariant(thumbnail->jpeg) : QVariant()},
        {QStringLiteral("thumbnail_sha256"), thumbnail ? QVariant(thumbnail->sha256) : QVariant()},
        {QStringLiteral("thumbnail_width"), thumbnail ? thumbnail->size.width() : 0},
        {QStringLiteral("thumbnail_height"), thumbnail ? thumbnail->size.height() : 0},
    });
    return insert.exec(error);
}

MediaReadStatus failWith(MediaReadStatus status, QString *error, const QString &message)
{
    *error = message;
    return status;
}

} // namespace

std::optional<Media> storeMediaFile(const QSqlDatabase &database, const QString &path,
                                    MediaKind kind, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read media file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        *error = QStringLiteral("cannot read media file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    Media media;
    media.kind = kind;
    media.sha256 = hexSha256(hash);
    media.size = file.size();
    media.fileName = QFileInfo(path).fileName();

    const auto stored =
        mediaFileRow(database, media.sha256, QStringLiteral("width, height, duration_ms"), error);
    if (!stored)
        return std::nullopt;
    if (!stored->isEmpty()) {
        media.width = stored->value(QStringLiteral("width")).toInt();
        media.height = stored->value(QStringLiteral("height")).toInt();
        media.durationMs = stored->value(QStringLiteral("duration_ms")).toLongLong();
        return media;
    }

    QString thumbnailError;
    const auto thumbnail = makeThumbnail(path, kind, &thumbnailError);
    if (thumbnail) {
        media.width = thumbnail->sourceSize.width();
        media.height = thumbnail->sourceSize.height();
        media.durationMs = thumbnail->durationMs;
    } else {
        qCWarning(lcCentral).noquote()
            << "storing" << media.sha256 << "without a thumbnail:" << thumbnailError;
    }

    int chunkCount = 0;
    const auto inserted = insertChunks(database, media.sha256, file, &chunkCount, error);
    if (!inserted)
        return std::nullopt;
    if (*inserted != media.sha256) {
        *error = QStringLiteral("media file %1 changed while it was stored (SHA-256 %2, then %3); "
                                "store it again once nothing writes to it")
                     .arg(path, media.sha256, *inserted);
        return std::nullopt;
    }
    if (!insertMediaFile(database, media, chunkCount, thumbnail, error))
        return std::nullopt;
    qCInfo(lcCentral) << "stored media" << media.sha256 << media.size << "bytes in" << chunkCount
                      << "chunks" << (thumbnail ? "with" : "without") << "a thumbnail";
    return media;
}

MediaReadStatus readMediaThumbnail(const QSqlDatabase &database, const QString &sha256,
                                   MediaThumbnail *thumbnail, QString *error)
{
    const auto row = mediaFileRow(
        database, sha256,
        QStringLiteral("thumbnail, thumbnail_sha256, thumbnail_width, thumbnail_height"), error);
    if (!row)
        return MediaReadStatus::Failed;
    if (row->isEmpty())
        return failWith(MediaReadStatus::NotFound, error,
                        QStringLiteral("no media with SHA-256 %1 on the central").arg(sha256));

    *thumbnail = MediaThumbnail();
    const QByteArray jpeg = row->value(QStringLiteral("thumbnail")).toByteArray();
    if (jpeg.isEmpty())
        return MediaReadStatus::Ok;
    const QString expected = row->value(QStringLiteral("thumbnail_sha256")).toString();
    const QString actual =
        QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex());
    if (actual != expected)
        return failWith(MediaReadStatus::Damaged, error,
                        QStringLiteral("the thumbnail of media %1 is damaged: its SHA-256 is %2, "
                                       "not the %3 recorded")
                            .arg(sha256, actual, expected));
    thumbnail->jpeg = jpeg;
    thumbnail->sha256 = actual;
    thumbnail->width = row->value(QStringLiteral("thumbnail_width")).toInt();
    thumbnail->height = row->value(QStringLiteral("thumbnail_height")).toInt();
    return MediaReadStatus::Ok;
}

MediaReadStatus copyMediaFile(const QSqlDatabase &database, const QString &sha256, QIODevice *out,
                              const MediaProgress &progress, QString *error)
{
    const auto row = mediaFileRow(database, sha256, QStringLiteral("size, chunk_count"), error);
    if (!row)
        return MediaReadStatus::Failed;
    if (row->isEmpty())
        return failWith(MediaReadStatus::NotFound, error,
                        QStringLiteral("no media with SHA-256 %1 on the central").arg(sha256));
    const qint64 size = row->value(QStringLiteral("size")).toLongLong();
    const int chunkCount = row->value(QStringLiteral("chunk_count")).toInt();

    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 copied = 0;
    for (int chunk = 0; chunk < chunkCount; ++chunk) {
        // One statement per chunk, read to its end before the next one starts: a forward-only
        // PostgreSQL result must not stay open across other queries on the connection.
        SqlStatement select(
            database,
            QStringLiteral("SELECT data FROM media_chunk WHERE sha256 = :sha AND chunk = :chunk"));
        // rows() checks the driver's error after the fetch, so a broken connection fails
        // here instead of passing for a missing chunk.
        const auto rows = select.bind(QStringLiteral(":sha"), sha256)
                              .bind(QStringLiteral(":chunk"), chunk)
                              .rows(error);
        if (!rows)
            return MediaReadStatus::Failed;
        if (rows->isEmpty())
            return failWith(MediaReadStatus::Damaged, error,
                            QStringLiteral("media %1 is damaged: chunk %2 of %3 is missing")
                                .arg(sha256)
                                .arg(chunk)
                                .arg(chunkCount));
        const QByteArray bytes = rows->first().value(QStringLiteral("data")).toByteArray();
        copied += bytes.size();
        if (copied > size)
            return failWith(MediaReadStatus::Damaged, error,
                            QStringLiteral("media %1 is damaged: its chunks hold more than the "
                                           "%2 bytes recorded")
                                .arg(sha256)
                                .arg(size));
        hash.addData(bytes);
        if (out->write(bytes) != bytes.size())
            return failWith(
                MediaReadStatus::Failed, error,
                QStringLiteral("cannot write media %1: %2").arg(sha256, out->errorString()));
        if (progress && !progress(copied, size))
            return failWith(MediaReadStatus::Failed, error,
                            QStringLiteral("copying media %1 was stopped after %2 of %3 bytes")
                                .arg(sha256)
                                .arg(copied)
                                .arg(size));
    }
    if (copied != size)
        return failWith(MediaReadStatus::Damaged, error,
                        QStringLiteral("media %1 is damaged: its chunks hold %2 bytes, not the "
                                       "%3 recorded")
                            .arg(sha256)
                            .arg(copied)
                            .arg(size));
    const QString actual = hexSha256(hash);
    if (actual != sha256)
        return failWith(
            MediaReadStatus::Damaged, error,
            QStringLiteral("media %1 is damaged: its content has SHA-256 %2").arg(sha256, actual));
    return MediaReadStatus::Ok;
}

} // namespace CivicDesk
