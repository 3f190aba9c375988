#include "central/sqlcentral.h"
#include "db/sqlquery.h"
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// The workflow steps that the central carries out beyond one report: merging duplicates,
// citizens' ratings and the time-based steps of civicdeskctl maintenance.
class CentralWorkflowTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<Central> m_central;

    // Imports one report with its reporter, received `minutesAgo` minutes ago.
    Report importReport(const QString &sourceId, const QString &phone, int minutesAgo,
                        Priority priority = Priority::Normal)
    {
        IncomingReport record;
        record.recordNumber = 1;
        record.report.source = QStringLiteral("hotline");
        record.report.sourceId = sourceId;
        record.report.channel = Channel::Hotline;
        record.report.title = QStringLiteral("Đèn đường hỏng kiệt 12 Lê Lợi");
        record.report.description = QStringLiteral("Đèn tắt ba đêm nay.");
        record.report.priority = priority;
        record.report.receivedAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
        record.reporters.append({QString(), QStringLiteral("Người gọi %1").arg(sourceId), phone});
        QString error;
        const auto summary = m_central->importReports({record}, &error);
        if (!summary || summary->imported != 1)
            qFatal("import of %s failed: %s", qPrintable(sourceId), qPrintable(error));
        const auto id = m_central->reportIdForCode(codeOf(sourceId), &error);
        return current(id.value_or(QString()));
    }

    QString codeOf(const QString &sourceId)
    {
        QString error;
        const auto snapshots = m_central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.sourceId == sourceId)
                return snapshot.report.publicCode;
        }
        return {};
    }

    Report current(const QString &id) { return snapshotOf(id).report; }

    ReportSnapshot snapshotOf(const QString &id)
    {
        QString error;
        const auto snapshots = m_central->snapshotsOf({id}, &error);
        if (!snapshots || snapshots->isEmpty())
            return {};
        return snapshots->first();
    }

    OperationResult apply(OperationKind kind, const QString &id, const QJsonObject &payload,
                          Role role = Role::Operator, const QDateTime &at = {})
    {
        Operation operation = Test::makeOperation(kind, current(id), payload);
        operation.actorRole = role;
        if (at.isValid())
            operation.createdAt = at;
        QString error;
        const auto results = m_central->submit({operation}, &error);
        if (!results || results->isEmpty())
            qFatal("submit failed: %s", qPrintable(error));
        return results->first();
    }

    // Takes a report through triage and the agency's work to a published response.
    void resolve(const QString &id, const QDateTime &at = {})
    {
        QVERIFY(apply(OperationKind::Classify, id, Test::classifyPayload()).accepted());
        QVERIFY(apply(OperationKind::Assign, id, Test::assignPayload()).accepted());
        QVERIFY(apply(OperationKind::Acknowledge, id, {}, Role::Agency).accepted());
        const OperationResult resolved = apply(
            OperationKind::Resolve, id,
            {{QStringLiteral("response"), QStringLiteral("Đã thay bóng đèn.")}}, Role::Agency, at);
        QVERIFY2(resolved.accepted(), qPrintable(resolved.reason));
    }

    static int eventsOf(const ReportSnapshot &snapshot, EventKind kind)
    {
        int count = 0;
        for (const Event &event : snapshot.events)
            count += event.kind == kind ? 1 : 0;
        return count;
    }

    // Starts civicdeskctl maintenance on the central without waiting for it.
    std::unique_ptr<QProcess> startMaintenance()
    {
        auto process = std::make_unique<QProcess>();
        process->setProgram(
            QDir(QStringLiteral(CIVICDESK_BIN_DIR)).filePath(QStringLiteral("civicdeskctl")));
        process->setArguments({QStringLiteral("maintenance"), QStringLiteral("--central"), m_url});
        process->start();
        return process;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString name =
            QStringLiteral("workflow-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction()));
        m_url = Test::centralUrl(m_dir, name);
        m_central = Test::createCentral(m_dir, name);
        QVERIFY(m_central);
    }

    void cleanup() { m_central.reset(); }

    // The working calendar, the processing times and the response templates travel with the
    // reference data, and a document that cannot be read is an error that names it.
    void referenceDocumentsStored()
    {
        QString error;
        auto reference = m_central->referenceData(nullptr, &error);
        QVERIFY2(reference, qPrintable(error));
        QCOMPARE(reference->responseTemplates.size(), 8);
        QCOMPARE(reference->calendar, WorkingCalendar());

        DeadlineRules rules;
        rules.setOverrideTime(QStringLiteral("public_security"), Priority::Urgent,
                              {2, ProcessingTime::Unit::WorkingHours});
        reference->deadlines = rules;
        QVERIFY2(m_central->initialize(*reference, &error), qPrintable(error));
        const auto stored = m_central->referenceData(nullptr, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->deadlines, rules);

        const QVariant written = Test::centralScalar(
            m_url, QStringLiteral("UPDATE reference_document SET body = '{\"working_periods\": 3}' "
                                  "WHERE key = 'calendar' RETURNING key"));
        QCOMPARE(written.toString(), QStringLiteral("calendar"));
        QVERIFY(!m_central->referenceData(nullptr, &error));
        QVERIFY2(error.contains(QStringLiteral("\"calendar\"")), qPrintable(error));
    }

    void mergeKeepsEveryReporter()
    {
        const Report original =
            importReport(QStringLiteral("a"), QStringLiteral("+84905111222"), 30);
        const Report duplicate =
            importReport(QStringLiteral("b"), QStringLiteral("+84912333444"), 20);
        const Report third = importReport(QStringLiteral("c"), QStringLiteral("+84935555666"), 10);

        const OperationResult merged = apply(OperationKind::MarkDuplicate, duplicate.id,
                                             {{QStringLiteral("duplicate_of"), original.id}});
        QVERIFY2(merged.accepted(), qPrintable(merged.reason));

        const ReportSnapshot kept = snapshotOf(original.id);
        QCOMPARE(kept.report.reporterCount, 2);
        QCOMPARE(eventsOf(kept, EventKind::Merged), 1);
        QVERIFY(kept.report.version == original.version);
        QString error;
        const auto reporters = m_central->revealReporters(
            original.id, QStringLiteral("lan"), QStringLiteral("gọi lại báo kết quả"), &error);
        QVERIFY2(reporters, qPrintable(error));
        QStringList phones;
        for (const Reporter &reporter : *reporters)
            phones.append(reporter.phone);
        phones.sort();
        QCOMPARE(phones,
                 QStringList({QStringLiteral("+84905111222"), QStringLiteral("+84912333444")}));

        const Report gone = current(duplicate.id);
        QCOMPARE(gone.status, Status::Duplicate);
        QCOMPARE(gone.duplicateOf, original.id);
        QCOMPARE(gone.reporterCount, 1);

        // Nothing merges into a duplicate or into a report that does not exist.
        const OperationResult chained = apply(OperationKind::MarkDuplicate, third.id,
                                              {{QStringLiteral("duplicate_of"), duplicate.id}});
        QCOMPARE(chained.refusal, Refusal::InvalidValue);
        QVERIFY2(chained.reason.contains(original.id), qPrintable(chained.reason));
        const OperationResult unknown =
            apply(OperationKind::MarkDuplicate, third.id,
                  {{QStringLiteral("duplicate_of"), QStringLiteral("no-such-report")}});
        QCOMPARE(unknown.refusal, Refusal::InvalidValue);
        QCOMPARE(current(third.id).status, Status::New);

        // Merging the same reporter twice keeps one link.
        const Report fourth = importReport(QStringLiteral("d"), QStringLiteral("+84905111222"), 5);
        QVERIFY(apply(OperationKind::MarkDuplicate, fourth.id,
                      {{QStringLiteral("duplicate_of"), original.id}})
                    .accepted());
        QCOMPARE(current(original.id).reporterCount, 2);
    }

    void unsatisfiedRatingReopens()
    {
        const Report report = importReport(QStringLiteral("r"), QStringLiteral("+84905000111"), 60);
        resolve(report.id);
        const QString code = current(report.id).publicCode;

        Test::CtlRun run =
            Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("unsatisfied"),
                          QStringLiteral("--central"), m_url});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("comment")), qPrintable(run.err));
        QCOMPARE(current(report.id).status, Status::Resolved);

        run = Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("so-so"),
                            QStringLiteral("--central"), m_url});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("so-so")), qPrintable(run.err));
        run = Test::runCtl({QStringLiteral("rate"), QStringLiteral("HUE-000000-0000"),
                            QStringLiteral("satisfied"), QStringLiteral("--central"), m_url});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("HUE-000000-0000")), qPrintable(run.err));

        run = Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("unsatisfied"),
                            QStringLiteral("--comment"), QStringLiteral("Đèn vẫn tắt"),
                            QStringLiteral("--central"), m_url});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const ReportSnapshot reopened = snapshotOf(report.id);
        QCOMPARE(reopened.report.status, Status::Assigned);
        QCOMPARE(reopened.report.agency, QStringLiteral("hepco"));
        QCOMPARE(reopened.report.rating, 1);
        QVERIFY(reopened.report.dueAt > QDateTime::currentDateTimeUtc());
        bool commented = false;
        for (const Event &event : reopened.events) {
            commented = commented || (event.kind == EventKind::Rated &&
                                      event.data.value(QLatin1String("comment")).toString() ==
                                          QStringLiteral("Đèn vẫn tắt"));
        }
        QVERIFY(commented);

        // The agency answers again, and the citizen is satisfied this time.
        QVERIFY(apply(OperationKind::Acknowledge, report.id, {}, Role::Agency).accepted());
        QVERIFY(apply(OperationKind::Resolve, report.id,
                      {{QStringLiteral("response"), QStringLiteral("Đã thay cả chấn lưu.")}},
                      Role::Agency)
                    .accepted());
        run = Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("satisfied"),
                            QStringLiteral("--central"), m_url});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(current(report.id).status, Status::Closed);
        QCOMPARE(current(report.id).rating, 3);
    }

    // Two maintenance runs at once close each report and record each reminder once. On
    // PostgreSQL a row lock holds both runs until each waits, then lets them go together. The
    // embedded central lets one writer in at a time, whatever the test does.
    void maintenanceTwiceAtOnce()
    {
        const QDateTime longAgo = QDateTime::currentDateTimeUtc().addDays(-8);
        const Report first =
            importReport(QStringLiteral("m1"), QStringLiteral("+84905000201"), 9000);
        const Report second =
            importReport(QStringLiteral("m2"), QStringLiteral("+84905000202"), 9000);
        const Report recent =
            importReport(QStringLiteral("m3"), QStringLiteral("+84905000203"), 60);
        const Report urgent = importReport(QStringLiteral("u1"), QStringLiteral("+84905000204"), 25,
                                           Priority::Urgent);
        const Report fresh =
            importReport(QStringLiteral("u2"), QStringLiteral("+84905000205"), 2, Priority::Urgent);
        resolve(first.id, longAgo);
        resolve(second.id, longAgo);
        resolve(recent.id);

        const bool postgres = Test::testingPostgres();
        QString error;
        auto holder = Central::open(m_url, false, &error);
        QVERIFY2(holder, qPrintable(error));
        const QSqlDatabase lockDatabase = static_cast<SqlCentral *>(holder.get())->database();
        std::optional<SqlTransaction> latch;
        if (postgres) {
            latch.emplace(lockDatabase);
            SqlStatement lock(lockDatabase,
                              QStringLiteral("SELECT id FROM report WHERE id = :id FOR UPDATE"));
            QVERIFY(lock.bind(QStringLiteral(":id"), first.id).exec(&error));
        }

        auto a = startMaintenance();
        auto b = startMaintenance();
        if (postgres) {
            const QString waiting = QStringLiteral(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'");
            QTRY_VERIFY2_WITH_TIMEOUT(Test::centralScalar(m_url, waiting).toInt() == 2,
                                      "both maintenance runs waiting on the report's row lock",
                                      60000);
            QVERIFY(latch->commit(&error));
        }
        QVERIFY2(a->waitForFinished(120000), "the first maintenance run to finish");
        QVERIFY2(b->waitForFinished(120000), "the second maintenance run to finish");
        const QString outA = QString::fromUtf8(a->readAllStandardOutput());
        const QString outB = QString::fromUtf8(b->readAllStandardOutput());
        QVERIFY2(a->exitCode() == 0, qPrintable(QString::fromUtf8(a->readAllStandardError())));
        QVERIFY2(b->exitCode() == 0, qPrintable(QString::fromUtf8(b->readAllStandardError())));
        qInfo().noquote() << "first run:" << outA.simplified()
                          << "| second run:" << outB.simplified();

        for (const Report &report : {first, second}) {
            const ReportSnapshot after = snapshotOf(report.id);
            QCOMPARE(after.report.status, Status::Closed);
            int closings = 0;
            for (const Event &event : after.events) {
                closings +=
                    event.kind == EventKind::StatusChanged &&
                    event.data.value(QLatin1String("to")).toString() == QLatin1String("closed");
            }
            QCOMPARE(closings, 1);
        }
        QCOMPARE(current(recent.id).status, Status::Resolved);
        QCOMPARE(eventsOf(snapshotOf(urgent.id), EventKind::Reminded), 1);
        QCOMPARE(eventsOf(snapshotOf(fresh.id), EventKind::Reminded), 0);

        const QRegularExpression closed(QStringLiteral("rating period: (\\d+)"));
        const QRegularExpression reminded(QStringLiteral("urgent reminders: (\\d+)"));
        QCOMPARE(closed.match(outA).captured(1).toInt() + closed.match(outB).captured(1).toInt(),
                 2);
        QCOMPARE(
            reminded.match(outA).captured(1).toInt() + reminded.match(outB).captured(1).toInt(), 1);

        // A third run in the same period finds nothing left to do.
        const Test::CtlRun again =
            Test::runCtl({QStringLiteral("maintenance"), QStringLiteral("--central"), m_url});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("rating period: 0")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QStringLiteral("urgent reminders: 0")), qPrintable(again.out));
    }
};

QTEST_GUILESS_MAIN(CentralWorkflowTest)
#include "tst_centralworkflow.moc"
