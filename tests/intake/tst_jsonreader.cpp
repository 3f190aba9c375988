#include "intake/jsonreader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

class TestJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void repeatedKeyKeepsFirst_data();
    void repeatedKeyKeepsFirst();
    void repeatedKeyWarning();
    void syntaxErrorPosition_data();
    void syntaxErrorPosition();
    void nestingLimit();
    void surrogatePairs();
    void rawUtf8Text();
    void escapes();
    void numbers();
    void elementLines();
    void byteOrderMark();
};

static JsonParseResult parse(const char *text)
{
    return parseJson(QByteArray(text), QStringLiteral("sample.json"));
}

void TestJsonReader::repeatedKeyKeepsFirst_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("real value first")
        << QByteArray(R"({"a": "x", "a": "y"})") << QJsonValue(u"x"_s);
    QTest::newRow("null string first")
        << QByteArray(R"({"a": "null", "a": "y"})") << QJsonValue(u"y"_s);
    QTest::newRow("json null first") << QByteArray(R"({"a": null, "a": 5})") << QJsonValue(5);
    QTest::newRow("null string later")
        << QByteArray(R"({"a": "x", "a": "null"})") << QJsonValue(u"x"_s);
    QTest::newRow("third value wins")
        << QByteArray(R"({"a": "null", "a": null, "a": true})") << QJsonValue(true);
    QTest::newRow("only nulls") << QByteArray(R"({"a": "null", "a": "null"})")
                                << QJsonValue(u"null"_s);
    QTest::newRow("second value invalid")
        << QByteArray(R"({"a": "2010-11-22", "a": "true"})") << QJsonValue(u"2010-11-22"_s);
}

void TestJsonReader::repeatedKeyKeepsFirst()
{
    QFETCH(QByteArray, json);
    QFETCH(QJsonValue, expected);

    const JsonParseResult result = parseJson(json, QStringLiteral("sample.json"));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.root.toObject().value(u"a"_s), expected);
    QCOMPARE(result.root.toObject().size(), 1);
}

void TestJsonReader::repeatedKeyWarning()
{
    const JsonParseResult result = parse("{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}");

    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.repeatedKeys.size(), 1);
    QCOMPARE(result.repeatedKeys.at(0).key, u"a"_s);
    QCOMPARE(result.repeatedKeys.at(0).line, 4);
    QCOMPARE(result.root.toObject().value(u"a"_s), QJsonValue(1));
}

void TestJsonReader::syntaxErrorPosition_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("missing comma in object")
        << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}")
        << u"sample.json:3:3: expected ',' or '}' after an object member"_s;
    QTest::newRow("missing comma in array")
        << QByteArray("[1,\n 2 3]")
        << u"sample.json:2:4: expected ',' or ']' after an array element"_s;
    QTest::newRow("column counts characters")
        << QByteArray("{\"tên\": 1 2}")
        << u"sample.json:1:11: expected ',' or '}' after an object member"_s;
    QTest::newRow("trailing garbage")
        << QByteArray("[1, 2] x") << u"sample.json:1:8: unexpected text after the JSON value"_s;
    QTest::newRow("second document")
        << QByteArray("{}\n{}") << u"sample.json:2:1: unexpected text after the JSON value"_s;
    QTest::newRow("trailing comma")
        << QByteArray("[1,]") << u"sample.json:1:4: expected a JSON value"_s;
    QTest::newRow("empty input") << QByteArray("") << u"sample.json:1:1: expected a JSON value"_s;
    QTest::newRow("unterminated string")
        << QByteArray("{\"a\": \"abc") << u"sample.json:1:7: unterminated string"_s;
    QTest::newRow("line break in string")
        << QByteArray("[\"abc\n\"]") << u"sample.json:1:2: unterminated string"_s;
    QTest::newRow("invalid escape")
        << QByteArray(R"(["a\x"])") << u"sample.json:1:4: invalid escape sequence"_s;
    QTest::newRow("lone low surrogate")
        << QByteArray(R"(["\udc00"])")
        << u"sample.json:1:3: unpaired UTF-16 surrogate in a \\u escape"_s;
    QTest::newRow("high surrogate alone")
        << QByteArray(R"(["\ud83d!"])")
        << u"sample.json:1:3: unpaired UTF-16 surrogate in a \\u escape"_s;
    QTest::newRow("short unicode escape")
        << QByteArray(R"(["\u12"])")
        << u"sample.json:1:7: expected four hexadecimal digits after \\u"_s;
    QTest::newRow("tab in string")
        << QByteArray("[\"a\tb\"]")
        << u"sample.json:1:4: unescaped control character U+0009 in a string"_s;
    QTest::newRow("invalid utf-8")
        << QByteArray("[\"ab\xC3\x28\"]") << u"sample.json:1:5: invalid UTF-8 in a string"_s;
    QTest::newRow("leading zero")
        << QByteArray("[01]") << u"sample.json:1:3: expected ',' or ']' after an array element"_s;
    QTest::newRow("bare fraction")
        << QByteArray("[1.]") << u"sample.json:1:4: expected a digit after the decimal point"_s;
    QTest::newRow("huge number") << QByteArray("[1e999]")
                                 << u"sample.json:1:2: number out of range"_s;
    QTest::newRow("misspelt literal")
        << QByteArray("[nul]") << u"sample.json:1:2: expected a JSON value"_s;
    QTest::newRow("key not a string")
        << QByteArray("{a: 1}") << u"sample.json:1:2: expected a string as object key"_s;
    QTest::newRow("missing colon")
        << QByteArray("{\"a\" 1}") << u"sample.json:1:6: expected ':' after an object key"_s;
}

