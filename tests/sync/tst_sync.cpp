#include "sync/syncengine.h"
#include "sync/syncsession.h"
#include "sync/verify.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

namespace {

const QString bloomington = QStringLiteral("open311/bloomington_requests.json");

} // namespace

class SyncTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Central> m_central;
    std::unique_ptr<Replica> m_alpha;
    std::unique_ptr<Replica> m_beta;

    bool syncOnce(Replica &replica, SyncSummary *summary = nullptr)
    {
        SyncSession session(replica, *m_central);
        QString error;
        const auto result = session.run(&error);
        if (!result)
            qWarning() << "sync failed:" << error;
        if (result && summary)
            *summary = *result;
        return result.has_value();
    }

    bool verified(Replica &replica)
    {
        QString error;
        const auto result = verifyReplica(replica, *m_central, &error);
        if (!result) {
            qWarning() << "verify failed:" << error;
            return false;
        }
        if (!result->matches())
            qWarning().noquote() << result->firstDifference;
        return result->matches();
    }

    Report newReport(Replica &replica)
    {
        QString error;
        const auto snapshots = replica.snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New)
                return snapshot.report;
        }
        qFatal("no new report in the replica");
    }

    Report reportIn(Replica &replica, const QString &id)
    {
        QString error;
        return replica.report(id, &error).value_or(Report());
    }

    bool submit(Replica &replica, OperationKind kind, const QString &id, const QJsonObject &payload,
                const QString &actor = QStringLiteral("lan"))
    {
        QString error;
        const auto operation = replica.submit(kind, id, payload, actor, Role::Operator, &error);
        if (!operation)
            qWarning() << "submit failed:" << error;
        return operation.has_value();
    }

