#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "media/mediacache.h"
#include "sync/mediafetcher.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 megabyte = 1024 * 1024;
// The demo clip is 2.7 MiB; 71 plays of it make a video of about 190 MiB.
constexpr int clipPlays = 71;
// Memory that a transfer may add to the process at most, whatever the file's size.
constexpr qint64 allowedGrowth = 64 * megabyte;

QString clipPath()
{
    return QDir(QStringLiteral(CIVICDESK_SOURCE_DIR))
        .filePath(u"resources/demo/media/traffic_parking_lot_topdown_h264.mp4"_s);
}

// Returns a field of /proc/self/status in bytes (VmHWM: peak resident memory, VmRSS: current).
qint64 memoryField(const QByteArray &name)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(name + ':')))
            return line.mid(name.size() + 1).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

// Starts a new peak at the current resident memory (Linux 4.0 and later), so that VmHWM
// measures only what comes after.
bool resetPeakMemory()
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return QString();
    return QString::fromLatin1(hash.result().toHex());
}

IncomingReport reportWithVideo(const QString &sourceId, const QString &path)
{
    IncomingReport record;
    record.report.source = u"test"_s;
    record.report.sourceId = sourceId;
    record.report.title = u"Xe tải chạy vào khu dân cư"_s;
    record.report.receivedAt = QDateTime(QDate(2025, 8, 16), QTime(3, 0), Qt::UTC);
    IncomingMedia media;
    media.filePath = path;
    media.kind = MediaKind::Video;
    media.mimeType = u"video/mp4"_s;
    record.media = {media};
    return record;
}

} // namespace

// A video of some 200 MB goes into the central and back into a workstation's cache without
// the process holding it in memory.
class MediaTransferTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Central> m_central;

    // Stores a video through the import and fetches it through the workstation's fetcher into
    // its cache, whose file's path goes to `cached`.
    void storeAndFetch(const QString &sourceId, const QString &video, MediaFetcher &fetcher,
                       QString *cached)
    {
        QString error;
        const auto summary = m_central->importReports({reportWithVideo(sourceId, video)}, &error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->imported, 1);

        QSignalSpy fetched(&fetcher, &MediaFetcher::fileFetched);
        QSignalSpy failed(&fetcher, &MediaFetcher::fetchFailed);
        fetcher.fetchFile(sha256OfFile(video), u"video/mp4"_s);
        // Waits for the copy from the central into the cache to end either way.
        QTRY_VERIFY_WITH_TIMEOUT(fetched.size() + failed.size() > 0, 600000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(3).toString()));
        *cached = fetched.first().value(1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_central = Test::createCentral(m_dir);
        QVERIFY(m_central);
    }

    // The video fills some 200 MB of the central; a PostgreSQL cluster that outlives the test
    // run should not keep it.
    void cleanupTestCase()
    {
        m_central.reset();
        if (!Test::testingPostgres())
            return;
        const QUrl url(Test::centralUrl(m_dir));
        const QString connection = u"test-drop"_s;
        {
            QString error;
            if (!openPostgres(qEnvironmentVariable("CIVICDESK_TEST_PG"), connection, &error) ||
                !execSql(QSqlDatabase::database(connection),
                         u"DROP DATABASE IF EXISTS %1"_s.arg(url.path().mid(1)), &error))
                qWarning() << "cannot drop the test database" << url.path() << ":" << error;
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void largeVideoStaysOutOfMemory()
    {
        const QString ffmpeg = QStandardPaths::findExecutable(u"ffmpeg"_s);
        if (ffmpeg.isEmpty())
            QSKIP("ffmpeg is not installed; scripts/setup installs it");

        const QString large = m_dir.filePath(u"large.mp4"_s);
        QProcess concat;
        concat.start(ffmpeg,
                     {u"-v"_s, u"error"_s, u"-stream_loop"_s, QString::number(clipPlays - 1),
                      u"-i"_s, clipPath(), u"-c"_s, u"copy"_s, large});
        QVERIFY(concat.waitForFinished(300000));
        QVERIFY2(concat.exitCode() == 0, concat.readAllStandardError().constData());
        const qint64 size = QFileInfo(large).size();
        QVERIFY2(size > 150 * megabyte, qPrintable(QString::number(size)));

        auto files = std::make_shared<MediaCache>(m_dir.filePath(u"cache"_s), 1024 * megabyte);
        auto thumbnails =
            std::make_shared<MediaCache>(m_dir.filePath(u"cache/thumbnails"_s), 16 * megabyte);
        MediaFetcher fetcher(Test::centralUrl(m_dir), files, thumbnails);
        fetcher.start();

        // The small clip first: it loads the decoders, drivers and threads that any transfer
        // needs, so that the peak below measures what grows with the file.
        QString small;
        storeAndFetch(u"small"_s, clipPath(), fetcher, &small);
        if (QTest::currentTestFailed())
            return;

        QVERIFY2(resetPeakMemory(), "cannot reset the peak memory in /proc/self/clear_refs");
        const qint64 baseline = memoryField("VmHWM");
        QVERIFY(baseline > 0);

        QString cached;
        storeAndFetch(u"large"_s, large, fetcher, &cached);
        if (QTest::currentTestFailed())
            return;
        const qint64 peak = memoryField("VmHWM");
        fetcher.stop();

        QCOMPARE(QFileInfo(cached).size(), size);
        QCOMPARE(sha256OfFile(cached), sha256OfFile(large));
        qInfo().noquote() << QStringLiteral("%1 MiB video stored and fetched; resident memory "
                                            "%2 MiB before, peak %3 MiB (+%4 MiB)")
                                 .arg(size / megabyte)
                                 .arg(baseline / megabyte)
                                 .arg(peak / megabyte)
                                 .arg((peak - baseline) / megabyte);
        QVERIFY2(peak - baseline < allowedGrowth,
                 qPrintable(QStringLiteral("peak memory grew by %1 bytes").arg(peak - baseline)));
    }
};

int main(int argc, char *argv[])
{
    // Video thumbnails need a QGuiApplication (see media/thumbnail.h); no window is shown.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QGuiApplication app(argc, argv);
    MediaTransferTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mediatransfer.moc"
