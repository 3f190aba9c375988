#include "intake/csvreader.h"

#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

using Rows = QList<QStringList>;

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void quoting_data();
    void quoting();
    void rowLines();
    void errors_data();
    void errors();
};

void TestCsvReader::quoting_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<Rows>("expected");

    const QChar comma = u',';
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << comma
                           << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("no final line break")
        << QByteArray("a,b\n1,2") << comma << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("crlf rows") << QByteArray("a,b\r\n1,2\r\n") << comma
                               << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
    QTest::newRow("quoted delimiter")
        << QByteArray("\"a,b\",c\n") << comma << Rows{{u"a,b"_s, u"c"_s}};
    QTest::newRow("doubled quotes")
        << QByteArray("\"say \"\"hi\"\"\",x\n") << comma << Rows{{u"say \"hi\""_s, u"x"_s}};
    QTest::newRow("only doubled quotes")
        << QByteArray("\"\"\"\"\"\",\"\"\n") << comma << Rows{{u"\"\""_s, QString()}};
    QTest::newRow("embedded line break")
        << QByteArray("\"one\ntwo\",x\n") << comma << Rows{{u"one\ntwo"_s, u"x"_s}};
    QTest::newRow("embedded crlf kept")
        << QByteArray("\"one\r\ntwo\",x\r\n") << comma << Rows{{u"one\r\ntwo"_s, u"x"_s}};
    QTest::newRow("empty fields") << QByteArray(",,\n\"\",x,\n") << comma
                                  << Rows{{QString(), QString(), QString()},
                                          {QString(), u"x"_s, QString()}};
    QTest::newRow("blank lines skipped")
        << QByteArray("a\n\nb\r\n\r\n") << comma << Rows{{u"a"_s}, {u"b"_s}};
    QTest::newRow("quoted empty line kept") << QByteArray("\"\"\n") << comma << Rows{{QString()}};
    QTest::newRow("quote inside unquoted field")
        << QByteArray("5\" pipe,x\n") << comma << Rows{{u"5\" pipe"_s, u"x"_s}};
    QTest::newRow("lone carriage return is text")
        << QByteArray("a\rb,c\n") << comma << Rows{{u"a\rb"_s, u"c"_s}};
    QTest::newRow("spaces kept") << QByteArray(" a , b \n") << comma << Rows{{u" a "_s, u" b "_s}};
    QTest::newRow("byte order mark")
        << QByteArray("\xEF\xBB\xBFid,text\n") << comma << Rows{{u"id"_s, u"text"_s}};
    QTest::newRow("semicolon delimiter")
        << QByteArray("a;\"b;c\";d,e\n") << QChar(u';') << Rows{{u"a"_s, u"b;c"_s, u"d,e"_s}};
    QTest::newRow("tab delimiter")
        << QByteArray("a\tb\n") << QChar(u'\t') << Rows{{u"a"_s, u"b"_s}};
    QTest::newRow("vietnamese") << QByteArray("phường,\"Thuận Hóa, Huế\"\n") << comma
                                << Rows{{u"phường"_s, u"Thuận Hóa, Huế"_s}};
    QTest::newRow("empty file") << QByteArray() << comma << Rows{};
}

void TestCsvReader::quoting()
{
    QFETCH(QByteArray, csv);
    QFETCH(QChar, delimiter);
    QFETCH(Rows, expected);

    const CsvTable table = readCsv(csv, u"test.csv"_s, delimiter);
    QVERIFY2(table.ok(), qPrintable(table.error));

    Rows actual;
    for (const CsvRow &row : table.rows)
        actual.append(row.fields);
    QCOMPARE(actual, expected);
}

void TestCsvReader::rowLines()
{
    const QByteArray csv = "id,text\n1,\"first\nsecond\r\nthird\"\n\n2,plain\r\n3,\"\"\n";
    const CsvTable table = readCsv(csv, u"test.csv"_s);

    QVERIFY2(table.ok(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), 4);
    QCOMPARE(table.rows.at(0).line, 1);
    QCOMPARE(table.rows.at(1).line, 2);
    QCOMPARE(table.rows.at(2).line, 6);
    QCOMPARE(table.rows.at(3).line, 7);
    QCOMPARE(table.rows.at(1).fields.at(1), u"first\nsecond\r\nthird"_s);
}

void TestCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");

    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n1,\"open\n2,3\n") << u"test.csv:2:3: unterminated quoted field"_s;
    QTest::newRow("unterminated after multibyte text")
        << QByteArray("Huế,\"đường") << u"test.csv:1:5: unterminated quoted field"_s;
    QTest::newRow("text after closing quote")
        << QByteArray("x\n\"a\"b,c\n")
        << u"test.csv:2:4: unexpected text after a closing quote (a quote inside a quoted field "
           "must be doubled)"_s;
    QTest::newRow("invalid utf-8") << QByteArray("a,b\nc,\xC3\x28\n")
                                   << u"test.csv:2:3: invalid UTF-8; save the file as UTF-8"_s;
    QTest::newRow("latin-1 text") << QByteArray("\xEF\xBB\xBFph\xFD")
                                  << u"test.csv:1:3: invalid UTF-8; save the file as UTF-8"_s;
}

void TestCsvReader::errors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);

    const CsvTable table = readCsv(csv, u"test.csv"_s);
    QCOMPARE(table.error, error);
    QVERIFY(table.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
