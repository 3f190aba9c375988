#include "sync/mediafetcher.h"

#include "central/central.h"
#include "core/logging.h"

#include <atomic>

namespace CivicDesk {

// Lives on one of the fetcher's threads and owns the central connection used there.
class MediaFetchWorker : public QObject
{
    Q_OBJECT

public:
    MediaFetchWorker(QString centralUrl, std::shared_ptr<MediaCache> cache)
        : m_centralUrl(std::move(centralUrl))
        , m_cache(std::move(cache))
    {}

    // Called from the owner's thread: the copy under way stops after its current chunk, and
    // the requests queued behind it return at once.
    void cancel() { m_cancelled = true; }
    void finish() { m_central.reset(); }

    void fetchThumbnail(const QString &sha256)
    {
        if (m_cancelled || !connectCentral(sha256, true))
            return;
        MediaThumbnail thumbnail;
        QString error;
        const MediaReadStatus status = m_central->mediaThumbnail(sha256, &thumbnail, &error);
        if (status != MediaReadStatus::Ok) {
            fail(sha256, true, status, error);
            return;
        }
        if (thumbnail.jpeg.isEmpty()) {
            Q_EMIT thumbnailFetched(sha256, QString());
            return;
        }
        if (!m_cache->storeDerived(sha256, thumbnail.jpeg, thumbnail.sha256,
                                   QStringLiteral("image/jpeg"), &error)) {
            fail(sha256, true, MediaReadStatus::Ok, error);
            return;
        }
        Q_EMIT thumbnailFetched(sha256, m_cache->pathFor(sha256));
    }

    void fetchFile(const QString &sha256, const QString &mimeType)
    {
        if (m_cancelled || !connectCentral(sha256, false))
            return;
        qCInfo(lcSync) << "fetching media" << sha256;
        MediaReadStatus status = MediaReadStatus::Ok;
        QString error;
        const bool stored = m_cache->storeWritten(
            sha256, mimeType,
            [this, &sha256, &status](QIODevice *out, QString *writeError) {
                status = m_central->copyMediaContent(
                    sha256, out,
                    [this, &sha256](qint64 copied, qint64 total) {
                        Q_EMIT fileProgress(sha256, copied, total);
                        return !m_cancelled;
                    },
                    writeError);
                return status == MediaReadStatus::Ok;
            },
            &error);
        if (!stored) {
            fail(sha256, false, status, error);
            return;
        }
        qCInfo(lcSync) << "fetched media" << sha256;
        Q_EMIT fileFetched(sha256, m_cache->pathFor(sha256));
    }

Q_SIGNALS:
    void thumbnailFetched(const QString &sha256, const QString &path);
    void fileProgress(const QString &sha256, qint64 copied, qint64 total);
    void fileFetched(const QString &sha256, const QString &path);
    void fetchFailed(const QString &sha256, bool thumbnail, CivicDesk::MediaFetchError reason,
                     const QString &message);

private:
    bool connectCentral(const QString &sha256, bool thumbnail)
    {
        if (m_central)
            return true;
        QString error;
        m_central = Central::open(m_centralUrl, false, &error);
        if (!m_central) {
            qCWarning(lcSync) << "cannot fetch media" << sha256 << ":" << error;
            Q_EMIT fetchFailed(sha256, thumbnail, MediaFetchError::Offline, error);
            return false;
        }
        return true;
    }

    // `status` is Ok when the central delivered and the local cache failed.
    void fail(const QString &sha256, bool thumbnail, MediaReadStatus status, const QString &error)
    {
        MediaFetchError reason = MediaFetchError::Local;
        switch (status) {
        case MediaReadStatus::Ok:
            break;
        case MediaReadStatus::NotFound:
            reason = MediaFetchError::NotFound;
            break;
        case MediaReadStatus::Damaged:
            reason = MediaFetchError::Damaged;
            break;
        case MediaReadStatus::Failed:
            reason = MediaFetchError::Offline;
            m_central.reset(); // reconnect at the next request
            break;
        }
        qCWarning(lcSync) << "cannot fetch" << (thumbnail ? "the thumbnail of" : "") << "media"
                          << sha256 << ":" << error;
        Q_EMIT fetchFailed(sha256, thumbnail, reason, error);
    }

