// The JSON form of WorkingCalendar, stored in the central database as reference data:
//
//   {"time_zone": "Asia/Ho_Chi_Minh",
//    "working_periods": ["07:30-11:30", "13:30-17:00"],
//    "working_weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday"],
//    "tet_days_before": 1, "tet_days_after": 4,
//    "national_day_adjacent": "09-01",
//    "compensatory_days": true,
//    "exceptions": [{"date": "2025-04-26", "working": true, "note": "..."}]}

#include "core/jsonfields.h"
#include "core/workcalendar.h"

#include <algorithm>
#include <array>
#include <QJsonArray>

namespace CivicDesk {
namespace {

using namespace JsonFields;

constexpr std::array<const char *, 7> weekdayNames{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

const QString timeFormat = QStringLiteral("HH:mm");
const QString dateFormat = QStringLiteral("yyyy-MM-dd");

QString weekdayName(Qt::DayOfWeek day)
{
    return QString::fromLatin1(weekdayNames[day - 1]);
}

QString periodText(const WorkingPeriod &period)
{
    return period.start.toString(timeFormat) + u'-' + period.end.toString(timeFormat);
}

QString adjacentDayText(NationalDayAdjacent day)
{
    return day == NationalDayAdjacent::September1 ? QStringLiteral("09-01")
                                                  : QStringLiteral("09-03");
}

std::optional<QJsonArray> readArray(const QJsonValue &value, const QString &key, QString *error)
{
    if (!value.isArray()) {
        fail(key, QStringLiteral("expected an array, got %1").arg(valueText(value)), error);
        return std::nullopt;
    }
    return value.toArray();
}

std::optional<WorkingPeriod> readPeriod(const QJsonValue &value, const QString &key, QString *error)
{
    const std::optional<QString> text = readString(value, key, error);
    if (!text)
        return std::nullopt;

    const QStringList parts = text->split(u'-');
    const WorkingPeriod period{
        parts.size() == 2 ? QTime::fromString(parts[0], timeFormat) : QTime(),
        parts.size() == 2 ? QTime::fromString(parts[1], timeFormat) : QTime(),
    };
    if (!period.start.isValid() || !period.end.isValid()) {
        fail(key, QStringLiteral("\"%1\" is not a period in the form HH:mm-HH:mm").arg(*text),
             error);
        return std::nullopt;
    }
    if (period.end == period.start) {
        fail(key, QStringLiteral("working period \"%1\" is empty").arg(*text), error);
        return std::nullopt;
    }
    if (period.end < period.start) {
        fail(key, QStringLiteral("working period \"%1\" ends before it starts").arg(*text), error);
        return std::nullopt;
    }
    return period;
}

std::optional<QList<WorkingPeriod>> readPeriods(const QJsonValue &value, QString *error)
{
    const QString key = QStringLiteral("working_periods");
    const std::optional<QJsonArray> array = readArray(value, key, error);
    if (!array)
        return std::nullopt;
    if (array->isEmpty()) {
        fail(key, QStringLiteral("at least one working period is required"), error);
        return std::nullopt;
    }

    QList<WorkingPeriod> periods;
    for (const QJsonValue &item : *array) {
        const std::optional<WorkingPeriod> period = readPeriod(item, key, error);
        if (!period)
            return std::nullopt;
        if (!periods.isEmpty() && period->start < periods.last().end) {
            fail(key,
                 QStringLiteral("working period \"%1\" starts before \"%2\" ends. List the "
                                "periods in order, without overlap")
                     .arg(periodText(*period), periodText(periods.last())),
                 error);
            return std::nullopt;
        }
        periods.append(*period);
    }
    return periods;
}

std::optional<QList<Qt::DayOfWeek>> readWeekdays(const QJsonValue &value, QString *error)
{
    const QString key = QStringLiteral("working_weekdays");
    const std::optional<QJsonArray> array = readArray(value, key, error);
    if (!array)
        return std::nullopt;
    if (array->isEmpty()) {
        fail(key, QStringLiteral("at least one working weekday is required"), error);
        return std::nullopt;
    }

    QList<Qt::DayOfWeek> days;
    for (const QJsonValue &item : *array) {
        const std::optional<QString> name = readString(item, key, error);
        if (!name)
            return std::nullopt;
        const auto found =
            std::find_if(weekdayNames.begin(), weekdayNames.end(),
                         [&](const char *known) { return *name == QLatin1String(known); });
        if (found == weekdayNames.end()) {
            fail(key, QStringLiteral("\"%1\" is not a weekday name (monday to sunday)").arg(*name),
                 error);
            return std::nullopt;
        }
        const auto day = Qt::DayOfWeek(found - weekdayNames.begin() + 1);
        if (days.contains(day)) {
            fail(key, QStringLiteral("\"%1\" is listed twice").arg(*name), error);
            return std::nullopt;
        }
        days.append(day);
    }
    std::sort(days.begin(), days.end());
    return days;
}

std::optional<QTimeZone> readTimeZone(const QJsonValue &value, QString *error)
{
    const QString key = QStringLiteral("time_zone");
    const std::optional<QString> id = readString(value, key, error);
    if (!id)
        return std::nullopt;
    const QTimeZone zone(id->toUtf8());
    if (!zone.isValid()) {
        fail(key, QStringLiteral("\"%1\" is not a known IANA time zone id").arg(*id), error);
        return std::nullopt;
    }
    return zone;
}

std::optional<NationalDayAdjacent> readAdjacentDay(const QJsonValue &value, QString *error)
{
    const QString key = QStringLiteral("national_day_adjacent");
    const std::optional<QString> text = readString(value, key, error);
    if (!text)
        return std::nullopt;
    for (NationalDayAdjacent day :
         {NationalDayAdjacent::September1, NationalDayAdjacent::September3}) {
        if (*text == adjacentDayText(day))
            return day;
    }
    fail(key, QStringLiteral("\"%1\" is neither \"09-01\" nor \"09-03\"").arg(*text), error);
    return std::nullopt;
}

std::optional<CalendarException> readException(const QJsonValue &value, const QString &path,
                                               QString *error)
{
    if (!value.isObject()) {
        fail(path, QStringLiteral("expected an object, got %1").arg(valueText(value)), error);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const QStringList known{QStringLiteral("date"), QStringLiteral("working"),
                            QStringLiteral("note")};
    if (!checkKnownKeys(object, known, path + u'.', error))
        return std::nullopt;
    for (const QString &required : {QStringLiteral("date"), QStringLiteral("working")}) {
        if (!object.contains(required)) {
            fail(path + u'.' + required, QStringLiteral("missing"), error);
            return std::nullopt;
        }
    }

    const QString dateKey = path + QLatin1String(".date");
    const std::optional<QString> dateText = readString(object.value(u"date"), dateKey, error);
    if (!dateText)
        return std::nullopt;
    const QDate date = QDate::fromString(*dateText, dateFormat);
    if (!date.isValid()) {
        fail(dateKey, QStringLiteral("\"%1\" is not a date in the form yyyy-MM-dd").arg(*dateText),
             error);
        return std::nullopt;
    }
    const std::optional<bool> working =
        readBool(object.value(u"working"), path + QLatin1String(".working"), error);
    if (!working)
        return std::nullopt;
    std::optional<QString> note = QString();
    if (object.contains(u"note"))
        note = readString(object.value(u"note"), path + QLatin1String(".note"), error);
    if (!note)
        return std::nullopt;
    return CalendarException{date, *working, *note};
}

std::optional<QList<CalendarException>> readExceptions(const QJsonValue &value, QString *error)
{
    const QString key = QStringLiteral("exceptions");
    const std::optional<QJsonArray> array = readArray(value, key, error);
    if (!array)
        return std::nullopt;

    QList<CalendarException> exceptions;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = QStringLiteral("exceptions[%1]").arg(i);
        const std::optional<CalendarException> exception = readException(array->at(i), path, error);
        if (!exception)
            return std::nullopt;
        const bool repeated =
            std::any_of(exceptions.begin(), exceptions.end(), [&](const CalendarException &other) {
                return other.date == exception->date;
            });
        if (repeated) {
            fail(path + QLatin1String(".date"),
                 QStringLiteral("%1 is listed twice").arg(exception->date.toString(dateFormat)),
                 error);
            return std::nullopt;
        }
        exceptions.append(*exception);
    }
    std::sort(
        exceptions.begin(), exceptions.end(),
        [](const CalendarException &a, const CalendarException &b) { return a.date < b.date; });
    return exceptions;
}

// Reads one optional key into `target` with `read`; returns false on error.
template<typename Value, typename Reader>
bool readKey(const QJsonObject &json, const char *key, Value &target, Reader read)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined())
        return true;
    std::optional<Value> result = read(value);
    if (!result)
        return false;
    target = std::move(*result);
    return true;
}

} // namespace

