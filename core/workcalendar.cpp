#include "core/workcalendar.h"

#include "core/lunarcalendar.h"
#include "core/timeutil.h"

#include <algorithm>

namespace CivicDesk {
namespace {

using std::chrono::milliseconds;

// How far the calendar looks for working time before it gives up, in days.
constexpr int searchLimitDays = 366;

// A working period on one date, in milliseconds since the epoch.
struct Interval
{
    qint64 start = 0;
    qint64 end = 0;
};

// Reads holidays once per Gregorian year while a computation walks day by day.
class DayLookup
{
public:
    explicit DayLookup(const WorkingCalendar &calendar)
        : m_calendar(calendar)
    {}

    bool isWorkingDay(QDate date)
    {
        for (const CalendarException &exception : m_calendar.exceptions()) {
            if (exception.date == date)
                return exception.working;
        }
        if (!m_calendar.workingWeekdays().contains(Qt::DayOfWeek(date.dayOfWeek())))
            return false;
        if (date.year() != m_year) {
            m_year = date.year();
            m_holidays.clear();
            for (const Holiday &holiday : m_calendar.holidaysIn(m_year))
                m_holidays.append(holiday.date);
        }
        return !m_holidays.contains(date);
    }

    QList<Interval> intervals(QDate date)
    {
        if (!isWorkingDay(date))
            return {};
        QList<Interval> intervals;
        for (const WorkingPeriod &period : m_calendar.workingPeriods()) {
            const QDateTime start(date, period.start, m_calendar.timeZone());
            const QDateTime end(date, period.end, m_calendar.timeZone());
            if (start < end)
                intervals.append({start.toMSecsSinceEpoch(), end.toMSecsSinceEpoch()});
        }
        return intervals;
    }

private:
    const WorkingCalendar &m_calendar;
    int m_year = 0;
    QList<QDate> m_holidays;
};

QList<QDate> compensatoryDays(const QList<QDate> &holidayDates,
                              const QList<Qt::DayOfWeek> &workingWeekdays)
{
    const auto isWorkingWeekday = [&](QDate date) {
        return workingWeekdays.contains(Qt::DayOfWeek(date.dayOfWeek()));
    };

    QList<QDate> days;
    for (const QDate &holiday : holidayDates) {
        if (isWorkingWeekday(holiday))
            continue;
        QDate day = holiday.addDays(1);
        while (!isWorkingWeekday(day) || holidayDates.contains(day) || days.contains(day))
            day = day.addDays(1);
        days.append(day);
    }
    return days;
}

void appendTet(int year, int daysBefore, int daysAfter, QList<Holiday> &holidays)
{
    const std::optional<QDate> newYear = lunarNewYear(year);
    if (!newYear)
        return;
    for (int i = std::clamp(daysBefore, 0, WorkingCalendar::maximumTetDays); i > 0; --i)
        holidays.append({newYear->addDays(-i), QStringLiteral("tet")});
    for (int i = 0; i < std::clamp(daysAfter, 0, WorkingCalendar::maximumTetDays); ++i)
        holidays.append({newYear->addDays(i), QStringLiteral("tet")});
}

} // namespace

WorkingCalendar::WorkingCalendar()
    : m_timeZone(QByteArray(defaultTimeZoneId))
    , m_workingPeriods{{QTime(7, 30), QTime(11, 30)}, {QTime(13, 30), QTime(17, 0)}}
    , m_workingWeekdays{Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday, Qt::Friday}
{}

int WorkingCalendar::standardDayMinutes() const
{
    int minutes = 0;
    for (const WorkingPeriod &period : m_workingPeriods)
        minutes += std::max(0, period.start.secsTo(period.end) / 60);
    return minutes;
}

QList<Holiday> WorkingCalendar::holidaysIn(int year) const
{
    QList<Holiday> holidays;
    holidays.append({QDate(year, 1, 1), QStringLiteral("new_year")});
    appendTet(year, m_tetDaysBefore, m_tetDaysAfter, holidays);
    if (const std::optional<QDate> hungKings = solarDateOf({year, 3, 10, false}))
        holidays.append({*hungKings, QStringLiteral("hung_kings")});
    holidays.append({QDate(year, 4, 30), QStringLiteral("reunification")});
    holidays.append({QDate(year, 5, 1), QStringLiteral("labour")});
    holidays.append({QDate(year, 9, 2), QStringLiteral("national_day")});
    const int adjacentDay = m_nationalDayAdjacent == NationalDayAdjacent::September1 ? 1 : 3;
    holidays.append({QDate(year, 9, adjacentDay), QStringLiteral("national_day")});

    if (m_compensatesRestDayHolidays) {
        QList<QDate> dates;
        for (const Holiday &holiday : holidays)
            dates.append(holiday.date);
        std::sort(dates.begin(), dates.end());
        dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
        for (const QDate &day : compensatoryDays(dates, m_workingWeekdays))
            holidays.append({day, QStringLiteral("compensatory")});
    }

    std::stable_sort(holidays.begin(), holidays.end(),
                     [](const Holiday &a, const Holiday &b) { return a.date < b.date; });
    return holidays;
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    return DayLookup(*this).isWorkingDay(date);
}

QDateTime WorkingCalendar::nextWorkingMinute(const QDateTime &instant) const
{
    return addWorkingTime(instant, milliseconds(0));
}

QDateTime WorkingCalendar::addWorkingTime(const QDateTime &start, milliseconds duration) const
{
    if (!start.isValid())
        return {};

    const qint64 startMsecs = start.toMSecsSinceEpoch();
    qint64 remaining = std::max<qint64>(0, duration.count());
    DayLookup lookup(*this);
    QDate date = start.toTimeZone(m_timeZone).date();
    for (int idleDays = 0; idleDays < searchLimitDays; date = date.addDays(1)) {
        const QList<Interval> intervals = lookup.intervals(date);
        idleDays = intervals.isEmpty() ? idleDays + 1 : 0;
        for (const Interval &interval : intervals) {
            if (interval.end <= startMsecs)
                continue;
            const qint64 from = std::max(interval.start, startMsecs);
            if (remaining <= interval.end - from)
                return QDateTime::fromMSecsSinceEpoch(from + remaining, m_timeZone);
            remaining -= interval.end - from;
        }
    }
    return {};
}

QDateTime WorkingCalendar::addWorkingMinutes(const QDateTime &start, qint64 minutes) const
{
    return addWorkingTime(start, std::chrono::minutes(minutes));
}

milliseconds WorkingCalendar::workingTimeBetween(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return milliseconds(0);

    const qint64 fromMsecs = from.toMSecsSinceEpoch();
    const qint64 toMsecs = to.toMSecsSinceEpoch();
    const QDate lastDate = to.toTimeZone(m_timeZone).date();
    DayLookup lookup(*this);
    qint64 total = 0;
    for (QDate date = from.toTimeZone(m_timeZone).date(); date <= lastDate;
         date = date.addDays(1)) {
        for (const Interval &interval : lookup.intervals(date))
            total += std::max<qint64>(0, std::min(interval.end, toMsecs) -
                                             std::max(interval.start, fromMsecs));
    }
    return milliseconds(total);
}

qint64 WorkingCalendar::workingMinutesBetween(const QDateTime &from, const QDateTime &to) const
{
    return std::chrono::duration_cast<std::chrono::minutes>(workingTimeBetween(from, to)).count();
}

} // namespace CivicDesk
