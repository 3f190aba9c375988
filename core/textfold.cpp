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

} // namespace CivicDesk
