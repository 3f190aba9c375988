#include "intake/csvimport.h"
#include "intake/jsonreader.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

// The demo set is checked where it ships, in resources/demo.
static const QString demoFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/demo");
static const QString hueCsv = demoFolder + u"/hue_reports.csv"_s;
static const QString hueMapping = demoFolder + u"/hue_reports.mapping.json"_s;
static const QString hueSource =
    QStringLiteral(CIVICDESK_TEST_DATA "/hue/hue_tuongtac_reports_sample.json");

static const QString missingReceived = u"missing received_at (column submitted_at)"_s;
static const QString missingBoth = u"missing received_at (column submitted_at); missing "
                                   "description (column report_text)"_s;

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hueCounts();
    void hueRejections_data();
    void hueRejections();
    void hueTextUnchanged_data();
    void hueTextUnchanged();
    void hueFirstReport();
    void hueStatusValues();
    void hueMedia();
    void hueStrict();
    void missingMediaFile();
    void rowProblems_data();
    void rowProblems();
    void columnFallback();
    void reporterPhone();
    void unknownCodeRejected();
    void invalidMapping_data();
    void invalidMapping();
    void columnNotInHeader();
    void repeatedHeaderColumn();
    void withoutMapping();

private:
    QByteArray m_hueCsv;
    QHash<QString, QJsonObject> m_sourceRecords; // portal id -> record of the source JSON
};

static QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("failed to open %s", qPrintable(path));
    return file.readAll();
}

static ImportOptions hueOptions(bool strict = false)
{
    ImportOptions options;
    options.timeZone = QTimeZone("Asia/Ho_Chi_Minh");
    options.mappingPath = hueMapping;
    options.strict = strict;
    return options;
}

static const IncomingReport *findReport(const ParsedFile &file, const QString &sourceId)
{
    for (const IncomingReport &incoming : file.reports) {
        if (incoming.report.sourceId == sourceId)
            return &incoming;
    }
    return nullptr;
}

static QDateTime utc(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

// Writes a small CSV import in its own folder: the CSV, a mapping and a photo.
class SmallImport
{
public:
    explicit SmallImport(const QByteArray &mapping)
    {
        write(u"reports.mapping.json"_s, mapping);
        QDir(m_folder.path()).mkpath(u"media"_s);
        write(u"media/photo.jpg"_s, "not decoded by the importer");
    }

    void write(const QString &name, const QByteArray &data) const
    {
        QFile file(m_folder.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            qFatal("failed to write %s", qPrintable(file.fileName()));
    }

    ParsedFile read(const QByteArray &csv, bool strict = false) const
    {
        write(u"reports.csv"_s, csv);
        ImportOptions options;
        options.timeZone = QTimeZone::utc();
        options.mappingPath = m_folder.filePath(u"reports.mapping.json"_s);
        options.strict = strict;
        return readCsvReports(csv, m_folder.filePath(u"reports.csv"_s), options);
    }

    QString path(const QString &name) const { return m_folder.filePath(name); }

private:
    QTemporaryDir m_folder;
};

static const QByteArray smallMapping = R"({
  "columns": {
    "source_id": "id", "description": "text", "received_at": "time",
    "status": "state", "reporter_phone": "phone", "media": "files",
    "latitude": "lat", "longitude": "lon"
  },
  "values": { "status": { "done": "closed", "*": "triaged" } },
  "date_formats": ["dd/MM/yyyy HH:mm"],
  "defaults": { "channel": "hotline" }
})";

void TestCsvImport::initTestCase()
{
    m_hueCsv = readAll(hueCsv);

    const JsonParseResult source = parseJson(readAll(hueSource), hueSource);
    QVERIFY2(source.ok(), qPrintable(source.error));
    for (const QJsonValue &value : source.root[u"records"_s].toArray()) {
        const QJsonObject record = value.toObject();
        const QString url = record[u"url"_s].toString();
        QString id = url.section(u"pa="_s, 1);
        if (id.isEmpty())
            id = url.section(u"-a"_s, -1).section(u".html"_s, 0, 0);
        m_sourceRecords.insert(id, record);
    }
    QCOMPARE(m_sourceRecords.size(), 28);
}

void TestCsvImport::hueCounts()
{
    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions());

    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.format, u"csv"_s);
    QCOMPARE(file.reports.size(), 16);
    QCOMPARE(file.rejections.size(), 12);
    QVERIFY(file.warnings.isEmpty());
}

