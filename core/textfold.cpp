#include "core/textfold.h"

namespace CivicDesk {

QString foldText(const QString &text)
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

QString printableText(const QString &text)
{
    QString printable;
    printable.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t code = ch.unicode();
        const bool control = ch.category() == QChar::Other_Control;
        const bool bidi = (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
        if (control || bidi)
            printable += QStringLiteral("\\u{%1}").arg(int(code), 4, 16, QLatin1Char('0'));
        else
            printable += ch;
    }
    return printable;
}

} // namespace CivicDesk
