#include "core/phone.h"

namespace CivicDesk {

QString normalisePhone(const QString &text, const QString &countryCode)
{
    QString digits;
    bool international = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch.isDigit()) {
            digits.append(ch);
        } else if (ch == QLatin1Char('+') && digits.isEmpty() && !international) {
            international = true;
        } else if (!QStringLiteral(" .-()/").contains(ch)) {
            return {};
        }
    }

    if (!international && digits.startsWith(QLatin1String("00"))) {
        international = true;
        digits.remove(0, 2);
    } else if (!international && digits.startsWith(QLatin1Char('0'))) {
        digits = countryCode + digits.mid(1);
    } else if (!international && !digits.startsWith(countryCode)) {
        return {};
    }

    // E.164 allows at most 15 digits; a Vietnamese number has 9 or 10 after the 84.
    if (digits.size() < 8 || digits.size() > 15)
        return {};
    return QLatin1Char('+') + digits;
}

} // namespace CivicDesk