void TestCsvImport::hueRejections_data()
{
    QTest::addColumn<QString>("sourceId");
    QTest::addColumn<int>("recordNumber");
    QTest::addColumn<QString>("reason");

    // Five pages show the citizen's text but no submission date, and seven show only the
    // agency's response.
    QTest::newRow("88498") << u"88498"_s << 2 << missingReceived;
    QTest::newRow("96924") << u"96924"_s << 3 << missingReceived;
    QTest::newRow("43194") << u"43194"_s << 4 << missingReceived;
    QTest::newRow("83203") << u"83203"_s << 6 << missingBoth;
    QTest::newRow("70839") << u"70839"_s << 9 << missingReceived;
    QTest::newRow("121044") << u"121044"_s << 10 << missingBoth;
    QTest::newRow("41286") << u"41286"_s << 15 << missingReceived;
    QTest::newRow("14775") << u"14775"_s << 17 << missingBoth;
    QTest::newRow("51913") << u"51913"_s << 18 << missingBoth;
    QTest::newRow("70923") << u"70923"_s << 20 << missingBoth;
    QTest::newRow("123280") << u"123280"_s << 21 << missingBoth;
    QTest::newRow("195942") << u"195942"_s << 27 << missingBoth;
}

void TestCsvImport::hueRejections()
{
    QFETCH(QString, sourceId);
    QFETCH(int, recordNumber);
    QFETCH(QString, reason);

    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions());
    const auto found = std::find_if(file.rejections.cbegin(), file.rejections.cend(),
                                    [&](const Rejection &r) { return r.sourceId == sourceId; });
    QVERIFY(found != file.rejections.cend());
    QCOMPARE(found->recordNumber, recordNumber);
    QCOMPARE(found->reason, reason);
    QCOMPARE(found->file, hueCsv);
    QVERIFY(found->line > recordNumber);
}

void TestCsvImport::hueTextUnchanged_data()
{
    QTest::addColumn<QString>("sourceId");

    QTest::newRow("river pollution") << u"192368"_s;
    QTest::newRow("pothole, after due date") << u"205948"_s;
    QTest::newRow("garbage with line breaks") << u"194290"_s;
}

void TestCsvImport::hueTextUnchanged()
{
    QFETCH(QString, sourceId);

    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions());
    const IncomingReport *incoming = findReport(file, sourceId);
    QVERIFY(incoming);

    const QJsonObject source = m_sourceRecords.value(sourceId);
    QCOMPARE(incoming->report.description.toUtf8(), source[u"report_text"_s].toString().toUtf8());
    QCOMPARE(incoming->report.publicResponse.toUtf8(),
             source[u"response_text"_s].toString().toUtf8());
    QCOMPARE(incoming->agencyText.toUtf8(), source[u"handling_agency"_s].toString().toUtf8());
}

void TestCsvImport::hueFirstReport()
{
    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions());
    QVERIFY(!file.reports.isEmpty());

    const IncomingReport &first = file.reports.constFirst();
    const Report &report = first.report;
    QCOMPARE(first.recordNumber, 1);
    QCOMPARE(first.line, 2);
    QCOMPARE(report.sourceId, u"197238"_s);
    QCOMPARE(report.source, u"hue_reports"_s);
    QCOMPARE(report.channel, Channel::Portal);
    QCOMPARE(report.category, u"traffic_infrastructure"_s);
    QCOMPARE(report.status, Status::Closed);
    QCOMPARE(report.sourceStatus, u"processed"_s);
    // 14:37 on 17 August 2025 in Huế (UTC+7).
    QCOMPARE(report.receivedAt, utc(2025, 8, 17, 7, 37));
    QVERIFY(!report.dueAt.isValid());
    QVERIFY(!report.resolvedAt.isValid());
    QCOMPARE(first.agencyText, u"Công an thành phố Huế"_s);
    QVERIFY(!report.position.has_value());
    QVERIFY(first.reporters.isEmpty());
}

