#include "core/bulk.h"

#include "core/workflow.h"

#include <array>
#include <utility>

namespace CivicDesk {
namespace {

constexpr std::array<std::pair<BulkAction, const char *>, 3> actionCodes{{
    {BulkAction::Assign, "assign"},
    {BulkAction::Classify, "classify"},
    {BulkAction::RejectSpam, "reject"},
}};

constexpr std::array<std::pair<BulkSkip, const char *>, 8> skipCodes{{
    {BulkSkip::None, "none"},
    {BulkSkip::Unchanged, "unchanged"},
    {BulkSkip::NotAllowed, "not_allowed"},
    {BulkSkip::ClaimedByOther, "claimed_by_other"},
    {BulkSkip::Refused, "refused"},
    {BulkSkip::ChangedSince, "changed_since"},
    {BulkSkip::OpenRefusal, "open_refusal"},
    {BulkSkip::Expired, "expired"},
}};

// Whether an event records a change of the report's status or assignment: every such change
// names the status it moved to.
bool changesAssignment(const Event &event)
{
    return event.data.contains(QLatin1String("to"));
}

// Returns the position of the event in the timeline, or -1.
qsizetype positionOf(const QList<Event> &events, const QString &eventId)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].id == eventId)
            return i;
    }
    return -1;
}

// Returns the first change of status or assignment recorded after the event at `position`.
const Event *laterChange(const QList<Event> &events, qsizetype position)
{
    const Event &step = events[position];
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &event = events[i];
        if (i == position || !changesAssignment(event))
            continue;
        if (event.at > step.at || (event.at == step.at && i > position))
            return &event;
    }
    return nullptr;
}

// Leaves out a report that someone else has an unexpired claim on. Returns whether it did.
bool leaveOutClaimed(BulkChange &change, const Report &report, const QString &actor,
                     const QDateTime &now)
{
    if (report.claimHolder.isEmpty() || report.claimHolder == actor || report.claimExpiresAt <= now)
        return false;
    change.skip = BulkSkip::ClaimedByOther;
    change.reason = QStringLiteral("%1 holds the claim on report %2 until %3")
                        .arg(report.claimHolder, report.publicCode,
                             report.claimExpiresAt.toString(Qt::ISODate));
    return true;
}

Operation previewOperation(const Report &report, OperationKind kind, const QJsonObject &payload,
                           const QString &actor, Role role, const QDateTime &now)
{
    Operation operation;
    operation.id = QStringLiteral("preview");
    operation.reportId = report.id;
    operation.kind = kind;
    operation.baseVersion = report.version;
    operation.baseState = assignmentStateOf(report);
    operation.actor = actor;
    operation.actorRole = role;
    operation.createdAt = now;
    operation.eventId = QStringLiteral("preview");
    operation.payload = payload;
    return operation;
}

// Runs the operation on a copy of the report and fills in the state after it, or why not.
void decide(BulkChange &change, const Report &report, const Operation &operation,
            const ReferenceCodes &codes)
{
    Report copy = report;
    const OperationOutcome outcome = applyOperation(copy, operation, codes);
    if (outcome.accepted()) {
        change.after = assignmentStateOf(copy);
        return;
    }
    change.skip =
        outcome.refusal == Refusal::InvalidTransition ? BulkSkip::NotAllowed : BulkSkip::Refused;
    change.reason = outcome.reason;
}

BulkChange changeOf(const Report &report)
{
    BulkChange change;
    change.reportId = report.id;
    change.code = report.publicCode;
    // Reports from some channels come without a title, so the start of their text is shown.
    change.title =
        report.title.isEmpty() ? report.description.left(160).simplified() : report.title;
    change.before = assignmentStateOf(report);
    change.after = change.before;
    return change;
}

} // namespace

