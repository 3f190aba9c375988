#include "media/mediacache.h"

#include "media/medialogging.h"

#include <optional>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSaveFile>

namespace CivicDesk {
namespace {

// Size of the blocks that storeFromDevice reads and hashes.
constexpr qint64 blockSize = 64 * 1024;
// How long storeFromDevice waits for more data from a sequential device.
constexpr int readTimeoutMs = 30000;

const QRegularExpression &cachedFileName()
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9a-f]{64})\\.[a-z0-9]+$"));
    return pattern;
}

// Returns why `folder` cannot be created, from the nearest part of its path that exists.
QString folderProblem(const QString &folder)
{
    QFileInfo info(folder);
    while (!info.exists() && !info.isRoot() && info.absolutePath() != info.absoluteFilePath())
        info = QFileInfo(info.absolutePath());
    if (info.exists() && !info.isDir())
        return QStringLiteral("%1 is a file, not a folder").arg(info.absoluteFilePath());
    if (info.exists() && !info.isWritable())
        return QStringLiteral("%1 is not writable").arg(info.absoluteFilePath());
    return QStringLiteral("the file system refused it");
}

bool finishSaveFile(QSaveFile &file, QString *error)
{
    if (file.commit())
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

// Copies `device` into `file` in blocks and returns the SHA-256 (hex) of what it copied.
// Fails when more than `maxBytes` arrive or the file cannot be written.
std::optional<QString> copyHashed(QIODevice *device, QSaveFile &file, qint64 maxBytes,
                                  qint64 *written, QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (;;) {
        const QByteArray block = device->read(blockSize);
        if (block.isEmpty()) {
            // A sequential device may have more to come. A stream that stops early, or a read
            // error, ends here and fails the caller's SHA-256 check.
            if (device->isSequential() && device->waitForReadyRead(readTimeoutMs))
                continue;
            break;
        }
        *written += block.size();
        if (*written > maxBytes) {
            *error = QStringLiteral("more than %1 bytes, the whole cache limit").arg(maxBytes);
            return std::nullopt;
        }
        hash.addData(block);
        if (file.write(block) != block.size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

// Passes what is written on to a file while hashing and counting it; the file's size is
// limited to `maxBytes`.
class HashingWriter : public QIODevice
{
public:
    HashingWriter(QFileDevice *file, qint64 maxBytes)
        : m_file(file)
        , m_maxBytes(maxBytes)
    {
        open(QIODevice::WriteOnly);
    }

    QString sha256() { return QString::fromLatin1(m_hash.result().toHex()); }
    qint64 written() const { return m_written; }

protected:
    qint64 readData(char *, qint64) override { return -1; }

    qint64 writeData(const char *data, qint64 length) override
    {
        if (m_written + length > m_maxBytes) {
            m_written += length;
            setErrorString(
                QStringLiteral("more than %1 bytes, the whole cache limit").arg(m_maxBytes));
            return -1;
        }
        const qint64 done = m_file->write(data, length);
        if (done != length) {
            setErrorString(m_file->errorString());
            return -1;
        }
        m_hash.addData(QByteArrayView(data, length));
        m_written += length;
        return length;
    }

private:
    QFileDevice *m_file;
    qint64 m_maxBytes;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_written = 0;
};

} // namespace

MediaCache::MediaCache(QString folder, qint64 maxBytes)
    : m_folder(std::move(folder))
    , m_maxBytes(maxBytes)
{
    // No other thread can see the object yet, so the index is read without the lock.
    loadIndex();
}

qint64 MediaCache::totalBytes() const
{
    QMutexLocker locker(&m_mutex);
    return m_totalBytes;
}

int MediaCache::fileCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_entries.size());
}

QString MediaCache::pathFor(const QString &sha256)
{
    QMutexLocker locker(&m_mutex);
    const auto found = m_entries.find(sha256.toLower());
    if (found == m_entries.end())
        return {};
    if (!QFileInfo::exists(found->path)) {
        qCInfo(lcMedia) << "cached file" << found->path << "was deleted outside the cache";
        m_totalBytes -= found->size;
        m_entries.erase(found);
        return {};
    }
    markUsed(*found);
    return found->path;
}

bool MediaCache::store(const QString &sha256, const QByteArray &content, const QString &mimeType,
                       QString *error)
{
    return storeDerived(sha256, content, sha256, mimeType, error);
}

bool MediaCache::storeDerived(const QString &sha256, const QByteArray &content,
                              const QString &contentSha256, const QString &mimeType, QString *error)
{
    const QString key = sha256.toLower();
    const QString expected = contentSha256.toLower();
    if (!checkHash(key, error) || !checkHash(expected, error))
        return false;
    if (content.size() > m_maxBytes) {
        *error = QStringLiteral("media %1 has %2 bytes, more than the whole cache limit of %3")
                     .arg(key)
                     .arg(content.size())
                     .arg(m_maxBytes);
        return false;
    }
    const QString actual =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    if (actual != expected) {
        *error = QStringLiteral("media content does not match SHA-256 %1: its SHA-256 is %2")
                     .arg(expected, actual);
        return false;
    }
    if (alreadyCached(key))
        return true;
    if (!prepareFolder(error))
        return false;

    QSaveFile file(QDir(m_folder).filePath(fileNameFor(key, mimeType)));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    if (!finishSaveFile(file, error))
        return false;
    addEntry(key, file.fileName(), content.size());
    return true;
}

bool MediaCache::storeFromDevice(const QString &sha256, QIODevice *device, const QString &mimeType,
                                 QString *error)
{
    const QString key = sha256.toLower();
    if (!checkHash(key, error))
        return false;
    if (!device || !device->isReadable()) {
        *error = QStringLiteral("media %1: the device to read is not open for reading").arg(key);
        return false;
    }
    if (alreadyCached(key))
        return true;
    if (!prepareFolder(error))
        return false;

    QSaveFile file(QDir(m_folder).filePath(fileNameFor(key, mimeType)));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    qint64 written = 0;
    const auto actual = copyHashed(device, file, m_maxBytes, &written, error);
    if (!actual) {
        error->prepend(QStringLiteral("media %1: ").arg(key));
        file.cancelWriting();
        return false;
    }
    if (*actual != key) {
        *error = QStringLiteral("media content does not match SHA-256 %1: the %2 bytes read have "
                                "SHA-256 %3")
                     .arg(key)
                     .arg(written)
                     .arg(*actual);
        file.cancelWriting();
        return false;
    }
    if (!finishSaveFile(file, error))
        return false;
    addEntry(key, file.fileName(), written);
    return true;
}

bool MediaCache::storeWritten(const QString &sha256, const QString &mimeType,
                              const std::function<bool(QIODevice *, QString *)> &write,
                              QString *error)
{
    const QString key = sha256.toLower();
    if (!checkHash(key, error))
        return false;
    if (alreadyCached(key))
        return true;
    if (!prepareFolder(error))
        return false;

    QSaveFile file(QDir(m_folder).filePath(fileNameFor(key, mimeType)));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    HashingWriter writer(&file, m_maxBytes);
    if (!write(&writer, error)) {
        file.cancelWriting();
        return false;
    }
    const QString actual = writer.sha256();
    if (actual != key) {
        *error = QStringLiteral("media content does not match SHA-256 %1: the %2 bytes written "
                                "have SHA-256 %3")
                     .arg(key)
                     .arg(writer.written())
                     .arg(actual);
        file.cancelWriting();
        return false;
    }
    if (!finishSaveFile(file, error))
        return false;
    addEntry(key, file.fileName(), writer.written());
    return true;
}

bool MediaCache::prepareFolder(QString *error)
{
    if (QDir().mkpath(m_folder) && QFileInfo(m_folder).isDir())
        return true;
    *error = QStringLiteral("cannot create the media cache folder %1: %2")
                 .arg(m_folder, folderProblem(m_folder));
    qCWarning(lcMedia).noquote() << *error;
    return false;
}

void MediaCache::loadIndex()
{
    QDirIterator files(m_folder, QDir::Files);
    while (files.hasNext()) {
        files.next();
        const QFileInfo info = files.fileInfo();
        const auto match = cachedFileName().match(info.fileName());
        if (!match.hasMatch())
            continue;
        const QDateTime used = info.lastModified().toUTC();
        m_entries.insert(match.captured(1), {info.absoluteFilePath(), info.size(), used});
        m_totalBytes += info.size();
        if (!m_lastUse.isValid() || used > m_lastUse)
            m_lastUse = used;
    }
    qCInfo(lcMedia) << "media cache" << m_folder << "holds" << m_entries.size() << "files,"
                    << m_totalBytes << "bytes";
    evict(QString());
}

bool MediaCache::checkHash(const QString &sha256, QString *error) const
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (hex.match(sha256).hasMatch())
        return true;
    *error = QStringLiteral("invalid SHA-256 \"%1\": expected 64 hexadecimal digits").arg(sha256);
    return false;
}

