#pragma once

#include <chrono>
#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace CivicDesk {

// A span of working time within a day, from `start` up to, not including, `end`.
struct WorkingPeriod
{
    QTime start;
    QTime end;

    friend bool operator==(const WorkingPeriod &, const WorkingPeriod &) = default;
};

// A date that the government turns into a day off or into a working day, such as a Saturday
// worked to make up for a bridge day next to a holiday.
struct CalendarException
{
    QDate date;
    bool working = false;
    QString note;

    friend bool operator==(const CalendarException &, const CalendarException &) = default;
};

// A public holiday. The code is stable for storage: "new_year", "tet", "hung_kings",
// "reunification", "labour", "national_day" or "compensatory".
struct Holiday
{
    QDate date;
    QString code;

    friend bool operator==(const Holiday &, const Holiday &) = default;
};

// The day that the law adds to the National Day of 2 September.
enum class NationalDayAdjacent
{
    September1,
    September3,
};

// The working time of the operations center, which counts deadlines: working periods on working
// weekdays, minus Vietnam's public holidays (Labour Code 2019, art. 112), plus or minus the
// exceptions that the government announces each year. Times in and out are instants, and the
// calendar reads them in its time zone. Results are in that zone.
//
// Lunar holidays (Tết and the Hung Kings' day) exist only for 1900-2100, the range of the lunar
// calendar.
class WorkingCalendar
{
public:
    // The defaults: Asia/Ho_Chi_Minh, 07:30-11:30 and 13:30-17:00, Monday to Friday, Tết from
    // the last day of the lunar year to the 4th day of the new year, 1 September with the
    // National Day, compensatory days on, no exceptions.
    WorkingCalendar();

    QTimeZone timeZone() const { return m_timeZone; }
    void setTimeZone(const QTimeZone &zone) { m_timeZone = zone; }

    // Periods in order that do not overlap. fromJson() rejects others, and a setter takes them
    // as given.
    QList<WorkingPeriod> workingPeriods() const { return m_workingPeriods; }
    void setWorkingPeriods(const QList<WorkingPeriod> &periods) { m_workingPeriods = periods; }

    QList<Qt::DayOfWeek> workingWeekdays() const { return m_workingWeekdays; }
    void setWorkingWeekdays(const QList<Qt::DayOfWeek> &days) { m_workingWeekdays = days; }

    // The largest number of Tết days on either side of the new year. Larger values count as this.
    static constexpr int maximumTetDays = 10;

    // Days of Tết at the end of the old lunar year, counted back from its last day.
    int tetDaysBefore() const { return m_tetDaysBefore; }
    void setTetDaysBefore(int days) { m_tetDaysBefore = days; }

    // Days of Tết from the first day of the new lunar year, that day included.
    int tetDaysAfter() const { return m_tetDaysAfter; }
    void setTetDaysAfter(int days) { m_tetDaysAfter = days; }

    NationalDayAdjacent nationalDayAdjacent() const { return m_nationalDayAdjacent; }
    void setNationalDayAdjacent(NationalDayAdjacent day) { m_nationalDayAdjacent = day; }

    // Whether a public holiday on a weekly rest day gives a compensatory day off on the next
    // working day (Labour Code 2019, art. 111(3), for the holidays of art. 112(1)). Each such
    // holiday day gives one compensatory day, and the days follow one another after the
    // holiday. A date that is two holidays at once, such as the Hung Kings' day on 30 April,
    // is one day off and gives no extra day.
    bool compensatesRestDayHolidays() const { return m_compensatesRestDayHolidays; }
    void setCompensatesRestDayHolidays(bool on) { m_compensatesRestDayHolidays = on; }

    // Exceptions win over weekdays, holidays and compensatory days. A compensatory day is placed
    // without looking at them, so an exception that makes that date a working day cancels it.
    QList<CalendarException> exceptions() const { return m_exceptions; }
    void setExceptions(const QList<CalendarException> &exceptions) { m_exceptions = exceptions; }

    // Returns the length of a working day, the sum of the working periods, in minutes.
    int standardDayMinutes() const;

    // Returns the public holidays and compensatory days of the Gregorian year, in date order.
    // Exceptions are not applied.
    QList<Holiday> holidaysIn(int year) const;

    bool isWorkingDay(QDate date) const;

    // Returns the instant itself when it lies in working time, else the start of the next
    // working period. Returns an invalid QDateTime for an invalid instant or when no working
    // time follows within 366 days.
    QDateTime nextWorkingMinute(const QDateTime &instant) const;

    // Returns the earliest instant at which the given working time has passed since `start`. A
    // deadline that falls between two periods is given as the end of the earlier one, so one
    // working day from 07:30 ends at 17:00 the same day. Returns an invalid QDateTime for an
    // invalid start or when 366 days in a row have no working time.
    QDateTime addWorkingTime(const QDateTime &start, std::chrono::milliseconds duration) const;
    QDateTime addWorkingMinutes(const QDateTime &start, qint64 minutes) const;

    // Returns the working time from `from` to `to`, zero when `to` is not after `from`.
    std::chrono::milliseconds workingTimeBetween(const QDateTime &from, const QDateTime &to) const;
    // The same in whole minutes, rounded down.
    qint64 workingMinutesBetween(const QDateTime &from, const QDateTime &to) const;

    // Writes every setting. Exceptions are written in date order.
    QJsonObject toJson() const;

    // Reads settings written by toJson(). A missing key keeps its default, and an unknown key,
    // a value of the wrong type or an invalid value is an error. On error returns nullopt and
    // sets `error` to a message that names the key and the value.
    static std::optional<WorkingCalendar> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const WorkingCalendar &, const WorkingCalendar &) = default;

private:
    QTimeZone m_timeZone;
    QList<WorkingPeriod> m_workingPeriods;
    QList<Qt::DayOfWeek> m_workingWeekdays;
    int m_tetDaysBefore = 1;
    int m_tetDaysAfter = 4;
    NationalDayAdjacent m_nationalDayAdjacent = NationalDayAdjacent::September1;
    bool m_compensatesRestDayHolidays = true;
    QList<CalendarException> m_exceptions;
};

} // namespace CivicDesk