void TestCsvImport::hueStatusValues()
{
    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions());

    const IncomingReport *received = findReport(file, u"165321"_s);
    QVERIFY(received);
    QCOMPARE(received->report.status, Status::New);
    QCOMPARE(received->report.sourceStatus, u"received (Phản ánh đã được tiếp nhận)"_s);
    QCOMPARE(received->report.adminUnit, u"Thuỷ Xuân"_s);
    // A due date without a time of day is midnight in Huế.
    QCOMPARE(received->report.dueAt, utc(2024, 11, 3, 17, 0));

    const IncomingReport *late = findReport(file, u"205948"_s);
    QVERIFY(late);
    QCOMPARE(late->report.status, Status::Closed);
    QCOMPARE(late->report.sourceStatus, u"processed (after due date)"_s);
    QCOMPARE(late->report.resolvedAt, utc(2025, 11, 20, 17, 0));

    const IncomingReport *oldWard = findReport(file, u"33274"_s);
    QVERIFY(oldWard);
    QCOMPARE(oldWard->report.adminUnit, u"Tây lộc"_s);
    QCOMPARE(oldWard->report.resolvedAt, utc(2021, 1, 27, 1, 42));
}

void TestCsvImport::hueMedia()
{
    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions());

    int photos = 0;
    int videos = 0;
    for (const IncomingReport &incoming : file.reports) {
        for (const IncomingMedia &media : incoming.media) {
            QVERIFY2(QFileInfo(media.filePath).isAbsolute(), qPrintable(media.filePath));
            QVERIFY2(QFileInfo::exists(media.filePath), qPrintable(media.filePath));
            QVERIFY(media.url.isEmpty());
            if (media.kind == MediaKind::Video)
                ++videos;
            else
                ++photos;
        }
    }
    QCOMPARE(photos, 6);
    QCOMPARE(videos, 1);

    const IncomingReport *pothole = findReport(file, u"205948"_s);
    QVERIFY(pothole);
    QCOMPARE(pothole->media.size(), 2);
    QCOMPARE(pothole->media.at(0).filePath,
             QDir(demoFolder).absoluteFilePath(u"media/osm_asphalt_deep_potholes_water.jpg"_s));
    QCOMPARE(pothole->media.at(0).mimeType, u"image/jpeg"_s);
    QCOMPARE(file.reports.constFirst().media.at(0).mimeType, u"video/mp4"_s);
}

void TestCsvImport::hueStrict()
{
    const ParsedFile file = readCsvReports(m_hueCsv, hueCsv, hueOptions(true));

    QVERIFY(file.error.startsWith(hueCsv + u":"_s));
    QVERIFY2(file.error.contains(u"12 of 28 records are invalid"_s), qPrintable(file.error));
    QVERIFY2(file.error.endsWith(u"record 2: "_s + missingReceived), qPrintable(file.error));
    QVERIFY(file.reports.isEmpty());
}

void TestCsvImport::missingMediaFile()
{
    const SmallImport import(smallMapping);
    const ParsedFile file =
        import.read("id,text,time,state,phone,files,lat,lon\r\n"
                    "1,ok,01/02/2024 08:30,,,media/photo.jpg,,\r\n"
                    "2,gone,01/02/2024 08:30,,,media/photo.jpg; media/gone.jpg,,\r\n");

    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.reports.size(), 1);
    QCOMPARE(file.reports.at(0).media.size(), 1);
    QCOMPARE(file.reports.at(0).media.at(0).filePath, import.path(u"media/photo.jpg"_s));
    QCOMPARE(file.rejections.size(), 1);
    QCOMPARE(file.rejections.at(0).sourceId, u"2"_s);
    QCOMPARE(file.rejections.at(0).line, 3);
    QCOMPARE(file.rejections.at(0).reason,
             u"media file \"media/gone.jpg\" not found (looked for %1)"_s.arg(
                 import.path(u"media/gone.jpg"_s)));
}

