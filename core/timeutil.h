#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace CivicDesk {

// The zone of the reference deployment; an installation may configure another.
inline constexpr const char defaultTimeZoneId[] = "Asia/Ho_Chi_Minh";

// Formats a time for storage: UTC, ISO 8601 with milliseconds ("2025-08-17T07:37:00.000Z"),
// so that text order is time order. Returns an empty string for an invalid time.
QString toStorageTime(const QDateTime &time);

// The same text written into `buffer` as ASCII, for writers that bind bytes; returns its
// length, 0 for an invalid time.
int writeStorageTime(const QDateTime &time, char (&buffer)[32]);

// Parses a stored time; returns an invalid QDateTime for empty or malformed text.
QDateTime fromStorageTime(const QString &text);
// The same from UTF-8 or ASCII bytes.
QDateTime fromStorageTime(const char *text, qsizetype size);

// Parses a time written by another system. Text with an offset or "Z" keeps it; text
// without one is read in `zone`. Accepts ISO 8601 with a space or "T", fractions of a
// second of any length, and the extra formats given (QDateTime::fromString syntax).
QDateTime parseSourceTime(const QString &text, const QTimeZone &zone,
                          const QStringList &extraFormats = {});

// Returns the installation's zone, or UTC (with a warning) when the id is unknown.
QTimeZone zoneOrUtc(const QString &zoneId);

} // namespace CivicDesk
