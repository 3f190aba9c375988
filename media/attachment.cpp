#include "media/attachment.h"

#include "media/medialogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace CivicDesk {
namespace {

std::optional<MediaKind> kindOfMimeType(const QString &mimeType)
{
    if (mimeType.startsWith(QLatin1String("image/")))
        return MediaKind::Photo;
    if (mimeType.startsWith(QLatin1String("video/")))
        return MediaKind::Video;
    if (mimeType.startsWith(QLatin1String("audio/")))
        return MediaKind::Audio;
    return std::nullopt;
}

// Returns a name in `folder` that no file has yet: "photo.jpg", then "photo-2.jpg" and so on.
QString freeName(const QDir &folder, const QString &fileName)
{
    const QFileInfo info(fileName);
    QString candidate = fileName;
    for (int n = 2; folder.exists(candidate); ++n) {
        candidate =
            info.suffix().isEmpty()
                ? QStringLiteral("%1-%2").arg(info.completeBaseName()).arg(n)
                : QStringLiteral("%1-%2.%3").arg(info.completeBaseName()).arg(n).arg(info.suffix());
    }
    return candidate;
}

} // namespace

std::optional<AttachmentType> checkAttachment(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile()) {
        *error = QStringLiteral("the file %1 does not exist or is not a file").arg(path);
        return std::nullopt;
    }
    if (!info.isReadable()) {
        *error = QStringLiteral("the file %1 cannot be read").arg(path);
        return std::nullopt;
    }
    if (info.size() == 0) {
        *error = QStringLiteral("the file %1 is empty").arg(path);
        return std::nullopt;
    }
    if (info.size() > maxAttachmentBytes) {
        *error = QStringLiteral("the file %1 has %2 bytes, more than the %3 allowed")
                     .arg(path)
                     .arg(info.size())
                     .arg(maxAttachmentBytes);
        return std::nullopt;
    }
    const QMimeType type = QMimeDatabase().mimeTypeForFile(info);
    const auto kind = kindOfMimeType(type.name());
    if (!kind) {
        *error = QStringLiteral("the file %1 is %2, not a photo, video or audio recording")
                     .arg(path, type.name());
        return std::nullopt;
    }
    return AttachmentType{*kind, type.name(), info.size()};
}

std::optional<AttachedFile> copyAttachment(const QString &path, const QString &folder,
                                           QString *error)
{
    const auto type = checkAttachment(path, error);
    if (!type)
        return std::nullopt;
    QDir target(folder);
    if (!target.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("the folder %1 cannot be created").arg(folder);
        return std::nullopt;
    }

    QFile source(path);
    const QString fileName = QFileInfo(path).fileName();
    QSaveFile copy(target.filePath(freeName(target, fileName)));
    if (!source.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly)) {
        *error =
            QStringLiteral("the file %1 cannot be copied to %2: %3")
                .arg(path, folder, source.isOpen() ? copy.errorString() : source.errorString());
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    constexpr qint64 blockSize = 64 * 1024;
    qint64 copied = 0;
    while (!source.atEnd()) {
        const QByteArray block = source.read(blockSize);
        if (block.isEmpty() || copy.write(block) != block.size()) {
            *error = QStringLiteral("copying the file %1 failed: %2").arg(path, copy.errorString());
            return std::nullopt;
        }
        hash.addData(block);
        copied += block.size();
    }
    if (copied != type->size || !copy.commit()) {
        *error = QStringLiteral("the file %1 changed or could not be written while it was copied")
                     .arg(path);
        return std::nullopt;
    }
    qCDebug(lcMedia) << "attachment" << path << "copied to" << copy.fileName();
    return AttachedFile{copy.fileName(), fileName,       QString::fromLatin1(hash.result().toHex()),
                        copied,          type->mimeType, type->kind};
}

} // namespace CivicDesk
