#include "core/conflict.h"
#include "core/operation.h"
#include "core/textedit.h"

#include <QTest>
#include <QTimeZone>

using namespace CivicDesk;

Q_DECLARE_METATYPE(CivicDesk::Status)
Q_DECLARE_METATYPE(CivicDesk::Refusal)

// The rules for two operators changing one report: text edits merge field by field, status
// and assignment changes compare what they depend on, and a refused operation can be decided
// again on the current state.
class ConflictsTest : public QObject
{
    Q_OBJECT

private:
    static Report report(Status status = Status::New)
    {
        Report report;
        report.id = QStringLiteral("report-1");
        report.status = status;
        report.title = QStringLiteral("Đèn đường hỏng");
        report.description = QStringLiteral("Đèn không sáng từ tối qua");
        report.address = QStringLiteral("12 Lê Lợi");
        report.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc());
        report.version = 3;
        return report;
    }

    static Operation operation(OperationKind kind, const Report &seen, QJsonObject payload)
    {
        Operation op;
        op.id = QStringLiteral("op-1");
        op.reportId = seen.id;
        op.kind = kind;
        op.baseVersion = seen.version;
        op.baseState = assignmentStateOf(seen);
        op.actor = QStringLiteral("lan");
        op.createdAt = QDateTime(QDate(2026, 3, 2), QTime(2, 0), QTimeZone::utc());
        op.eventId = QStringLiteral("event-1");
        op.payload = std::move(payload);
        return op;
    }

    static Operation edit(const Report &seen, const QList<TextChange> &changes)
    {
        return operation(OperationKind::EditText, seen, textEditPayload(changes));
    }

    static QJsonObject classifyPayload(const QString &category)
    {
        return {{QStringLiteral("category"), category},
                {QStringLiteral("priority"), QStringLiteral("normal")}};
    }

