#include "core/reportcreate.h"
#include "core/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(CivicDesk::Refusal)

using namespace CivicDesk;

namespace {

const QDateTime createdAt = QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC);

QJsonObject hotlineFields()
{
    return {{QStringLiteral("title"), QStringLiteral("Cây đổ chắn đường Lê Lợi")},
            {QStringLiteral("description"), QStringLiteral("Người gọi báo cây đổ sau mưa")},
            {QStringLiteral("channel"), QStringLiteral("hotline")},
            {QStringLiteral("priority"), QStringLiteral("urgent")},
            {QStringLiteral("latitude"), 16.4637},
            {QStringLiteral("longitude"), 107.5909},
            {QStringLiteral("address"), QStringLiteral("12 Lê Lợi")},
            {QStringLiteral("admin_unit"), QStringLiteral("19753")},
            {QStringLiteral("received_at"), QStringLiteral("2026-03-02T08:29:00Z")}};
}

QJsonObject hotlinePayload(const QJsonObject &fields = hotlineFields(),
                           const QString &phone = QStringLiteral("0905 123 456"))
{
    return {{QStringLiteral("report"), fields},
            {QStringLiteral("reporter"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("Nguyễn Thị Hoa")},
                         {QStringLiteral("phone"), phone}}}};
}

Operation createOperation(const QJsonObject &payload, Role role = Role::Operator)
{
    Operation operation;
    operation.id = QStringLiteral("op-1");
    operation.reportId = QStringLiteral("report-1");
    operation.kind = OperationKind::Create;
    operation.actor = QStringLiteral("lan");
    operation.actorRole = role;
    operation.createdAt = createdAt;
    operation.eventId = QStringLiteral("event-1");
    operation.payload = payload;
    return operation;
}

QJsonObject withField(const QString &key, const QJsonValue &value)
{
    QJsonObject fields = hotlineFields();
    if (value.isUndefined())
        fields.remove(key);
    else
        fields.insert(key, value);
    return fields;
}

} // namespace

class ReportCreateTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindCodeRoundTrip()
    {
        QCOMPARE(operationKindCode(OperationKind::Create), QStringLiteral("create"));
        QCOMPARE(operationKindFromCode(QStringLiteral("create")), OperationKind::Create);
        QVERIFY(allOperationKinds().contains(OperationKind::Create));
        QVERIFY(!operationChangesAssignment(OperationKind::Create));
    }

    void newReportFromPayload()
    {
        Report report;
        const OperationOutcome outcome =
            applyOperation(report, createOperation(hotlinePayload()), {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(report.id, QStringLiteral("report-1"));
        QCOMPARE(report.status, Status::New);
        QVERIFY(report.publicCode.isEmpty());
        QCOMPARE(report.channel, Channel::Hotline);
        QCOMPARE(report.priority, Priority::Urgent);
        QCOMPARE(report.title, QStringLiteral("Cây đổ chắn đường Lê Lợi"));
        QCOMPARE(report.address, QStringLiteral("12 Lê Lợi"));
        QCOMPARE(report.adminUnit, QStringLiteral("19753"));
        QVERIFY(report.position.has_value());
        QCOMPARE(report.position->latitude, 16.4637);
        QCOMPARE(report.position->longitude, 107.5909);
        QCOMPARE(report.receivedAt, fromStorageTime(QStringLiteral("2026-03-02T08:29:00Z")));
        QCOMPARE(report.version, 1);
        QCOMPARE(report.reporterCount, 1);
        QCOMPARE(outcome.event.id, QStringLiteral("event-1"));
        QCOMPARE(outcome.event.kind, EventKind::Received);
        QCOMPARE(outcome.event.at, createdAt);
    }

    void eventKeepsNoPersonalData()
    {
        Report report;
        const OperationOutcome outcome =
            applyOperation(report, createOperation(hotlinePayload()), {});
        QVERIFY(outcome.accepted());
        const QString data = QString::fromUtf8(QJsonDocument(outcome.event.data).toJson());
        QVERIFY2(!data.contains(QStringLiteral("905")), qPrintable(data));
        QVERIFY2(!data.contains(QStringLiteral("Hoa")), qPrintable(data));
    }

    void reporterPhoneNormalised_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::newRow("national with spaces") << QStringLiteral("0905 123 456");
        QTest::newRow("E.164") << QStringLiteral("+84905123456");
        QTest::newRow("dots") << QStringLiteral("0905.123.456");
        QTest::newRow("00 prefix") << QStringLiteral("0084 905 123 456");
    }

    void reporterPhoneNormalised()
    {
        QFETCH(QString, phone);
        const auto reporter = reporterOfCreate(hotlinePayload(hotlineFields(), phone));
        QVERIFY(reporter.has_value());
        QCOMPARE(reporter->phone, QStringLiteral("+84905123456"));
        QCOMPARE(reporter->name, QStringLiteral("Nguyễn Thị Hoa"));
    }

    void invalidPayloadRefused_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<Refusal>("refusal");
        QTest::addColumn<QString>("named");

        QJsonObject untitled = withField(QStringLiteral("title"), QJsonValue::Undefined);
        untitled.remove(QStringLiteral("description"));
        QTest::newRow("no title or description")
            << hotlinePayload(untitled) << Refusal::MissingValue << QStringLiteral("title");
        QTest::newRow("phone with letters")
            << hotlinePayload(hotlineFields(), QStringLiteral("0905 abc 456"))
            << Refusal::InvalidValue << QStringLiteral("0905 abc 456");
        QTest::newRow("phone too short") << hotlinePayload(hotlineFields(), QStringLiteral("0905"))
                                         << Refusal::InvalidValue << QStringLiteral("\"0905\"");
        QTest::newRow("latitude out of range")
            << hotlinePayload(withField(QStringLiteral("latitude"), 91.5)) << Refusal::InvalidValue
            << QStringLiteral("91.5");
        QTest::newRow("longitude missing")
            << hotlinePayload(withField(QStringLiteral("longitude"), QJsonValue::Undefined))
            << Refusal::InvalidValue << QStringLiteral("position");
        QTest::newRow("latitude as text")
            << hotlinePayload(withField(QStringLiteral("latitude"), QStringLiteral("16.4")))
            << Refusal::InvalidValue << QStringLiteral("16.4");
        QTest::newRow("negative accuracy")
            << hotlinePayload(withField(QStringLiteral("accuracy_m"), -3)) << Refusal::InvalidValue
            << QStringLiteral("-3");
        QTest::newRow("unknown channel")
            << hotlinePayload(withField(QStringLiteral("channel"), QStringLiteral("fax")))
            << Refusal::InvalidValue << QStringLiteral("fax");
        QTest::newRow("unknown priority")
            << hotlinePayload(withField(QStringLiteral("priority"), QStringLiteral("high")))
            << Refusal::InvalidValue << QStringLiteral("high");
        QTest::newRow("title too long")
            << hotlinePayload(withField(QStringLiteral("title"), QString(5000, QLatin1Char('x'))))
            << Refusal::InvalidValue << QStringLiteral("title");
        QTest::newRow("received time not a time")
            << hotlinePayload(withField(QStringLiteral("received_at"), QStringLiteral("yesterday")))
            << Refusal::InvalidValue << QStringLiteral("yesterday");
    }

    void invalidPayloadRefused()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(Refusal, refusal);
        QFETCH(QString, named);
        Report report;
        const OperationOutcome outcome = applyOperation(report, createOperation(payload), {});
        QCOMPARE(outcome.refusal, refusal);
        QVERIFY2(outcome.reason.contains(named), qPrintable(outcome.reason));
        QVERIFY(report.id.isEmpty());
    }

    void existingReportRefused()
    {
        Report report;
        report.id = QStringLiteral("report-1");
        report.title = QStringLiteral("kept");
        const OperationOutcome outcome =
            applyOperation(report, createOperation(hotlinePayload()), {});
        QCOMPARE(outcome.refusal, Refusal::InvalidValue);
        QCOMPARE(report.title, QStringLiteral("kept"));
    }

    void agencyMayNotCreate()
    {
        Report report;
        const OperationOutcome outcome =
            applyOperation(report, createOperation(hotlinePayload(), Role::Agency), {});
        QCOMPARE(outcome.refusal, Refusal::NotPermitted);
    }

    void payloadRoundTrip()
    {
        Report report;
        report.title = QStringLiteral("Đèn đường hỏng");
        report.channel = Channel::Hotline;
        report.position = GeoPoint{16.46, 107.59};
        report.accuracyMeters = 25;
        report.receivedAt = createdAt;
        const AttachedFile file{QStringLiteral("/data/outgoing-media/r/a.jpg"),
                                QStringLiteral("a.jpg"),
                                QString(64, QLatin1Char('a')),
                                1234,
                                QStringLiteral("image/jpeg"),
                                MediaKind::Photo};
        const QJsonObject payload = createPayload(
            report, {{}, QStringLiteral("An"), QStringLiteral("+84905123456")}, {file});
        QCOMPARE(filesOfCreate(payload), QList<AttachedFile>{file});
        Report created;
        const OperationOutcome outcome = applyOperation(created, createOperation(payload), {});
        QVERIFY2(outcome.accepted(), qPrintable(outcome.reason));
        QCOMPARE(created.accuracyMeters, std::optional<double>(25));
        QCOMPARE(outcome.event.data.value(QStringLiteral("media")).toInt(), 1);
    }

    void personalDataRemoved()
    {
        const QJsonObject scrubbed = withoutPersonalData(hotlinePayload());
        QVERIFY(!scrubbed.contains(QStringLiteral("reporter")));
        QVERIFY(!reporterOfCreate(scrubbed).has_value());
        QCOMPARE(scrubbed.value(QStringLiteral("report")).toObject(), hotlineFields());
    }
};

QTEST_GUILESS_MAIN(ReportCreateTest)
#include "tst_reportcreate.moc"
