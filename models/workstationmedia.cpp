#include "core/logging.h"
#include "models/workstation.h"

#include <QCoreApplication>
#include <QDir>

// The workstation's side of media: thumbnails of the open report first, full files when the
// operator opens a photo or plays a video.

namespace CivicDesk {
namespace {

// Thumbnails are at most 320 px JPEGs of some 20 KB, so this keeps about ten thousand.
constexpr qint64 thumbnailCacheLimit = qint64(256) * 1024 * 1024;

} // namespace

void Workstation::startMediaFetcher()
{
    if (m_media)
        return;
    const QString folder = QDir(m_dataFolder).filePath(QStringLiteral("media-cache"));
    auto files = std::make_shared<MediaCache>(folder, m_mediaCacheLimit);
    auto thumbnails = std::make_shared<MediaCache>(
        QDir(folder).filePath(QStringLiteral("thumbnails")), thumbnailCacheLimit);
    m_media = std::make_unique<MediaFetcher>(m_centralUrl, files, thumbnails);

    connect(m_media.get(), &MediaFetcher::thumbnailFetched, m_detail, &ReportDetail::setThumbnail);
    connect(m_media.get(), &MediaFetcher::fileFetched, m_detail, &ReportDetail::setMediaFile);
    connect(m_media.get(), &MediaFetcher::fileProgress, m_detail, &ReportDetail::setFileProgress);
    connect(m_media.get(), &MediaFetcher::fetchFailed, this,
            [this](const QString &sha256, bool thumbnail, MediaFetchError reason,
                   const QString &message) {
                qCWarning(lcApp) << "media" << sha256 << "not shown:" << message;
                m_detail->setMediaFailed(sha256, thumbnail, mediaErrorText(reason));
            });
    m_media->start();
    fetchOpenReportThumbnails();
}

void Workstation::fetchOpenReportThumbnails()
{
    if (!m_media)
        return;
    for (const Media &item : m_detail->mediaItems()) {
        if (item.sha256.isEmpty())
            continue;
        // A file fetched before shows at once, even while the central is out of reach.
        const QString cached = m_media->files().pathFor(item.sha256);
        if (!cached.isEmpty())
            m_detail->setMediaFile(item.sha256, cached);
    }
    m_media->fetchThumbnails(m_detail->awaitedThumbnails());
}

void Workstation::openMedia(const QString &sha256)
{
    if (!m_media)
        return;
    for (const Media &item : m_detail->mediaItems()) {
        if (item.sha256 != sha256)
            continue;
        m_detail->setFileLoading(sha256);
        m_media->fetchFile(sha256, item.mimeType);
        return;
    }
}

QString Workstation::mediaErrorText(MediaFetchError reason) const
{
    switch (reason) {
    case MediaFetchError::Offline:
        return QCoreApplication::translate("CivicDesk",
                                           "The central cannot be reached. Click to try again.");
    case MediaFetchError::NotFound:
        return QCoreApplication::translate("CivicDesk", "The central does not have this file.");
    case MediaFetchError::Damaged:
        return QCoreApplication::translate(
            "CivicDesk", "The central's copy of this file is damaged. Tell an administrator.");
    case MediaFetchError::Local:
        break;
    }
    return QCoreApplication::translate(
        "CivicDesk", "This file cannot be kept on this computer: the media cache is full or "
                     "cannot be written. See the log.");
}

} // namespace CivicDesk
