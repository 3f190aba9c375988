#include "core/bulk.h"
#include "twoworkstations.h"

#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// Bulk actions and their undo between two workstations and the central: alpha (Lan) changes a
// selection and takes it back, beta (Minh) changes some of the same reports in between. The
// undo restores what Lan changed, leaves Minh's work alone, and the central refuses what the
// workstation could not know.
class BulkUndoTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::TwoWorkstations m_two;
    const QString m_lan = QStringLiteral("lan");
    const QString m_minh = QStringLiteral("minh");

    std::optional<SyncSummary> sync(Replica &replica) { return m_two.sync(replica); }
    QString difference(Replica &replica) { return m_two.difference(replica); }

    ReportSnapshot local(Replica &replica, const QString &id)
    {
        QString error;
        const auto snapshots = replica.snapshotsOf({id}, &error);
        return snapshots && !snapshots->isEmpty() ? snapshots->first() : ReportSnapshot();
    }

    Report onCentral(const QString &id)
    {
        QString error;
        const auto snapshots = m_two.central->snapshotsOf({id}, &error);
        return snapshots && !snapshots->isEmpty() ? snapshots->first().report : Report();
    }

    ReferenceCodes codesOf(Replica &replica)
    {
        QString error;
        return referenceCodesOf(replica.referenceData(&error).value_or(ReferenceData()));
    }

    // Plans an action on reports of a replica, as the preview does, and makes it.
    QList<BulkChange> bulk(Replica &replica, const QStringList &ids, BulkAction action,
                           const QString &value, const QString &actor)
    {
        QList<BulkChange> planned;
        for (const QString &id : ids) {
            planned.append(planBulkChange(local(replica, id).report, action, value, actor,
                                          Role::Operator, codesOf(replica),
                                          QDateTime::currentDateTimeUtc()));
        }
        QString error;
        const auto submitted = replica.submitBulk(planned, actor, Role::Operator, &error);
        if (!submitted)
            qWarning() << "bulk failed:" << error;
        return submitted.value_or(QList<BulkChange>());
    }

    // Plans the undo of steps from the replica's current contents.
    QList<BulkChange> planUndoOf(Replica &replica, const QList<BulkChange> &steps,
                                 const QString &actor)
    {
        QList<BulkChange> undo;
        for (const BulkChange &step : steps) {
            const ReportSnapshot snapshot = local(replica, step.reportId);
            undo.append(planUndo(snapshot.report, snapshot.events, step, actor, Role::Operator,
                                 codesOf(replica), QDateTime::currentDateTimeUtc()));
        }
        return undo;
    }

    static int count(const QList<BulkChange> &changes, BulkSkip skip)
    {
        return int(std::count_if(changes.cbegin(), changes.cend(),
                                 [skip](const BulkChange &change) { return change.skip == skip; }));
    }

