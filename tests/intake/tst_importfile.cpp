#include "intake/importfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

class TestImportFile : public QObject
{
    Q_OBJECT

private slots:
    void detectFormat_data();
    void detectFormat();
    void detectFromContent_data();
    void detectFromContent();
    void csvNeedsMapping();
    void missingFile();
    void emptyFile();
    void sourceName();
    void placeholdersInWarningsKept();
};

static const QString open311Folder = QStringLiteral(CIVICDESK_TEST_DATA "/open311/");
static const QString demoFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/demo/");

static ImportOptions options(const QString &mappingPath = {})
{
    ImportOptions result;
    result.timeZone = QTimeZone::utc();
    result.mappingPath = mappingPath;
    return result;
}

void TestImportFile::detectFormat_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("reports");

    QTest::newRow("open311 json object") << open311Folder + u"ServiceRequests_Complete.json"_s
                                         << QString() << u"open311-json"_s << 1000;
    QTest::newRow("open311 json array")
        << open311Folder + u"bloomington_requests.json"_s << QString() << u"open311-json"_s << 21;
    QTest::newRow("open311 xml") << open311Folder + u"service_requests.xml"_s << QString()
                                 << u"open311-xml"_s << 0;
    QTest::newRow("csv") << demoFolder + u"hue_reports.csv"_s
                         << demoFolder + u"hue_reports.mapping.json"_s << u"csv"_s << 16;
}

void TestImportFile::detectFormat()
{
    QFETCH(QString, path);
    QFETCH(QString, mapping);
    QFETCH(QString, format);
    QFETCH(int, reports);

    const ParsedFile file = readImportFile(path, options(mapping));
    QCOMPARE(file.format, format);
    QCOMPARE(file.path, path);
    QCOMPARE(file.reports.size(), reports);
}

void TestImportFile::detectFromContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");

    QTest::newRow("array after blank lines") << QByteArray("\r\n\t [ ]") << u"open311-json"_s;
    QTest::newRow("object after byte order mark")
        << QByteArray("\xEF\xBB\xBF {\"requests\": []}") << u"open311-json"_s;
    QTest::newRow("xml declaration")
        << QByteArray("<?xml version=\"1.0\"?><service_requests/>") << u"open311-xml"_s;
    QTest::newRow("xml after blank line")
        << QByteArray("\n<service_requests></service_requests>") << u"open311-xml"_s;
}

void TestImportFile::detectFromContent()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);

    // The name says CSV, but the content decides.
    QTemporaryDir folder;
    const QString path = folder.filePath(u"export.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    const ParsedFile parsed = readImportFile(path, options());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.format, format);
    QCOMPARE(parsed.reports.size(), 0);
}

void TestImportFile::csvNeedsMapping()
{
    const QString path = demoFolder + u"hue_reports.csv"_s;
    const ParsedFile file = readImportFile(path, options());

    QCOMPARE(file.error, path + u": a CSV file needs a mapping file (--mapping)"_s);
    QVERIFY(file.reports.isEmpty());
}

void TestImportFile::missingFile()
{
    const QString path = open311Folder + u"no_such_file.json"_s;
    const ParsedFile file = readImportFile(path, options());

    QVERIFY(file.error.startsWith(path + u": cannot read the file: "_s));
    QVERIFY(file.reports.isEmpty());
}

void TestImportFile::emptyFile()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"empty.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(" \n"), 2);
    file.close();

    QCOMPARE(readImportFile(path, options()).error, path + u": the file is empty"_s);
}

void TestImportFile::sourceName()
{
    const QString path = open311Folder + u"chicago_requests_2014.json"_s;

    const ParsedFile byName = readImportFile(path, options());
    QCOMPARE(byName.reports.size(), 2);
    QCOMPARE(byName.reports.at(0).report.source, u"chicago_requests_2014"_s);

    ImportOptions named = options();
    named.source = u"chicago-311"_s;
    const ParsedFile byOption = readImportFile(path, named);
    QCOMPARE(byOption.reports.size(), 2);
    QCOMPARE(byOption.reports.at(0).report.source, u"chicago-311"_s);
}

void TestImportFile::placeholdersInWarningsKept()
{
    // Texts from the file that look like QString::arg() placeholders appear in the warnings as
    // written, not filled with the numbers that follow them.
    QTemporaryDir folder;
    const QString path = folder.filePath(u"placeholders.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"service_request_id": "a%1%2b", "description": "x", "%1k%2": 1, "%1k%2": 2,
                    "requested_datetime": "2026-12-04T08:00:00Z"},
                   {"service_request_id": "a%1%2b", "description": "y",
                    "requested_datetime": "2026-12-04T08:00:00Z"}])");
    file.close();

    const ParsedFile parsed = readImportFile(path, options());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.warnings.size(), 2);
    QCOMPARE(parsed.warnings.at(0),
             path + u":1: key \"%1k%2\" is repeated 1 times in the file; each object keeps its "
                    u"first value that is not null"_s);
    QCOMPARE(parsed.warnings.at(1),
             path + u": record 2 repeats the id a%1%2b of record 1; it updates that report"_s);
}

QTEST_GUILESS_MAIN(TestImportFile)
#include "tst_importfile.moc"
