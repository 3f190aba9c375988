#include "core/reportcreate.h"
#include "core/timeutil.h"
#include "storage/replica.h"
#include "sync/syncsession.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace CivicDesk;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QString photoPath()
{
    return Test::dataPath(QStringLiteral("media/recurser_landscape_orientation6.jpg"));
}

} // namespace

// Reports taken at the center (OperationKind::Create) on the central: public code, reporter,
// files, exactly once, and nothing personal left at the workstation.
class CentralIntakeTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<Central> m_central;
    QString m_ward;

    Report hotlineReport() const
    {
        Report report;
        report.title = QStringLiteral("Cống bị tắc trên đường Trần Hưng Đạo");
        report.description = QStringLiteral("Nước tràn lên vỉa hè sau cơn mưa");
        report.channel = Channel::Hotline;
        report.position = GeoPoint{16.4690, 107.5860};
        report.address = QStringLiteral("45 Trần Hưng Đạo");
        report.adminUnit = m_ward;
        report.receivedAt = QDateTime::currentDateTimeUtc();
        return report;
    }

    Operation createOperation(const QString &phone, const QList<AttachedFile> &files = {}) const
    {
        Operation operation;
        operation.id = newId();
        operation.reportId = newId();
        operation.kind = OperationKind::Create;
        operation.actor = QStringLiteral("lan");
        operation.createdAt = QDateTime::currentDateTimeUtc();
        operation.eventId = newId();
        operation.payload =
            createPayload(hotlineReport(), {{}, QStringLiteral("Trần Văn Bình"), phone}, files);
        return operation;
    }

    std::optional<ReportSnapshot> centralSnapshot(const QString &id)
    {
        QString error;
        const auto snapshots = m_central->snapshotsOf({id}, &error);
        if (!snapshots || snapshots->isEmpty())
            return std::nullopt;
        return snapshots->first();
    }

    QVariant reporterPhoneOf(const QString &reportId)
    {
        return Test::centralScalar(
            m_url,
            QStringLiteral("SELECT p.phone FROM reporter p JOIN report_reporter l ON "
                           "l.reporter_id = p.id WHERE l.report_id = :id"),
            {{QStringLiteral("id"), reportId}});
    }

    QVariant reporterIdOf(const QString &reportId)
    {
        return Test::centralScalar(
            m_url, QStringLiteral("SELECT reporter_id FROM report_reporter WHERE report_id = :id"),
            {{QStringLiteral("id"), reportId}});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString name =
            QStringLiteral("intake-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction()));
        m_url = Test::centralUrl(m_dir, name);
        m_central = Test::createCentralAt(m_url);
        QVERIFY(m_central);
        QString error;
        const auto reference = m_central->referenceData(nullptr, &error);
        QVERIFY2(reference && !reference->adminUnits.isEmpty(), qPrintable(error));
        m_ward = reference->adminUnits.first().code;
    }

    void cleanup() { m_central.reset(); }

    void createdReportGetsPublicCode()
    {
        const Operation operation = createOperation(QStringLiteral("0905 123 456"));
        QString error;
        const auto results = m_central->submit({operation}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY2(results->first().accepted(), qPrintable(results->first().reason));

        const auto snapshot = centralSnapshot(operation.reportId);
        QVERIFY(snapshot.has_value());
        const Report &report = snapshot->report;
        static const QRegularExpression code(QStringLiteral("^HUE-\\d{6}-\\d{4}$"));
        QVERIFY2(code.match(report.publicCode).hasMatch(), qPrintable(report.publicCode));
        QCOMPARE(report.status, Status::New);
        QCOMPARE(report.channel, Channel::Hotline);
        QCOMPARE(report.adminUnit, m_ward);
        QCOMPARE(report.reporterCount, 1);
        QVERIFY(report.position.has_value());
        QCOMPARE(snapshot->events.size(), 1);
        QCOMPARE(snapshot->events.first().kind, EventKind::Received);
        QCOMPARE(snapshot->events.first().id, operation.eventId);
        QCOMPARE(reporterPhoneOf(operation.reportId).toString(), QStringLiteral("+84905123456"));
    }

    void sameCallerIsOneReporter()
    {
        const Operation first = createOperation(QStringLiteral("0905 123 456"));
        const Operation second = createOperation(QStringLiteral("+84905123456"));
        QString error;
        const auto results = m_central->submit({first, second}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY2(results->at(0).accepted(), qPrintable(results->at(0).reason));
        QVERIFY2(results->at(1).accepted(), qPrintable(results->at(1).reason));

        QCOMPARE(
            Test::centralScalar(m_url, QStringLiteral("SELECT count(*) FROM reporter")).toInt(), 1);
        const QVariant firstReporter = reporterIdOf(first.reportId);
        QVERIFY(firstReporter.isValid());
        QCOMPARE(reporterIdOf(second.reportId), firstReporter);
        QVERIFY(centralSnapshot(first.reportId)->report.publicCode !=
                centralSnapshot(second.reportId)->report.publicCode);
    }

    void secondDeliveryChangesNothing()
    {
        const Operation operation = createOperation(QStringLiteral("0905 123 456"));
        QString error;
        const auto first = m_central->submit({operation}, &error);
        QVERIFY2(first && first->first().accepted(), qPrintable(error));
        const ReportSnapshot before = *centralSnapshot(operation.reportId);

        const auto second = m_central->submit({operation}, &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->first().accepted());
        QVERIFY(second->first().repeated);

        const ReportSnapshot after = *centralSnapshot(operation.reportId);
        QCOMPARE(after.report.publicCode, before.report.publicCode);
        QCOMPARE(after.report.version, before.report.version);
        QCOMPARE(after.events.size(), 1);
        QCOMPARE(after.revision, before.revision);
        QCOMPARE(Test::centralScalar(m_url, QStringLiteral("SELECT count(*) FROM report_reporter"))
                     .toInt(),
                 1);
        QCOMPARE(
            Test::centralScalar(m_url, QStringLiteral("SELECT max(last) FROM day_counter")).toInt(),
            1);
    }

    void sameReportIdRefused()
    {
        const Operation operation = createOperation(QStringLiteral("0905 123 456"));
        Operation again = createOperation(QStringLiteral("0905 123 456"));
        again.reportId = operation.reportId;
        QString error;
        const auto results = m_central->submit({operation, again}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY(results->at(0).accepted());
        QCOMPARE(results->at(1).refusal, Refusal::InvalidValue);
        QCOMPARE(centralSnapshot(operation.reportId)->events.size(), 1);
    }

    void unknownWardRefused()
    {
        Operation operation = createOperation(QStringLiteral("0905 123 456"));
        QJsonObject fields = operation.payload.value(QStringLiteral("report")).toObject();
        fields.insert(QStringLiteral("admin_unit"), QStringLiteral("no-such-ward"));
        operation.payload.insert(QStringLiteral("report"), fields);
        QString error;
        const auto results = m_central->submit({operation}, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->first().refusal, Refusal::InvalidValue);
        QVERIFY2(results->first().reason.contains(QStringLiteral("no-such-ward")),
                 qPrintable(results->first().reason));
        QVERIFY(!centralSnapshot(operation.reportId).has_value());
    }

    void createdOfflineThenSynced()
    {
        auto replica = Test::openReplica(m_dir, QStringLiteral("replica.sqlite"));
        QVERIFY(replica);
        QString error;
        QVERIFY2(SyncSession(*replica, *m_central).run(&error), qPrintable(error));

        // The workstation's copy of the photo waits in its data folder.
        const QString reportId = newId();
        const QString folder = m_dir.filePath(
            QStringLiteral("%1/%2").arg(QLatin1String(outgoingMediaFolderName), reportId));
        QVERIFY(QDir().mkpath(folder));
        const QString waiting = QDir(folder).filePath(QStringLiteral("photo.jpg"));
        QVERIFY(QFile::copy(photoPath(), waiting));
        QFile photo(waiting);
        QVERIFY(photo.open(QIODevice::ReadOnly));
        const AttachedFile file{
            waiting,
            QStringLiteral("photo.jpg"),
            QString::fromLatin1(
                QCryptographicHash::hash(photo.readAll(), QCryptographicHash::Sha256).toHex()),
            photo.size(),
            QStringLiteral("image/jpeg"),
            MediaKind::Photo};
        photo.close();

        const QJsonObject payload = createPayload(
            hotlineReport(), {{}, QStringLiteral("Trần Văn Bình"), QStringLiteral("0905123456")},
            {file});
        const auto operation = replica->submit(OperationKind::Create, reportId, payload,
                                               QStringLiteral("lan"), Role::Operator, &error);
        QVERIFY2(operation, qPrintable(error));
        const auto local = replica->report(reportId, &error);
        QVERIFY2(local, qPrintable(error));
        QCOMPARE(local->status, Status::New);
        QVERIFY(local->publicCode.isEmpty());
        const QString queued =
            Test::centralScalar(replica->path(),
                                QStringLiteral("SELECT body FROM outbox WHERE kind = 'create'"))
                .toString();
        QVERIFY2(queued.contains(QStringLiteral("0905123456")), qPrintable(queued));

        // Between the central's decision and the end of the sync, the outbox row stays; by then
        // it must hold no name or phone.
        QString outboxAfterApply;
        SyncSession session(*replica, *m_central);
        session.setStepHook([&](SyncStep step) {
            if (step == SyncStep::Apply)
                outboxAfterApply =
                    Test::centralScalar(replica->path(),
                                        QStringLiteral("SELECT body FROM outbox WHERE "
                                                       "kind = 'create'"))
                        .toString();
        });
        QVERIFY2(session.run(&error), qPrintable(error));
        QVERIFY2(outboxAfterApply.contains(reportId), qPrintable(outboxAfterApply));
        QVERIFY2(!outboxAfterApply.contains(QStringLiteral("905123456")),
                 qPrintable(outboxAfterApply));
        QVERIFY2(!outboxAfterApply.contains(QStringLiteral("Bình")), qPrintable(outboxAfterApply));
        QVERIFY(!QFile::exists(waiting));

        const auto synced = replica->report(reportId, &error);
        QVERIFY2(synced, qPrintable(error));
        QVERIFY(!synced->publicCode.isEmpty());
        const auto snapshot = centralSnapshot(reportId);
        QVERIFY(snapshot.has_value());
        QCOMPARE(snapshot->media.size(), 1);
        QCOMPARE(snapshot->media.first().sha256, file.sha256);
        QCOMPARE(snapshot->media.first().fileName, QStringLiteral("photo.jpg"));
        QCOMPARE(reporterPhoneOf(reportId).toString(), QStringLiteral("+84905123456"));
        QCOMPARE(replica->pendingOperationCount(), 0);
    }

    void missingFileLeftOut()
    {
        AttachedFile gone{m_dir.filePath(QStringLiteral("gone.jpg")),
                          QStringLiteral("gone.jpg"),
                          QString(64, QLatin1Char('0')),
                          10,
                          QStringLiteral("image/jpeg"),
                          MediaKind::Photo};
        const Operation operation = createOperation(QStringLiteral("0905 123 456"), {gone});
        QString error;
        const auto results = m_central->submit({operation}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY2(results->first().accepted(), qPrintable(results->first().reason));
        const auto snapshot = centralSnapshot(operation.reportId);
        QVERIFY(snapshot.has_value());
        QVERIFY(snapshot->media.isEmpty());
        const QJsonValue missing =
            snapshot->events.first().data.value(QStringLiteral("missing_media"));
        QCOMPARE(missing.toArray().size(), 1);
        QCOMPARE(missing.toArray().first().toString(), QStringLiteral("gone.jpg"));
    }
};

QTEST_GUILESS_MAIN(CentralIntakeTest)
#include "tst_centralintake.moc"
