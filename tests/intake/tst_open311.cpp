#include "intake/open311.h"

#include <algorithm>
#include <QFile>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

class TestOpen311 : public QObject
{
    Q_OBJECT

private slots:
    void sanFranciscoCounts();
    void sanFranciscoRejection();
    void sanFranciscoRepeatedKeys();
    void sanFranciscoFirstRecord();
    void sanFranciscoInvalidTimeWarning();
    void sanFranciscoStrict();
    void sanFranciscoXmlMalformed();
    void bloomingtonCounts();
    void bloomingtonOffsets();
    void bloomingtonMediaLink();
    void chicagoFields();
    void zoneForPlainTimes_data();
    void zoneForPlainTimes();
    void recordOutcome_data();
    void recordOutcome();
    void otherJsonRefused_data();
    void otherJsonRefused();
    void hugeIdsKeepEveryDigit();
    void halfPositionWarned();
    void statusMapping_data();
    void statusMapping();
    void fileShape_data();
    void fileShape();
    void xmlWellFormed();
};

static const QString sfJson = u"ServiceRequests_Complete.json"_s;

static QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(CIVICDESK_TEST_DATA "/open311/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("failed to open fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

static ImportOptions optionsIn(const char *zone, bool strict = false)
{
    ImportOptions options;
    options.timeZone = QTimeZone(zone);
    options.strict = strict;
    return options;
}

static ParsedFile readSanFrancisco(bool strict = false)
{
    return readOpen311Json(fixture(sfJson), sfJson, optionsIn("America/Los_Angeles", strict));
}

static qsizetype countWithPosition(const ParsedFile &file)
{
    return std::count_if(file.reports.cbegin(), file.reports.cend(),
                         [](const IncomingReport &r) { return r.report.position.has_value(); });
}

static QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

static ParsedFile readInline(const QByteArray &json)
{
    return readOpen311Json(json, u"inline.json"_s, optionsIn("UTC"));
}

void TestOpen311::sanFranciscoCounts()
{
    const ParsedFile file = readSanFrancisco();

    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.format, u"open311-json"_s);
    QCOMPARE(file.reports.size(), 1000);
    QCOMPARE(file.rejections.size(), 1);
    QCOMPARE(countWithPosition(file), 945);
}

void TestOpen311::sanFranciscoRejection()
{
    const ParsedFile file = readSanFrancisco();
    QCOMPARE(file.rejections.size(), 1);

    const Rejection &rejection = file.rejections.constFirst();
    QCOMPARE(rejection.recordNumber, 698);
    QCOMPARE(rejection.line, 10458);
    QCOMPARE(rejection.reason, u"missing service_request_id"_s);
    QCOMPARE(rejection.file, sfJson);
    QCOMPARE(rejection.toString(),
             u"ServiceRequests_Complete.json:10458: record 698: missing service_request_id"_s);
}

void TestOpen311::sanFranciscoRepeatedKeys()
{
    const ParsedFile file = readSanFrancisco();

    const QStringList updated = file.warnings.filter(u"key \"updated_datetime\" is repeated"_s);
    QCOMPARE(updated.size(), 1);
    QVERIFY2(updated.constFirst().startsWith(sfJson + u":15: "_s),
             qPrintable(updated.constFirst()));
    QCOMPARE(file.warnings.filter(u"key \"expected_datetime\" is repeated 1001 times"_s).size(), 1);
}

void TestOpen311::sanFranciscoFirstRecord()
{
    const ParsedFile file = readSanFrancisco();
    QVERIFY(!file.reports.isEmpty());

    const IncomingReport &first = file.reports.constFirst();
    const Report &report = first.report;
    QCOMPARE(first.recordNumber, 1);
    QCOMPARE(first.line, 3);
    QCOMPARE(report.sourceId, u"771970"_s);
    QCOMPARE(report.source, u"ServiceRequests_Complete"_s);
    QCOMPARE(report.channel, Channel::Other);
    QCOMPARE(report.status, Status::New);
    QCOMPARE(report.sourceStatus, u"Open"_s);
    QCOMPARE(report.sourceCategory, u"Lifted_sidewalk_other"_s);
    QCOMPARE(report.address, u"1325  HOWARD ST SAN FRANCISCO , CA"_s);
    // The file gives "2010-11-22 01:05:25.0" first and "null" second. PST is UTC-8.
    QCOMPARE(report.dueAt, utc(2010, 11, 22, 9, 5, 25));
    QCOMPARE(report.receivedAt, utc(2010, 11, 15, 9, 5, 25, 727));
    QVERIFY(!report.updatedAt.isValid());
    QVERIFY(report.position.has_value());
    QCOMPARE(report.position->latitude, 37.774456);
    QCOMPARE(report.position->longitude, -122.4134);
    QVERIFY(first.media.isEmpty());
}

