#include "testsupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

namespace {

QString sourceFile(const QString &relative)
{
    return QDir(QStringLiteral(CIVICDESK_SOURCE_DIR)).filePath(relative);
}

QString photoPath()
{
    return Test::dataPath(u"media/recurser_landscape_orientation6.jpg"_s);
}

QString videoPath()
{
    return sourceFile(u"resources/demo/media/traffic_parking_lot_topdown_h264.mp4"_s);
}

QByteArray fileContent(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString sha256Of(const QByteArray &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

IncomingReport reportWith(const QString &sourceId, const QList<IncomingMedia> &media)
{
    IncomingReport record;
    record.report.source = u"test"_s;
    record.report.sourceId = sourceId;
    record.report.title = u"Ổ gà trên đường"_s;
    record.report.receivedAt = QDateTime(QDate(2025, 7, 2), QTime(8, 0), Qt::UTC);
    record.media = media;
    return record;
}

IncomingMedia localFile(const QString &path, MediaKind kind, const QString &mimeType)
{
    IncomingMedia media;
    media.filePath = path;
    media.kind = kind;
    media.mimeType = mimeType;
    return media;
}

} // namespace

// Media files on the central: stored once with a thumbnail, read back chunk by chunk.
class CentralMediaTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Central> m_central;
    QString m_url;

    QVariant scalar(const QString &sql, const QVariantMap &values = {})
    {
        return Test::centralScalar(m_url, sql, values);
    }

    void import(const QString &sourceId, const QList<IncomingMedia> &media)
    {
        QString error;
        const auto summary = m_central->importReports({reportWith(sourceId, media)}, &error);
        QVERIFY2(summary, qPrintable(error));
        QVERIFY2(summary->rejections.isEmpty(), qPrintable(summary->rejections.value(0).reason));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_url = Test::centralUrl(m_dir);
        m_central = Test::createCentral(m_dir);
        QVERIFY(m_central);
        import(u"photo-1"_s, {localFile(photoPath(), MediaKind::Photo, u"image/jpeg"_s)});
        import(u"video-1"_s, {localFile(videoPath(), MediaKind::Video, u"video/mp4"_s)});
    }

    void photoStoredWithThumbnail()
    {
        const QString sha = sha256Of(fileContent(photoPath()));
        MediaThumbnail thumbnail;
        QString error;
        QCOMPARE(m_central->mediaThumbnail(sha, &thumbnail, &error), MediaReadStatus::Ok);
        QVERIFY(!thumbnail.jpeg.isEmpty());
        QCOMPARE(thumbnail.sha256, sha256Of(thumbnail.jpeg));

        // Stored 1200x1800 with EXIF orientation 6: shown 1800x1200, so 320x213.
        const QImage image = QImage::fromData(thumbnail.jpeg, "JPEG");
        QCOMPARE(image.size(), QSize(320, 213));
        QCOMPARE(QSize(thumbnail.width, thumbnail.height), QSize(320, 213));
        QCOMPARE(
            scalar(u"SELECT width FROM media WHERE sha256 = :sha"_s, {{u"sha"_s, sha}}).toInt(),
            1800);
        QCOMPARE(
            scalar(u"SELECT height FROM media WHERE sha256 = :sha"_s, {{u"sha"_s, sha}}).toInt(),
            1200);
    }

    void videoStoredWithThumbnail()
    {
        const QString sha = sha256Of(fileContent(videoPath()));
        MediaThumbnail thumbnail;
        QString error;
        QCOMPARE(m_central->mediaThumbnail(sha, &thumbnail, &error), MediaReadStatus::Ok);
        const QImage image = QImage::fromData(thumbnail.jpeg, "JPEG");
        // The clip is 768x432.
        QCOMPARE(image.size(), QSize(320, 180));
        const QVariantMap sha256{{u"sha"_s, sha}};
        QVERIFY(
            scalar(u"SELECT duration_ms FROM media WHERE sha256 = :sha"_s, sha256).toLongLong() >
            29000);
        QCOMPARE(
            scalar(u"SELECT chunk_count FROM media_file WHERE sha256 = :sha"_s, sha256).toInt(), 3);
    }

    void sameFileStoredOnce()
    {
        import(u"photo-2"_s, {localFile(photoPath(), MediaKind::Photo, u"image/jpeg"_s)});
        const QVariantMap sha256{{u"sha"_s, sha256Of(fileContent(photoPath()))}};
        QCOMPARE(scalar(u"SELECT count(*) FROM media WHERE sha256 = :sha"_s, sha256).toInt(), 2);
        QCOMPARE(scalar(u"SELECT count(*) FROM media_file WHERE sha256 = :sha"_s, sha256).toInt(),
                 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM media_chunk WHERE sha256 = :sha"_s, sha256).toInt(),
                 1);
        // The second report's media row gets the dimensions learnt the first time.
        QCOMPARE(scalar(u"SELECT min(width) FROM media WHERE sha256 = :sha"_s, sha256).toInt(),
                 1800);
    }

    void undecodableVideoStoredWithoutThumbnail()
    {
        const QString path = m_dir.filePath(u"not-a-video.mp4"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        import(u"broken-video"_s, {localFile(path, MediaKind::Video, u"video/mp4"_s)});

        const QString sha = sha256Of(fileContent(path));
        MediaThumbnail thumbnail;
        QString error;
        QCOMPARE(m_central->mediaThumbnail(sha, &thumbnail, &error), MediaReadStatus::Ok);
        QVERIFY(thumbnail.jpeg.isEmpty());
        QBuffer copy;
        copy.open(QIODevice::WriteOnly);
        QCOMPARE(m_central->copyMediaContent(sha, &copy, {}, &error), MediaReadStatus::Ok);
        QCOMPARE(copy.data(), fileContent(path));
    }

    void contentCopiedChunkByChunk()
    {
        const QByteArray expected = fileContent(videoPath());
        QBuffer copy;
        copy.open(QIODevice::WriteOnly);
        QList<qint64> reported;
        QString error;
        const auto status = m_central->copyMediaContent(
            sha256Of(expected), &copy,
            [&reported, &expected](qint64 copied, qint64 total) {
                reported.append(copied);
                return total == expected.size();
            },
            &error);
        QVERIFY2(status == MediaReadStatus::Ok, qPrintable(error));
        QCOMPARE(copy.data().size(), expected.size());
        QVERIFY(copy.data() == expected);
        QCOMPARE(reported, (QList<qint64>{1048576, 2097152, expected.size()}));
    }

    void copyStoppedByProgress()
    {
        QBuffer copy;
        copy.open(QIODevice::WriteOnly);
        QString error;
        const auto status = m_central->copyMediaContent(
            sha256Of(fileContent(videoPath())), &copy, [](qint64, qint64) { return false; },
            &error);
        QCOMPARE(status, MediaReadStatus::Failed);
        QVERIFY2(error.contains(u"stopped"_s), qPrintable(error));
    }

    void unknownMediaNotFound()
    {
        const QString sha(64, QLatin1Char('0'));
        QBuffer copy;
        copy.open(QIODevice::WriteOnly);
        QString error;
        QCOMPARE(m_central->copyMediaContent(sha, &copy, {}, &error), MediaReadStatus::NotFound);
        QVERIFY2(error.contains(sha), qPrintable(error));
        MediaThumbnail thumbnail;
        QCOMPARE(m_central->mediaThumbnail(sha, &thumbnail, &error), MediaReadStatus::NotFound);
    }

    // Each damage is made on a copy of the video stored under a made-up SHA-256.
    void damagedContentRejected_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing chunk")
            << u"DELETE FROM media_chunk WHERE sha256 = :sha AND chunk = 1"_s
            << u"chunk 1 of 3 is missing"_s;
        QTest::newRow("changed byte")
            << u"UPDATE media_chunk SET data = :data WHERE sha256 = :sha AND chunk = 2"_s
            << u"SHA-256"_s;
        QTest::newRow("short last chunk")
            << u"UPDATE media_file SET size = size + 1 WHERE sha256 = :sha"_s << u"not the"_s;
        QTest::newRow("extra chunk")
            << u"UPDATE media_file SET size = 10 WHERE sha256 = :sha"_s << u"more than"_s;
    }

    void damagedContentRejected()
    {
        QFETCH(QString, damage);
        QFETCH(QString, message);
        const QString original = sha256Of(fileContent(videoPath()));
        const QString sha = sha256Of(QTest::currentDataTag());
        const QVariantMap ids{{u"sha"_s, sha}, {u"original"_s, original}};
        QVERIFY(scalar(u"INSERT INTO media_file (sha256, size, chunk_count) SELECT :sha, size, "
                       "chunk_count FROM media_file WHERE sha256 = :original RETURNING 1"_s,
                       ids)
                    .isValid());
        QVERIFY(scalar(u"INSERT INTO media_chunk (sha256, chunk, data) SELECT :sha, chunk, data "
                       "FROM media_chunk WHERE sha256 = :original RETURNING 1"_s,
                       ids)
                    .isValid());
        // The copy contains the video's bytes under a SHA-256 that is not theirs. So that only
        // the changed bytes can fail that check, the damaged copy is the original.
        QVariantMap values{{u"sha"_s, sha}};
        if (damage.contains(u":data"_s)) {
            // Same size as the last chunk, other bytes.
            const qint64 lastChunk = fileContent(videoPath()).size() - 2 * 1024 * 1024;
            values.insert(u"data"_s, QByteArray(lastChunk, 'z'));
            values.insert(u"sha"_s, original);
        }
        QVERIFY(Test::centralScalar(m_url, damage + u" RETURNING 1"_s, values).isValid());

        const QString target = values.value(u"sha"_s).toString();
        QBuffer copy;
        copy.open(QIODevice::WriteOnly);
        QString error;
        QCOMPARE(m_central->copyMediaContent(target, &copy, {}, &error), MediaReadStatus::Damaged);
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void damagedThumbnailRejected()
    {
        const QString sha = sha256Of(fileContent(photoPath()));
        QVERIFY(scalar(u"UPDATE media_file SET thumbnail_sha256 = 'x' WHERE sha256 = :sha "
                       "RETURNING 1"_s,
                       {{u"sha"_s, sha}})
                    .isValid());
        MediaThumbnail thumbnail;
        QString error;
        QCOMPARE(m_central->mediaThumbnail(sha, &thumbnail, &error), MediaReadStatus::Damaged);
        QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    }
};

int main(int argc, char *argv[])
{
    // Video thumbnails need a QGuiApplication (see media/thumbnail.h); no window is shown.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QGuiApplication app(argc, argv);
    CentralMediaTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_centralmedia.moc"
