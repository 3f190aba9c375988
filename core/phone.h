#pragma once

#include <QString>

namespace CivicDesk {

// Normalises a phone number to E.164. Numbers in national form ("0912 345 678") get the
// country code given (Vietnam's 84 by default). A leading "+", "00" or the bare country code
// is accepted, and spaces, dots, dashes and brackets are ignored. A Vietnamese mobile number
// of the 11-digit plan retired in 2018 ("0168 123 4567") becomes its 10-digit successor
// ("+84381234567"). Returns an empty string when the text is not a phone number (letters, too
// few or too many digits).
QString normalisePhone(const QString &text, const QString &countryCode = QStringLiteral("84"));

} // namespace CivicDesk