void TestCsvImport::rowProblems_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("reason");

    QTest::newRow("accepted") << QByteArray("1,text,01/02/2024 08:30,done,,,16.46,107.59")
                              << QString();
    QTest::newRow("iso time accepted")
        << QByteArray("1,text,2024-02-01T08:30:00+07:00,,,,,") << QString();
    QTest::newRow("invalid time")
        << QByteArray("1,text,yesterday,,,,,")
        << u"invalid received_at \"yesterday\" in column time (it matches no date_formats entry "
           "and is not ISO 8601)"_s;
    QTest::newRow("missing id") << QByteArray(" ,text,01/02/2024 08:30,,,,,")
                                << u"missing source_id (column id)"_s;
    QTest::newRow("blank description")
        << QByteArray("1,\"  \",01/02/2024 08:30,,,,,") << u"missing description (column text)"_s;
    QTest::newRow("too few fields")
        << QByteArray("1,text,01/02/2024 08:30") << u"the row has 3 fields but the header has 8"_s;
    QTest::newRow("latitude only") << QByteArray("1,text,01/02/2024 08:30,,,,16.46,")
                                   << u"a position needs both latitude and longitude"_s;
    QTest::newRow("latitude out of range")
        << QByteArray("1,text,01/02/2024 08:30,,,,96,107")
        << u"invalid position \"96\", \"107\" in column lat and column lon"_s;
    QTest::newRow("unsupported media")
        << QByteArray("1,text,01/02/2024 08:30,,,reports.mapping.json,,")
        << u"media file \"reports.mapping.json\" is not a supported photo, video or audio type"_s;
    QTest::newRow("several problems")
        << QByteArray(",,31/02/2024 08:30,,abc,,,")
        << u"missing source_id (column id); missing description (column text); invalid "
           "received_at \"31/02/2024 08:30\" in column time (it matches no date_formats entry "
           "and is not ISO 8601); invalid reporter_phone \"abc\" in column phone"_s;
}

void TestCsvImport::rowProblems()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, reason);

    const SmallImport import(smallMapping);
    const ParsedFile file = import.read("id,text,time,state,phone,files,lat,lon\n" + row + '\n');
    QVERIFY2(file.ok(), qPrintable(file.error));

    if (reason.isEmpty()) {
        QCOMPARE(file.rejections.size(), 0);
        QCOMPARE(file.reports.size(), 1);
        return;
    }
    QCOMPARE(file.reports.size(), 0);
    QCOMPARE(file.rejections.size(), 1);
    QCOMPARE(file.rejections.at(0).reason, reason);
}

void TestCsvImport::columnFallback()
{
    const SmallImport import(R"({
      "columns": {"source_id": "id", "description": ["text", "summary"], "received_at": "time",
                  "status": "state"},
      "values": {"status": {"done": "closed", "*": "triaged"}}
    })");
    const ParsedFile file = import.read("id,text,summary,time,state\n"
                                        "1,,from summary,2024-02-01 08:30,done\n"
                                        "2,from text,other,2024-02-01 08:30,open\n"
                                        "3,from text,,2024-02-01 08:30,\n");

    QCOMPARE(file.reports.size(), 3);
    QCOMPARE(file.reports.at(0).report.description, u"from summary"_s);
    QCOMPARE(file.reports.at(0).report.status, Status::Closed);
    QCOMPARE(file.reports.at(1).report.description, u"from text"_s);
    QCOMPARE(file.reports.at(1).report.status, Status::Triaged);
    QCOMPARE(file.reports.at(1).report.sourceStatus, u"open"_s);
    QCOMPARE(file.reports.at(2).report.status, Status::New);
    QCOMPARE(file.reports.at(2).report.channel, Channel::Other);
}

void TestCsvImport::reporterPhone()
{
    const SmallImport import(smallMapping);
    const ParsedFile file = import.read("id,text,time,state,phone,files,lat,lon\n"
                                        "1,text,01/02/2024 08:30,,0912 345 678,,,\n");

    QCOMPARE(file.reports.size(), 1);
    const IncomingReport &incoming = file.reports.at(0);
    QCOMPARE(incoming.reporters.size(), 1);
    QCOMPARE(incoming.reporters.at(0).phone, u"+84912345678"_s);
    QCOMPARE(incoming.report.channel, Channel::Hotline);
    QCOMPARE(incoming.report.receivedAt, utc(2024, 2, 1, 8, 30));
}

void TestCsvImport::unknownCodeRejected()
{
    const SmallImport import(R"({
      "columns": {"source_id": "id", "description": "text", "received_at": "time",
                  "channel": "via", "priority": "urgency"}
    })");
    const ParsedFile file = import.read("id,text,time,via,urgency\n"
                                        "1,text,2024-02-01 08:30,zalo,urgent\n"
                                        "2,text,2024-02-01 08:30,web,\n");

    QCOMPARE(file.reports.size(), 1);
    QCOMPARE(file.reports.at(0).report.channel, Channel::Zalo);
    QCOMPARE(file.reports.at(0).report.priority, Priority::Urgent);
    QCOMPARE(file.rejections.size(), 1);
    QCOMPARE(file.rejections.at(0).reason,
             u"unknown channel \"web\" in column via (add it to \"values\" in %1)"_s.arg(
                 import.path(u"reports.mapping.json"_s)));
}

