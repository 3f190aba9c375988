#include "core/operation.h"
#include "core/workflow.h"

#include <QTest>
#include <QTimeZone>

using namespace CivicDesk;

Q_DECLARE_METATYPE(CivicDesk::Status)
Q_DECLARE_METATYPE(CivicDesk::Role)
Q_DECLARE_METATYPE(CivicDesk::Refusal)

class WorkflowTest : public QObject
{
    Q_OBJECT

private:
    static Operation operation(OperationKind kind, QJsonObject payload)
    {
        Operation op;
        op.id = QStringLiteral("op-1");
        op.reportId = QStringLiteral("report-1");
        op.kind = kind;
        op.actor = QStringLiteral("lan");
        op.actorRole = Role::Operator;
        op.createdAt = QDateTime(QDate(2026, 3, 2), QTime(12, 0), QTimeZone::utc());
        op.eventId = QStringLiteral("event-1");
        op.payload = std::move(payload);
        return op;
    }

    static Report reportIn(Status status)
    {
        Report report;
        report.id = QStringLiteral("report-1");
        report.status = status;
        report.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(12, 15), QTimeZone::utc());
        return report;
    }

private Q_SLOTS:
    void everyStatusInTable()
    {
        for (Status status : allStatuses()) {
            bool present = false;
            for (const Transition &transition : transitionTable())
                present = present || transition.from == status || transition.to == status;
            QVERIFY2(present, qPrintable(statusCode(status)));
        }
    }

    void statusCodesRoundTrip()
    {
        for (Status status : allStatuses())
            QCOMPARE(statusFromCode(statusCode(status)), status);
        QCOMPARE(statusFromCode(QStringLiteral("open")), std::nullopt);
    }

    // The workflow as the center runs it, written out here on its own, so that a change of the
    // table in core/ shows up as a difference.
    void tableIsTheCentersWorkflow()
    {
        const QStringList expected{
            QStringLiteral("new triaged classify operator supervisor"),
            QStringLiteral("triaged triaged classify operator supervisor"),
            QStringLiteral("new rejected reject operator supervisor"),
            QStringLiteral("triaged rejected reject operator supervisor"),
            QStringLiteral("new duplicate duplicate operator supervisor"),
            QStringLiteral("triaged duplicate duplicate operator supervisor"),
            QStringLiteral("triaged assigned assign operator supervisor"),
            QStringLiteral("assigned triaged return agency operator supervisor"),
            QStringLiteral("assigned in_progress acknowledge agency operator supervisor"),
            QStringLiteral("assigned waiting_info ask_info agency operator supervisor"),
            QStringLiteral("in_progress waiting_info ask_info agency operator supervisor"),
            QStringLiteral("waiting_info assigned answer_info operator supervisor"),
            QStringLiteral("waiting_info in_progress answer_info operator supervisor"),
            QStringLiteral("in_progress resolved resolve agency operator supervisor"),
            QStringLiteral("resolved closed rate system"),
            QStringLiteral("resolved closed close_unrated system"),
            QStringLiteral("resolved assigned rate system"),
            QStringLiteral("rejected triaged reopen supervisor"),
            QStringLiteral("closed triaged reopen supervisor"),
            QStringLiteral("duplicate triaged reopen supervisor"),
            QStringLiteral("triaged new undo operator supervisor"),
            QStringLiteral("triaged triaged undo operator supervisor"),
            QStringLiteral("assigned triaged undo operator supervisor"),
            QStringLiteral("rejected new undo operator supervisor"),
            QStringLiteral("rejected triaged undo operator supervisor"),
        };
        QStringList actual;
        for (const Transition &transition : transitionTable()) {
            QStringList words{statusCode(transition.from), statusCode(transition.to),
                              operationKindCode(transition.operation)};
            for (Role role : transition.roles)
                words.append(roleCode(role));
            actual.append(words.join(QLatin1Char(' ')));
        }
        QCOMPARE(actual, expected);
    }

    // Every operation that moves a report, in every state and for every role: accepted exactly
    // where the table has a row, and then with the table's target state.
    void everyMoveFollowsTheTable()
    {
        struct Move
        {
            const char *name;
            OperationKind kind;
            QJsonObject payload;
            std::optional<Status> resume; // the state a waiting report returns to
            Status target;
        };
        const QString reason = QStringLiteral("lý do");
        const QList<Move> moves{
            {"classify",
             OperationKind::Classify,
             {{QStringLiteral("category"), QStringLiteral("other")},
              {QStringLiteral("priority"), QStringLiteral("normal")}},
             {},
             Status::Triaged},
            {"reject",
             OperationKind::Reject,
             {{QStringLiteral("reason"), reason}},
             {},
             Status::Rejected},
            {"duplicate",
             OperationKind::MarkDuplicate,
             {{QStringLiteral("duplicate_of"), QStringLiteral("report-0")}},
             {},
             Status::Duplicate},
            {"assign",
             OperationKind::Assign,
             {{QStringLiteral("agency"), QStringLiteral("hepco")}},
             {},
             Status::Assigned},
            {"return",
             OperationKind::ReturnToCenter,
             {{QStringLiteral("reason"), reason}},
             {},
             Status::Triaged},
            {"acknowledge", OperationKind::Acknowledge, {}, {}, Status::InProgress},
            {"ask",
             OperationKind::AskInfo,
             {{QStringLiteral("question"), QStringLiteral("Số nhà?")}},
             {},
             Status::WaitingInfo},
            {"answer to assigned",
             OperationKind::AnswerInfo,
             {{QStringLiteral("answer"), QStringLiteral("Số 12")}},
             Status::Assigned,
             Status::Assigned},
            {"answer to in progress",
             OperationKind::AnswerInfo,
             {{QStringLiteral("answer"), QStringLiteral("Số 12")}},
             Status::InProgress,
             Status::InProgress},
            {"resolve",
             OperationKind::Resolve,
             {{QStringLiteral("response"), QStringLiteral("Đã sửa xong.")}},
             {},
             Status::Resolved},
            {"rate satisfied",
             OperationKind::Rate,
             {{QStringLiteral("rating"), QStringLiteral("satisfied")}},
             {},
             Status::Closed},
            {"rate acceptable",
             OperationKind::Rate,
             {{QStringLiteral("rating"), QStringLiteral("acceptable")}},
             {},
             Status::Closed},
            {"rate unsatisfied",
             OperationKind::Rate,
             {{QStringLiteral("rating"), QStringLiteral("unsatisfied")},
              {QStringLiteral("comment"), QStringLiteral("Vẫn còn hỏng")}},
             {},
             Status::Assigned},
            {"close unrated", OperationKind::CloseUnrated, {}, {}, Status::Closed},
            {"reopen",
             OperationKind::Reopen,
             {{QStringLiteral("reason"), reason}},
             {},
             Status::Triaged},
            {"undo to new",
             OperationKind::Undo,
             {{QStringLiteral("undoes"), QStringLiteral("event-0")},
              {QStringLiteral("restore"),
               AssignmentState{Status::New, QString(), Priority::Normal, QString()}.toJson()}},
             {},
             Status::New},
            {"undo to triage",
             OperationKind::Undo,
             {{QStringLiteral("undoes"), QStringLiteral("event-0")},
              {QStringLiteral("restore"),
               AssignmentState{Status::Triaged, QStringLiteral("other"), Priority::Normal,
                               QString()}
                   .toJson()}},
             {},
             Status::Triaged},
        };
        const QList<Role> roles{Role::Operator, Role::Supervisor, Role::Agency,
                                Role::Admin,    Role::Kiosk,      Role::System};
        ReferenceCodes codes;
        codes.categories = {QStringLiteral("other")};
        codes.agencies = {QStringLiteral("hepco")};

        QSet<QString> used; // rows of the table, with a role, that some move was accepted for
        int accepted = 0;
        for (Status status : allStatuses()) {
            for (const Move &move : moves) {
                for (Role role : roles) {
                    Report report = reportIn(status);
                    report.agency = QStringLiteral("hepco");
                    report.dueAt = report.receivedAt.addDays(10);
                    report.resolvedAt = report.receivedAt.addDays(-8);
                    if (status == Status::WaitingInfo) {
                        report.resumeStatus = move.resume.value_or(Status::Assigned);
                        report.waitingSince = report.receivedAt;
                    }
                    Operation op = operation(move.kind, move.payload);
                    op.actorRole = role;
                    const Status from = report.status;
                    const OperationOutcome outcome = applyOperation(report, op, codes);
                    const bool expected = isTransitionAllowed(from, move.target, move.kind, role) &&
                                          (from != Status::WaitingInfo || !move.resume ||
                                           *move.resume == move.target);
                    const QString where = QStringLiteral("%1 on a %2 report by %3: %4")
                                              .arg(QLatin1String(move.name), statusCode(from),
                                                   roleCode(role), outcome.reason);
                    QVERIFY2(outcome.accepted() == expected, qPrintable(where));
                    if (!outcome.accepted()) {
                        QCOMPARE(report.status, from);
                        continue;
                    }
                    ++accepted;
                    QCOMPARE(report.status, move.target);
                    QCOMPARE(outcome.event.data.value(QLatin1String("from")).toString(),
                             statusCode(from));
                    QCOMPARE(outcome.event.data.value(QLatin1String("to")).toString(),
                             statusCode(move.target));
                    QCOMPARE(outcome.event.actor, QStringLiteral("lan"));
                    QCOMPARE(outcome.event.at, op.createdAt);
                    used.insert(QStringLiteral("%1 %2 %3 %4")
                                    .arg(statusCode(from), statusCode(move.target),
                                         operationKindCode(move.kind), roleCode(role)));
                }
            }
        }
        int rows = 0;
        for (const Transition &transition : transitionTable()) {
            for (Role role : transition.roles) {
                ++rows;
                const QString key =
                    QStringLiteral("%1 %2 %3 %4")
                        .arg(statusCode(transition.from), statusCode(transition.to),
                             operationKindCode(transition.operation), roleCode(role));
                QVERIFY2(used.contains(key), qPrintable(key + QStringLiteral(" never made")));
            }
        }
        QCOMPARE(used.size(), rows);
        qInfo() << accepted << "moves accepted out of"
                << allStatuses().size() * moves.size() * roles.size();
    }

    void operatorRecordsAgencyStepOnItsBehalf()
    {
        Report report = reportIn(Status::Assigned);
        report.agency = QStringLiteral("hepco");
        Operation acknowledge = operation(OperationKind::Acknowledge, {});
        OperationOutcome outcome = applyOperation(report, acknowledge, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(outcome.event.data.value(QLatin1String("on_behalf_of")).toString(),
                 QStringLiteral("hepco"));

        Report own = reportIn(Status::Assigned);
        own.agency = QStringLiteral("hepco");
        acknowledge.actorRole = Role::Agency;
        outcome = applyOperation(own, acknowledge, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QVERIFY(!outcome.event.data.contains(QLatin1String("on_behalf_of")));
    }

    void waitingForTheCitizenPausesTheDeadline()
    {
        // Due on Thursday 12 March 2026 at 09:00 in Huế; the question goes out on Tuesday 3 March
        // at 09:00 and the answer comes at 12:00, in the lunch break.
        Report report = reportIn(Status::InProgress);
        report.agency = QStringLiteral("hepco");
        report.dueAt = QDateTime(QDate(2026, 3, 12), QTime(2, 0), QTimeZone::utc());

        Operation ask =
            operation(OperationKind::AskInfo, {{QStringLiteral("question"), QStringLiteral(" ")}});
        ask.actorRole = Role::Agency;
        ask.createdAt = QDateTime(QDate(2026, 3, 3), QTime(2, 0), QTimeZone::utc());
        QCOMPARE(applyOperation(report, ask, {}).refusal, Refusal::MissingValue);
        ask.payload = {{QStringLiteral("question"), QStringLiteral("Ở kiệt nào?")}};
        QVERIFY(applyOperation(report, ask, {}).accepted());
        QCOMPARE(report.status, Status::WaitingInfo);
        QCOMPARE(report.waitingSince, ask.createdAt);
        QCOMPARE(report.resumeStatus, Status::InProgress);

        Operation answer = operation(OperationKind::AnswerInfo,
                                     {{QStringLiteral("answer"), QStringLiteral("Kiệt 5")}});
        answer.actorRole = Role::Agency;
        QCOMPARE(applyOperation(report, answer, {}).refusal, Refusal::InvalidTransition);
        answer.actorRole = Role::Operator;
        answer.createdAt = ask.createdAt.addSecs(3 * 3600);
        const OperationOutcome outcome = applyOperation(report, answer, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(report.status, Status::InProgress);
        // The 150 working minutes from 09:00 to 11:30 were paused, so the deadline moves from
        // 09:00 to 11:30 on its day.
        QCOMPARE(report.dueAt, QDateTime(QDate(2026, 3, 12), QTime(4, 30), QTimeZone::utc()));
        QVERIFY(!report.waitingSince.isValid());
        QVERIFY(!report.resumeStatus);
        QCOMPARE(outcome.event.data.value(QLatin1String("answer")).toString(),
                 QStringLiteral("Kiệt 5"));
    }

    void resolvePublishesTheResponse()
    {
        Report report = reportIn(Status::InProgress);
        report.agency = QStringLiteral("hepco");
        report.extensionDueAt = report.receivedAt.addDays(20);
        report.extensionReason = QStringLiteral("chờ vật tư");
        Operation resolve = operation(OperationKind::Resolve, {});
        resolve.actorRole = Role::Agency;
        QCOMPARE(applyOperation(report, resolve, {}).refusal, Refusal::MissingValue);
        resolve.payload = {{QStringLiteral("response"), QString(8001, QLatin1Char('x'))}};
        QCOMPARE(applyOperation(report, resolve, {}).refusal, Refusal::InvalidValue);
        resolve.payload = {{QStringLiteral("response"), QStringLiteral("Đã thay bóng đèn.")}};
        const OperationOutcome outcome = applyOperation(report, resolve, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(outcome.event.kind, EventKind::ResponsePublished);
        QCOMPARE(report.publicResponse, QStringLiteral("Đã thay bóng đèn."));
        QCOMPARE(report.resolvedAt, resolve.createdAt);
        QVERIFY(!report.extensionDueAt.isValid());
    }

    void duplicatePointsToTheOriginal()
    {
        Report report = reportIn(Status::New);
        Operation mark =
            operation(OperationKind::MarkDuplicate, {{QStringLiteral("duplicate_of"), report.id}});
        QCOMPARE(applyOperation(report, mark, {}).refusal, Refusal::InvalidValue);
        mark.payload = {};
        QCOMPARE(applyOperation(report, mark, {}).refusal, Refusal::MissingValue);
        mark.payload = {{QStringLiteral("duplicate_of"), QStringLiteral("report-0")}};
        const OperationOutcome outcome = applyOperation(report, mark, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(report.duplicateOf, QStringLiteral("report-0"));
        QCOMPARE(outcome.event.kind, EventKind::Merged);
    }

    void reopenStartsTriageAgain()
    {
        Report report = reportIn(Status::Closed);
        report.agency = QStringLiteral("hepco");
        report.dueAt = report.receivedAt.addDays(10);
        report.resolvedAt = report.receivedAt.addDays(3);
        report.closedAt = report.receivedAt.addDays(4);
        report.rating = 3;
        Operation reopen = operation(OperationKind::Reopen, {});
        reopen.actorRole = Role::Supervisor;
        QCOMPARE(applyOperation(report, reopen, {}).refusal, Refusal::MissingValue);
        reopen.payload = {{QStringLiteral("reason"), QStringLiteral("Người dân gọi lại")}};
        const OperationOutcome outcome = applyOperation(report, reopen, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(outcome.event.kind, EventKind::Reopened);
        QCOMPARE(report.status, Status::Triaged);
        QVERIFY(report.agency.isEmpty());
        QVERIFY(!report.dueAt.isValid());
        QVERIFY(!report.closedAt.isValid());
        QVERIFY(!report.rating);
    }

    void unsatisfiedRatingReopensToTheAgency()
    {
        Report report = reportIn(Status::Resolved);
        report.agency = QStringLiteral("hepco");
        report.resolvedAt = report.receivedAt.addDays(2);
        Operation rate = operation(OperationKind::Rate,
                                   {{QStringLiteral("rating"), QStringLiteral("unsatisfied")}});
        rate.actorRole = Role::System;
        rate.createdAt = report.receivedAt.addDays(3);
        QCOMPARE(applyOperation(report, rate, {}).refusal, Refusal::MissingValue);
        rate.payload.insert(QStringLiteral("rating"), QStringLiteral("so-so"));
        QCOMPARE(applyOperation(report, rate, {}).refusal, Refusal::InvalidValue);
        rate.payload = {{QStringLiteral("rating"), QStringLiteral("unsatisfied")},
                        {QStringLiteral("comment"), QStringLiteral("Đèn vẫn tắt")}};
        const OperationOutcome outcome = applyOperation(report, rate, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(report.status, Status::Assigned);
        QCOMPARE(report.agency, QStringLiteral("hepco"));
        QCOMPARE(report.rating, 1);
        QCOMPARE(report.clockStartedAt, rate.createdAt);
        QVERIFY(report.dueAt > rate.createdAt);
        QVERIFY(!report.resolvedAt.isValid());
        QCOMPARE(outcome.event.kind, EventKind::Rated);
        QCOMPARE(outcome.event.data.value(QLatin1String("comment")).toString(),
                 QStringLiteral("Đèn vẫn tắt"));
    }

    void ratingPeriodEndsAfterSevenDays()
    {
        Report report = reportIn(Status::Resolved);
        report.resolvedAt = report.receivedAt;
        Operation close = operation(OperationKind::CloseUnrated, {});
        close.actorRole = Role::System;
        close.createdAt = report.resolvedAt.addDays(7).addSecs(-1);
        QCOMPARE(applyOperation(report, close, {}).refusal, Refusal::InvalidTransition);
        close.createdAt = report.resolvedAt.addDays(7);
        QVERIFY(applyOperation(report, close, {}).accepted());
        QCOMPARE(report.status, Status::Closed);
        QCOMPARE(report.closedAt, close.createdAt);
        QVERIFY(!report.rating);
    }

    void extensionAskedAndDecided()
    {
        Report report = reportIn(Status::InProgress);
        report.agency = QStringLiteral("hepco");
        report.dueAt = report.receivedAt.addDays(10);
        const QDateTime due = report.dueAt;
        const QString later = QStringLiteral("2026-03-20T10:00:00Z");

        Operation ask = operation(OperationKind::RequestExtension,
                                  {{QStringLiteral("due_at"), later},
                                   {QStringLiteral("reason"), QStringLiteral("Chờ vật tư")}});
        ask.actorRole = Role::Agency;
        Operation early = ask;
        early.payload.insert(QStringLiteral("due_at"), QStringLiteral("2026-03-05T10:00:00Z"));
        QCOMPARE(applyOperation(report, early, {}).refusal, Refusal::InvalidValue);
        Operation garbled = ask;
        garbled.payload.insert(QStringLiteral("due_at"), QStringLiteral("next week"));
        QCOMPARE(applyOperation(report, garbled, {}).refusal, Refusal::InvalidValue);

        Operation decide =
            operation(OperationKind::DecideExtension, {{QStringLiteral("approved"), true}});
        decide.actorRole = Role::Supervisor;
        QCOMPARE(applyOperation(report, decide, {}).refusal, Refusal::InvalidTransition);

        QVERIFY(applyOperation(report, ask, {}).accepted());
        QCOMPARE(report.extensionDueAt.toUTC(),
                 QDateTime(QDate(2026, 3, 20), QTime(10, 0), QTimeZone::utc()));
        QCOMPARE(report.dueAt, due);

        Operation byOperator = decide;
        byOperator.actorRole = Role::Operator;
        QCOMPARE(applyOperation(report, byOperator, {}).refusal, Refusal::InvalidTransition);
        Operation refuseSilently =
            operation(OperationKind::DecideExtension, {{QStringLiteral("approved"), false}});
        refuseSilently.actorRole = Role::Supervisor;
        QCOMPARE(applyOperation(report, refuseSilently, {}).refusal, Refusal::MissingValue);

        const OperationOutcome approved = applyOperation(report, decide, {});
        QVERIFY2(approved.accepted(), qPrintable(approved.reason));
        QCOMPARE(approved.event.kind, EventKind::DeadlineExtended);
        QCOMPARE(report.dueAt.toUTC(),
                 QDateTime(QDate(2026, 3, 20), QTime(10, 0), QTimeZone::utc()));
        QVERIFY(!report.extensionDueAt.isValid());

        Operation again = ask;
        again.payload.insert(QStringLiteral("due_at"), QStringLiteral("2026-03-30T10:00:00Z"));
        QVERIFY(applyOperation(report, again, {}).accepted());
        refuseSilently.payload.insert(QStringLiteral("reason"), QStringLiteral("Quá lâu"));
        const OperationOutcome refused = applyOperation(report, refuseSilently, {});
        QVERIFY2(refused.accepted(), qPrintable(refused.reason));
        QCOMPARE(refused.event.kind, EventKind::ExtensionRefused);
        QCOMPARE(report.dueAt.toUTC(),
                 QDateTime(QDate(2026, 3, 20), QTime(10, 0), QTimeZone::utc()));
        QVERIFY(report.extensionReason.isEmpty());

        Report closed = reportIn(Status::Closed);
        QCOMPARE(applyOperation(closed, ask, {}).refusal, Refusal::InvalidTransition);
    }

    void classifyTriagesNewReport()
    {
        Report report = reportIn(Status::New);
        const OperationOutcome outcome = applyOperation(
            report,
            operation(OperationKind::Classify,
                      {{QStringLiteral("category"), QStringLiteral("urban_infrastructure")},
                       {QStringLiteral("priority"), QStringLiteral("urgent")}}),
            {});
        QVERIFY(outcome.accepted());
        QCOMPARE(report.status, Status::Triaged);
        QCOMPARE(report.category, QStringLiteral("urban_infrastructure"));
        QCOMPARE(report.priority, Priority::Urgent);
        QCOMPARE(outcome.event.kind, EventKind::Classified);
        QCOMPARE(outcome.event.id, QStringLiteral("event-1"));
    }

    void assignSetsDeadline()
    {
        Report report = reportIn(Status::Triaged);
        const OperationOutcome outcome = applyOperation(
            report,
            operation(OperationKind::Assign, {{QStringLiteral("agency"), QStringLiteral("hepco")}}),
            {});
        QVERIFY(outcome.accepted());
        QCOMPARE(report.status, Status::Assigned);
        QCOMPARE(report.agency, QStringLiteral("hepco"));
        // Received on Monday 2 March 2026 at 19:15 in Huế, so the clock starts on Tuesday at
        // 07:30. Seven working days end at the close of Wednesday 11 March, 17:00 (10:00 UTC).
        QCOMPARE(report.dueAt, QDateTime(QDate(2026, 3, 11), QTime(10, 0), QTimeZone::utc()));
        QCOMPARE(report.clockStartedAt, report.receivedAt);
    }

    void returnToCenterUnassigns()
    {
        Report report = reportIn(Status::Assigned);
        report.agency = QStringLiteral("hepco");
        Operation returned = operation(OperationKind::ReturnToCenter,
                                       {{QStringLiteral("reason"), QStringLiteral("không phải "
                                                                                  "việc của "
                                                                                  "chúng tôi")}});
        returned.actorRole = Role::Agency;
        const OperationOutcome outcome = applyOperation(report, returned, {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(report.status, Status::Triaged);
        QVERIFY(report.agency.isEmpty());
        QCOMPARE(outcome.event.kind, EventKind::StatusChanged);
        QCOMPARE(outcome.event.data.value(QLatin1String("agency")).toString(),
                 QStringLiteral("hepco"));
        QVERIFY(operationChangesAssignment(OperationKind::ReturnToCenter));
    }

    void agencyEditsResponseOnly()
    {
        Report report = reportIn(Status::InProgress);
        report.title = QStringLiteral("Đèn hỏng");
        const auto edit = [](const QString &field, const QString &from) {
            Operation op = operation(
                OperationKind::EditText,
                {{QStringLiteral("fields"),
                  QJsonObject{
                      {field, QJsonObject{{QStringLiteral("from"), from},
                                          {QStringLiteral("to"), QStringLiteral("mới")}}}}}});
            op.actorRole = Role::Agency;
            return op;
        };
        const OperationOutcome title =
            applyOperation(report, edit(QStringLiteral("title"), report.title), {});
        QCOMPARE(title.refusal, Refusal::InvalidTransition);
        QCOMPARE(report.title, QStringLiteral("Đèn hỏng"));
        const OperationOutcome response =
            applyOperation(report, edit(QStringLiteral("public_response"), QString()), {});
        QVERIFY2(response.accepted(), qPrintable(response.reason));
        QCOMPARE(report.publicResponse, QStringLiteral("mới"));
    }

    void kioskChangesNothing()
    {
        Report report = reportIn(Status::New);
        Operation note =
            operation(OperationKind::AddNote, {{QStringLiteral("text"), QStringLiteral("x")}});
        note.actorRole = Role::Kiosk;
        QCOMPARE(applyOperation(report, note, {}).refusal, Refusal::NotPermitted);
    }

    void refusals_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<Refusal>("refusal");
        QTest::newRow("assign before triage")
            << Status::New << int(OperationKind::Assign)
            << QJsonObject{{QStringLiteral("agency"), QStringLiteral("hepco")}}
            << Refusal::InvalidTransition;
        QTest::newRow("assign unknown agency")
            << Status::Triaged << int(OperationKind::Assign)
            << QJsonObject{{QStringLiteral("agency"), QStringLiteral("nobody")}}
            << Refusal::InvalidValue;
        QTest::newRow("reject without reason")
            << Status::New << int(OperationKind::Reject)
            << QJsonObject{{QStringLiteral("reason"), QStringLiteral("  ")}}
            << Refusal::MissingValue;
        QTest::newRow("reject assigned")
            << Status::Assigned << int(OperationKind::Reject)
            << QJsonObject{{QStringLiteral("reason"), QStringLiteral("spam")}}
            << Refusal::InvalidTransition;
        QTest::newRow("classify unknown field")
            << Status::New << int(OperationKind::Classify)
            << QJsonObject{{QStringLiteral("category"), QStringLiteral("weather")},
                           {QStringLiteral("priority"), QStringLiteral("normal")}}
            << Refusal::InvalidValue;
        QTest::newRow("classify without priority")
            << Status::New << int(OperationKind::Classify)
            << QJsonObject{{QStringLiteral("category"), QStringLiteral("other")}}
            << Refusal::InvalidValue;
        QTest::newRow("classify closed")
            << Status::Closed << int(OperationKind::Classify)
            << QJsonObject{{QStringLiteral("category"), QStringLiteral("other")},
                           {QStringLiteral("priority"), QStringLiteral("normal")}}
            << Refusal::InvalidTransition;
        QTest::newRow("return without reason")
            << Status::Assigned << int(OperationKind::ReturnToCenter)
            << QJsonObject{{QStringLiteral("reason"), QStringLiteral(" ")}}
            << Refusal::MissingValue;
        QTest::newRow("return with overlong reason")
            << Status::Assigned << int(OperationKind::ReturnToCenter)
            << QJsonObject{{QStringLiteral("reason"),
                            QString(maxOperatorTextLength + 1, QLatin1Char('x'))}}
            << Refusal::InvalidValue;
        QTest::newRow("return triaged")
            << Status::Triaged << int(OperationKind::ReturnToCenter)
            << QJsonObject{{QStringLiteral("reason"), QStringLiteral("sai")}}
            << Refusal::InvalidTransition;
        QTest::newRow("empty note")
            << Status::New << int(OperationKind::AddNote)
            << QJsonObject{{QStringLiteral("text"), QString()}} << Refusal::MissingValue;
        QTest::newRow("note too long")
            << Status::New << int(OperationKind::AddNote)
            << QJsonObject{{QStringLiteral("text"), QString(maxOperatorTextLength + 1, u'x')}}
            << Refusal::InvalidValue;
        QTest::newRow("reason with NUL")
            << Status::New << int(OperationKind::Reject)
            << QJsonObject{{QStringLiteral("reason"), QString(QStringLiteral("spam") + QChar(0))}}
            << Refusal::InvalidValue;
        QTest::newRow("NUL in an unknown key")
            << Status::New << int(OperationKind::AddNote)
            << QJsonObject{{QStringLiteral("text"), QStringLiteral("ok")},
                           {QString(QStringLiteral("x") + QChar(0)), QStringLiteral("y")}}
            << Refusal::InvalidValue;
    }

    void refusals()
    {
        QFETCH(Status, status);
        QFETCH(int, kind);
        QFETCH(QJsonObject, payload);
        QFETCH(Refusal, refusal);

        ReferenceCodes codes;
        codes.categories = {QStringLiteral("other"), QStringLiteral("urban_infrastructure")};
        codes.agencies = {QStringLiteral("hepco")};
        Report report = reportIn(status);
        const Report before = report;
        const OperationOutcome outcome =
            applyOperation(report, operation(OperationKind(kind), payload), codes);
        QCOMPARE(outcome.refusal, refusal);
        QVERIFY(!outcome.reason.isEmpty());
        QCOMPARE(report.status, before.status);
        QCOMPARE(report.agency, before.agency);
        QCOMPARE(report.category, before.category);
    }

    void noteKeepsVersion()
    {
        QVERIFY(!operationChangesVersion(OperationKind::AddNote));
        QVERIFY(operationChangesVersion(OperationKind::Classify));
    }

    void operationJsonRoundTrip()
    {
        const Operation original = operation(
            OperationKind::Reject, {{QStringLiteral("reason"), QStringLiteral("Trùng lặp")}});
        QString error;
        const auto copy = Operation::fromJson(original.toJson(), &error);
        QVERIFY2(copy, qPrintable(error));
        QCOMPARE(copy->id, original.id);
        QCOMPARE(copy->kind, original.kind);
        QCOMPARE(copy->createdAt, original.createdAt);
        QCOMPARE(copy->payload, original.payload);
    }

    void operationJsonInvalid()
    {
        QString error;
        QVERIFY(
            !Operation::fromJson({{QStringLiteral("kind"), QStringLiteral("explode")}}, &error));
        QVERIFY(error.contains(QStringLiteral("explode")));
    }
};

QTEST_GUILESS_MAIN(WorkflowTest)
#include "tst_workflow.moc"
