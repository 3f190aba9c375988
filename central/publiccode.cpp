#include "central/publiccode.h"

namespace CivicDesk {

QString formatPublicCode(const QString &prefix, const QDate &day, int number)
{
    return QStringLiteral("%1-%2-%3")
        .arg(prefix, day.toString(QStringLiteral("yyMMdd")))
        .arg(number, 4, 10, QLatin1Char('0'));
}

} // namespace CivicDesk