void TestOpen311::sanFranciscoInvalidTimeWarning()
{
    const ParsedFile file = readSanFrancisco();

    const QString first = u"ServiceRequests_Complete.json:3: record 1 (id 771970): invalid "
                          "updated_datetime \"true\" ignored"_s;
    QVERIFY(file.warnings.contains(first));
    // 673 requests carry "true". The first three are listed and the rest counted.
    QVERIFY(file.warnings.contains(
        u"ServiceRequests_Complete.json: invalid updated_datetime ignored: 670 more not listed"_s));
}

void TestOpen311::sanFranciscoStrict()
{
    const ParsedFile file = readSanFrancisco(true);

    QCOMPARE(file.error, u"ServiceRequests_Complete.json:10458: 1 of 1001 records are invalid "
                         "and strict mode rejects the whole file; the first is record 698: "
                         "missing service_request_id"_s);
    QVERIFY(file.reports.isEmpty());
    QCOMPARE(file.rejections.size(), 1);
}

void TestOpen311::sanFranciscoXmlMalformed()
{
    const QString name = u"service_requests.xml"_s;
    const ParsedFile file = readOpen311Xml(fixture(name), name, optionsIn("America/Los_Angeles"));

    QCOMPARE(file.format, u"open311-xml"_s);
    // The stray </service_requests> fills columns 3630 to 3648 of line 2, and the reader stops
    // right after it.
    QCOMPARE(file.error, u"service_requests.xml:2:3649: Opening and ending tag mismatch."_s);
    QVERIFY(file.reports.isEmpty());
    QVERIFY(file.rejections.isEmpty());
}

void TestOpen311::bloomingtonCounts()
{
    const QString name = u"bloomington_requests.json"_s;
    const ParsedFile file = readOpen311Json(fixture(name), name, optionsIn("UTC"));

    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.reports.size(), 21);
    QCOMPARE(file.rejections.size(), 0);
    // 2 requests have null coordinates and 6 have 0, 0.
    QCOMPARE(countWithPosition(file), 13);
    QCOMPARE(file.reports.size() - countWithPosition(file), 8);
    const auto closed =
        std::count_if(file.reports.cbegin(), file.reports.cend(),
                      [](const auto &r) { return r.report.status == Status::Closed; });
    QCOMPARE(closed, 3);
}

void TestOpen311::bloomingtonOffsets()
{
    const QString name = u"bloomington_requests.json"_s;
    // The zone must not matter: every time in the file carries its own offset.
    const ParsedFile file = readOpen311Json(fixture(name), name, optionsIn("Asia/Ho_Chi_Minh"));
    QVERIFY(!file.reports.isEmpty());

    const IncomingReport &first = file.reports.constFirst();
    QCOMPARE(first.report.sourceId, u"4fbd40b2b1fe2c4b02000001"_s);
    QCOMPARE(first.report.receivedAt, utc(2012, 5, 23, 19, 55, 28));
    QCOMPARE(first.report.updatedAt, utc(2012, 5, 23, 19, 55, 30));
    QVERIFY(!first.report.dueAt.isValid());
    QVERIFY(!first.report.position.has_value());
    QCOMPARE(first.agencyText, u"Street Department"_s);
    QCOMPARE(first.report.sourceCategory, u"Traffic Suggestions"_s);
    QVERIFY(first.report.description.contains(u"pickup.\r\n\r\nThanks."_s));
}

void TestOpen311::bloomingtonMediaLink()
{
    const QString name = u"bloomington_requests.json"_s;
    const ParsedFile file = readOpen311Json(fixture(name), name, optionsIn("UTC"));

    QList<IncomingMedia> media;
    for (const IncomingReport &incoming : file.reports)
        media.append(incoming.media);
    QCOMPARE(media.size(), 1);
    QCOMPARE(media.at(0).url, u"https://bloomington.in.gov/crm/media/2012/05/23/"
                              "4fbd12bcb1fe2c1c7d000001/media.jpg"_s);
    QVERIFY(media.at(0).filePath.isEmpty());
    QCOMPARE(media.at(0).kind, MediaKind::Photo);
    QCOMPARE(media.at(0).mimeType, u"image/jpeg"_s);
}

