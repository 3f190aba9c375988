#include "intake/jsonreader.h"

#include "intake/importcommon.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonObject>
#include <utility>

namespace CivicDesk {
namespace {

bool isDigit(char ch)
{
    return ch >= '0' && ch <= '9';
}

bool isPlaceholder(const QJsonValue &value)
{
    return value.isNull() || (value.isString() && value.toString() == QLatin1String("null"));
}

// Members of one object in source order. A repeated key replaces the kept value only while
// that value is a placeholder.
class ObjectBuilder
{
public:
    bool contains(const QString &key) const { return find(key) >= 0; }

    // Adds a member and returns whether its value was kept.
    bool add(const QString &key, const QJsonValue &value)
    {
        const qsizetype existing = find(key);
        if (existing < 0) {
            append(key, value);
            return true;
        }
        if (!isPlaceholder(m_members[existing].second) || isPlaceholder(value))
            return false;
        m_members[existing].second = value;
        return true;
    }

    QJsonObject toObject() const
    {
        QJsonObject object;
        for (const auto &[key, value] : m_members)
            object.insert(key, value);
        return object;
    }

private:
    // Small objects are searched linearly. Larger ones get an index, so that a hostile object
    // with many keys still parses in linear time.
    static constexpr qsizetype indexThreshold = 16;

    qsizetype find(const QString &key) const
    {
        if (!m_index.isEmpty())
            return m_index.value(key, -1);
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            if (m_members[i].first == key)
                return i;
        }
        return -1;
    }

    void append(const QString &key, const QJsonValue &value)
    {
        m_members.append({key, value});
        if (!m_index.isEmpty()) {
            m_index.insert(key, m_members.size() - 1);
        } else if (m_members.size() == indexThreshold) {
            for (qsizetype i = 0; i < m_members.size(); ++i)
                m_index.insert(m_members[i].first, i);
        }
    }

    QList<std::pair<QString, QJsonValue>> m_members;
    QHash<QString, qsizetype> m_index;
};

class JsonParser
{
public:
    JsonParser(const QByteArray &data, const QString &fileName, JsonParseResult &result)
        : m_data(data.constData())
        , m_size(data.size())
        , m_fileName(fileName)
        , m_result(result)
    {}

    void run();

private:
    char peek() const { return m_pos < m_size ? m_data[m_pos] : '\0'; }
    void skipWhitespace();
    bool fail(qsizetype at, const QString &reason);

