#include "core/textfold.h"

#include <array>

namespace CivicDesk {

namespace {

// Markers in the table of folded units (below tableEnd), beside the folded characters.
constexpr char16_t skipped = 0;        // a combining mark: dropped
constexpr char16_t space = 0xFFFF;     // white space
constexpr char16_t needsFull = 0xFFFE; // decomposes into more than one character
constexpr char16_t tableEnd = 0x3000;  // Latin, Vietnamese, Greek, Cyrillic and punctuation

// The definition: decomposition, marks dropped, "đ" as "d", lower case, white space
// collapsed. Used for text with characters beyond the table, and to fill the table.
QString foldFully(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    bool lastWasSpace = true;
    for (const QChar ch : decomposed) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue;
        if (ch.isSpace()) {
            if (!lastWasSpace)
                folded.append(QLatin1Char(' '));
            lastWasSpace = true;
            continue;
        }
        lastWasSpace = false;
        if (ch == QChar(0x0110) || ch == QChar(0x0111)) // Đ đ
            folded.append(QLatin1Char('d'));
        else
            folded.append(ch.toLower());
    }
    if (folded.endsWith(QLatin1Char(' ')))
        folded.chop(1);
    return folded;
}

// The table of single units, made once from foldFully() so that both paths agree.
const std::array<char16_t, tableEnd> &foldTable()
{
    static const std::array<char16_t, tableEnd> table = [] {
        std::array<char16_t, tableEnd> units{};
        for (char16_t unit = 0; unit < tableEnd; ++unit) {
            const QChar ch(unit);
            if (ch.isSurrogate()) {
                units[unit] = needsFull;
            } else if (ch.isSpace()) {
                units[unit] = space;
            } else {
                const QString folded = foldFully(QString(ch));
                units[unit] = folded.isEmpty()     ? skipped
                              : folded.size() == 1 ? folded.at(0).unicode()
                                                   : needsFull;
            }
        }
        return units;
    }();
    return table;
}

} // namespace

QString foldText(const QString &text)
{
    // The first sync folds the texts of every report: a table lookup per unit instead of
    // Unicode normalisation, for text whose every unit is in the table.
    const auto &table = foldTable();
    QString folded(text.size(), Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(folded.data());
    qsizetype length = 0;
    bool lastWasSpace = true;
    for (const QChar ch : text) {
        const char16_t unit = ch.unicode();
        const char16_t mapped = unit < tableEnd ? table[unit] : needsFull;
        if (mapped == needsFull)
            return foldFully(text);
        if (mapped == skipped)
            continue;
        if (mapped == space) {
            if (!lastWasSpace)
                out[length++] = u' ';
            lastWasSpace = true;
            continue;
        }
        lastWasSpace = false;
        out[length++] = mapped;
    }
    if (length > 0 && out[length - 1] == u' ')
        --length;
    folded.truncate(length);
    return folded;
}

QString printableText(const QString &text)
{
    QString printable;
    printable.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t code = ch.unicode();
        const bool control = ch.category() == QChar::Other_Control;
        const bool lineBreak = code == 0x2028 || code == 0x2029;
        const bool bidi = (code >= 0x202A && code <= 0x202E) ||
                          (code >= 0x2066 && code <= 0x2069) || code == 0x200E || code == 0x200F ||
                          code == 0x061C;
        if (control || lineBreak || bidi)
            printable += QStringLiteral("\\u{%1}").arg(int(code), 4, 16, QLatin1Char('0'));
        else
            printable += ch;
    }
    return printable;
}

} // namespace CivicDesk
