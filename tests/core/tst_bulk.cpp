#include "core/bulk.h"

#include <QTest>
#include <QTimeZone>

using namespace CivicDesk;

Q_DECLARE_METATYPE(CivicDesk::BulkSkip)

// Bulk actions planned by the rules of core/operation, and their undo: what each report of a
// selection gets, which steps can be taken back, and what the central refuses.
class BulkTest : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 3, 3), QTime(2, 0), QTimeZone::utc());
    ReferenceCodes m_codes;

    static Report reportIn(Status status, const QString &category = {}, const QString &agency = {})
    {
        static int number = 0;
        Report report;
        report.id = QStringLiteral("report-%1").arg(++number);
        report.publicCode = QStringLiteral("HUE-260303-%1").arg(number, 4, 10, QLatin1Char('0'));
        report.title = QStringLiteral("Rác thải ven sông Hương");
        report.status = status;
        report.category = category;
        report.agency = agency;
        report.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(1, 30), QTimeZone::utc());
        return report;
    }

    // Makes a planned change as the replica would: applies its operation by `actor` at `at`,
    // appends the event to the timeline and returns the change with its step.
    BulkChange make(Report &report, QList<Event> &timeline, BulkChange change, const QString &actor,
                    const QDateTime &at)
    {
        Operation operation;
        operation.id = QStringLiteral("op-%1").arg(timeline.size() + 1);
        operation.reportId = report.id;
        operation.kind = change.kind;
        operation.baseState = assignmentStateOf(report);
        operation.actor = actor;
        operation.actorRole = Role::Operator;
        operation.createdAt = at;
        operation.eventId = QStringLiteral("%1-event-%2").arg(report.id).arg(timeline.size() + 1);
        operation.payload = change.payload;
        const OperationOutcome outcome = applyOperation(report, operation, m_codes);
        if (!outcome.accepted())
            qFatal("step refused: %s", qPrintable(outcome.reason));
        timeline.append(outcome.event);
        change.eventId = operation.eventId;
        change.at = at;
        return change;
    }

    // An undo operation by `actor` for a step, as the workstation sends it.
    static Operation undoOf(const BulkChange &step, const QString &actor, const QDateTime &at)
    {
        Operation undo;
        undo.id = QStringLiteral("undo");
        undo.reportId = step.reportId;
        undo.kind = OperationKind::Undo;
        undo.actor = actor;
        undo.actorRole = Role::Operator;
        undo.createdAt = at;
        undo.eventId = QStringLiteral("undo-event");
        undo.payload = {{QStringLiteral("undoes"), step.eventId},
                        {QStringLiteral("restore"), step.before.toJson()}};
        return undo;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_codes.categories = {QStringLiteral("environment"), QStringLiteral("traffic")};
        m_codes.agencies = {QStringLiteral("hepco"), QStringLiteral("urenco")};
    }

    void planFollowsTheRules_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("category");
        QTest::addColumn<BulkSkip>("skip");

        const int newReport = int(Status::New);
        const int triaged = int(Status::Triaged);
        const int assigned = int(Status::Assigned);
        const int rejected = int(Status::Rejected);
        const QString environment = QStringLiteral("environment");
        QTest::newRow("forward a triaged report")
            << "assign"
            << "urenco" << triaged << environment << BulkSkip::None;
        QTest::newRow("forward an unclassified report")
            << "assign"
            << "urenco" << newReport << QString() << BulkSkip::NotAllowed;
        QTest::newRow("forward to the agency it has")
            << "assign"
            << "hepco" << assigned << environment << BulkSkip::Unchanged;
        QTest::newRow("forward to an unknown agency")
            << "assign"
            << "nobody" << triaged << environment << BulkSkip::Refused;
        QTest::newRow("set the field of a new report")
            << "classify"
            << "traffic" << newReport << QString() << BulkSkip::None;
        QTest::newRow("set another field in triage")
            << "classify"
            << "traffic" << triaged << environment << BulkSkip::None;
        QTest::newRow("set the field it has")
            << "classify"
            << "environment" << triaged << environment << BulkSkip::Unchanged;
        QTest::newRow("set the field of an assigned report")
            << "classify"
            << "traffic" << assigned << environment << BulkSkip::NotAllowed;
        QTest::newRow("reject a new report")
            << "reject"
            << "Tin rác" << newReport << QString() << BulkSkip::None;
        QTest::newRow("reject a rejected report")
            << "reject"
            << "Tin rác" << rejected << QString() << BulkSkip::Unchanged;
        QTest::newRow("reject an assigned report")
            << "reject"
            << "Tin rác" << assigned << environment << BulkSkip::NotAllowed;
    }

    void planFollowsTheRules()
    {
        QFETCH(QString, action);
        QFETCH(QString, value);
        QFETCH(int, status);
        QFETCH(QString, category);
        QFETCH(BulkSkip, skip);

        const Status from = Status(status);
        const Report report = reportIn(
            from, category, from == Status::Assigned ? QStringLiteral("hepco") : QString());
        const BulkChange change =
            planBulkChange(report, *bulkActionFromCode(action), value, QStringLiteral("lan"),
                           Role::Operator, m_codes, m_now);
        QVERIFY2(change.skip == skip, qPrintable(QStringLiteral("%1: %2").arg(
                                          bulkSkipCode(change.skip), change.reason)));
        QCOMPARE(change.reportId, report.id);
        QCOMPARE(change.code, report.publicCode);
        QCOMPARE(change.before, assignmentStateOf(report));
        if (!change.applies()) {
            QCOMPARE(change.after, change.before);
            return;
        }
        // The preview shows what applying the operation does.
        Report copy = report;
        Operation operation;
        operation.id = QStringLiteral("op");
        operation.reportId = report.id;
        operation.kind = change.kind;
        operation.actor = QStringLiteral("lan");
        operation.createdAt = m_now;
        operation.eventId = QStringLiteral("event");
        operation.payload = change.payload;
        QVERIFY(applyOperation(copy, operation, m_codes).accepted());
        QCOMPARE(change.after, assignmentStateOf(copy));
    }

    // A wall display plans nothing: the rules refuse its role.
    void planSkipsRolesWithoutTriage()
    {
        const Report report = reportIn(Status::New);
        const BulkChange change =
            planBulkChange(report, BulkAction::RejectSpam, QStringLiteral("Tin rác"),
                           QStringLiteral("lan"), Role::Kiosk, m_codes, m_now);
        QVERIFY(!change.applies());
        const BulkChange agency =
            planBulkChange(report, BulkAction::Classify, QStringLiteral("traffic"),
                           QStringLiteral("lan"), Role::Agency, m_codes, m_now);
        QCOMPARE(agency.skip, BulkSkip::NotAllowed);
    }

    // A report someone else is working on is left out; one's own claim is no obstacle, nor is
    // an expired one.
    void planLeavesOutReportsClaimedByOthers()
    {
        Report report = reportIn(Status::New);
        report.claimHolder = QStringLiteral("minh");
        report.claimExpiresAt = m_now.addSecs(300);
        const BulkChange change =
            planBulkChange(report, BulkAction::RejectSpam, QStringLiteral("Tin rác"),
                           QStringLiteral("lan"), Role::Operator, m_codes, m_now);
        QCOMPARE(change.skip, BulkSkip::ClaimedByOther);
        QVERIFY(change.reason.contains(QLatin1String("minh")));
        QVERIFY(planBulkChange(report, BulkAction::RejectSpam, QStringLiteral("Tin rác"),
                               QStringLiteral("minh"), Role::Operator, m_codes, m_now)
                    .applies());
        QVERIFY(planBulkChange(report, BulkAction::RejectSpam, QStringLiteral("Tin rác"),
                               QStringLiteral("lan"), Role::Operator, m_codes, m_now.addSecs(301))
                    .applies());
    }

    // A report that someone else claimed after the step is left out of the undo, as a bulk
    // action leaves it out. One's own claim is no obstacle.
    void undoLeavesOutReportsClaimedByOthers()
    {
        Report report = reportIn(Status::New);
        QList<Event> timeline;
        const BulkChange step =
            make(report, timeline,
                 planBulkChange(report, BulkAction::Classify, QStringLiteral("traffic"),
                                QStringLiteral("lan"), Role::Operator, m_codes, m_now),
                 QStringLiteral("lan"), m_now);
        report.claimHolder = QStringLiteral("minh");
        report.claimExpiresAt = m_now.addSecs(600);

        const QDateTime later = m_now.addSecs(60);
        const BulkChange undo =
            planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes, later);
        QCOMPARE(undo.skip, BulkSkip::ClaimedByOther);
        QVERIFY(undo.reason.contains(QLatin1String("minh")));

        report.claimHolder = QStringLiteral("lan");
        QVERIFY(
            planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes, later)
                .applies());
    }

    // Each action taken back restores the report as the action found it: status, field,
    // priority, no agency, no deadline, no rejection reason.
    void undoRestoresTheEarlierState_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("category");

        QTest::newRow("forward") << "assign"
                                 << "urenco" << int(Status::Triaged) << "environment";
        QTest::newRow("field of a new report") << "classify"
                                               << "traffic" << int(Status::New) << "";
        QTest::newRow("field in triage") << "classify"
                                         << "traffic" << int(Status::Triaged) << "environment";
        QTest::newRow("spam in triage") << "reject"
                                        << "Tin rác" << int(Status::Triaged) << "environment";
        QTest::newRow("spam when new") << "reject"
                                       << "Tin rác" << int(Status::New) << "";
    }

    void undoRestoresTheEarlierState()
    {
        QFETCH(QString, action);
        QFETCH(QString, value);
        QFETCH(int, status);
        QFETCH(QString, category);

        Report report = reportIn(Status(status), category);
        report.priority = Priority::Urgent;
        const Report original = report;
        QList<Event> timeline;
        const BulkChange planned =
            planBulkChange(report, *bulkActionFromCode(action), value, QStringLiteral("lan"),
                           Role::Operator, m_codes, m_now);
        QVERIFY2(planned.applies(), qPrintable(planned.reason));
        const BulkChange step = make(report, timeline, planned, QStringLiteral("lan"), m_now);
        QCOMPARE(assignmentStateOf(report), step.after);

        const QDateTime later = m_now.addSecs(9 * 60);
        const BulkChange undo =
            planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes, later);
        QVERIFY2(undo.applies(), qPrintable(undo.reason));
        QCOMPARE(undo.kind, OperationKind::Undo);
        QCOMPARE(undo.after, assignmentStateOf(original));

        const Operation operation = undoOf(step, QStringLiteral("lan"), later);
        QCOMPARE(undoProblem(report, timeline, operation), std::nullopt);
        const OperationOutcome outcome = applyOperation(report, operation, m_codes);
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(assignmentStateOf(report), assignmentStateOf(original));
        QVERIFY(!report.dueAt.isValid());
        QVERIFY(!report.clockStartedAt.isValid());
        QVERIFY(report.rejectReason.isEmpty());
        QCOMPARE(outcome.event.kind, EventKind::Undone);
        QCOMPARE(outcome.event.data.value(QLatin1String("undoes")).toString(), step.eventId);

        // Once undone, the step is no longer the last change: a second undo is refused.
        timeline.append(outcome.event);
        QVERIFY(undoProblem(report, timeline, undoOf(step, QStringLiteral("lan"), later)));
        QCOMPARE(
            planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes, later)
                .skip,
            BulkSkip::ChangedSince);
    }

    // A report someone changed after the step is left alone, even when a second change put
    // back the state the step left.
    void undoLeavesChangedReportsAlone()
    {
        Report report = reportIn(Status::New);
        QList<Event> timeline;
        const BulkChange step =
            make(report, timeline,
                 planBulkChange(report, BulkAction::Classify, QStringLiteral("traffic"),
                                QStringLiteral("lan"), Role::Operator, m_codes, m_now),
                 QStringLiteral("lan"), m_now);

        Report changed = report;
        QList<Event> changedTimeline = timeline;
        make(changed, changedTimeline,
             planBulkChange(changed, BulkAction::Classify, QStringLiteral("environment"),
                            QStringLiteral("lan"), Role::Operator, m_codes, m_now.addSecs(60)),
             QStringLiteral("minh"), m_now.addSecs(60));
        BulkChange undo = planUndo(changed, changedTimeline, step, QStringLiteral("lan"),
                                   Role::Operator, m_codes, m_now.addSecs(120));
        QCOMPARE(undo.skip, BulkSkip::ChangedSince);

        // Minh sets the field back: the state is the one the step left, the timeline is not.
        make(changed, changedTimeline,
             planBulkChange(changed, BulkAction::Classify, QStringLiteral("traffic"),
                            QStringLiteral("lan"), Role::Operator, m_codes, m_now.addSecs(90)),
             QStringLiteral("minh"), m_now.addSecs(90));
        QCOMPARE(assignmentStateOf(changed), step.after);
        undo = planUndo(changed, changedTimeline, step, QStringLiteral("lan"), Role::Operator,
                        m_codes, m_now.addSecs(120));
        QCOMPARE(undo.skip, BulkSkip::ChangedSince);
        QVERIFY(undo.reason.contains(QLatin1String("minh")));

        // A note or a claim is no change of status or assignment.
        Event note;
        note.id = QStringLiteral("note");
        note.kind = EventKind::Note;
        note.actor = QStringLiteral("minh");
        note.at = m_now.addSecs(30);
        note.data = {{QStringLiteral("text"), QStringLiteral("Đã gọi lại cho người dân.")}};
        timeline.append(note);
        QVERIFY(planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes,
                         m_now.addSecs(120))
                    .applies());
    }

    // A report that came with an agency named by its source keeps it through a forward and its
    // undo. The forward's event records that agency, so the central can check the undo.
    void undoOfForwardRestoresTheImportedAgency()
    {
        Report report =
            reportIn(Status::Triaged, QStringLiteral("environment"), QStringLiteral("urenco"));
        QList<Event> timeline;
        const BulkChange step =
            make(report, timeline,
                 planBulkChange(report, BulkAction::Assign, QStringLiteral("hepco"),
                                QStringLiteral("lan"), Role::Operator, m_codes, m_now),
                 QStringLiteral("lan"), m_now);
        QCOMPARE(report.agency, QStringLiteral("hepco"));
        QCOMPARE(timeline.last().data.value(QLatin1String("agency_before")).toString(),
                 QStringLiteral("urenco"));
        const QDateTime later = m_now.addSecs(60);
        const BulkChange undo =
            planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes, later);
        QVERIFY2(undo.applies(), qPrintable(undo.reason));
        QVERIFY(
            applyOperation(report, undoOf(step, QStringLiteral("lan"), later), m_codes).accepted());
        QCOMPARE(report.status, Status::Triaged);
        QCOMPARE(report.agency, QStringLiteral("urenco"));
        QVERIFY(!report.dueAt.isValid());
    }

    void undoIsOfferedForTenMinutes()
    {
        Report report = reportIn(Status::Triaged, QStringLiteral("environment"));
        QList<Event> timeline;
        const BulkChange step =
            make(report, timeline,
                 planBulkChange(report, BulkAction::Assign, QStringLiteral("hepco"),
                                QStringLiteral("lan"), Role::Operator, m_codes, m_now),
                 QStringLiteral("lan"), m_now);
        const QDateTime last = m_now.addSecs(bulkUndoMinutes * 60);
        QVERIFY(
            planUndo(report, timeline, step, QStringLiteral("lan"), Role::Operator, m_codes, last)
                .applies());
        const BulkChange late = planUndo(report, timeline, step, QStringLiteral("lan"),
                                         Role::Operator, m_codes, last.addSecs(1));
        QCOMPARE(late.skip, BulkSkip::Expired);
        QVERIFY(
            undoProblem(report, timeline, undoOf(step, QStringLiteral("lan"), last.addSecs(1))));
        QVERIFY(
            undoProblem(report, timeline, undoOf(step, QStringLiteral("lan"), m_now.addSecs(-1))));
    }

    // What the central refuses whatever the workstation planned: someone else's step, a step
    // that is not in the timeline, and a state the step did not start from.
    void forgedUndosRejected()
    {
        Report report = reportIn(Status::New);
        QList<Event> timeline;
        const BulkChange step =
            make(report, timeline,
                 planBulkChange(report, BulkAction::RejectSpam, QStringLiteral("Tin rác"),
                                QStringLiteral("lan"), Role::Operator, m_codes, m_now),
                 QStringLiteral("lan"), m_now);
        const QDateTime later = m_now.addSecs(60);
        QCOMPARE(undoProblem(report, timeline, undoOf(step, QStringLiteral("lan"), later)),
                 std::nullopt);

        const auto other =
            undoProblem(report, timeline, undoOf(step, QStringLiteral("minh"), later));
        QVERIFY(other);
        QVERIFY2(other->contains(QLatin1String("minh")), qPrintable(*other));

        BulkChange unknown = step;
        unknown.eventId = QStringLiteral("no-such-event");
        QVERIFY(undoProblem(report, timeline, undoOf(unknown, QStringLiteral("lan"), later)));

        BulkChange elsewhere = step;
        elsewhere.before.status = Status::Triaged;
        elsewhere.before.category = QStringLiteral("traffic");
        const auto from =
            undoProblem(report, timeline, undoOf(elsewhere, QStringLiteral("lan"), later));
        QVERIFY(from);
        QVERIFY2(from->contains(QLatin1String("\"new\"")), qPrintable(*from));

        // An agency the report did not have before the step.
        BulkChange handedOver = step;
        handedOver.before.agency = QStringLiteral("urenco");
        const auto agency =
            undoProblem(report, timeline, undoOf(handedOver, QStringLiteral("lan"), later));
        QVERIFY(agency);
        QVERIFY2(agency->contains(QLatin1String("urenco")), qPrintable(*agency));

        // The rules themselves refuse to undo into an agency's hands or without a field.
        Report rejected = report;
        Operation toAgency = undoOf(step, QStringLiteral("lan"), later);
        AssignmentState assigned = step.before;
        assigned.status = Status::Assigned;
        assigned.category = QStringLiteral("traffic");
        assigned.agency = QStringLiteral("hepco");
        toAgency.payload.insert(QStringLiteral("restore"), assigned.toJson());
        QCOMPARE(applyOperation(rejected, toAgency, m_codes).refusal, Refusal::InvalidTransition);
        Operation noField = undoOf(step, QStringLiteral("lan"), later);
        AssignmentState triaged = step.before;
        triaged.status = Status::Triaged;
        noField.payload.insert(QStringLiteral("restore"), triaged.toJson());
        QCOMPARE(applyOperation(rejected, noField, m_codes).refusal, Refusal::MissingValue);
        QCOMPARE(rejected.status, Status::Rejected);
    }
};

QTEST_GUILESS_MAIN(BulkTest)
#include "tst_bulk.moc"
