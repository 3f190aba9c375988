#pragma once

#include <QDate>
#include <QString>

namespace CivicDesk {

// Formats the short code people read out on the phone: PREFIX-YYMMDD-NNNN, numbered per day
// from 1. Numbers past 9999 take more digits rather than wrap.
QString formatPublicCode(const QString &prefix, const QDate &day, int number);

} // namespace CivicDesk
