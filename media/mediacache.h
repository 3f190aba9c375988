#pragma once

#include <functional>
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QMutex>
#include <QString>

namespace CivicDesk {

// A size-limited folder of media files fetched from the central, each stored once under its
// SHA-256 ("<hex>.<extension>", the extension from the MIME type). When the files together
// exceed the limit, the least recently used ones are deleted. Use is recorded in each file's
// modification time, which pathFor updates on every hit, so the order survives a restart.
//
// Thread safety: any number of threads may call pathFor while one thread stores.
// NOTE: a later store can evict a file whose path pathFor returned before the caller opens it.
// Callers must treat a missing file as a cache miss.
class MediaCache
{
public:
    MediaCache(QString folder, qint64 maxBytes);

    QString folder() const { return m_folder; }
    qint64 maxBytes() const { return m_maxBytes; }
    // Sum of the sizes of the cached files, in bytes.
    qint64 totalBytes() const;
    int fileCount() const;

    // Returns the path of the cached file, or an empty string if it is not cached. A hit marks
    // the file as just used.
    QString pathFor(const QString &sha256);

    // Stores `content` after checking that its SHA-256 is `sha256`. A mismatch, an invalid hash
    // or content larger than maxBytes stores nothing and sets `error`. Storing a file that is
    // already cached only marks it as used. Evicts older files when the limit is passed.
    bool store(const QString &sha256, const QByteArray &content, const QString &mimeType,
               QString *error);
    // Same for a file made from another one, such as its thumbnail: stored under the SHA-256
    // `key` of the file it was made from, after checking that its own is `contentSha256`.
    bool storeDerived(const QString &key, const QByteArray &content, const QString &contentSha256,
                      const QString &mimeType, QString *error);

    // Same, reading `device` to its end in blocks, so that a large file is never held whole in
    // memory. The file appears in the cache only once it is complete and verified. A file that
    // is already cached is only marked as used, and `device` is not read.
    // NOTE: QNetworkReply does not implement waitForReadyRead, so pass a reply only once it has
    // finished. A reply passed earlier ends short and fails the SHA-256 check.
    bool storeFromDevice(const QString &sha256, QIODevice *device, const QString &mimeType,
                         QString *error);

    // Same, with the content written by `write` to the device it is given, which hashes and
    // counts what passes through into a temporary file. The file takes its cached name only
    // once `write` returned true and the SHA-256 matched; otherwise nothing is stored and
    // `error` contains the reason (the one `write` set, if it failed). A file that is already
    // cached is only marked as used, and `write` is not called.
    bool storeWritten(const QString &sha256, const QString &mimeType,
                      const std::function<bool(QIODevice *out, QString *error)> &write,
                      QString *error);

private:
    struct Entry
    {
        QString path;
        qint64 size = 0;
        QDateTime lastUsed;
    };

    bool prepareFolder(QString *error);
    void loadIndex();
    bool checkHash(const QString &sha256, QString *error) const;
    bool alreadyCached(const QString &sha256);
    QString fileNameFor(const QString &sha256, const QString &mimeType) const;
    QDateTime nextUseTime();
    void markUsed(Entry &entry);
    void addEntry(const QString &sha256, const QString &path, qint64 size);
    void evict(const QString &keep);

    const QString m_folder;
    const qint64 m_maxBytes;
    mutable QMutex m_mutex; // guards every member below
    QHash<QString, Entry> m_entries;
    qint64 m_totalBytes = 0;
    QDateTime m_lastUse;
};

} // namespace CivicDesk