QJsonObject WorkingCalendar::toJson() const
{
    QJsonArray periods;
    for (const WorkingPeriod &period : m_workingPeriods)
        periods.append(periodText(period));
    QJsonArray weekdays;
    for (Qt::DayOfWeek day : m_workingWeekdays)
        weekdays.append(weekdayName(day));

    QList<CalendarException> sorted = m_exceptions;
    std::sort(
        sorted.begin(), sorted.end(),
        [](const CalendarException &a, const CalendarException &b) { return a.date < b.date; });
    QJsonArray exceptions;
    for (const CalendarException &exception : sorted) {
        exceptions.append(QJsonObject{{QStringLiteral("date"), exception.date.toString(dateFormat)},
                                      {QStringLiteral("working"), exception.working},
                                      {QStringLiteral("note"), exception.note}});
    }

    return QJsonObject{
        {QStringLiteral("time_zone"), QString::fromUtf8(m_timeZone.id())},
        {QStringLiteral("working_periods"), periods},
        {QStringLiteral("working_weekdays"), weekdays},
        {QStringLiteral("tet_days_before"), m_tetDaysBefore},
        {QStringLiteral("tet_days_after"), m_tetDaysAfter},
        {QStringLiteral("national_day_adjacent"), adjacentDayText(m_nationalDayAdjacent)},
        {QStringLiteral("compensatory_days"), m_compensatesRestDayHolidays},
        {QStringLiteral("exceptions"), exceptions},
    };
}