void TestOpen311::chicagoFields()
{
    const QString name = u"chicago_requests_2014.json"_s;
    ImportOptions options = optionsIn("America/Chicago");
    options.source = u"chicago"_s;
    const ParsedFile file = readOpen311Json(fixture(name), name, options);

    QCOMPARE(file.reports.size(), 2);
    const Report &second = file.reports.at(1).report;
    QCOMPARE(second.source, u"chicago"_s);
    QCOMPARE(second.sourceId, u"14-01100627"_s);
    QCOMPARE(second.publicResponse, u"Locked"_s);
    QCOMPARE(second.address, u"7408 S NORMAL AVE, CHICAGO, IL, 60621"_s);
    QCOMPARE(file.reports.at(1).agencyText, u"DOB - Conservation"_s);
    QCOMPARE(second.receivedAt, utc(2014, 7, 12, 15, 48, 56));
    QCOMPARE(second.position->latitude, 41.759712056258536);
    QCOMPARE(file.reports.at(1).line, 14);
}

void TestOpen311::zoneForPlainTimes_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("expected");

    // 2010-11-15 01:05:25 is after the end of US daylight time (7 November 2010).
    QTest::newRow("los angeles") << QByteArray("America/Los_Angeles")
                                 << utc(2010, 11, 15, 9, 5, 25);
    QTest::newRow("ho chi minh") << QByteArray("Asia/Ho_Chi_Minh") << utc(2010, 11, 14, 18, 5, 25);
    QTest::newRow("utc") << QByteArray("UTC") << utc(2010, 11, 15, 1, 5, 25);
}

void TestOpen311::zoneForPlainTimes()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, expected);

    const QByteArray json =
        R"([{"service_request_id": 1, "requested_datetime": "2010-11-15 01:05:25"}])";
    const ParsedFile file = readOpen311Json(json, u"zone.json"_s, optionsIn(zone.constData()));

    QCOMPARE(file.reports.size(), 1);
    QCOMPARE(file.reports.at(0).report.receivedAt, expected);
}

void TestOpen311::recordOutcome_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("rejection");
    QTest::addColumn<bool>("hasPosition");

    const QString accepted;
    const QByteArray id = R"("service_request_id": "R-1")";
    const QByteArray time = R"("requested_datetime": "2024-05-01T08:00:00Z")";
    const auto request = [&](const char *fields) -> QByteArray {
        return '{' + id + ", " + time + ", " + fields + '}';
    };

    QTest::newRow("plain") << request(R"("lat": 16.46, "long": 107.59)") << accepted << true;
    QTest::newRow("lon spelling") << request(R"("lat": 16.46, "lon": 107.59)") << accepted << true;
    QTest::newRow("coordinates as text")
        << request(R"("lat": "16.46", "long": "107.59")") << accepted << true;
    QTest::newRow("zero position") << request(R"("lat": 0, "long": 0.0)") << accepted << false;
    QTest::newRow("null position") << request(R"("lat": null, "long": null)") << accepted << false;
    QTest::newRow("null text position")
        << request(R"("lat": "null", "long": "null")") << accepted << false;
    QTest::newRow("latitude only") << request(R"("lat": 16.46)") << accepted << false;
    QTest::newRow("text latitude")
        << request(R"("lat": "north", "long": 107.59)") << u"invalid lat \"north\""_s << false;
    QTest::newRow("latitude out of range") << request(R"("lat": 95, "long": 107.59)")
                                           << u"lat \"95\" is out of range (-90 to 90)"_s << false;
    QTest::newRow("longitude out of range")
        << request(R"("lat": 16.46, "lon": -190.5)")
        << u"lon \"-190.5\" is out of range (-180 to 180)"_s << false;
    QTest::newRow("invalid updated time ignored")
        << request(R"("updated_datetime": "true")") << accepted << false;
    QTest::newRow("numeric id") << '{' + time + R"(, "service_request_id": 771970})" << accepted
                                << false;
    QTest::newRow("empty id") << '{' + time + R"(, "service_request_id": " "})"
                              << u"missing service_request_id"_s << false;
    QTest::newRow("null id") << '{' + time + R"(, "service_request_id": null})"
                             << u"missing service_request_id"_s << false;
    QTest::newRow("null text id") << '{' + time + R"(, "service_request_id": "null"})"
                                  << u"missing service_request_id"_s << false;
    QTest::newRow("missing requested time") << '{' + id + R"(, "requested_datetime": "null"})"
                                            << u"missing requested_datetime"_s << false;
    QTest::newRow("invalid requested time") << '{' + id + R"(, "requested_datetime": ":27.7"})"
                                            << u"invalid requested_datetime \":27.7\""_s << false;
    QTest::newRow("not an object")
        << QByteArray("\"R-1\"") << u"record is not a JSON object"_s << false;
}

