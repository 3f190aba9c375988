#include "media/mediacache.h"

#include <atomic>
#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

namespace {

const QString mediaFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/demo/media/");
constexpr qint64 oneMegabyte = 1024 * 1024;

struct Photo
{
    QByteArray content;
    QString sha256;
};

Photo photo(const QString &name)
{
    QFile file(mediaFolder + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    Photo result;
    result.content = file.readAll();
    result.sha256 = QString::fromLatin1(
        QCryptographicHash::hash(result.content, QCryptographicHash::Sha256).toHex());
    return result;
}

// The demo photos, largest first: 345,455, 316,631, 269,816, 155,116, 46,132 and 35,736 bytes.
Photo parkTree()
{
    return photo(u"lic_commons_fallen_tree_in_park_1c.jpg"_s);
}
Photo carTree()
{
    return photo(u"lic_commons_fallen_tree_on_car_arlington_7536694126.jpg"_s);
}
Photo hamburgBin()
{
    return photo(u"lic_commons_overflowing_street_bin_hamburg.jpg"_s);
}
Photo helsinkiBin()
{
    return photo(u"lic_commons_overflowing_bin_helsinki_2019.jpg"_s);
}
Photo deepPotholes()
{
    return photo(u"osm_asphalt_deep_potholes_water.jpg"_s);
}
Photo potholes()
{
    return photo(u"osm_asphalt_potholes_nids_de_poule.jpg"_s);
}

bool storePhoto(MediaCache &cache, const Photo &photo)
{
    QString error;
    const bool stored = cache.store(photo.sha256, photo.content, u"image/jpeg"_s, &error);
    if (!stored)
        qWarning("%s", qPrintable(error));
    return stored;
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestMediaCache : public QObject
{
    Q_OBJECT

private slots:
    void storeAndHit();
    void miss();
    void extensionFromMime_data();
    void extensionFromMime();
    void mismatchRejected();
    void invalidHash_data();
    void invalidHash();
    void largerThanLimitRejected();
    void evictionOrder();
    void orderSurvivesRestart();
    void streamFromDevice();
    void streamFromSequentialDevice();
    void streamedMismatchRejected();
    void streamLargerThanLimitRejected();
    void folderCannotBeCreated();
    void readerDuringWrites();

private:
    QTemporaryDir m_dir;
};

void TestMediaCache::storeAndHit()
{
    const QString folder = m_dir.filePath(u"store"_s);
    MediaCache cache(folder, oneMegabyte);
    const Photo bin = helsinkiBin();

    QVERIFY(storePhoto(cache, bin));
    const QString path = cache.pathFor(bin.sha256);
    QCOMPARE(QFileInfo(path).fileName(), bin.sha256 + u".jpg"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bin.content);
    QCOMPARE(cache.totalBytes(), qint64(bin.content.size()));
    QCOMPARE(cache.fileCount(), 1);

    QVERIFY(storePhoto(cache, bin));
    QCOMPARE(cache.fileCount(), 1);
    QCOMPARE(cache.pathFor(bin.sha256.toUpper()), path);
}

void TestMediaCache::miss()
{
    MediaCache cache(m_dir.filePath(u"miss"_s), oneMegabyte);
    QCOMPARE(cache.pathFor(potholes().sha256), QString());
    QCOMPARE(cache.fileCount(), 0);
}

void TestMediaCache::extensionFromMime_data()
{
    QTest::addColumn<QString>("mime");
    QTest::addColumn<QString>("suffix");

    QTest::newRow("jpeg") << u"image/jpeg"_s << u".jpg"_s;
    QTest::newRow("mp4") << u"video/mp4"_s << u".mp4"_s;
    QTest::newRow("unknown") << u"application/x-civicdesk-unknown"_s << u".bin"_s;
    QTest::newRow("empty") << QString() << u".bin"_s;
}

void TestMediaCache::extensionFromMime()
{
    QFETCH(QString, mime);
    QFETCH(QString, suffix);

    MediaCache cache(m_dir.filePath(u"mime-"_s + QString::fromLatin1(QTest::currentDataTag())),
                     oneMegabyte);
    const Photo small = potholes();
    QString error;
    QVERIFY2(cache.store(small.sha256, small.content, mime, &error), qPrintable(error));
    QVERIFY(cache.pathFor(small.sha256).endsWith(suffix));
}

void TestMediaCache::mismatchRejected()
{
    const QString folder = m_dir.filePath(u"mismatch"_s);
    MediaCache cache(folder, oneMegabyte);
    const Photo expected = potholes();
    const Photo other = deepPotholes();

    QString error;
    QVERIFY(!cache.store(expected.sha256, other.content, u"image/jpeg"_s, &error));
    QVERIFY2(error.contains(expected.sha256), qPrintable(error));
    QVERIFY2(error.contains(other.sha256), qPrintable(error));
    QCOMPARE(cache.pathFor(expected.sha256), QString());
    QCOMPARE(cache.pathFor(other.sha256), QString());
    QCOMPARE(filesIn(folder), QStringList());
}

void TestMediaCache::invalidHash_data()
{
    QTest::addColumn<QString>("sha256");

    QTest::newRow("empty") << QString();
    QTest::newRow("too short") << QString(63, u'a');
    QTest::newRow("too long") << QString(65, u'a');
    QTest::newRow("not hexadecimal") << QString(64, u'g');
    QTest::newRow("path") << u"../"_s + QString(61, u'a');
}

void TestMediaCache::invalidHash()
{
    QFETCH(QString, sha256);

    const QString folder = m_dir.filePath(u"invalid"_s);
    MediaCache cache(folder, oneMegabyte);
    QString error;
    QVERIFY(!cache.store(sha256, QByteArray("x"), u"image/jpeg"_s, &error));
    QVERIFY2(error.startsWith(u"invalid SHA-256"_s), qPrintable(error));
    QCOMPARE(filesIn(folder), QStringList());
}

void TestMediaCache::largerThanLimitRejected()
{
    const QString folder = m_dir.filePath(u"large"_s);
    MediaCache cache(folder, 100 * 1024);
    const Photo large = parkTree();

    QString error;
    QVERIFY(!cache.store(large.sha256, large.content, u"image/jpeg"_s, &error));
    QVERIFY2(error.contains(u"cache limit"_s), qPrintable(error));
    QCOMPARE(cache.fileCount(), 0);
}

void TestMediaCache::evictionOrder()
{
    const QString folder = m_dir.filePath(u"eviction"_s);
    MediaCache cache(folder, oneMegabyte);
    const Photo a = parkTree();
    const Photo b = carTree();
    const Photo c = helsinkiBin();
    const Photo d = hamburgBin();

    QVERIFY(storePhoto(cache, a));
    QVERIFY(storePhoto(cache, b));
    QVERIFY(storePhoto(cache, c));
    QCOMPARE(cache.totalBytes(), 345455 + 316631 + 155116);
    QVERIFY(!cache.pathFor(a.sha256).isEmpty());

    // 1,087,018 bytes are over the limit: b, used least recently, goes.
    QVERIFY(storePhoto(cache, d));
    QCOMPARE(cache.pathFor(b.sha256), QString());
    QCOMPARE(cache.totalBytes(), 345455 + 155116 + 269816);
    QCOMPARE(filesIn(folder).size(), 3);

    QVERIFY(!cache.pathFor(c.sha256).isEmpty());
    QVERIFY(storePhoto(cache, deepPotholes()));
    QVERIFY(storePhoto(cache, potholes()));
    QCOMPARE(cache.fileCount(), 5);

    // Storing b again passes the limit. The photo a was used before c, d and the two small ones.
    QVERIFY(storePhoto(cache, b));
    QCOMPARE(cache.pathFor(a.sha256), QString());
    QVERIFY(!cache.pathFor(b.sha256).isEmpty());
    QVERIFY(!cache.pathFor(c.sha256).isEmpty());
    QVERIFY(!cache.pathFor(d.sha256).isEmpty());
    QCOMPARE(cache.totalBytes(), 316631 + 155116 + 269816 + 46132 + 35736);
    QVERIFY(cache.totalBytes() <= oneMegabyte);
}

void TestMediaCache::orderSurvivesRestart()
{
    const QString folder = m_dir.filePath(u"restart"_s);
    const Photo a = parkTree();
    const Photo b = carTree();
    const Photo c = helsinkiBin();
    {
        MediaCache cache(folder, oneMegabyte);
        QVERIFY(storePhoto(cache, a));
        QVERIFY(storePhoto(cache, b));
        QVERIFY(storePhoto(cache, c));
        QVERIFY(!cache.pathFor(a.sha256).isEmpty());
    }

    MediaCache reopened(folder, oneMegabyte);
    QCOMPARE(reopened.fileCount(), 3);
    QCOMPARE(reopened.totalBytes(), 345455 + 316631 + 155116);
    QVERIFY(storePhoto(reopened, hamburgBin()));
    QCOMPARE(reopened.pathFor(b.sha256), QString());
    QVERIFY(!reopened.pathFor(a.sha256).isEmpty());
}

void TestMediaCache::streamFromDevice()
{
    MediaCache cache(m_dir.filePath(u"stream"_s), 8 * oneMegabyte);
    QFile video(mediaFolder + u"traffic_parking_lot_topdown_h264.mp4"_s);
    QVERIFY(video.open(QIODevice::ReadOnly));
    const QByteArray content = video.readAll();
    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QVERIFY(video.seek(0));

    QString error;
    QVERIFY2(cache.storeFromDevice(sha256, &video, u"video/mp4"_s, &error), qPrintable(error));
    QFile stored(cache.pathFor(sha256));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), content);
    QCOMPARE(cache.totalBytes(), qint64(content.size()));
}

void TestMediaCache::streamFromSequentialDevice()
{
    // A process's output arrives in pieces, so the cache has to wait for more.
    MediaCache cache(m_dir.filePath(u"sequential"_s), oneMegabyte);
    const Photo tree = parkTree();
    QProcess cat;
    cat.start(u"cat"_s, {mediaFolder + u"lic_commons_fallen_tree_in_park_1c.jpg"_s},
              QIODevice::ReadOnly);
    QVERIFY(cat.waitForStarted());

    QString error;
    QVERIFY2(cache.storeFromDevice(tree.sha256, &cat, u"image/jpeg"_s, &error), qPrintable(error));
    QCOMPARE(cat.state(), QProcess::NotRunning);
    QFile stored(cache.pathFor(tree.sha256));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(stored.readAll(), tree.content);
}

void TestMediaCache::streamedMismatchRejected()
{
    const QString folder = m_dir.filePath(u"stream-mismatch"_s);
    MediaCache cache(folder, oneMegabyte);
    const Photo expected = potholes();
    QByteArray other = deepPotholes().content;
    QBuffer buffer(&other);
    QVERIFY(buffer.open(QIODevice::ReadOnly));

    QString error;
    QVERIFY(!cache.storeFromDevice(expected.sha256, &buffer, u"image/jpeg"_s, &error));
    QVERIFY2(error.contains(u"does not match"_s), qPrintable(error));
    QCOMPARE(filesIn(folder), QStringList());
    QCOMPARE(cache.fileCount(), 0);
}

void TestMediaCache::streamLargerThanLimitRejected()
{
    const QString folder = m_dir.filePath(u"stream-large"_s);
    MediaCache cache(folder, 200 * 1024);
    Photo large = parkTree();
    QBuffer buffer(&large.content);
    QVERIFY(buffer.open(QIODevice::ReadOnly));

    QString error;
    QVERIFY(!cache.storeFromDevice(large.sha256, &buffer, u"image/jpeg"_s, &error));
    QVERIFY2(error.contains(u"cache limit"_s), qPrintable(error));
    QCOMPARE(filesIn(folder), QStringList());
}

void TestMediaCache::folderCannotBeCreated()
{
    const QString blocker = m_dir.filePath(u"blocker"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString folder = blocker + u"/cache"_s;

    MediaCache cache(folder, oneMegabyte);
    const Photo small = potholes();
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot create the media cache"_s));
    QVERIFY(!cache.store(small.sha256, small.content, u"image/jpeg"_s, &error));
    QVERIFY2(error.contains(u"cannot create the media cache folder "_s + folder),
             qPrintable(error));
    QVERIFY2(error.contains(blocker + u" is a file, not a folder"_s), qPrintable(error));
}

void TestMediaCache::readerDuringWrites()
{
    // Photos are stored over and over under a limit that fits about three of them, while a
    // second thread looks them up.
    MediaCache cache(m_dir.filePath(u"threads"_s), oneMegabyte);
    const QList<Photo> photos{parkTree(),    carTree(),      hamburgBin(),
                              helsinkiBin(), deepPotholes(), potholes()};
    std::atomic<bool> done = false;
    QThread *reader = QThread::create([&] {
        while (!done) {
            for (const Photo &photo : photos) {
                const QString path = cache.pathFor(photo.sha256);
                Q_UNUSED(path);
            }
        }
    });
    reader->start();
    int failures = 0;
    for (int round = 0; round < 20; ++round) {
        for (const Photo &photo : photos)
            failures += storePhoto(cache, photo) ? 0 : 1;
    }
    done = true;
    QVERIFY(reader->wait());
    delete reader;

    QCOMPARE(failures, 0);
    QVERIFY(cache.totalBytes() <= oneMegabyte);
}

QTEST_GUILESS_MAIN(TestMediaCache)
#include "tst_mediacache.moc"
