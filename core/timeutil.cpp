#include "core/timeutil.h"

#include "core/logging.h"

#include <cstdio>
#include <optional>
#include <QRegularExpression>

namespace CivicDesk {

int writeStorageTime(const QDateTime &time, char (&buffer)[32])
{
    if (!time.isValid())
        return 0;
    const QDateTime utc = time.timeSpec() == Qt::UTC ? time : time.toUTC();
    int year = 0;
    int month = 0;
    int day = 0;
    utc.date().getDate(&year, &month, &day);
    const QTime clock = utc.time();
    if (year < 0 || year > 9999)
        return 0;
    const int length =
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", year, month,
                      day, clock.hour(), clock.minute(), clock.second(), clock.msec());
    return length > 0 && length < int(sizeof buffer) ? length : 0;
}

QString toStorageTime(const QDateTime &time)
{
    char buffer[32];
    const int length = writeStorageTime(time, buffer);
    if (length > 0)
        return QString::fromLatin1(buffer, length);
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

namespace {

// Reads `count` digits at `at`; returns -1 if one of them is not a digit.
template<typename Char> int digitsAt(const Char *text, int at, int count)
{
    int value = 0;
    for (int i = at; i < at + count; ++i) {
        const auto c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + int(c - '0');
    }
    return value;
}

// Parses the stored shape "YYYY-MM-DDTHH:MM:SS.mmmZ" without Qt's general ISO parser, which
// is slow for the millions of times a first sync reads. Returns std::nullopt for other shapes.
template<typename Char> std::optional<QDateTime> parseStoredShape(const Char *text, qsizetype size)
{
    if (size != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != '.' || text[23] != 'Z') {
        return std::nullopt;
    }
    const int parts[] = {digitsAt(text, 0, 4),  digitsAt(text, 5, 2),  digitsAt(text, 8, 2),
                         digitsAt(text, 11, 2), digitsAt(text, 14, 2), digitsAt(text, 17, 2),
                         digitsAt(text, 20, 3)};
    for (int part : parts) {
        if (part < 0)
            return std::nullopt;
    }
    const QDate date(parts[0], parts[1], parts[2]);
    const QTime clock(parts[3], parts[4], parts[5], parts[6]);
    if (!date.isValid() || !clock.isValid())
        return QDateTime();
    return QDateTime(date, clock, Qt::UTC);
}

} // namespace

QDateTime fromStorageTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (auto time = parseStoredShape(text.utf16(), text.size()))
        return *time;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QDateTime fromStorageTime(const char *text, qsizetype size)
{
    if (size == 0)
        return {};
    if (auto time = parseStoredShape(text, size))
        return *time;
    return fromStorageTime(QString::fromUtf8(text, size));
}

namespace {

// Cuts fractions of a second to milliseconds: "06:47:50.237123" -> "06:47:50.237".
QString normaliseFraction(QString text)
{
    static const QRegularExpression fraction(QStringLiteral("(\\d{2}:\\d{2}:\\d{2})\\.(\\d+)"));
    const QRegularExpressionMatch match = fraction.match(text);
    if (!match.hasMatch())
        return text;

    QString digits = match.captured(2).left(3);
    while (digits.size() < 3)
        digits.append(QLatin1Char('0'));
    text.replace(match.capturedStart(2), match.capturedLength(2), digits);
    return text;
}

} // namespace

QDateTime parseSourceTime(const QString &rawText, const QTimeZone &zone,
                          const QStringList &extraFormats)
{
    QString text = rawText.trimmed();
    if (text.isEmpty())
        return {};

    for (const QString &format : extraFormats) {
        QDateTime time = QDateTime::fromString(text, format);
        if (time.isValid()) {
            time = QDateTime(time.date(), time.time(), zone);
            // A local time skipped by a daylight-saving change does not exist.
            return time.isValid() && time.time() == QDateTime::fromString(text, format).time()
                       ? time.toUTC()
                       : QDateTime();
        }
    }

    // The 'T' separator and at least a full date are required by Qt's ISO parser.
    static const QRegularExpression isoLike(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?"
                       "(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (!isoLike.match(text).hasMatch())
        return {};

    if (text.size() > 10 && text.at(10) == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    text = normaliseFraction(text);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};

    static const QRegularExpression offset(QStringLiteral("[+-]\\d{2}:?\\d{2}$"));
    const bool hasZone = text.endsWith(QLatin1Char('Z')) || offset.match(text.mid(10)).hasMatch();
    if (!hasZone) {
        const QTime wallClock = time.time();
        time = QDateTime(time.date(), wallClock, zone);
        // A local time skipped by a daylight-saving change does not exist; Qt moves it.
        if (!time.isValid() || time.time() != wallClock)
            return {};
    }
    return time.toUTC();
}

QTimeZone zoneOrUtc(const QString &zoneId)
{
    QTimeZone zone(zoneId.toUtf8());
    if (zone.isValid())
        return zone;
    qCWarning(lcCore) << "unknown time zone" << zoneId << "- using UTC";
    return QTimeZone::utc();
}

} // namespace CivicDesk