void TestOpen311::otherJsonRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("numbers") << QByteArray("[1, 2, 3]");
    QTest::newRow("service list") << QByteArray(
        R"([{"service_code": "001", "service_name": "Pothole"}])");
    QTest::newRow("django fixture")
        << QByteArray(R"([{"model": "api.feedback", "pk": 1, "fields": {}}])");
}

void TestOpen311::otherJsonRefused()
{
    QFETCH(QByteArray, json);
    const ParsedFile file = readInline(json);
    QVERIFY(!file.ok());
    QVERIFY2(file.error.contains(u"not an Open311 request list"_s), qPrintable(file.error));
    QCOMPARE(file.reports.size(), 0);
    QCOMPARE(file.rejections.size(), 0);
}

void TestOpen311::halfPositionWarned()
{
    const ParsedFile file =
        readInline(R"([{"service_request_id": "p1", "requested_datetime": "2026-03-02T08:00:00Z",
        "lat": 16.46}])");
    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.reports.size(), 1);
    QVERIFY(!file.reports.first().report.position.has_value());
    QCOMPARE(file.warnings.size(), 1);
    QVERIFY2(file.warnings.first().contains(u"lat without long"_s),
             qPrintable(file.warnings.first()));
}

void TestOpen311::hugeIdsKeepEveryDigit()
{
    const ParsedFile file = readInline(R"([
        {"service_request_id": 1234567890123456789, "requested_datetime": "2026-03-02T08:00:00Z"},
        {"service_request_id": 1234567890123456790, "requested_datetime": "2026-03-02T08:00:00Z"},
        {"service_request_id": 123456789012345678901234, "requested_datetime": "2026-03-02T08:00:00Z"}])");
    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.reports.size(), 3);
    QCOMPARE(file.reports.at(0).report.sourceId, u"1234567890123456789"_s);
    QCOMPARE(file.reports.at(1).report.sourceId, u"1234567890123456790"_s);
    QCOMPARE(file.reports.at(2).report.sourceId, u"123456789012345678901234"_s);
}

void TestOpen311::recordOutcome()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, rejection);
    QFETCH(bool, hasPosition);

    // A valid record first, so that the file as a whole is an Open311 request list.
    const QByteArray valid =
        R"({"service_request_id": "ok", "requested_datetime": "2026-03-02T08:00:00Z"})";
    ParsedFile file = readInline("[\n" + request + ",\n" + valid + "]");
    file.reports.removeIf([](const IncomingReport &r) { return r.report.sourceId == u"ok"_s; });
    QVERIFY2(file.ok(), qPrintable(file.error));

    if (!rejection.isEmpty()) {
        QCOMPARE(file.reports.size(), 0);
        QCOMPARE(file.rejections.size(), 1);
        QCOMPARE(file.rejections.at(0).reason, rejection);
        QCOMPARE(file.rejections.at(0).recordNumber, 1);
        QCOMPARE(file.rejections.at(0).line, 2);
        return;
    }
    QCOMPARE(file.rejections.size(), 0);
    QCOMPARE(file.reports.size(), 1);
    QCOMPARE(file.reports.at(0).report.position.has_value(), hasPosition);
}

void TestOpen311::statusMapping_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<Status>("expected");
    QTest::addColumn<QString>("sourceStatus");

    QTest::newRow("open") << QByteArray(R"("open")") << Status::New << u"open"_s;
    QTest::newRow("Open") << QByteArray(R"("Open")") << Status::New << u"Open"_s;
    QTest::newRow("CLOSED") << QByteArray(R"("CLOSED")") << Status::Closed << u"CLOSED"_s;
    QTest::newRow("null text") << QByteArray(R"("null")") << Status::New << QString();
    QTest::newRow("json null") << QByteArray("null") << Status::New << QString();
    QTest::newRow("unknown") << QByteArray(R"("acknowledged")") << Status::New << u"acknowledged"_s;
}

