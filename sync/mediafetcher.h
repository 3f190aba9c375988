#pragma once

#include "media/mediacache.h"

#include <memory>
#include <QObject>
#include <QSet>
#include <QThread>

namespace CivicDesk {

class MediaFetchWorker;

// Reason a media file or its thumbnail could not be fetched.
enum class MediaFetchError
{
    Offline,  // the central could not be reached or read
    NotFound, // the central has no file with this SHA-256
    Damaged,  // the central's copy is incomplete or does not match its SHA-256
    Local,    // the local cache could not take it: no space, over the cache limit, unwritable
};

// Copies media from the central into the local caches: thumbnails into `thumbnails`, full files
// into `files`, each verified by SHA-256 before it takes its cached name. Thumbnails and files
// have a thread and a central connection each, so that a thumbnail never waits behind a large
// video, and neither waits behind sync. Requests for a file already in flight are merged.
// Results come back as queued signals on the thread that owns this object.
class MediaFetcher : public QObject
{
    Q_OBJECT

public:
    // The caches may be read (pathFor) from any thread; only this fetcher stores into them.
    MediaFetcher(QString centralUrl, std::shared_ptr<MediaCache> files,
                 std::shared_ptr<MediaCache> thumbnails, QObject *parent = nullptr);
    ~MediaFetcher() override;

    void start();
    void stop();

    MediaCache &files() const { return *m_files; }
    MediaCache &thumbnails() const { return *m_thumbnails; }

    // Fetches the thumbnail of each file unless it is cached or already requested.
    void fetchThumbnails(const QStringList &sha256s);
    // Fetches a full file unless it is cached or already requested.
    void fetchFile(const QString &sha256, const QString &mimeType);

Q_SIGNALS:
    // `path` is empty when the central has the file but no thumbnail of it.
    void thumbnailFetched(const QString &sha256, const QString &path);
    void fileProgress(const QString &sha256, qint64 copied, qint64 total);
    void fileFetched(const QString &sha256, const QString &path);
    void fetchFailed(const QString &sha256, bool thumbnail, CivicDesk::MediaFetchError reason,
                     const QString &message);

private:
    struct Lane
    {
        QThread thread;
        MediaFetchWorker *worker = nullptr;
        QSet<QString> inFlight;
    };

    void startLane(Lane &lane, const QString &name);
    void stopLane(Lane &lane);

    QString m_centralUrl;
    std::shared_ptr<MediaCache> m_files;
    std::shared_ptr<MediaCache> m_thumbnails;
    Lane m_thumbnailLane;
    Lane m_fileLane;
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(CivicDesk::MediaFetchError)