bool MediaCache::alreadyCached(const QString &sha256)
{
    return !pathFor(sha256).isEmpty();
}

QString MediaCache::fileNameFor(const QString &sha256, const QString &mimeType) const
{
    static const QRegularExpression plainSuffix(QStringLiteral("^[a-z0-9]{1,8}$"));
    QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix().toLower();
    if (!plainSuffix.match(suffix).hasMatch())
        suffix = QStringLiteral("bin");
    return sha256 + QLatin1Char('.') + suffix;
}

QDateTime MediaCache::nextUseTime()
{
    // Strictly increasing, so that two uses within one millisecond still have an order.
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_lastUse.isValid() && now <= m_lastUse)
        now = m_lastUse.addMSecs(1);
    m_lastUse = now;
    return now;
}

void MediaCache::markUsed(Entry &entry)
{
    entry.lastUsed = nextUseTime();
    QFile file(entry.path);
    if (!file.open(QIODevice::ReadOnly) ||
        !file.setFileTime(entry.lastUsed, QFileDevice::FileModificationTime)) {
        qCDebug(lcMedia) << "cannot record the use of" << entry.path << ":" << file.errorString();
    }
}

void MediaCache::addEntry(const QString &sha256, const QString &path, qint64 size)
{
    QMutexLocker locker(&m_mutex);
    Entry entry{path, size, {}};
    markUsed(entry);
    const auto previous = m_entries.constFind(sha256);
    if (previous != m_entries.cend())
        m_totalBytes -= previous->size;
    m_entries.insert(sha256, entry);
    m_totalBytes += size;
    evict(sha256);
}

void MediaCache::evict(const QString &keep)
{
    while (m_totalBytes > m_maxBytes) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it.key() == keep)
                continue;
            if (oldest == m_entries.end() || it->lastUsed < oldest->lastUsed ||
                (it->lastUsed == oldest->lastUsed && it.key() < oldest.key())) {
                oldest = it;
            }
        }
        if (oldest == m_entries.end())
            return;
        if (!QFile::remove(oldest->path) && QFileInfo::exists(oldest->path))
            qCWarning(lcMedia) << "cannot evict" << oldest->path << "from the media cache";
        else
            qCDebug(lcMedia) << "evicted" << oldest->path << "(" << oldest->size << "bytes)";
        m_totalBytes -= oldest->size;
        m_entries.erase(oldest);
    }
}

} // namespace CivicDesk