private Q_SLOTS:
    void editAppliesField_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<Refusal>("refusal");
        QTest::addColumn<QString>("expected");

        // The operator saw "Đèn đường hỏng" and wrote "Đèn đường hỏng ở Lê Lợi".
        QTest::newRow("unchanged since seen") << QStringLiteral("Đèn đường hỏng") << Refusal::None
                                              << QStringLiteral("Đèn đường hỏng ở Lê Lợi");
        QTest::newRow("already the new value")
            << QStringLiteral("Đèn đường hỏng ở Lê Lợi") << Refusal::None
            << QStringLiteral("Đèn đường hỏng ở Lê Lợi");
        QTest::newRow("changed by someone else")
            << QStringLiteral("Cột đèn đổ") << Refusal::Conflict << QStringLiteral("Cột đèn đổ");
    }

    void editAppliesField()
    {
        QFETCH(QString, current);
        QFETCH(Refusal, refusal);
        QFETCH(QString, expected);

        const Report seen = report();
        Report central = seen;
        central.title = current;
        const OperationOutcome outcome = applyOperation(
            central,
            edit(seen, {{TextField::Title, seen.title, QStringLiteral("Đèn đường hỏng ở Lê Lợi")}}),
            {});
        QCOMPARE(outcome.refusal, refusal);
        QCOMPARE(central.title, expected);
    }

    void editAllOrNothing()
    {
        const Report seen = report();
        Report central = seen;
        central.description = QStringLiteral("Cột đèn nghiêng");
        const OperationOutcome outcome = applyOperation(
            central,
            edit(seen, {{TextField::Title, seen.title, QStringLiteral("Đèn hỏng")},
                        {TextField::Description, seen.description, QStringLiteral("Tối om")}}),
            {});
        QCOMPARE(outcome.refusal, Refusal::Conflict);
        QVERIFY2(outcome.reason.contains(QStringLiteral("description")),
                 qPrintable(outcome.reason));
        QVERIFY2(!outcome.reason.contains(QStringLiteral("title")), qPrintable(outcome.reason));
        QCOMPARE(central.title, seen.title);
        QCOMPARE(central.description, QStringLiteral("Cột đèn nghiêng"));
    }

    void editEventRecordsValues()
    {
        const Report seen = report();
        Report central = seen;
        const OperationOutcome outcome = applyOperation(
            central, edit(seen, {{TextField::Address, seen.address, QStringLiteral("14 Lê Lợi")}}),
            {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(outcome.event.kind, EventKind::Edited);
        QCOMPARE(outcome.event.id, QStringLiteral("event-1"));
        const QJsonObject address = outcome.event.data.value(QLatin1String("fields"))
                                        .toObject()
                                        .value(QLatin1String("address"))
                                        .toObject();
        QCOMPARE(address.value(QLatin1String("from")).toString(), QStringLiteral("12 Lê Lợi"));
        QCOMPARE(address.value(QLatin1String("to")).toString(), QStringLiteral("14 Lê Lợi"));
        QVERIFY(operationChangesVersion(OperationKind::EditText));
        QVERIFY(!operationChangesAssignment(OperationKind::EditText));
    }

    void editableByStatus_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<bool>("title");
        QTest::addColumn<bool>("response");

        QTest::newRow("new") << Status::New << true << false;
        QTest::newRow("assigned") << Status::Assigned << true << false;
        QTest::newRow("in progress") << Status::InProgress << true << true;
        QTest::newRow("resolved") << Status::Resolved << true << true;
        QTest::newRow("closed") << Status::Closed << false << false;
        QTest::newRow("rejected") << Status::Rejected << false << false;
        QTest::newRow("duplicate") << Status::Duplicate << false << false;
    }

    void editableByStatus()
    {
        QFETCH(Status, status);
        QFETCH(bool, title);
        QFETCH(bool, response);

        QCOMPARE(isTextFieldEditable(TextField::Title, status), title);
        QCOMPARE(isTextFieldEditable(TextField::PublicResponse, status), response);

        const Report seen = report(status);
        Report central = seen;
        const OperationOutcome outcome = applyOperation(
            central,
            edit(seen, {{TextField::PublicResponse, QString(), QStringLiteral("Đã thay bóng")}}),
            {});
        QCOMPARE(outcome.refusal, response ? Refusal::None : Refusal::InvalidTransition);
    }

    void editPayloadChecked_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<Refusal>("refusal");

        const QJsonObject change{{QStringLiteral("from"), QStringLiteral("")},
                                 {QStringLiteral("to"), QStringLiteral("x")}};
        QTest::newRow("no fields") << QJsonObject{} << Refusal::MissingValue;
        QTest::newRow("unknown field")
            << QJsonObject{{QStringLiteral("fields"),
                            QJsonObject{{QStringLiteral("phone"), change}}}}
            << Refusal::InvalidValue;
        QTest::newRow("no value seen")
            << QJsonObject{{QStringLiteral("fields"),
                            QJsonObject{
                                {QStringLiteral("title"),
                                 QJsonObject{{QStringLiteral("to"), QStringLiteral("x")}}}}}}
            << Refusal::MissingValue;
        QTest::newRow("too long") << textEditPayload(
                                         {{TextField::Title, QStringLiteral("Đèn đường hỏng"),
                                           QString(501, QLatin1Char('a'))}})
                                  << Refusal::InvalidValue;
    }

    void editPayloadChecked()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(Refusal, refusal);

        Report central = report();
        const OperationOutcome outcome =
            applyOperation(central, operation(OperationKind::EditText, central, payload), {});
        QCOMPARE(outcome.refusal, refusal);
        QCOMPARE(central.title, report().title);
    }

    void statusChangeComparesBase_data()
    {
        QTest::addColumn<QString>("colleague");
        QTest::addColumn<Refusal>("refusal");

        QTest::newRow("title edited") << QStringLiteral("title") << Refusal::None;
        QTest::newRow("version moved") << QStringLiteral("version") << Refusal::None;
        QTest::newRow("classified") << QStringLiteral("classify") << Refusal::StaleVersion;
        QTest::newRow("priority raised") << QStringLiteral("priority") << Refusal::StaleVersion;
    }

    void statusChangeComparesBase()
    {
        QFETCH(QString, colleague);
        QFETCH(Refusal, refusal);

        const Report seen = report();
        Report central = seen;
        if (colleague == QLatin1String("title")) {
            central.title = QStringLiteral("Cột đèn đổ");
            central.version += 1;
        } else if (colleague == QLatin1String("version")) {
            central.version += 5;
        } else if (colleague == QLatin1String("classify")) {
            central.status = Status::Triaged;
            central.category = QStringLiteral("urban_infrastructure");
        } else {
            central.priority = Priority::Urgent;
        }
        const OperationOutcome outcome =
            applyOperation(central,
                           operation(OperationKind::Classify, seen,
                                     classifyPayload(QStringLiteral("environmental_sanitation"))),
                           {});
        QCOMPARE(outcome.refusal, refusal);
        if (refusal == Refusal::None)
            QCOMPARE(central.category, QStringLiteral("environmental_sanitation"));
        else
            QVERIFY2(outcome.reason.contains(QStringLiteral("status or assignment")),
                     qPrintable(outcome.reason));
    }

    void assignComparesAgency()
    {
        Report seen = report(Status::Triaged);
        seen.category = QStringLiteral("urban_infrastructure");
        Report central = seen;
        central.category = QStringLiteral("environmental_sanitation");
        const OperationOutcome outcome =
            applyOperation(central,
                           operation(OperationKind::Assign, seen,
                                     {{QStringLiteral("agency"), QStringLiteral("hepco")}}),
                           {});
        QCOMPARE(outcome.refusal, Refusal::StaleVersion);
        QVERIFY(central.agency.isEmpty());
    }

    void notesIgnoreBase()
    {
        const Report seen = report();
        Report central = seen;
        central.status = Status::Rejected;
        const OperationOutcome outcome =
            applyOperation(central,
                           operation(OperationKind::AddNote, seen,
                                     {{QStringLiteral("text"), QStringLiteral("Đã gọi")}}),
                           {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
    }

    void baseStateRoundTrips()
    {
        Report seen = report(Status::Assigned);
        seen.category = QStringLiteral("urban_infrastructure");
        seen.agency = QStringLiteral("hepco");
        seen.priority = Priority::Urgent;
        const Operation original = operation(OperationKind::Reject, seen,
                                             {{QStringLiteral("reason"), QStringLiteral("x")}});
        QString error;
        const auto parsed = Operation::fromJson(original.toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->baseState, original.baseState);

        // An outbox row from before base states were recorded has none.
        QJsonObject legacy = original.toJson();
        legacy.remove(QStringLiteral("base_state"));
        QCOMPARE(Operation::fromJson(legacy, &error)->baseState, std::nullopt);

        QJsonObject broken = original.toJson();
        broken.insert(QStringLiteral("base_state"),
                      QJsonObject{{QStringLiteral("status"), QStringLiteral("x")}});
        QVERIFY(!Operation::fromJson(broken, &error));
        QVERIFY2(error.contains(QStringLiteral("base state")), qPrintable(error));
    }

    void editDifferencesShowBothVersions()
    {
        const Report seen = report();
        Report central = seen;
        central.title = QStringLiteral("Cột đèn đổ");
        const Operation refused =
            edit(seen, {{TextField::Title, seen.title, QStringLiteral("Đèn hỏng")},
                        {TextField::Address, seen.address, QStringLiteral("14 Lê Lợi")}});
        const QList<FieldDifference> differences = refusalDifferences(refused, central);
        QCOMPARE(differences.size(), 2);
        QCOMPARE(differences.at(0),
                 (FieldDifference{QStringLiteral("title"), QStringLiteral("Đèn hỏng"),
                                  QStringLiteral("Cột đèn đổ"), true}));
        QCOMPARE(differences.at(1),
                 (FieldDifference{QStringLiteral("address"), QStringLiteral("14 Lê Lợi"),
                                  QStringLiteral("12 Lê Lợi"), false}));
        QCOMPARE(differencesFromJson(differencesToJson(differences)), differences);
    }

    void classifyDifferencesShowBothVersions()
    {
        const Report seen = report();
        Report central = seen;
        central.status = Status::Triaged;
        central.category = QStringLiteral("urban_infrastructure");
        const QList<FieldDifference> differences = refusalDifferences(
            operation(OperationKind::Classify, seen,
                      classifyPayload(QStringLiteral("environmental_sanitation"))),
            central);
        QCOMPARE(differences.size(), 3); // status, field, priority; the agency is the same
        // The colleague chose the same status: listed, not marked as a conflict.
        QCOMPARE(differences.at(0),
                 (FieldDifference{QStringLiteral("status"), QStringLiteral("triaged"),
                                  QStringLiteral("triaged"), false}));
        QCOMPARE(
            differences.at(1),
            (FieldDifference{QStringLiteral("category"), QStringLiteral("environmental_sanitation"),
                             QStringLiteral("urban_infrastructure"), true}));
        QCOMPARE(differences.at(2).field, QStringLiteral("priority"));
        QVERIFY(!differences.at(2).conflicting);
    }

    void reapplyMineRebasesEdit()
    {
        const Report seen = report();
        Report central = seen;
        central.title = QStringLiteral("Cột đèn đổ");
        central.version = 4;
        const Operation refused =
            edit(seen, {{TextField::Title, seen.title, QStringLiteral("Đèn hỏng")},
                        {TextField::Address, seen.address, QStringLiteral("14 Lê Lợi")}});
        const auto next = resolveRefused(refused, central, Resolution::ReapplyMine);
        QVERIFY(next);
        QCOMPARE(next->baseVersion, 4);
        QString error;
        const auto changes = textChangesOf(next->payload, &error);
        QCOMPARE(changes->size(), 2);
        QCOMPARE(changes->at(0), (TextChange{TextField::Title, QStringLiteral("Cột đèn đổ"),
                                             QStringLiteral("Đèn hỏng")}));
        QVERIFY(applyOperation(central, *next, {}).accepted());
        QCOMPARE(central.title, QStringLiteral("Đèn hỏng"));
        QCOMPARE(central.address, QStringLiteral("14 Lê Lợi"));
    }

    void keepTheirsSendsOtherFields()
    {
        const Report seen = report();
        Report central = seen;
        central.title = QStringLiteral("Cột đèn đổ");
        const Operation refused =
            edit(seen, {{TextField::Title, seen.title, QStringLiteral("Đèn hỏng")},
                        {TextField::Address, seen.address, QStringLiteral("14 Lê Lợi")}});
        const auto next = resolveRefused(refused, central, Resolution::KeepTheirs);
        QVERIFY(next);
        QString error;
        const auto changes = textChangesOf(next->payload, &error);
        QCOMPARE(changes->size(), 1);
        QCOMPARE(changes->first().field, TextField::Address);

        const Operation titleOnly =
            edit(seen, {{TextField::Title, seen.title, QStringLiteral("Đèn hỏng")}});
        QCOMPARE(resolveRefused(titleOnly, central, Resolution::KeepTheirs), std::nullopt);
        QCOMPARE(resolveRefused(titleOnly, central, Resolution::Dismiss), std::nullopt);
    }

    void reapplyMineRebasesClassify()
    {
        const Report seen = report();
        Report central = seen;
        central.status = Status::Triaged;
        central.category = QStringLiteral("urban_infrastructure");
        const Operation refused =
            operation(OperationKind::Classify, seen,
                      classifyPayload(QStringLiteral("environmental_sanitation")));
        QCOMPARE(applyOperation(central, refused, {}).refusal, Refusal::StaleVersion);

        const auto next = resolveRefused(refused, central, Resolution::ReapplyMine);
        QVERIFY(next);
        QCOMPARE(next->baseState, assignmentStateOf(central));
        QVERIFY(applyOperation(central, *next, {}).accepted());
        QCOMPARE(central.category, QStringLiteral("environmental_sanitation"));
        QCOMPARE(resolveRefused(refused, central, Resolution::KeepTheirs), std::nullopt);
    }

    void concurrencyRefusals()
    {
        QVERIFY(isConcurrencyRefusal(Refusal::Conflict));
        QVERIFY(isConcurrencyRefusal(Refusal::StaleVersion));
        QVERIFY(!isConcurrencyRefusal(Refusal::InvalidTransition));
        QVERIFY(!isConcurrencyRefusal(Refusal::InvalidValue));
        for (Resolution resolution :
             {Resolution::ReapplyMine, Resolution::KeepTheirs, Resolution::Dismiss})
            QCOMPARE(resolutionFromCode(resolutionCode(resolution)), resolution);
        QCOMPARE(refusalFromCode(refusalCode(Refusal::Conflict)), Refusal::Conflict);
    }
};

QTEST_GUILESS_MAIN(ConflictsTest)
#include "tst_conflicts.moc"
