#include "media/thumbnail.h"

#include "media/medialogging.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QMediaPlayer>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimer>
#include <QTransform>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>

namespace CivicDesk {
namespace {

constexpr int jpegQuality = 80;
// A frame this far into a video is less often a black fade-in than the first one.
constexpr qint64 videoFrameTimeUs = 500 * 1000;

std::optional<Thumbnail> encodeThumbnail(const QImage &image, QString *error)
{
    QImage opaque = image;
    if (image.hasAlphaChannel()) {
        // JPEG has no transparency; a transparent PNG shows on white as it would on a page.
        opaque = QImage(image.size(), QImage::Format_RGB32);
        opaque.fill(Qt::white);
        QPainter painter(&opaque);
        painter.drawImage(0, 0, image);
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!opaque.save(&buffer, "JPEG", jpegQuality)) {
        *error = QStringLiteral("cannot encode the thumbnail as JPEG");
        return std::nullopt;
    }
    Thumbnail thumbnail;
    thumbnail.jpeg = jpeg;
    thumbnail.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex());
    thumbnail.size = opaque.size();
    return thumbnail;
}

QImage fitThumbnail(const QImage &image)
{
    if (image.width() <= thumbnailMaxSide && image.height() <= thumbnailMaxSide)
        return image;
    return image.scaled(thumbnailMaxSide, thumbnailMaxSide, Qt::KeepAspectRatio,
                        Qt::SmoothTransformation);
}

QImage orientedFrame(const QVideoFrame &frame)
{
    QImage image = frame.toImage();
    if (frame.mirrored())
        image = image.mirrored(true, false);
    if (frame.rotationAngle() != QVideoFrame::Rotation0)
        image = image.transformed(QTransform().rotate(int(frame.rotationAngle())));
    return image;
}

} // namespace

std::optional<Thumbnail> makePhotoThumbnail(const QString &path, QString *error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    if (!stored.isValid()) {
        *error = QStringLiteral("cannot read photo %1: %2").arg(path, reader.errorString());
        return std::nullopt;
    }
    // Decoding straight to the small size keeps a 50-megapixel photo out of memory.
    if (stored.width() > thumbnailMaxSide || stored.height() > thumbnailMaxSide)
        reader.setScaledSize(
            stored.scaled(thumbnailMaxSide, thumbnailMaxSide, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    if (image.isNull()) {
        *error = QStringLiteral("cannot decode photo %1: %2").arg(path, reader.errorString());
        return std::nullopt;
    }
    auto thumbnail = encodeThumbnail(fitThumbnail(image), error);
    if (!thumbnail)
        return std::nullopt;
    thumbnail->sourceSize = stored;
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        thumbnail->sourceSize.transpose();
    return thumbnail;
}

std::optional<Thumbnail> makeVideoThumbnail(const QString &path, QString *error, int timeoutMs)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        *error = QStringLiteral("no thumbnail for video %1: decoding video frames needs a "
                                "QGuiApplication")
                     .arg(path);
        return std::nullopt;
    }
    // Qt Multimedia plays files, not Qt resources (the demo's videos are built in).
    QTemporaryDir copyFolder;
    QString file = path;
    if (path.startsWith(QLatin1String(":/"))) {
        file = copyFolder.filePath(QStringLiteral("video"));
        if (!copyFolder.isValid() || !QFile::copy(path, file)) {
            *error = QStringLiteral("cannot copy video %1 to a temporary file").arg(path);
            return std::nullopt;
        }
    }
    QMediaPlayer player;
    QVideoSink sink;
    player.setVideoSink(&sink);
    QEventLoop loop;
    QVideoFrame chosen;
    QObject::connect(&sink, &QVideoSink::videoFrameChanged, &loop,
                     [&chosen, &loop](const QVideoFrame &frame) {
                         if (!frame.isValid())
                             return;
                         chosen = frame;
                         if (frame.startTime() >= videoFrameTimeUs)
                             loop.quit();
                     });
    QObject::connect(&player, &QMediaPlayer::mediaStatusChanged, &loop,
                     [&loop](QMediaPlayer::MediaStatus status) {
                         if (status == QMediaPlayer::EndOfMedia ||
                             status == QMediaPlayer::InvalidMedia)
                             loop.quit();
                     });
    QString failure;
    QObject::connect(&player, &QMediaPlayer::errorOccurred, &loop,
                     [&failure, &loop](QMediaPlayer::Error, const QString &message) {
                         failure = message;
                         loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    // The FFmpeg backend of Qt 6.4 reports a file it cannot open from within setSource(), and
    // play() then clears the error, so the loop runs only when the source opened.
    player.setSource(QUrl::fromLocalFile(file));
    if (failure.isEmpty()) {
        player.play();
        loop.exec();
    }
    const qint64 durationMs = player.duration();
    player.stop();

    if (!chosen.isValid()) {
        const QString reason =
            failure.isEmpty() ? QStringLiteral("no frame within %1 ms").arg(timeoutMs) : failure;
        *error = QStringLiteral("cannot decode video %1: %2").arg(path, reason);
        return std::nullopt;
    }
    const QImage frame = orientedFrame(chosen);
    if (frame.isNull()) {
        *error = QStringLiteral("cannot convert a frame of video %1 to an image").arg(path);
        return std::nullopt;
    }
    auto thumbnail = encodeThumbnail(fitThumbnail(frame), error);
    if (!thumbnail)
        return std::nullopt;
    thumbnail->sourceSize = frame.size();
    thumbnail->durationMs = durationMs;
    return thumbnail;
}

std::optional<Thumbnail> makeThumbnail(const QString &path, MediaKind kind, QString *error)
{
    switch (kind) {
    case MediaKind::Photo:
        return makePhotoThumbnail(path, error);
    case MediaKind::Video:
        return makeVideoThumbnail(path, error);
    case MediaKind::Audio:
        break;
    }
    *error = QStringLiteral("audio %1 has no thumbnail").arg(path);
    return std::nullopt;
}

} // namespace CivicDesk
