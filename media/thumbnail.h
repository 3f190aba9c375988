#pragma once

#include "core/codes.h"

#include <optional>
#include <QByteArray>
#include <QSize>
#include <QString>

namespace CivicDesk {

// Longest side of a thumbnail, in pixels.
inline constexpr int thumbnailMaxSide = 320;

// A small JPEG of a photo or of a frame of a video, turned the way the camera meant it, with
// what was learnt about the file while making it.
struct Thumbnail
{
    QByteArray jpeg;
    QString sha256;        // of `jpeg`, hex
    QSize size;            // of the thumbnail
    QSize sourceSize;      // of the photo or video frame as shown, after its orientation is applied
    qint64 durationMs = 0; // videos only
};

// Makes the thumbnail of a photo: decoded at a reduced size where the format allows it (JPEG
// does), with its EXIF orientation applied.
std::optional<Thumbnail> makePhotoThumbnail(const QString &path, QString *error);

// Makes the thumbnail of a video from a frame about half a second in (the last one of a shorter
// clip), through Qt Multimedia. Plays the video muted in a local event loop for up to
// `timeoutMs`, so it may run on any thread that has no event loop of its own busy elsewhere.
// Needs a QGuiApplication: Qt 6.4 converts video frames to images through the GUI platform
// and crashes without one, so under a QCoreApplication this fails with an error instead.
// NOTE: set QT_MEDIA_BACKEND=ffmpeg before Qt Multimedia is first used. Without the
// gstreamer1.0-plugins-good, -bad and -libav packages, Qt 6.4's GStreamer backend crashed in
// the QMediaPlayer constructor here.
std::optional<Thumbnail> makeVideoThumbnail(const QString &path, QString *error,
                                            int timeoutMs = 15000);

// Makes the thumbnail that fits `kind`; audio has none.
std::optional<Thumbnail> makeThumbnail(const QString &path, MediaKind kind, QString *error);

} // namespace CivicDesk