private Q_SLOTS:
    void init()
    {
        const QString name = QLatin1String(QTest::currentTestFunction());
        m_central = Test::createCentral(m_dir, name + QStringLiteral("-central.sqlite"));
        QVERIFY(m_central);
        QVERIFY(Test::importFile(*m_central, Test::dataPath(bloomington)));
        m_alpha = Test::openReplica(m_dir, name + QStringLiteral("-alpha.sqlite"));
        m_beta = Test::openReplica(m_dir, name + QStringLiteral("-beta.sqlite"));
        QVERIFY(m_alpha && m_beta);
        QVERIFY(syncOnce(*m_alpha));
        QVERIFY(syncOnce(*m_beta));
    }

    void cleanup()
    {
        m_alpha.reset();
        m_beta.reset();
        m_central.reset();
    }

    void firstSyncCopiesEverything()
    {
        QString error;
        QCOMPARE(m_alpha->stats(&error)->total, 21);
        QCOMPARE(m_alpha->referenceData(&error)->adminUnits.size(), 40);
        QVERIFY(verified(*m_alpha));
        QVERIFY(verified(*m_beta));
    }

    void twoReplicasSeeEachOther()
    {
        const Report report = newReport(*m_alpha);
        QVERIFY(submit(*m_alpha, OperationKind::Classify, report.id, Test::classifyPayload()));
        QVERIFY(submit(*m_alpha, OperationKind::Assign, report.id, Test::assignPayload()));
        QCOMPARE(reportIn(*m_alpha, report.id).status, Status::Assigned);
        QVERIFY(!verified(*m_alpha)); // two operations wait in the outbox

        SyncSummary summary;
        QVERIFY(syncOnce(*m_alpha, &summary));
        QCOMPARE(summary.sent, 2);
        QCOMPARE(summary.accepted, 2);
        QVERIFY(syncOnce(*m_beta));

        const Report seen = reportIn(*m_beta, report.id);
        QCOMPARE(seen.status, Status::Assigned);
        QCOMPARE(seen.agency, QStringLiteral("hepco"));
        QCOMPARE(seen.version, report.version + 2);
        QCOMPARE(seen.dueAt,
                 deadlineFor(WorkingCalendar(),
                             DeadlineRules().processingTime(seen.category, seen.priority),
                             report.receivedAt));
        QVERIFY(verified(*m_alpha));
        QVERIFY(verified(*m_beta));
    }

    void refusedOperationListedAndReverted()
    {
        const Report report = newReport(*m_alpha);
        QVERIFY(submit(*m_alpha, OperationKind::Classify, report.id, Test::classifyPayload()));
        QVERIFY(submit(*m_beta, OperationKind::Classify, report.id,
                       Test::classifyPayload(QStringLiteral("environmental_sanitation")),
                       QStringLiteral("minh")));
        QVERIFY(syncOnce(*m_alpha));

        SyncSummary summary;
        QVERIFY(syncOnce(*m_beta, &summary));
        QCOMPARE(summary.refused, 1);
        QString error;
        const QList<AttentionItem> attention = m_beta->attentionItems(&error);
        QCOMPARE(attention.size(), 1);
        QCOMPARE(attention.first().reportId, report.id);
        QCOMPARE(attention.first().refusal, Refusal::StaleVersion);
        QVERIFY(!attention.first().reason.isEmpty());

        // Beta's replica is back to the central's state: alpha's field, not its own.
        QCOMPARE(reportIn(*m_beta, report.id).category, QStringLiteral("urban_infrastructure"));
        QCOMPARE(m_beta->pendingOperationCount(), 0);
        QVERIFY(verified(*m_beta));
    }

    void feedKeepsPendingChange()
    {
        const Report report = newReport(*m_alpha);
        // Beta adds a note, so the central's feed carries the report again.
        QVERIFY(submit(*m_beta, OperationKind::AddNote, report.id,
                       {{QStringLiteral("text"), QStringLiteral("Đã gọi lại người dân")}},
                       QStringLiteral("minh")));
        QVERIFY(syncOnce(*m_beta));

        // Alpha's operator classifies the report while alpha's sync is between its steps.
        SyncSession session(*m_alpha, *m_central);
        session.setStepHook([&](SyncStep step) {
            if (step == SyncStep::Send)
                QVERIFY(
                    submit(*m_alpha, OperationKind::Classify, report.id, Test::classifyPayload()));
        });
        QString error;
        QVERIFY2(session.run(&error), qPrintable(error));

        const Report local = reportIn(*m_alpha, report.id);
        QCOMPARE(local.status, Status::Triaged);
        QCOMPARE(local.category, QStringLiteral("urban_infrastructure"));
        QCOMPARE(m_alpha->pendingOperationCount(), 1);
        const auto snapshots = m_alpha->snapshots(&error);
        int notes = 0;
        for (const ReportSnapshot &snapshot : *snapshots) {
            for (const Event &event : snapshot.events)
                notes += event.kind == EventKind::Note ? 1 : 0;
        }
        QCOMPARE(notes, 1);

        QVERIFY(syncOnce(*m_alpha));
        QCOMPARE(m_alpha->pendingOperationCount(), 0);
        QVERIFY(verified(*m_alpha));
    }

    void interruptedFeedResumes()
    {
        // A first page written, then the sync is cut off: the next sync reads only the rest.
        auto replica = Test::openReplica(m_dir, QStringLiteral("resume-replica.sqlite"));
        QVERIFY(replica);
        QString error;
        QVERIFY2(replica->bindToCentral(m_central->centralId(), m_central->viewer(),
                                        m_central->viewScope(), &error),
                 qPrintable(error));
        const auto page = m_central->changesSince({}, 5, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->reports.size(), 5);
        QVERIFY(page->more);
        QVERIFY2(replica->applyFromCentral({}, page->reports, {}, page->cursor, &error),
                 qPrintable(error));

        const auto summary = SyncSession(*replica, *m_central).run(&error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->received, 16);
        QVERIFY(verified(*replica));
    }

    void feedTransactionSpansPages()
    {
        // Pages written into a feed transaction are invisible until the commit and gone,
        // feed position included, after a rollback.
        auto replica = Test::openReplica(m_dir, QStringLiteral("grouped-replica.sqlite"));
        QVERIFY(replica);
        QString error;
        QVERIFY2(replica->bindToCentral(m_central->centralId(), m_central->viewer(),
                                        m_central->viewScope(), &error),
                 qPrintable(error));
        const auto first = m_central->changesSince({}, 4, &error);
        QVERIFY2(first, qPrintable(error));
        const auto second = m_central->changesSince(first->cursor, 4, &error);
        QVERIFY2(second, qPrintable(error));
        const auto countIn = [](const QString &path) {
            return Test::centralScalar(path, QStringLiteral("SELECT count(*) FROM report")).toInt();
        };

        QVERIFY2(replica->beginFeed(&error), qPrintable(error));
        QVERIFY(!replica->beginFeed(&error));
        QVERIFY2(replica->applyFromCentral({}, first->reports, {}, first->cursor, &error),
                 qPrintable(error));
        QCOMPARE(countIn(replica->path()), 0);
        replica->rollbackFeed();
        QCOMPARE(replica->feedCursor().toString(), FeedPosition().toString());
        QCOMPARE(countIn(replica->path()), 0);

        QVERIFY2(replica->beginFeed(&error), qPrintable(error));
        QVERIFY2(replica->applyFromCentral({}, first->reports, {}, first->cursor, &error),
                 qPrintable(error));
        QVERIFY2(replica->applyFromCentral({}, second->reports, {}, second->cursor, &error),
                 qPrintable(error));
        QVERIFY2(replica->commitFeed(&error), qPrintable(error));
        QVERIFY(!replica->commitFeed(&error));
        QCOMPARE(countIn(replica->path()), 8);
        QCOMPARE(replica->feedCursor().toString(), second->cursor.toString());

        // A sync in pages of three, committed two pages at a time, reads the rest.
        SyncSession session(*replica, *m_central);
        session.setPageSize(3);
        session.setPagesPerCommit(2);
        const auto summary = session.run(&error);
        QVERIFY2(summary, qPrintable(error));
        const auto ids = m_central->reportIds(&error);
        QVERIFY2(ids, qPrintable(error));
        QCOMPARE(summary->received, ids->size() - 8);
        // The summary names each report it brought, for views that update only those.
        QVERIFY(summary->idsComplete);
        QCOMPARE(summary->changedIds.size(), summary->received);
        for (const QString &id : summary->changedIds)
            QVERIFY2(ids->contains(id), qPrintable(id));
        for (const ReportSnapshot &early : first->reports + second->reports)
            QVERIFY(!summary->changedIds.contains(early.report.id));
        QVERIFY(!replica->inFeed());
        QVERIFY(verified(*replica));
    }

    void offlineOperationsKeepOrder()
    {
        const Report report = newReport(*m_alpha);
        QVERIFY(submit(*m_alpha, OperationKind::Classify, report.id, Test::classifyPayload()));
        QVERIFY(submit(*m_alpha, OperationKind::Classify, report.id,
                       Test::classifyPayload(QStringLiteral("environmental_sanitation"),
                                             QStringLiteral("urgent"))));
        QVERIFY(submit(*m_alpha, OperationKind::Reject, report.id,
                       {{QStringLiteral("reason"), QStringLiteral("Trùng lặp")}}));
        SyncSummary summary;
        QVERIFY(syncOnce(*m_alpha, &summary));
        QCOMPARE(summary.accepted, 3);
        QVERIFY(syncOnce(*m_beta));
        const Report seen = reportIn(*m_beta, report.id);
        QCOMPARE(seen.status, Status::Rejected);
        QCOMPARE(seen.category, QStringLiteral("environmental_sanitation"));
        QCOMPARE(seen.rejectReason, QStringLiteral("Trùng lặp"));
        QVERIFY(verified(*m_beta));
    }

    void replicaTiedToItsCentral()
    {
        QTemporaryDir other;
        auto otherCentral = Test::createCentral(other);
        SyncSession session(*m_alpha, *otherCentral);
        QString error;
        QVERIFY(!session.run(&error));
        QVERIFY2(error.contains(m_central->centralId()), qPrintable(error));
    }

    void engineReportsWrongCentral()
    {
        // The other central responds, so this is a problem to fix, not a lost connection.
        QTemporaryDir other;
        auto otherCentral = Test::createCentral(other);
        QVERIFY(otherCentral);
        SyncEngine engine(otherCentral->url(), m_alpha->path());
        QSignalSpy status(&engine, &SyncEngine::statusChanged);
        engine.start(60000);
        // waits for the first sync attempt to be reported
        QTRY_VERIFY_WITH_TIMEOUT(
            !status.isEmpty() && status.last().first().value<SyncStatus>().problem, 20000);
        const SyncStatus last = status.last().first().value<SyncStatus>();
        QVERIFY(!last.online);
        QVERIFY2(last.message.contains(m_central->centralId()), qPrintable(last.message));
        engine.stop();
    }

    void engineSyncsOnItsThread()
    {
        const QString replicaPath = m_dir.filePath(QStringLiteral("engine-replica.sqlite"));
        SyncEngine engine(m_central->url(), replicaPath);
        QSignalSpy synced(&engine, &SyncEngine::synced);
        QSignalSpy status(&engine, &SyncEngine::statusChanged);
        engine.start(60000);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000); // waits for the first sync pass
        QCOMPARE(synced.first().first().value<SyncSummary>().received, 21);
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 20000); // waits for the status after it
        QVERIFY(status.last().first().value<SyncStatus>().online);
        engine.stop();

        Replica replica(replicaPath);
        QString error;
        QVERIFY(replica.open(&error));
        QVERIFY(verified(replica));
    }
};

QTEST_GUILESS_MAIN(SyncTest)
#include "tst_sync.moc"
