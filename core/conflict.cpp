#include "core/conflict.h"

#include "core/textedit.h"

#include <QJsonObject>

namespace CivicDesk {
namespace {

QList<FieldDifference> editDifferences(const Operation &operation, const Report &current)
{
    QList<FieldDifference> differences;
    QString error;
    const auto changes = textChangesOf(operation.payload, &error);
    if (!changes)
        return differences;
    for (const TextChange &change : *changes) {
        const QString theirs = textFieldValue(current, change.field);
        differences.append({textFieldCode(change.field), change.to, theirs,
                            theirs != change.from && theirs != change.to});
    }
    return differences;
}

QList<FieldDifference> assignmentDifferences(const Operation &operation, const Report &current)
{
    const QJsonObject &payload = operation.payload;
    AssignmentState mine = operation.baseState.value_or(assignmentStateOf(current));
    QStringList set{QStringLiteral("status")};
    switch (operation.kind) {
    case OperationKind::Classify:
        mine.status = Status::Triaged;
        mine.category = payload.value(QLatin1String("category")).toString();
        mine.priority = priorityFromCode(payload.value(QLatin1String("priority")).toString())
                            .value_or(mine.priority);
        set << QStringLiteral("category") << QStringLiteral("priority");
        break;
    case OperationKind::Assign:
        mine.status = Status::Assigned;
        mine.agency = payload.value(QLatin1String("agency")).toString();
        set << QStringLiteral("agency");
        break;
    case OperationKind::Reject:
        mine.status = Status::Rejected;
        break;
    case OperationKind::ReturnToCenter:
        mine.status = Status::Triaged;
        mine.agency.clear();
        set << QStringLiteral("agency");
        break;
    case OperationKind::Acknowledge:
        mine.status = Status::InProgress;
        break;
    case OperationKind::AskInfo:
        mine.status = Status::WaitingInfo;
        break;
    case OperationKind::AnswerInfo:
        mine.status = current.resumeStatus.value_or(Status::Assigned);
        break;
    case OperationKind::Resolve:
        mine.status = Status::Resolved;
        break;
    case OperationKind::MarkDuplicate:
        mine.status = Status::Duplicate;
        break;
    case OperationKind::Reopen:
        mine.status = Status::Triaged;
        mine.agency.clear();
        set << QStringLiteral("agency");
        break;
    case OperationKind::Rate:
        mine.status =
            payload.value(QLatin1String("rating")).toString() == ratingCode(Rating::Unsatisfied)
                ? Status::Assigned
                : Status::Closed;
        break;
    case OperationKind::CloseUnrated:
        mine.status = Status::Closed;
        break;
    case OperationKind::Undo:
        if (const auto restore =
                AssignmentState::fromJson(payload.value(QLatin1String("restore")).toObject())) {
            mine = *restore;
        }
        set << QStringLiteral("category") << QStringLiteral("priority") << QStringLiteral("agency");
        break;
    case OperationKind::AddNote:
    case OperationKind::EditText:
    case OperationKind::RequestExtension:
    case OperationKind::DecideExtension:
    case OperationKind::Create:
        return {};
    }

    const AssignmentState theirs = assignmentStateOf(current);
    const AssignmentState base = operation.baseState.value_or(theirs);
    // A field a colleague changed is listed. It is marked as conflicting only when the two
    // values differ, because a colleague who made the same choice leaves nothing to decide.
    const QList<std::pair<FieldDifference, bool>> all{
        {{QStringLiteral("status"), statusCode(mine.status), statusCode(theirs.status), false},
         base.status != theirs.status},
        {{QStringLiteral("category"), mine.category, theirs.category, false},
         base.category != theirs.category},
        {{QStringLiteral("priority"), priorityCode(mine.priority), priorityCode(theirs.priority),
          false},
         base.priority != theirs.priority},
        {{QStringLiteral("agency"), mine.agency, theirs.agency, false},
         base.agency != theirs.agency},
    };
    QList<FieldDifference> differences;
    for (const auto &[difference, changed] : all) {
        if (!set.contains(difference.field) && !changed)
            continue;
        FieldDifference listed = difference;
        listed.conflicting = changed && listed.mine != listed.theirs;
        differences.append(listed);
    }
    return differences;
}

} // namespace

QList<FieldDifference> refusalDifferences(const Operation &operation, const Report &current)
{
    if (operation.kind == OperationKind::EditText)
        return editDifferences(operation, current);
    return assignmentDifferences(operation, current);
}

QJsonArray differencesToJson(const QList<FieldDifference> &differences)
{
    QJsonArray json;
    for (const FieldDifference &difference : differences) {
        json.append(QJsonObject{{QLatin1String("field"), difference.field},
                                {QLatin1String("mine"), difference.mine},
                                {QLatin1String("theirs"), difference.theirs},
                                {QLatin1String("conflicting"), difference.conflicting}});
    }
    return json;
}

QList<FieldDifference> differencesFromJson(const QJsonArray &json)
{
    QList<FieldDifference> differences;
    for (const QJsonValue &value : json) {
        const QJsonObject object = value.toObject();
        differences.append({object.value(QLatin1String("field")).toString(),
                            object.value(QLatin1String("mine")).toString(),
                            object.value(QLatin1String("theirs")).toString(),
                            object.value(QLatin1String("conflicting")).toBool(true)});
    }
    return differences;
}

QString resolutionCode(Resolution resolution)
{
    switch (resolution) {
    case Resolution::ReapplyMine:
        return QStringLiteral("mine");
    case Resolution::KeepTheirs:
        return QStringLiteral("theirs");
    case Resolution::Dismiss:
        return QStringLiteral("dismiss");
    }
    return {};
}

std::optional<Resolution> resolutionFromCode(const QString &code)
{
    for (Resolution resolution :
         {Resolution::ReapplyMine, Resolution::KeepTheirs, Resolution::Dismiss}) {
        if (resolutionCode(resolution) == code)
            return resolution;
    }
    return std::nullopt;
}

bool isConcurrencyRefusal(Refusal refusal)
{
    return refusal == Refusal::StaleVersion || refusal == Refusal::Conflict;
}

std::optional<Operation> resolveRefused(const Operation &refused, const Report &current,
                                        Resolution resolution)
{
    if (resolution == Resolution::Dismiss)
        return std::nullopt;

    Operation next = refused;
    next.baseVersion = current.version;
    if (operationChangesAssignment(refused.kind)) {
        // Keeping the other operator's status or assignment leaves nothing of this one.
        if (resolution == Resolution::KeepTheirs)
            return std::nullopt;
        next.baseState = assignmentStateOf(current);
        return next;
    }
    if (refused.kind != OperationKind::EditText)
        return next;

    QString error;
    const auto changes = textChangesOf(refused.payload, &error);
    if (!changes)
        return std::nullopt;
    QList<TextChange> kept;
    for (const TextChange &change : *changes) {
        const QString theirs = textFieldValue(current, change.field);
        if (theirs == change.to)
            continue; // already has this value
        const bool conflicting = theirs != change.from;
        if (resolution == Resolution::KeepTheirs && conflicting)
            continue;
        kept.append({change.field, theirs, change.to});
    }
    if (kept.isEmpty())
        return std::nullopt;
    next.payload = textEditPayload(kept);
    return next;
}

} // namespace CivicDesk
