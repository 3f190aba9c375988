#include "central/publiccode.h"

#include "db/sqlquery.h"

namespace CivicDesk {

QString formatPublicCode(const QString &prefix, const QDate &day, int number)
{
    return QStringLiteral("%1-%2-%3")
        .arg(prefix, day.toString(QStringLiteral("yyMMdd")))
        .arg(number, 4, 10, QLatin1Char('0'));
}

std::optional<int> nextDayNumber(const QSqlDatabase &database, const QString &day, QString *error)
{
    if (database.driverName() == QLatin1String("QPSQL")) {
        const auto number = SqlStatement(database, QStringLiteral("SELECT next_day_number(:day)"))
                                .bind(QStringLiteral(":day"), day)
                                .scalar(error);
        return number ? std::optional<int>(number->toInt()) : std::nullopt;
    }
    SqlStatement bump(
        database, QStringLiteral("INSERT INTO day_counter (day, last) VALUES (:day, 1) "
                                 "ON CONFLICT (day) DO UPDATE SET last = day_counter.last + 1"));
    if (!bump.bind(QStringLiteral(":day"), day).exec(error))
        return std::nullopt;
    const auto number =
        SqlStatement(database, QStringLiteral("SELECT last FROM day_counter WHERE day = :day"))
            .bind(QStringLiteral(":day"), day)
            .scalar(error);
    return number ? std::optional<int>(number->toInt()) : std::nullopt;
}

} // namespace CivicDesk