    QString m_centralUrl;
    std::shared_ptr<MediaCache> m_cache;
    std::unique_ptr<Central> m_central;
    std::atomic<bool> m_cancelled{false};
};

MediaFetcher::MediaFetcher(QString centralUrl, std::shared_ptr<MediaCache> files,
                           std::shared_ptr<MediaCache> thumbnails, QObject *parent)
    : QObject(parent)
    , m_centralUrl(std::move(centralUrl))
    , m_files(std::move(files))
    , m_thumbnails(std::move(thumbnails))
{
    qRegisterMetaType<MediaFetchError>();
}

MediaFetcher::~MediaFetcher()
{
    stop();
}

void MediaFetcher::start()
{
    if (m_thumbnailLane.worker)
        return;
    startLane(m_thumbnailLane, QStringLiteral("civicdesk-thumbnails"));
    startLane(m_fileLane, QStringLiteral("civicdesk-media"));
    qCInfo(lcSync) << "media fetcher started; files in" << m_files->folder() << "up to"
                   << m_files->maxBytes() << "bytes";
}

void MediaFetcher::startLane(Lane &lane, const QString &name)
{
    Lane *current = &lane;
    const bool thumbnails = &lane == &m_thumbnailLane;
    lane.worker = new MediaFetchWorker(m_centralUrl, thumbnails ? m_thumbnails : m_files);
    lane.worker->moveToThread(&lane.thread);
    lane.thread.setObjectName(name);
    connect(&lane.thread, &QThread::finished, lane.worker, &QObject::deleteLater);
    connect(lane.worker, &MediaFetchWorker::thumbnailFetched, this,
            [this, current](const QString &sha256, const QString &path) {
                current->inFlight.remove(sha256);
                Q_EMIT thumbnailFetched(sha256, path);
            });
    connect(lane.worker, &MediaFetchWorker::fileFetched, this,
            [this, current](const QString &sha256, const QString &path) {
                current->inFlight.remove(sha256);
                Q_EMIT fileFetched(sha256, path);
            });
    connect(lane.worker, &MediaFetchWorker::fetchFailed, this,
            [this, current](const QString &sha256, bool thumbnail, MediaFetchError reason,
                            const QString &message) {
                current->inFlight.remove(sha256);
                Q_EMIT fetchFailed(sha256, thumbnail, reason, message);
            });
    connect(lane.worker, &MediaFetchWorker::fileProgress, this, &MediaFetcher::fileProgress);
    lane.thread.start();
}

void MediaFetcher::stop()
{
    stopLane(m_thumbnailLane);
    stopLane(m_fileLane);
}

void MediaFetcher::stopLane(Lane &lane)
{
    if (!lane.worker)
        return;
    lane.worker->cancel();
    QMetaObject::invokeMethod(lane.worker, &MediaFetchWorker::finish, Qt::BlockingQueuedConnection);
    lane.thread.quit();
    lane.thread.wait();
    lane.worker = nullptr;
    lane.inFlight.clear();
}

void MediaFetcher::fetchThumbnails(const QStringList &sha256s)
{
    if (!m_thumbnailLane.worker)
        return;
    for (const QString &sha256 : sha256s) {
        if (m_thumbnailLane.inFlight.contains(sha256))
            continue;
        const QString path = m_thumbnails->pathFor(sha256);
        if (!path.isEmpty()) {
            Q_EMIT thumbnailFetched(sha256, path);
            continue;
        }
        m_thumbnailLane.inFlight.insert(sha256);
        QMetaObject::invokeMethod(
            m_thumbnailLane.worker,
            [worker = m_thumbnailLane.worker, sha256] { worker->fetchThumbnail(sha256); },
            Qt::QueuedConnection);
    }
}

void MediaFetcher::fetchFile(const QString &sha256, const QString &mimeType)
{
    if (!m_fileLane.worker || m_fileLane.inFlight.contains(sha256))
        return;
    const QString path = m_files->pathFor(sha256);
    if (!path.isEmpty()) {
        Q_EMIT fileFetched(sha256, path);
        return;
    }
    m_fileLane.inFlight.insert(sha256);
    QMetaObject::invokeMethod(
        m_fileLane.worker,
        [worker = m_fileLane.worker, sha256, mimeType] { worker->fetchFile(sha256, mimeType); },
        Qt::QueuedConnection);
}

} // namespace CivicDesk

#include "mediafetcher.moc"
