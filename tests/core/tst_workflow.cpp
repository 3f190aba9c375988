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

    void transitions_data()
    {
        QTest::addColumn<Status>("from");
        QTest::addColumn<Status>("to");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("new-triaged") << Status::New << Status::Triaged << Role::Operator << true;
        QTest::newRow("triaged-assigned")
            << Status::Triaged << Status::Assigned << Role::Operator << true;
        QTest::newRow("new-rejected") << Status::New << Status::Rejected << Role::Operator << true;
        QTest::newRow("triaged-rejected")
            << Status::Triaged << Status::Rejected << Role::Operator << true;
        QTest::newRow("new-assigned skips triage")
            << Status::New << Status::Assigned << Role::Operator << false;
        QTest::newRow("assigned-rejected")
            << Status::Assigned << Status::Rejected << Role::Operator << false;
        QTest::newRow("kiosk cannot triage")
            << Status::New << Status::Triaged << Role::Kiosk << false;
        QTest::newRow("agency acknowledges")
            << Status::Assigned << Status::InProgress << Role::Agency << true;
        QTest::newRow("closed reopened by supervisor")
            << Status::Closed << Status::Triaged << Role::Supervisor << true;
        QTest::newRow("closed not reopened by operator")
            << Status::Closed << Status::Triaged << Role::Operator << false;
        QTest::newRow("resolved closed by system")
            << Status::Resolved << Status::Closed << Role::System << true;
    }

    void transitions()
    {
        QFETCH(Status, from);
        QFETCH(Status, to);
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        QCOMPARE(isTransitionAllowed(from, to, role), allowed);
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
        QCOMPARE(report.dueAt, report.receivedAt.addDays(10));
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
