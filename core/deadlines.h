#pragma once

#include "core/codes.h"
#include "core/workcalendar.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace CivicDesk {

// The working time that an agency has to handle a report.
struct ProcessingTime
{
    enum class Unit
    {
        WorkingDays,
        WorkingHours,
    };

    int amount = 0;
    Unit unit = Unit::WorkingDays;

    // Returns the time in minutes. A working day is the calendar's standard day.
    qint64 minutes(const WorkingCalendar &calendar) const;

    friend bool operator==(const ProcessingTime &, const ProcessingTime &) = default;
};

// The processing time of each report: a default per priority, overridden per category (the
// field code) and priority. The defaults are 7 working days for normal reports and 8 working
// hours for urgent ones.
//
// JSON form:
//   {"defaults": {"normal": {"amount": 7, "unit": "working_days"},
//                 "urgent": {"amount": 8, "unit": "working_hours"}},
//    "overrides": {"lighting": {"urgent": {"amount": 4, "unit": "working_hours"}}}}
class DeadlineRules
{
public:
    // The largest amount that JSON may give, in either unit.
    static constexpr int maximumAmount = 1000;

    DeadlineRules();

    ProcessingTime processingTime(const QString &category, Priority priority) const;

    ProcessingTime defaultTime(Priority priority) const;
    void setDefaultTime(Priority priority, const ProcessingTime &time);

    std::optional<ProcessingTime> overrideTime(const QString &category, Priority priority) const;
    void setOverrideTime(const QString &category, Priority priority, const ProcessingTime &time);
    void removeOverrideTime(const QString &category, Priority priority);

    // Writes the defaults and every override.
    QJsonObject toJson() const;

    // Reads rules written by toJson(). A missing "defaults", or a priority missing from it,
    // keeps the built-in default. On error returns nullopt and sets `error` to a message that
    // names the key and the value.
    static std::optional<DeadlineRules> fromJson(const QJsonObject &json, QString *error);

    friend bool operator==(const DeadlineRules &, const DeadlineRules &) = default;

private:
    ProcessingTime m_normal;
    ProcessingTime m_urgent;
    QMap<QString, QMap<Priority, ProcessingTime>> m_overrides; // by category, then priority
};

// Returns the deadline of a report that arrived at `start`. The clock starts at the next working
// minute, and N working days count as N times the standard working day in minutes. With the
// default calendar, a start inside working hours is due at the same time of day N working days
// later, and a start at opening time is due at closing time on the Nth working day, counting
// the first.
QDateTime deadlineFor(const WorkingCalendar &calendar, const ProcessingTime &time,
                      const QDateTime &start);

// Returns the deadline after a pause, such as a wait for the citizen's reply: the working time
// left at `pausedAt` counts again from `resumedAt`. Returns `due` unchanged when the report was
// already overdue at `pausedAt`, or when `resumedAt` is not after `pausedAt`.
QDateTime resumedDeadline(const WorkingCalendar &calendar, const QDateTime &due,
                          const QDateTime &pausedAt, const QDateTime &resumedAt);

// Returns the working time left until `due` over the working time from `start` to `due`, in
// [0, 1]: 1 before the clock starts, 0 at and after the deadline. A deadline that allots no
// working time gives 1 until it passes.
double fractionLeft(const WorkingCalendar &calendar, const QDateTime &start, const QDateTime &due,
                    const QDateTime &now);

} // namespace CivicDesk