private Q_SLOTS:
    void init()
    {
        const QString problem = m_two.open(m_dir, QLatin1String(QTest::currentTestFunction()));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_two.fresh.size() >= 4);
    }

    void cleanup() { m_two.close(); }

    // Lan sets the field of four new reports; Minh then forwards one of them and rejects
    // another. Lan's undo restores the other two on the central and leaves Minh's two alone.
    void bulkUndoLeavesOthersChangesAlone()
    {
        const QStringList ids = m_two.fresh.mid(0, 4);
        const QList<BulkChange> steps = bulk(*m_two.alpha, ids, BulkAction::Classify,
                                             QStringLiteral("urban_infrastructure"), m_lan);
        QCOMPARE(steps.size(), 4);
        QCOMPARE(count(steps, BulkSkip::None), 4);
        for (const BulkChange &step : steps) {
            QVERIFY(!step.eventId.isEmpty());
            QCOMPARE(local(*m_two.alpha, step.reportId).report.status, Status::Triaged);
        }
        QCOMPARE(sync(*m_two.alpha)->accepted, 4);

        QVERIFY(sync(*m_two.beta));
        QString error;
        QVERIFY(m_two.beta->submit(OperationKind::Assign, ids[1], Test::assignPayload(), m_minh,
                                   Role::Operator, &error));
        QVERIFY(m_two.beta->submit(OperationKind::Reject, ids[2],
                                   {{QStringLiteral("reason"), QStringLiteral("Tin rác")}}, m_minh,
                                   Role::Operator, &error));
        QCOMPARE(sync(*m_two.beta)->accepted, 2);
        QVERIFY(sync(*m_two.alpha));

        const QList<BulkChange> undo = planUndoOf(*m_two.alpha, steps, m_lan);
        QCOMPARE(undo[0].skip, BulkSkip::None);
        QCOMPARE(undo[1].skip, BulkSkip::ChangedSince);
        QCOMPARE(undo[2].skip, BulkSkip::ChangedSince);
        QCOMPARE(undo[3].skip, BulkSkip::None);
        QList<BulkChange> applying;
        for (const BulkChange &change : undo) {
            if (change.applies())
                applying.append(change);
        }
        const auto submitted = m_two.alpha->submitBulk(applying, m_lan, Role::Operator, &error);
        QVERIFY2(submitted, qPrintable(error));
        QCOMPARE(count(*submitted, BulkSkip::None), 2);
        QCOMPARE(sync(*m_two.alpha)->accepted, 2);

        for (const QString &id : {ids[0], ids[3]}) {
            const Report report = onCentral(id);
            QCOMPARE(report.status, Status::New);
            QVERIFY(report.category.isEmpty());
        }
        QCOMPARE(onCentral(ids[1]).status, Status::Assigned);
        QCOMPARE(onCentral(ids[1]).agency, QStringLiteral("hepco"));
        QCOMPARE(onCentral(ids[2]).status, Status::Rejected);
        QCOMPARE(difference(*m_two.alpha), QString());
        QVERIFY(sync(*m_two.beta));
        QCOMPARE(difference(*m_two.beta), QString());
        QVERIFY(m_two.alpha->attentionItems(&error).isEmpty());
    }

    // Forwarding taken back: the reports return to triage without agency or deadline.
    void bulkForwardUndone()
    {
        const QStringList ids = m_two.fresh.mid(0, 3);
        QCOMPARE(count(bulk(*m_two.alpha, ids, BulkAction::Classify,
                            QStringLiteral("environmental_sanitation"), m_lan),
                       BulkSkip::None),
                 3);
        // A report outside triage is left out of the forward.
        QString error;
        QVERIFY(m_two.alpha->submit(OperationKind::Reject, ids[2],
                                    {{QStringLiteral("reason"), QStringLiteral("Trùng")}}, m_lan,
                                    Role::Operator, &error));
        const QList<BulkChange> steps =
            bulk(*m_two.alpha, ids, BulkAction::Assign, QStringLiteral("hepco"), m_lan);
        QCOMPARE(count(steps, BulkSkip::None), 2);
        QCOMPARE(steps[2].skip, BulkSkip::NotAllowed);
        QVERIFY(sync(*m_two.alpha));
        QVERIFY(onCentral(ids[0]).dueAt.isValid());

        QList<BulkChange> applied;
        for (const BulkChange &step : steps) {
            if (step.applies())
                applied.append(step);
        }
        const auto undone = m_two.alpha->submitBulk(planUndoOf(*m_two.alpha, applied, m_lan), m_lan,
                                                    Role::Operator, &error);
        QVERIFY2(undone, qPrintable(error));
        QCOMPARE(count(*undone, BulkSkip::None), 2);
        QCOMPARE(sync(*m_two.alpha)->accepted, 2);
        for (const QString &id : {ids[0], ids[1]}) {
            const Report report = onCentral(id);
            QCOMPARE(report.status, Status::Triaged);
            QCOMPARE(report.category, QStringLiteral("environmental_sanitation"));
            QVERIFY(report.agency.isEmpty());
            QVERIFY(!report.dueAt.isValid());
        }
        QCOMPARE(difference(*m_two.alpha), QString());
    }

    // Minh's change reaches the central after Lan's replica last synced, so Lan's workstation
    // plans the undo as if nothing happened. The central refuses it and keeps Minh's change;
    // Lan's replica returns to the central's state and lists the refusal.
    void centralRejectsStaleUndo()
    {
        const QString id = m_two.fresh.first();
        const QList<BulkChange> steps = bulk(*m_two.alpha, {id}, BulkAction::Classify,
                                             QStringLiteral("urban_infrastructure"), m_lan);
        QVERIFY(sync(*m_two.alpha));
        QVERIFY(sync(*m_two.beta));
        QString error;
        QVERIFY(m_two.beta->submit(OperationKind::Assign, id, Test::assignPayload(), m_minh,
                                   Role::Operator, &error));
        QCOMPARE(sync(*m_two.beta)->accepted, 1);

        const QList<BulkChange> undo = planUndoOf(*m_two.alpha, steps, m_lan);
        QCOMPARE(undo.first().skip, BulkSkip::None);
        QVERIFY(m_two.alpha->submitBulk(undo, m_lan, Role::Operator, &error));
        QCOMPARE(local(*m_two.alpha, id).report.status, Status::New);
        QCOMPARE(sync(*m_two.alpha)->refused, 1);
        QCOMPARE(onCentral(id).status, Status::Assigned);
        QCOMPARE(local(*m_two.alpha, id).report.status, Status::Assigned);
        const QList<AttentionItem> items = m_two.alpha->attentionItems(&error);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().kind, OperationKind::Undo);
        QCOMPARE(difference(*m_two.alpha), QString());
    }

    // Minh cannot take back Lan's step, whatever his workstation sends.
    void centralRejectsUndoOfOthersStep()
    {
        const QString id = m_two.fresh.first();
        const QList<BulkChange> steps =
            bulk(*m_two.alpha, {id}, BulkAction::RejectSpam, QStringLiteral("Tin rác"), m_lan);
        QCOMPARE(count(steps, BulkSkip::None), 1);
        QVERIFY(sync(*m_two.alpha));
        QVERIFY(sync(*m_two.beta));

        // Minh's own workstation does not offer it...
        const QList<BulkChange> planned = planUndoOf(*m_two.beta, steps, m_minh);
        QCOMPARE(planned.first().skip, BulkSkip::Refused);
        // ...and the central refuses the operation when a modified one sends it anyway.
        Operation forged = Test::makeOperation(OperationKind::Undo, onCentral(id),
                                               planned.first().payload, m_minh);
        QString error;
        const auto results = m_two.central->submit({forged}, &error);
        QVERIFY2(results && results->size() == 1, qPrintable(error));
        QVERIFY(!results->first().accepted());
        QVERIFY2(results->first().reason.contains(m_minh), qPrintable(results->first().reason));
        QCOMPARE(onCentral(id).status, Status::Rejected);
    }
};

QTEST_GUILESS_MAIN(BulkUndoTest)
#include "tst_bulkundo.moc"