void TestCsvImport::invalidMapping_data()
{
    QTest::addColumn<QByteArray>("mapping");
    QTest::addColumn<QString>("error");

    const QByteArray columns =
        R"("columns": {"source_id": "id", "description": "text", "received_at": "time"})";
    QTest::newRow("bad json") << QByteArray("{\n  \"columns\": {\n}}}")
                              << u"%1:3:3: unexpected text after the JSON value"_s;
    QTest::newRow("not an object")
        << QByteArray("[]") << u"%1: the mapping must be a JSON object"_s;
    QTest::newRow("unknown key")
        << "{" + columns + R"(, "delimeter": ";"})"
        << u"%1: unknown key \"delimeter\"; the keys are comment, delimiter, columns, values, "
           "date_formats, defaults, media_separator, phone_country_code"_s;
    QTest::newRow("unknown field")
        << QByteArray(R"({"columns": {"source_id": "id", "descripton": "text"}})")
        << u"%1: unknown field \"descripton\" in \"columns\"; the fields are source_id, title, "
           "description, category, subcategory, priority, status, channel, received_at, "
           "updated_at, due_at, resolved_at, closed_at, address, admin_unit, district, agency, "
           "public_response, latitude, longitude, reporter_name, reporter_phone, media"_s;
    QTest::newRow("unknown status code")
        << "{" + columns + R"(, "values": {"status": {"processed": "done"}}})"
        << u"%1: unknown status code \"done\" in \"values\""_s;
    QTest::newRow("unknown channel default")
        << "{" + columns + R"(, "defaults": {"channel": "web"}})"
        << u"%1: unknown channel code \"web\" in \"defaults\""_s;
    QTest::newRow("required field without column")
        << QByteArray(R"({"columns": {"source_id": "id", "description": "text"}})")
        << u"%1: \"columns\" names no column for the required field \"received_at\""_s;
    QTest::newRow("empty column list")
        << QByteArray(
               R"({"columns": {"source_id": [], "description": "text", "received_at": "t"}})")
        << u"%1: column of field \"source_id\" must be a name or a list of names"_s;
    QTest::newRow("long delimiter")
        << "{" + columns + R"(, "delimiter": ";;"})"
        << u"%1: \"delimiter\" must be one character other than a quote or a line break"_s;
    QTest::newRow("date formats not a list")
        << "{" + columns + R"(, "date_formats": "dd/MM/yyyy"})"
        << u"%1: \"date_formats\" must be a list of format strings"_s;
    QTest::newRow("repeated key") << QByteArray("{\"columns\": {},\n \"columns\": {}}")
                                  << u"%1:2: key \"columns\" is repeated"_s;
}

void TestCsvImport::invalidMapping()
{
    QFETCH(QByteArray, mapping);
    QFETCH(QString, error);

    const SmallImport import(mapping);
    const ParsedFile file = import.read("id,text,time\n1,text,2024-02-01 08:30\n");

    QCOMPARE(file.error, error.arg(import.path(u"reports.mapping.json"_s)));
    QVERIFY(file.reports.isEmpty());
    QVERIFY(file.rejections.isEmpty());
}

void TestCsvImport::columnNotInHeader()
{
    const SmallImport import(smallMapping);
    const ParsedFile file = import.read("id,text,time\n1,text,2024-02-01 08:30\n");

    QCOMPARE(file.error, u"%1:1: column \"state\", which %2 names for field \"status\", is not in "
                         "the header"_s.arg(import.path(u"reports.csv"_s),
                                            import.path(u"reports.mapping.json"_s)));
    QVERIFY(file.reports.isEmpty());
}

void TestCsvImport::repeatedHeaderColumn()
{
    const SmallImport import(smallMapping);
    const ParsedFile file = import.read(
        "id,text,time,state,phone,files,lat,lon,text\n1,a,01/02/2024 08:30,done,,,,,b\n");

    QCOMPARE(file.error,
             u"%1:1: column \"text\" appears twice in the header (columns 2 and 9), "
             "so field \"description\" is ambiguous"_s.arg(import.path(u"reports.csv"_s)));
    QVERIFY(file.reports.isEmpty());
}

void TestCsvImport::withoutMapping()
{
    ImportOptions options;
    const ParsedFile file = readCsvReports("id\n1\n", u"plain.csv"_s, options);

    QCOMPARE(file.error, u"plain.csv: a CSV file needs a mapping file (--mapping)"_s);
    QVERIFY(file.reports.isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
