#include "core/deadlines.h"

#include "core/jsonfields.h"

#include <algorithm>
#include <QJsonArray>

namespace CivicDesk {
namespace {

using namespace JsonFields;

QString unitCode(ProcessingTime::Unit unit)
{
    return unit == ProcessingTime::Unit::WorkingDays ? QStringLiteral("working_days")
                                                     : QStringLiteral("working_hours");
}

QStringList priorityCodes()
{
    return {priorityCode(Priority::Normal), priorityCode(Priority::Urgent)};
}

QJsonObject processingTimeToJson(const ProcessingTime &time)
{
    return {{QStringLiteral("amount"), time.amount}, {QStringLiteral("unit"), unitCode(time.unit)}};
}

std::optional<QJsonObject> readObject(const QJsonValue &value, const QString &key, QString *error)
{
    if (!value.isObject()) {
        fail(key, QStringLiteral("expected an object, got %1").arg(valueText(value)), error);
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<ProcessingTime> readProcessingTime(const QJsonValue &value, const QString &path,
                                                 QString *error)
{
    const std::optional<QJsonObject> object = readObject(value, path, error);
    if (!object)
        return std::nullopt;
    const QStringList known{QStringLiteral("amount"), QStringLiteral("unit")};
    if (!checkKnownKeys(*object, known, path + u'.', error))
        return std::nullopt;
    for (const QString &key : known) {
        if (!object->contains(key)) {
            fail(path + u'.' + key, QStringLiteral("missing"), error);
            return std::nullopt;
        }
    }

    const std::optional<int> amount = readInt(object->value(u"amount"), path + u".amount", 1,
                                              DeadlineRules::maximumAmount, error);
    if (!amount)
        return std::nullopt;
    const QString unitKey = path + u".unit";
    const std::optional<QString> unit = readString(object->value(u"unit"), unitKey, error);
    if (!unit)
        return std::nullopt;
    for (ProcessingTime::Unit known :
         {ProcessingTime::Unit::WorkingDays, ProcessingTime::Unit::WorkingHours}) {
        if (*unit == unitCode(known))
            return ProcessingTime{*amount, known};
    }
    fail(unitKey,
         QStringLiteral("\"%1\" is neither \"working_days\" nor \"working_hours\"").arg(*unit),
         error);
    return std::nullopt;
}

// Reads {"normal": {...}, "urgent": {...}}, where each priority is optional.
bool readPriorityTimes(const QJsonValue &value, const QString &path,
                       QMap<Priority, ProcessingTime> &times, QString *error)
{
    const std::optional<QJsonObject> object = readObject(value, path, error);
    if (!object || !checkKnownKeys(*object, priorityCodes(), path + u'.', error))
        return false;
    for (auto it = object->begin(); it != object->end(); ++it) {
        const std::optional<ProcessingTime> time =
            readProcessingTime(it.value(), path + u'.' + it.key(), error);
        if (!time)
            return false;
        times.insert(*priorityFromCode(it.key()), *time);
    }
    return true;
}

bool readOverrides(const QJsonValue &value, DeadlineRules &rules, QString *error)
{
    const QString key = QStringLiteral("overrides");
    const std::optional<QJsonObject> object = readObject(value, key, error);
    if (!object)
        return false;
    for (auto it = object->begin(); it != object->end(); ++it) {
        const QString category = it.key();
        if (category.isEmpty() || category.trimmed() != category)
            return fail(
                key,
                QStringLiteral("category \"%1\" is empty or has spaces around it").arg(category),
                error);
        const QString path = key + u'.' + category;
        QMap<Priority, ProcessingTime> times;
        if (!readPriorityTimes(it.value(), path, times, error))
            return false;
        if (times.isEmpty())
            return fail(path, QStringLiteral("expected at least one of normal or urgent"), error);
        for (auto time = times.begin(); time != times.end(); ++time)
            rules.setOverrideTime(category, time.key(), time.value());
    }
    return true;
}

} // namespace

qint64 ProcessingTime::minutes(const WorkingCalendar &calendar) const
{
    const qint64 unitMinutes = unit == Unit::WorkingDays ? calendar.standardDayMinutes() : 60;
    return qint64(amount) * unitMinutes;
}

DeadlineRules::DeadlineRules()
    : m_normal{7, ProcessingTime::Unit::WorkingDays}
    , m_urgent{8, ProcessingTime::Unit::WorkingHours}
{}

ProcessingTime DeadlineRules::processingTime(const QString &category, Priority priority) const
{
    return overrideTime(category, priority).value_or(defaultTime(priority));
}

ProcessingTime DeadlineRules::defaultTime(Priority priority) const
{
    return priority == Priority::Urgent ? m_urgent : m_normal;
}

void DeadlineRules::setDefaultTime(Priority priority, const ProcessingTime &time)
{
    (priority == Priority::Urgent ? m_urgent : m_normal) = time;
}

std::optional<ProcessingTime> DeadlineRules::overrideTime(const QString &category,
                                                          Priority priority) const
{
    const auto times = m_overrides.constFind(category);
    if (times == m_overrides.constEnd())
        return std::nullopt;
    const auto time = times->constFind(priority);
    if (time == times->constEnd())
        return std::nullopt;
    return *time;
}

void DeadlineRules::setOverrideTime(const QString &category, Priority priority,
                                    const ProcessingTime &time)
{
    m_overrides[category].insert(priority, time);
}

void DeadlineRules::removeOverrideTime(const QString &category, Priority priority)
{
    const auto times = m_overrides.find(category);
    if (times == m_overrides.end())
        return;
    times->remove(priority);
    if (times->isEmpty())
        m_overrides.erase(times);
}

QJsonObject DeadlineRules::toJson() const
{
    const QJsonObject defaults{
        {priorityCode(Priority::Normal), processingTimeToJson(m_normal)},
        {priorityCode(Priority::Urgent), processingTimeToJson(m_urgent)},
    };
    QJsonObject overrides;
    for (auto times = m_overrides.begin(); times != m_overrides.end(); ++times) {
        QJsonObject byPriority;
        for (auto time = times->begin(); time != times->end(); ++time)
            byPriority.insert(priorityCode(time.key()), processingTimeToJson(time.value()));
        overrides.insert(times.key(), byPriority);
    }
    return {{QStringLiteral("defaults"), defaults}, {QStringLiteral("overrides"), overrides}};
}

std::optional<DeadlineRules> DeadlineRules::fromJson(const QJsonObject &json, QString *error)
{
    const QStringList known{QStringLiteral("defaults"), QStringLiteral("overrides")};
    if (!checkKnownKeys(json, known, QString(), error))
        return std::nullopt;

    DeadlineRules rules;
    if (json.contains(u"defaults")) {
        QMap<Priority, ProcessingTime> defaults;
        if (!readPriorityTimes(json.value(u"defaults"), QStringLiteral("defaults"), defaults,
                               error)) {
            return std::nullopt;
        }
        for (auto time = defaults.begin(); time != defaults.end(); ++time)
            rules.setDefaultTime(time.key(), time.value());
    }
    if (json.contains(u"overrides") && !readOverrides(json.value(u"overrides"), rules, error))
        return std::nullopt;
    return rules;
}

QDateTime deadlineFor(const WorkingCalendar &calendar, const ProcessingTime &time,
                      const QDateTime &start)
{
    const QDateTime clockStart = calendar.nextWorkingMinute(start);
    return calendar.addWorkingMinutes(clockStart, time.minutes(calendar));
}

QDateTime resumedDeadline(const WorkingCalendar &calendar, const QDateTime &due,
                          const QDateTime &pausedAt, const QDateTime &resumedAt)
{
    if (!due.isValid() || !pausedAt.isValid() || !resumedAt.isValid())
        return due;
    if (pausedAt >= due || resumedAt <= pausedAt)
        return due;

    const std::chrono::milliseconds left = calendar.workingTimeBetween(pausedAt, due);
    return calendar.addWorkingTime(resumedAt, left);
}

double fractionLeft(const WorkingCalendar &calendar, const QDateTime &start, const QDateTime &due,
                    const QDateTime &now)
{
    if (!start.isValid() || !due.isValid() || !now.isValid() || now >= due)
        return 0.0;

    const auto allotted = calendar.workingTimeBetween(start, due);
    if (allotted.count() <= 0)
        return 1.0;
    const auto left = calendar.workingTimeBetween(std::max(now, start), due);
    return std::clamp(double(left.count()) / double(allotted.count()), 0.0, 1.0);
}

} // namespace CivicDesk