QString bulkActionCode(BulkAction action)
{
    for (const auto &[entry, code] : actionCodes) {
        if (entry == action)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<BulkAction> bulkActionFromCode(const QString &code)
{
    for (const auto &[entry, name] : actionCodes) {
        if (code == QLatin1String(name))
            return entry;
    }
    return std::nullopt;
}

QString bulkSkipCode(BulkSkip skip)
{
    for (const auto &[entry, code] : skipCodes) {
        if (entry == skip)
            return QString::fromLatin1(code);
    }
    return {};
}

BulkChange planBulkChange(const Report &report, BulkAction action, const QString &value,
                          const QString &actor, Role role, const ReferenceCodes &codes,
                          const QDateTime &now)
{
    BulkChange change = changeOf(report);
    switch (action) {
    case BulkAction::Assign:
        change.kind = OperationKind::Assign;
        change.payload = {{QLatin1String("agency"), value}};
        if (report.status == Status::Assigned && report.agency == value)
            change.skip = BulkSkip::Unchanged;
        break;
    case BulkAction::Classify:
        change.kind = OperationKind::Classify;
        change.payload = {{QLatin1String("category"), value},
                          {QLatin1String("priority"), priorityCode(report.priority)}};
        if (report.status == Status::Triaged && report.category == value)
            change.skip = BulkSkip::Unchanged;
        break;
    case BulkAction::RejectSpam:
        change.kind = OperationKind::Reject;
        change.payload = {{QLatin1String("reason"), value}};
        if (report.status == Status::Rejected)
            change.skip = BulkSkip::Unchanged;
        break;
    }
    if (change.skip != BulkSkip::None || leaveOutClaimed(change, report, actor, now))
        return change;
    decide(change, report, previewOperation(report, change.kind, change.payload, actor, role, now),
           codes);
    return change;
}

BulkChange planUndo(const Report &current, const QList<Event> &events, const BulkChange &step,
                    const QString &actor, Role role, const ReferenceCodes &codes,
                    const QDateTime &now)
{
    BulkChange change = changeOf(current);
    change.kind = OperationKind::Undo;
    change.payload = {{QLatin1String("undoes"), step.eventId},
                      {QLatin1String("restore"), step.before.toJson()}};
    if (now > step.at.addSecs(qint64(bulkUndoMinutes) * 60)) {
        change.skip = BulkSkip::Expired;
        change.reason = QStringLiteral("the step of %1 is more than %2 minutes old")
                            .arg(step.code)
                            .arg(bulkUndoMinutes);
        return change;
    }
    const qsizetype position = positionOf(events, step.eventId);
    const Event *later = position < 0 ? nullptr : laterChange(events, position);
    if (change.before != step.after || later) {
        change.skip = BulkSkip::ChangedSince;
        change.reason = later ? QStringLiteral("%1 changed report %2 at %3 after the step")
                                    .arg(later->actor, step.code, later->at.toString(Qt::ISODate))
                              : QStringLiteral("report %1 is now %2, not %3 as the step left it")
                                    .arg(step.code, statusCode(change.before.status),
                                         statusCode(step.after.status));
        return change;
    }
    if (leaveOutClaimed(change, current, actor, now))
        return change;
    const Operation operation =
        previewOperation(current, OperationKind::Undo, change.payload, actor, role, now);
    if (const auto problem = undoProblem(current, events, operation)) {
        change.skip = BulkSkip::Refused;
        change.reason = *problem;
        return change;
    }
    decide(change, current, operation, codes);
    return change;
}

std::optional<QString> undoProblem(const Report &current, const QList<Event> &events,
                                   const Operation &undo)
{
    const QString stepId = undo.payload.value(QLatin1String("undoes")).toString();
    const qsizetype position = positionOf(events, stepId);
    if (position < 0)
        return QStringLiteral("the step %1 to undo is not in the timeline of report %2")
            .arg(stepId, undo.reportId);
    const Event &step = events[position];
    if (step.actor != undo.actor)
        return QStringLiteral("%1 cannot undo a step that %2 made").arg(undo.actor, step.actor);
    if (undo.createdAt < step.at || undo.createdAt > step.at.addSecs(qint64(bulkUndoMinutes) * 60))
        return QStringLiteral("the step %1 was made at %2; it can be undone for %3 minutes")
            .arg(stepId, step.at.toString(Qt::ISODate))
            .arg(bulkUndoMinutes);
    if (const Event *later = laterChange(events, position))
        return QStringLiteral("%1 changed report %2 at %3, after the step to undo")
            .arg(later->actor, undo.reportId, later->at.toString(Qt::ISODate));
    const QJsonObject restore = undo.payload.value(QLatin1String("restore")).toObject();
    const QString from = step.data.value(QLatin1String("from")).toString();
    const QString restored = restore.value(QLatin1String("status")).toString();
    if (from.isEmpty() || from != restored)
        return QStringLiteral("the step %1 started from status \"%2\", not \"%3\"")
            .arg(stepId, from, restored);
    const QString agencyBefore = step.kind == EventKind::Assigned
                                     ? step.data.value(QLatin1String("agency_before")).toString()
                                     : current.agency;
    const QString agency = restore.value(QLatin1String("agency")).toString();
    if (agency != agencyBefore)
        return QStringLiteral("the step %1 found report %2 with agency \"%3\", not \"%4\"")
            .arg(stepId, undo.reportId, agencyBefore, agency);
    return std::nullopt;
}

} // namespace CivicDesk
