#include "intake/csvreader.h"

#include "intake/importcommon.h"

namespace CivicDesk {
namespace {

constexpr QChar quote = u'"';

class CsvParser
{
public:
    CsvParser(const QString &text, const QString &fileName, QChar delimiter, CsvTable &table)
        : m_text(text)
        , m_fileName(fileName)
        , m_delimiter(delimiter)
        , m_table(table)
    {}

    void run();

private:
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_text.size() ? m_text.at(m_pos + offset) : QChar();
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    bool atRowEnd() const;
    void consumeRowEnd();
    bool parseRow(CsvRow &row, bool &blank);
    bool parseQuoted(QString &field);
    void parseUnquoted(QString &field);
    bool fail(int line, qsizetype lineStart, qsizetype at, const QString &reason);

    const QString &m_text;
    QString m_fileName;
    QChar m_delimiter;
    CsvTable &m_table;
    qsizetype m_pos = 0;
    qsizetype m_lineStart = 0;
    int m_line = 1;
};

void CsvParser::run()
{
    while (!atEnd()) {
        CsvRow row;
        bool blank = false;
        if (!parseRow(row, blank)) {
            m_table.rows.clear();
            return;
        }
        if (!blank)
            m_table.rows.append(row);
    }
}

bool CsvParser::atRowEnd() const
{
    return atEnd() || peek() == u'\n' || (peek() == u'\r' && peek(1) == u'\n');
}

void CsvParser::consumeRowEnd()
{
    if (atEnd())
        return;
    m_pos += peek() == u'\r' ? 2 : 1;
    ++m_line;
    m_lineStart = m_pos;
}

// Reads one row; `blank` is set for an empty line, which RFC 4180 does not define as a row.
bool CsvParser::parseRow(CsvRow &row, bool &blank)
{
    row.line = m_line;
    bool anyQuoted = false;
    while (true) {
        QString field;
        if (peek() == quote) {
            anyQuoted = true;
            if (!parseQuoted(field))
                return false;
        } else {
            parseUnquoted(field);
        }
        row.fields.append(field);

        if (atRowEnd())
            break;
        ++m_pos; // the delimiter
    }
    blank = !anyQuoted && row.fields.size() == 1 && row.fields.constFirst().isEmpty();
    consumeRowEnd();
    return true;
}

bool CsvParser::parseQuoted(QString &field)
{
    const int startLine = m_line;
    const qsizetype startLineStart = m_lineStart;
    const qsizetype start = m_pos;
    ++m_pos;

    while (true) {
        if (atEnd())
            return fail(startLine, startLineStart, start,
                        QStringLiteral("unterminated quoted field"));

        const QChar ch = peek();
        if (ch == quote && peek(1) == quote) {
            field.append(quote);
            m_pos += 2;
            continue;
        }
        ++m_pos;
        if (ch == quote)
            break;
        field.append(ch);
        if (ch == u'\n') {
            ++m_line;
            m_lineStart = m_pos;
        }
    }

    if (atRowEnd() || peek() == m_delimiter)
        return true;
    return fail(m_line, m_lineStart, m_pos,
                QStringLiteral("unexpected text after a closing quote (a quote inside a quoted "
                               "field must be doubled)"));
}

void CsvParser::parseUnquoted(QString &field)
{
    const qsizetype start = m_pos;
    while (!atRowEnd() && peek() != m_delimiter)
        ++m_pos;
    field = m_text.mid(start, m_pos - start);
}

bool CsvParser::fail(int line, qsizetype lineStart, qsizetype at, const QString &reason)
{
    // Columns count characters, so the second half of a surrogate pair adds nothing.
    int column = 1;
    for (qsizetype i = lineStart; i < at; ++i) {
        if (!m_text.at(i).isLowSurrogate())
            ++column;
    }
    m_table.error =
        QStringLiteral("%1:%2:%3: %4").arg(m_fileName).arg(line).arg(column).arg(reason);
    return false;
}

// Returns the 1-based line and column of a byte offset, counting characters in the column.
std::pair<int, int> bytePosition(const QByteArray &data, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<uchar>(data.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

} // namespace

CsvTable readCsv(const QByteArray &data, const QString &fileName, QChar delimiter)
{
    CsvTable table;
    const qsizetype bomSize = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype bad = invalidUtf8Offset(data.constData() + bomSize, data.size() - bomSize);
    if (bad >= 0) {
        auto [line, column] = bytePosition(data, bomSize + bad);
        if (line == 1 && bomSize > 0)
            --column;
        table.error = QStringLiteral("%1:%2:%3: invalid UTF-8; save the file as UTF-8")
                          .arg(fileName)
                          .arg(line)
                          .arg(column);
        return table;
    }

    const QString text = QString::fromUtf8(data.constData() + bomSize, data.size() - bomSize);
    CsvParser parser(text, fileName, delimiter, table);
    parser.run();
    return table;
}

} // namespace CivicDesk
