#pragma once

#include <optional>
#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// Formats the short code people read out on the phone: PREFIX-YYMMDD-NNNN, numbered per day
// from 1. Numbers past 9999 take more digits rather than wrap.
QString formatPublicCode(const QString &prefix, const QDate &day, int number);

// Returns the next number of the day (an ISO date), counted in the central's day_counter table.
// On PostgreSQL the server's next_day_number() counts, because no group may write the table.
std::optional<int> nextDayNumber(const QSqlDatabase &database, const QString &day, QString *error);

} // namespace CivicDesk
