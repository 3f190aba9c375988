#include "core/timeutil.h"

#include "core/logging.h"

#include <QRegularExpression>

namespace CivicDesk {

QString toStorageTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime fromStorageTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
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