std::optional<WorkingCalendar> WorkingCalendar::fromJson(const QJsonObject &json, QString *error)
{
    const QStringList known{
        QStringLiteral("time_zone"),         QStringLiteral("working_periods"),
        QStringLiteral("working_weekdays"),  QStringLiteral("tet_days_before"),
        QStringLiteral("tet_days_after"),    QStringLiteral("national_day_adjacent"),
        QStringLiteral("compensatory_days"), QStringLiteral("exceptions"),
    };
    if (!checkKnownKeys(json, known, QString(), error))
        return std::nullopt;

    WorkingCalendar calendar;
    const auto tetDays = [error](const char *key) {
        return [error, key](const QJsonValue &value) {
            return readInt(value, QLatin1String(key), 0, WorkingCalendar::maximumTetDays, error);
        };
    };
    const bool read =
        readKey(json, "time_zone", calendar.m_timeZone,
                [error](const QJsonValue &value) { return readTimeZone(value, error); }) &&
        readKey(json, "working_periods", calendar.m_workingPeriods,
                [error](const QJsonValue &value) { return readPeriods(value, error); }) &&
        readKey(json, "working_weekdays", calendar.m_workingWeekdays,
                [error](const QJsonValue &value) { return readWeekdays(value, error); }) &&
        readKey(json, "tet_days_before", calendar.m_tetDaysBefore, tetDays("tet_days_before")) &&
        readKey(json, "tet_days_after", calendar.m_tetDaysAfter, tetDays("tet_days_after")) &&
        readKey(json, "national_day_adjacent", calendar.m_nationalDayAdjacent,
                [error](const QJsonValue &value) { return readAdjacentDay(value, error); }) &&
        readKey(json, "compensatory_days", calendar.m_compensatesRestDayHolidays,
                [error](const QJsonValue &value) {
                    return readBool(value, QStringLiteral("compensatory_days"), error);
                }) &&
        readKey(json, "exceptions", calendar.m_exceptions,
                [error](const QJsonValue &value) { return readExceptions(value, error); });
    if (!read)
        return std::nullopt;
    return calendar;
}

} // namespace CivicDesk
