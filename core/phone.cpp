#include "core/phone.h"

#include <QHash>

namespace CivicDesk {
namespace {

// Vietnam's 11-digit mobile numbers became 10-digit ones in 2018: the network prefix 01xx
// turned into 0xx and the seven digits after it stayed. The keys and values are the prefixes
// without their leading 0.
const QHash<QString, QString> &mobilePrefixSuccessors()
{
    static const QHash<QString, QString> successors{
        // Viettel
        {QStringLiteral("162"), QStringLiteral("32")},
        {QStringLiteral("163"), QStringLiteral("33")},
        {QStringLiteral("164"), QStringLiteral("34")},
        {QStringLiteral("165"), QStringLiteral("35")},
        {QStringLiteral("166"), QStringLiteral("36")},
        {QStringLiteral("167"), QStringLiteral("37")},
        {QStringLiteral("168"), QStringLiteral("38")},
        {QStringLiteral("169"), QStringLiteral("39")},
        // MobiFone
        {QStringLiteral("120"), QStringLiteral("70")},
        {QStringLiteral("121"), QStringLiteral("79")},
        {QStringLiteral("122"), QStringLiteral("77")},
        {QStringLiteral("126"), QStringLiteral("76")},
        {QStringLiteral("128"), QStringLiteral("78")},
        // VinaPhone
        {QStringLiteral("123"), QStringLiteral("83")},
        {QStringLiteral("124"), QStringLiteral("84")},
        {QStringLiteral("125"), QStringLiteral("85")},
        {QStringLiteral("127"), QStringLiteral("81")},
        {QStringLiteral("129"), QStringLiteral("82")},
        // Vietnamobile
        {QStringLiteral("186"), QStringLiteral("56")},
        {QStringLiteral("188"), QStringLiteral("58")},
        // Gmobile
        {QStringLiteral("199"), QStringLiteral("59")},
    };
    return successors;
}

} // namespace

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
    // An old 11-digit mobile number: 84, a 3-digit prefix starting with 1, seven digits. It is
    // stored as its successor, so that one caller is one reporter.
    if (digits.size() == 12 && digits.startsWith(QLatin1String("841"))) {
        const QString successor = mobilePrefixSuccessors().value(digits.mid(2, 3));
        if (!successor.isEmpty())
            digits = QLatin1String("84") + successor + digits.mid(5);
    }
    return QLatin1Char('+') + digits;
}

} // namespace CivicDesk