void TestOpen311::statusMapping()
{
    QFETCH(QByteArray, status);
    QFETCH(Status, expected);
    QFETCH(QString, sourceStatus);

    const QByteArray json = R"([{"service_request_id": "R-1", "status": )" + status +
                            R"(, "requested_datetime": "2024-05-01T08:00:00Z"}])";
    const ParsedFile file = readInline(json);

    QCOMPARE(file.reports.size(), 1);
    QCOMPARE(file.reports.at(0).report.status, expected);
    QCOMPARE(file.reports.at(0).report.sourceStatus, sourceStatus);
}

void TestOpen311::fileShape_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("reports");
    QTest::addColumn<QString>("error");

    const QByteArray request = R"({"service_request_id": 7, "requested_datetime": "2024-05-01"})";
    QTest::newRow("array") << "[" + request + "]" << 1 << QString();
    QTest::newRow("requests member") << R"({"requests": [)" + request + "]}" << 1 << QString();
    QTest::newRow("service_requests member")
        << R"({"service_requests": [)" + request + "," + request + "]}" << 2 << QString();
    QTest::newRow("empty array") << QByteArray("[]") << 0 << QString();
    QTest::newRow("other object")
        << QByteArray(R"({"error": "not found"})") << 0
        << u"inline.json: expected a JSON array of requests, or an object with a \"requests\" "
           "or \"service_requests\" array"_s;
    QTest::newRow("syntax error") << QByteArray("[\n{\"service_request_id\": 7,}\n]") << 0
                                  << u"inline.json:2:26: expected a string as object key"_s;
}

void TestOpen311::fileShape()
{
    QFETCH(QByteArray, json);
    QFETCH(int, reports);
    QFETCH(QString, error);

    const ParsedFile file = readInline(json);
    QCOMPARE(file.error, error);
    QCOMPARE(file.reports.size(), reports);
}

void TestOpen311::xmlWellFormed()
{
    const QByteArray xml = R"(<?xml version="1.0" encoding="utf-8"?>
<service_requests xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <request>
    <service_request_id>638344</service_request_id>
    <status>closed</status>
    <status_notes>Duplicate request.</status_notes>
    <service_name>Sidewalk and Curb Issues</service_name>
    <description/>
    <agency_responsible>Public Works</agency_responsible>
    <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
    <updated_datetime xsi:nil="true"/>
    <expected_datetime>null</expected_datetime>
    <address>8TH AVE and JUDAH ST, SAN FRANCISCO, CA</address>
    <lat>37.762221815</lat>
    <long>-122.4651145</long>
    <media_url>http://city.example/media/638344.jpg</media_url>
  </request>
  <request>
    <service_request_id>638349</service_request_id>
    <requested_datetime>2010-04-19T06:37:38-08:00</requested_datetime>
    <lat>0.0</lat>
    <long>0.0</long>
  </request>
</service_requests>
)";
    const ParsedFile file = readOpen311Xml(xml, u"inline.xml"_s, optionsIn("UTC"));

    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.reports.size(), 2);
    const IncomingReport &first = file.reports.at(0);
    QCOMPARE(first.line, 3);
    QCOMPARE(first.report.sourceId, u"638344"_s);
    QCOMPARE(first.report.status, Status::Closed);
    QCOMPARE(first.report.publicResponse, u"Duplicate request."_s);
    QCOMPARE(first.agencyText, u"Public Works"_s);
    QCOMPARE(first.report.receivedAt, utc(2010, 4, 14, 14, 37, 38));
    QVERIFY(!first.report.updatedAt.isValid());
    QVERIFY(!first.report.dueAt.isValid());
    QCOMPARE(first.report.position->longitude, -122.4651145);
    QCOMPARE(first.media.size(), 1);
    QCOMPARE(file.reports.at(1).line, 18);
    QCOMPARE(file.reports.at(1).recordNumber, 2);
    QVERIFY(!file.reports.at(1).report.position.has_value());
}

QTEST_GUILESS_MAIN(TestOpen311)
#include "tst_open311.moc"