void TestJsonReader::syntaxErrorPosition()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);

    const JsonParseResult result = parseJson(json, QStringLiteral("sample.json"));
    QCOMPARE(result.error, error);
    QVERIFY(result.root.isUndefined());
}

void TestJsonReader::nestingLimit()
{
    const QByteArray deepest = QByteArray(maxJsonDepth, '[') + QByteArray(maxJsonDepth, ']');
    const JsonParseResult accepted = parseJson(deepest, QStringLiteral("deep.json"));
    QVERIFY2(accepted.ok(), qPrintable(accepted.error));

    const QByteArray tooDeep = '[' + deepest + ']';
    const JsonParseResult rejected = parseJson(tooDeep, QStringLiteral("deep.json"));
    QCOMPARE(rejected.error, u"deep.json:1:257: nesting deeper than 256 levels"_s);

    const QByteArray deepObjects = QByteArray("{\"a\":").repeated(300) + "1" + QByteArray(300, '}');
    QVERIFY(!parseJson(deepObjects, QStringLiteral("deep.json")).ok());
}

void TestJsonReader::surrogatePairs()
{
    const JsonParseResult result = parse(R"(["\ud83d\ude00", "\uD834\uDD1E x"])");

    QVERIFY2(result.ok(), qPrintable(result.error));
    const QJsonArray array = result.root.toArray();
    QCOMPARE(array.at(0).toString(), QString::fromUcs4(U"\U0001F600", 1));
    QCOMPARE(array.at(1).toString(), QString::fromUcs4(U"\U0001D11E x", 3));
}

void TestJsonReader::rawUtf8Text()
{
    const QByteArray json = "{\"ward\": \"Phường Thuận Hóa 😀\"}";
    const JsonParseResult result = parseJson(json, QStringLiteral("sample.json"));

    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.root.toObject().value(u"ward"_s).toString().toUtf8(),
             QByteArray("Phường Thuận Hóa 😀"));
}

void TestJsonReader::escapes()
{
    const JsonParseResult result = parse(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u0110", "\ufeffx"])");

    QVERIFY2(result.ok(), qPrintable(result.error));
    const QJsonArray array = result.root.toArray();
    QCOMPARE(array.at(0).toString(), u"\"\\/\b\f\n\r\t"_s);
    QCOMPARE(array.at(1).toString(), u"éĐ"_s);
    QCOMPARE(array.at(2).toString(), QString(QChar(0xFEFF)) + u"x"_s);
}

void TestJsonReader::numbers()
{
    const JsonParseResult result = parse("[12345678901234567, -0.5, 1.5e3, 0, -7, 2E-2]");

    QVERIFY2(result.ok(), qPrintable(result.error));
    const QJsonArray array = result.root.toArray();
    QCOMPARE(array.at(0).toInteger(), Q_INT64_C(12345678901234567));
    QCOMPARE(array.at(1).toDouble(), -0.5);
    QCOMPARE(array.at(2).toDouble(), 1500.0);
    QCOMPARE(array.at(3).toInteger(), 0);
    QCOMPARE(array.at(4).toInteger(), -7);
    QCOMPARE(array.at(5).toDouble(), 0.02);
}

void TestJsonReader::elementLines()
{
    const JsonParseResult top = parse("[\n  {\"a\": 1},\n\n  {\"a\": 2}, {\"a\": 3}\n]");
    QVERIFY2(top.ok(), qPrintable(top.error));
    QCOMPARE(top.elementLines.value(QString()), QList<int>({2, 4, 4}));

    const JsonParseResult member =
        parse("{\n \"meta\": [1],\n \"requests\": [\n  {\"id\": 1},\n  {\"id\": 2}\n ]\n}");
    QVERIFY2(member.ok(), qPrintable(member.error));
    QCOMPARE(member.elementLines.value(u"requests"_s), QList<int>({4, 5}));
    QCOMPARE(member.elementLines.value(u"meta"_s), QList<int>({2}));
    QVERIFY(!member.elementLines.contains(QString()));
}

void TestJsonReader::byteOrderMark()
{
    const JsonParseResult accepted = parse("\xEF\xBB\xBF[1]");
    QVERIFY2(accepted.ok(), qPrintable(accepted.error));
    QCOMPARE(accepted.root.toArray().size(), 1);

    const JsonParseResult rejected = parse("\xEF\xBB\xBF[1 2]");
    QCOMPARE(rejected.error, u"sample.json:1:4: expected ',' or ']' after an array element"_s);
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