    bool parseValue(int depth, QJsonValue &value, QList<int> *elementLines);
    bool parseObject(int depth, QJsonValue &value);
    bool parseMember(int depth, ObjectBuilder &members);
    bool parseArray(int depth, QJsonValue &value, QList<int> *elementLines);
    bool checkDepth(int depth);
    bool parseString(QString &text);
    bool appendUtf8(QString &text, qsizetype from, qsizetype to);
    bool parseEscape(QString &text);
    bool parseHex4(char16_t &unit);
    bool parseNumber(QJsonValue &value);
    bool parseLiteral(QLatin1String word, const QJsonValue &literal, QJsonValue &value);

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    qsizetype m_bomSize = 0;
    int m_line = 1;
    QString m_fileName;
    JsonParseResult &m_result;
};

void JsonParser::run()
{
    if (m_size >= 3 && QByteArrayView(m_data, 3) == QByteArrayView("\xEF\xBB\xBF"))
        m_bomSize = m_pos = 3;

    skipWhitespace();
    QList<int> topLines;
    QJsonValue root;
    if (!parseValue(0, root, &topLines))
        return;

    skipWhitespace();
    if (m_pos < m_size) {
        fail(m_pos, QStringLiteral("unexpected text after the JSON value"));
        return;
    }
    if (root.isArray())
        m_result.elementLines.insert(QString(), topLines);
    m_result.root = root;
}

void JsonParser::skipWhitespace()
{
    while (m_pos < m_size) {
        const char ch = m_data[m_pos];
        if (ch == '\n')
            ++m_line;
        else if (ch != ' ' && ch != '\t' && ch != '\r')
            return;
        ++m_pos;
    }
}

bool JsonParser::fail(qsizetype at, const QString &reason)
{
    int line = 1;
    qsizetype lineStart = m_bomSize;
    for (qsizetype i = 0; i < at; ++i) {
        if (m_data[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }

    // Columns count characters: every byte except UTF-8 continuation bytes starts one.
    int column = 1;
    for (qsizetype i = lineStart; i < at; ++i) {
        if ((static_cast<uchar>(m_data[i]) & 0xC0) != 0x80)
            ++column;
    }

    m_result.error =
        QStringLiteral("%1:%2:%3: %4").arg(m_fileName).arg(line).arg(column).arg(reason);
    m_result.root = QJsonValue(QJsonValue::Undefined);
    m_result.elementLines.clear();
    return false;
}

bool JsonParser::parseValue(int depth, QJsonValue &value, QList<int> *elementLines)
{
    switch (peek()) {
    case '{':
        return parseObject(depth + 1, value);
    case '[':
        return parseArray(depth + 1, value, elementLines);
    case '"': {
        QString text;
        if (!parseString(text))
            return false;
        value = text;
        return true;
    }
    case 't':
        return parseLiteral(QLatin1String("true"), QJsonValue(true), value);
    case 'f':
        return parseLiteral(QLatin1String("false"), QJsonValue(false), value);
    case 'n':
        return parseLiteral(QLatin1String("null"), QJsonValue(QJsonValue::Null), value);
    default:
        if (peek() == '-' || isDigit(peek()))
            return parseNumber(value);
        return fail(m_pos, QStringLiteral("expected a JSON value"));
    }
}

bool JsonParser::checkDepth(int depth)
{
    if (depth <= maxJsonDepth)
        return true;
    return fail(m_pos, QStringLiteral("nesting deeper than %1 levels").arg(maxJsonDepth));
}

bool JsonParser::parseObject(int depth, QJsonValue &value)
{
    if (!checkDepth(depth))
        return false;

    ++m_pos;
    skipWhitespace();
    ObjectBuilder members;
    if (peek() == '}') {
        ++m_pos;
        value = QJsonObject();
        return true;
    }

    while (true) {
        if (!parseMember(depth, members))
            return false;
        skipWhitespace();
        if (peek() == '}') {
            ++m_pos;
            break;
        }
        if (peek() != ',')
            return fail(m_pos, QStringLiteral("expected ',' or '}' after an object member"));
        ++m_pos;
        skipWhitespace();
    }
    value = members.toObject();
    return true;
}

bool JsonParser::parseMember(int depth, ObjectBuilder &members)
{
    if (peek() != '"')
        return fail(m_pos, QStringLiteral("expected a string as object key"));
    const int keyLine = m_line;
    QString key;
    if (!parseString(key))
        return false;

    skipWhitespace();
    if (peek() != ':')
        return fail(m_pos, QStringLiteral("expected ':' after an object key"));
    ++m_pos;
    skipWhitespace();

    QList<int> lines;
    QJsonValue value;
    if (!parseValue(depth, value, depth == 1 ? &lines : nullptr))
        return false;

    if (members.contains(key))
        m_result.repeatedKeys.append({key, keyLine});
    const bool valueKept = members.add(key, value);
    if (valueKept && depth == 1 && value.isArray())
        m_result.elementLines.insert(key, lines);
    return true;
}

bool JsonParser::parseArray(int depth, QJsonValue &value, QList<int> *elementLines)
{
    if (!checkDepth(depth))
        return false;

    ++m_pos;
    skipWhitespace();
    QJsonArray array;
    if (peek() == ']') {
        ++m_pos;
        value = array;
        return true;
    }

    while (true) {
        if (elementLines)
            elementLines->append(m_line);
        QJsonValue element;
        if (!parseValue(depth, element, nullptr))
            return false;
        array.append(element);

        skipWhitespace();
        if (peek() == ']') {
            ++m_pos;
            break;
        }
        if (peek() != ',')
            return fail(m_pos, QStringLiteral("expected ',' or ']' after an array element"));
        ++m_pos;
        skipWhitespace();
    }
    value = array;
    return true;
}

bool JsonParser::parseString(QString &text)
{
    const qsizetype start = m_pos;
    ++m_pos;
    text.clear();
    qsizetype chunkStart = m_pos;

    while (true) {
        // A JSON string cannot contain a raw line break, so one means the closing quote is missing.
        if (m_pos >= m_size || m_data[m_pos] == '\n')
            return fail(start, QStringLiteral("unterminated string"));

        const auto ch = static_cast<uchar>(m_data[m_pos]);
        if (ch == '"' || ch == '\\') {
            if (!appendUtf8(text, chunkStart, m_pos))
                return false;
            if (ch == '"') {
                ++m_pos;
                return true;
            }
            if (!parseEscape(text))
                return false;
            chunkStart = m_pos;
            continue;
        }
        if (ch < 0x20) {
            return fail(m_pos, QStringLiteral("unescaped control character U+%1 in a string")
                                   .arg(ch, 4, 16, QLatin1Char('0')));
        }
        ++m_pos;
    }
}

bool JsonParser::appendUtf8(QString &text, qsizetype from, qsizetype to)
{
    if (from == to)
        return true;
    const qsizetype bad = invalidUtf8Offset(m_data + from, to - from);
    if (bad >= 0)
        return fail(from + bad, QStringLiteral("invalid UTF-8 in a string"));
    text.append(QString::fromUtf8(m_data + from, to - from));
    return true;
}

bool JsonParser::parseEscape(QString &text)
{
    const qsizetype start = m_pos;
    ++m_pos;
    const char kind = peek();
    ++m_pos;
    switch (kind) {
    case '"':
    case '\\':
    case '/':
        text.append(QLatin1Char(kind));
        return true;
    case 'b':
        text.append(QLatin1Char('\b'));
        return true;
    case 'f':
        text.append(QLatin1Char('\f'));
        return true;
    case 'n':
        text.append(QLatin1Char('\n'));
        return true;
    case 'r':
        text.append(QLatin1Char('\r'));
        return true;
    case 't':
        text.append(QLatin1Char('\t'));
        return true;
    case 'u':
        break;
    default:
        return fail(start, QStringLiteral("invalid escape sequence"));
    }

    char16_t unit = 0;
    if (!parseHex4(unit))
        return false;
    if (QChar::isLowSurrogate(unit))
        return fail(start, QStringLiteral("unpaired UTF-16 surrogate in a \\u escape"));
    if (!QChar::isHighSurrogate(unit)) {
        text.append(QChar(unit));
        return true;
    }

    // A character outside the Basic Multilingual Plane is written as two escapes.
    char16_t low = 0;
    if (peek() != '\\' || m_pos + 1 >= m_size || m_data[m_pos + 1] != 'u')
        return fail(start, QStringLiteral("unpaired UTF-16 surrogate in a \\u escape"));
    m_pos += 2;
    if (!parseHex4(low))
        return false;
    if (!QChar::isLowSurrogate(low))
        return fail(start, QStringLiteral("unpaired UTF-16 surrogate in a \\u escape"));
    text.append(QChar(unit));
    text.append(QChar(low));
    return true;
}

bool JsonParser::parseHex4(char16_t &unit)
{
    unit = 0;
    for (int i = 0; i < 4; ++i) {
        const char ch = peek();
        int digit = 0;
        if (isDigit(ch))
            digit = ch - '0';
        else if (ch >= 'a' && ch <= 'f')
            digit = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F')
            digit = ch - 'A' + 10;
        else
            return fail(m_pos, QStringLiteral("expected four hexadecimal digits after \\u"));
        unit = char16_t(unit * 16 + digit);
        ++m_pos;
    }
    return true;
}

bool JsonParser::parseNumber(QJsonValue &value)
{
    const qsizetype start = m_pos;
    if (peek() == '-')
        ++m_pos;
    if (peek() == '0') {
        ++m_pos;
    } else if (isDigit(peek())) {
        while (isDigit(peek()))
            ++m_pos;
    } else {
        return fail(start, QStringLiteral("invalid number"));
    }

    bool integral = true;
    if (peek() == '.') {
        ++m_pos;
        if (!isDigit(peek()))
            return fail(m_pos, QStringLiteral("expected a digit after the decimal point"));
        while (isDigit(peek()))
            ++m_pos;
        integral = false;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++m_pos;
        if (peek() == '+' || peek() == '-')
            ++m_pos;
        if (!isDigit(peek()))
            return fail(m_pos, QStringLiteral("expected a digit in the exponent"));
        while (isDigit(peek()))
            ++m_pos;
        integral = false;
    }

    const QByteArray text = QByteArray::fromRawData(m_data + start, m_pos - start);
    if (integral) {
        // Integers keep every digit: as a qint64 when they fit, otherwise as their text, since
        // a double would round ids above 2^53 onto each other.
        bool fits = false;
        const qint64 integer = text.toLongLong(&fits);
        value = fits ? QJsonValue(integer) : QJsonValue(QString::fromLatin1(text));
        return true;
    }
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return fail(start, QStringLiteral("number out of range"));
    value = number;
    return true;
}

bool JsonParser::parseLiteral(QLatin1String word, const QJsonValue &literal, QJsonValue &value)
{
    if (m_size - m_pos < word.size() || QLatin1String(m_data + m_pos, word.size()) != word)
        return fail(m_pos, QStringLiteral("expected a JSON value"));
    m_pos += word.size();
    value = literal;
    return true;
}

} // namespace

JsonParseResult parseJson(const QByteArray &data, const QString &fileName)
{
    JsonParseResult result;
    JsonParser parser(data, fileName, result);
    parser.run();
    return result;
}

} // namespace CivicDesk
