#include "core/operation.h"

#include "core/textedit.h"
#include "core/timeutil.h"
#include "core/workflow.h"

#include <array>
#include <QJsonArray>
#include <QJsonValue>
#include <utility>

namespace CivicDesk {
namespace {

constexpr std::array<std::pair<OperationKind, const char *>, 6> kindCodes{{
    {OperationKind::Classify, "classify"},
    {OperationKind::Assign, "assign"},
    {OperationKind::Reject, "reject"},
    {OperationKind::AddNote, "note"},
    {OperationKind::EditText, "edit"},
    {OperationKind::ReturnToCenter, "return"},
}};

constexpr std::array<std::pair<Refusal, const char *>, 8> refusalCodes{{
    {Refusal::None, "none"},
    {Refusal::UnknownReport, "unknown_report"},
    {Refusal::StaleVersion, "stale_version"},
    {Refusal::InvalidTransition, "invalid_transition"},
    {Refusal::MissingValue, "missing_value"},
    {Refusal::InvalidValue, "invalid_value"},
    {Refusal::Conflict, "conflict"},
    {Refusal::NotPermitted, "not_permitted"},
}};

OperationOutcome refuse(Refusal refusal, const QString &reason)
{
    OperationOutcome outcome;
    outcome.refusal = refusal;
    outcome.reason = reason;
    return outcome;
}

Event makeEvent(const Operation &operation, EventKind kind, QJsonObject data)
{
    Event event;
    event.id = operation.eventId;
    event.reportId = operation.reportId;
    event.kind = kind;
    event.actor = operation.actor;
    event.at = operation.createdAt;
    event.data = std::move(data);
    return event;
}

// Returns the path ("text", "fields.title.to") of the first key or string in `value` that
// contains the NUL character, or an empty string.
QString nulCharacterPath(const QJsonValue &value, const QString &path)
{
    const auto child = [&path](const QString &key) {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    };
    if (value.isString())
        return value.toString().contains(QChar(0)) ? path : QString();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (QString found = nulCharacterPath(array.at(i), child(QString::number(i)));
                !found.isEmpty())
                return found;
        }
        return {};
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().contains(QChar(0)))
            return child(QString(it.key()).replace(QChar(0), QStringLiteral("\\u{0000}")));
        if (QString found = nulCharacterPath(it.value(), child(it.key())); !found.isEmpty())
            return found;
    }
    return {};
}

// PostgreSQL's text and jsonb types cannot hold U+0000, so such a value would fail the central's
// whole submission, again on every retry, instead of being rejected on its own.
OperationOutcome checkStorable(const Operation &operation)
{
    const QString path = nulCharacterPath(operation.payload, {});
    if (path.isEmpty())
        return {};
    return refuse(Refusal::InvalidValue,
                  QStringLiteral("the value of \"%1\" contains a NUL character (U+0000), which "
                                 "cannot be stored; remove it")
                      .arg(path));
}

OperationOutcome checkLength(const QString &name, const QString &text)
{
    if (text.size() <= maxOperatorTextLength)
        return {};
    return refuse(
        Refusal::InvalidValue,
        QStringLiteral("the %1 has %2 characters, more than the %3 allowed")
            .arg(name, QString::number(text.size()), QString::number(maxOperatorTextLength)));
}

OperationOutcome checkTransition(const Report &report, Status to, const Operation &operation)
{
    if (isTransitionAllowed(report.status, to, operation.actorRole))
        return {};
    return refuse(
        Refusal::InvalidTransition,
        QStringLiteral("the role %1 may not move a report from %2 to %3")
            .arg(roleCode(operation.actorRole), statusCode(report.status), statusCode(to)));
}

OperationOutcome classify(Report &report, const Operation &operation, const ReferenceCodes &codes)
{
    const QString category = operation.payload.value(QLatin1String("category")).toString();
    const QString priorityText = operation.payload.value(QLatin1String("priority")).toString();
    if (category.isEmpty())
        return refuse(Refusal::MissingValue, QStringLiteral("classify needs a field"));
    if (!codes.categories.isEmpty() && !codes.categories.contains(category))
        return refuse(Refusal::InvalidValue, QStringLiteral("unknown field \"%1\"").arg(category));

    const auto priority = priorityFromCode(priorityText);
    if (!priority)
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("unknown priority \"%1\"").arg(priorityText));

    // Classifying again while still triaged corrects the field without a transition.
    if (report.status != Status::Triaged) {
        OperationOutcome check = checkTransition(report, Status::Triaged, operation);
        if (!check.accepted())
            return check;
    }

    QJsonObject data{{QLatin1String("category"), category},
                     {QLatin1String("priority"), priorityCode(*priority)},
                     {QLatin1String("from"), statusCode(report.status)},
                     {QLatin1String("to"), statusCode(Status::Triaged)}};
    report.category = category;
    report.subcategory = operation.payload.value(QLatin1String("subcategory")).toString();
    report.priority = *priority;
    report.status = Status::Triaged;

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::Classified, data);
    return outcome;
}

OperationOutcome assign(Report &report, const Operation &operation, const ReferenceCodes &codes)
{
    const QString agency = operation.payload.value(QLatin1String("agency")).toString();
    if (agency.isEmpty())
        return refuse(Refusal::MissingValue, QStringLiteral("assign needs an agency"));
    if (!codes.agencies.isEmpty() && !codes.agencies.contains(agency))
        return refuse(Refusal::InvalidValue, QStringLiteral("unknown agency \"%1\"").arg(agency));

    OperationOutcome check = checkTransition(report, Status::Assigned, operation);
    if (!check.accepted())
        return check;

    report.agency = agency;
    report.status = Status::Assigned;
    report.dueAt = defaultDueTime(report.receivedAt);

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::Assigned,
                              {{QLatin1String("agency"), agency},
                               {QLatin1String("due_at"), toStorageTime(report.dueAt)},
                               {QLatin1String("from"), statusCode(Status::Triaged)},
                               {QLatin1String("to"), statusCode(Status::Assigned)}});
    return outcome;
}

// Checks the reason an operation must carry: present, and not longer than the limit.
OperationOutcome checkReason(const QString &reason, const QString &missingMessage)
{
    if (reason.isEmpty())
        return refuse(Refusal::MissingValue, missingMessage);
    return checkLength(QStringLiteral("reason"), reason);
}

OperationOutcome reject(Report &report, const Operation &operation)
{
    const QString reason = operation.payload.value(QLatin1String("reason")).toString().trimmed();
    if (OperationOutcome check = checkReason(reason, QStringLiteral("reject needs a reason"));
        !check.accepted())
        return check;

    OperationOutcome check = checkTransition(report, Status::Rejected, operation);
    if (!check.accepted())
        return check;

    const Status from = report.status;
    report.status = Status::Rejected;
    report.rejectReason = reason;

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::StatusChanged,
                              {{QLatin1String("reason"), reason},
                               {QLatin1String("from"), statusCode(from)},
                               {QLatin1String("to"), statusCode(Status::Rejected)}});
    return outcome;
}

OperationOutcome returnToCenter(Report &report, const Operation &operation)
{
    const QString reason = operation.payload.value(QLatin1String("reason")).toString().trimmed();
    if (OperationOutcome check =
            checkReason(reason, QStringLiteral("returning a report to the center needs a reason"));
        !check.accepted())
        return check;

    OperationOutcome check = checkTransition(report, Status::Triaged, operation);
    if (!check.accepted())
        return check;

    const QString agency = report.agency;
    report.status = Status::Triaged;
    report.agency.clear();

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::StatusChanged,
                              {{QLatin1String("reason"), reason},
                               {QLatin1String("agency"), agency},
                               {QLatin1String("from"), statusCode(Status::Assigned)},
                               {QLatin1String("to"), statusCode(Status::Triaged)}});
    return outcome;
}

OperationOutcome addNote(const Operation &operation)
{
    const QString text = operation.payload.value(QLatin1String("text")).toString().trimmed();
    if (text.isEmpty())
        return refuse(Refusal::MissingValue, QStringLiteral("a note needs text"));
    if (OperationOutcome length = checkLength(QStringLiteral("note"), text); !length.accepted())
        return length;

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::Note, {{QLatin1String("text"), text}});
    return outcome;
}

OperationOutcome editText(Report &report, const Operation &operation)
{
    const QJsonObject fields = operation.payload.value(QLatin1String("fields")).toObject();
    for (const QString &code : fields.keys()) {
        if (!textFieldFromCode(code))
            return refuse(Refusal::InvalidValue,
                          QStringLiteral("unknown text field \"%1\"").arg(code));
    }
    QString error;
    const auto changes = textChangesOf(operation.payload, &error);
    if (!changes)
        return refuse(Refusal::MissingValue, error);

    QStringList conflicting;
    for (const TextChange &change : *changes) {
        const QString code = textFieldCode(change.field);
        if (!mayEditTextField(change.field, operation.actorRole)) {
            return refuse(Refusal::InvalidTransition,
                          QStringLiteral("the role %1 may not edit the %2")
                              .arg(roleCode(operation.actorRole), code));
        }
        if (!isTextFieldEditable(change.field, report.status)) {
            return refuse(Refusal::InvalidTransition,
                          QStringLiteral("the %1 of a %2 report cannot be edited")
                              .arg(code, statusCode(report.status)));
        }
        if (change.to.size() > maxTextFieldLength(change.field)) {
            return refuse(Refusal::InvalidValue,
                          QStringLiteral("the new %1 has %2 characters, more than the %3 allowed")
                              .arg(code)
                              .arg(change.to.size())
                              .arg(maxTextFieldLength(change.field)));
        }
        const QString current = textFieldValue(report, change.field);
        if (current != change.from && current != change.to)
            conflicting.append(code);
    }
    // All or nothing: a half-applied edit would leave the operator with a mix they never wrote.
    if (!conflicting.isEmpty()) {
        return refuse(Refusal::Conflict,
                      QStringLiteral("%1 changed on the central after this edit was made")
                          .arg(conflicting.join(QStringLiteral(", "))));
    }

    QJsonObject applied;
    for (const TextChange &change : *changes) {
        applied.insert(textFieldCode(change.field),
                       QJsonObject{{QLatin1String("from"), textFieldValue(report, change.field)},
                                   {QLatin1String("to"), change.to}});
        setTextFieldValue(report, change.field, change.to);
    }
    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::Edited, {{QLatin1String("fields"), applied}});
    return outcome;
}

OperationOutcome checkBaseState(const Report &report, const Operation &operation)
{
    if (!operationChangesAssignment(operation.kind) || !operation.baseState)
        return {};
    const AssignmentState current = assignmentStateOf(report);
    if (*operation.baseState == current)
        return {};
    return refuse(Refusal::StaleVersion,
                  QStringLiteral("the report's status or assignment changed on the central "
                                 "(now %1, field \"%2\", agency \"%3\") after this change was made")
                      .arg(statusCode(current.status), current.category, current.agency));
}

} // namespace

QJsonObject AssignmentState::toJson() const
{
    return {{QLatin1String("status"), statusCode(status)},
            {QLatin1String("category"), category},
            {QLatin1String("priority"), priorityCode(priority)},
            {QLatin1String("agency"), agency}};
}

std::optional<AssignmentState> AssignmentState::fromJson(const QJsonObject &json)
{
    const auto status = statusFromCode(json.value(QLatin1String("status")).toString());
    const auto priority = priorityFromCode(json.value(QLatin1String("priority")).toString());
    if (!status || !priority)
        return std::nullopt;
    return AssignmentState{*status, json.value(QLatin1String("category")).toString(), *priority,
                           json.value(QLatin1String("agency")).toString()};
}

AssignmentState assignmentStateOf(const Report &report)
{
    return {report.status, report.category, report.priority, report.agency};
}

QString operationKindCode(OperationKind kind)
{
    for (const auto &[entry, code] : kindCodes) {
        if (entry == kind)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<OperationKind> operationKindFromCode(const QString &code)
{
    for (const auto &[entry, name] : kindCodes) {
        if (code == QLatin1String(name))
            return entry;
    }
    return std::nullopt;
}

QString refusalCode(Refusal refusal)
{
    for (const auto &[entry, code] : refusalCodes) {
        if (entry == refusal)
            return QString::fromLatin1(code);
    }
    return {};
}

Refusal refusalFromCode(const QString &code)
{
    for (const auto &[entry, name] : refusalCodes) {
        if (code == QLatin1String(name))
            return entry;
    }
    return Refusal::InvalidValue;
}

QJsonObject Operation::toJson() const
{
    QJsonObject json{{QLatin1String("id"), id},
                     {QLatin1String("report_id"), reportId},
                     {QLatin1String("kind"), operationKindCode(kind)},
                     {QLatin1String("base_version"), baseVersion},
                     {QLatin1String("actor"), actor},
                     {QLatin1String("actor_role"), roleCode(actorRole)},
                     {QLatin1String("created_at"), toStorageTime(createdAt)},
                     {QLatin1String("event_id"), eventId},
                     {QLatin1String("payload"), payload}};
    if (baseState)
        json.insert(QLatin1String("base_state"), baseState->toJson());
    return json;
}

std::optional<Operation> Operation::fromJson(const QJsonObject &json, QString *error)
{
    Operation operation;
    operation.id = json.value(QLatin1String("id")).toString();
    operation.reportId = json.value(QLatin1String("report_id")).toString();
    operation.baseVersion = json.value(QLatin1String("base_version")).toInt();
    operation.actor = json.value(QLatin1String("actor")).toString();
    operation.createdAt = fromStorageTime(json.value(QLatin1String("created_at")).toString());
    operation.eventId = json.value(QLatin1String("event_id")).toString();
    operation.payload = json.value(QLatin1String("payload")).toObject();
    if (json.contains(QLatin1String("base_state"))) {
        operation.baseState =
            AssignmentState::fromJson(json.value(QLatin1String("base_state")).toObject());
        if (!operation.baseState) {
            if (error)
                *error = QStringLiteral("operation \"%1\" has an unreadable base state")
                             .arg(operation.id);
            return std::nullopt;
        }
    }

    const QString kind = json.value(QLatin1String("kind")).toString();
    const auto parsedKind = operationKindFromCode(kind);
    const auto role = roleFromCode(json.value(QLatin1String("actor_role")).toString());
    if (!parsedKind || !role || operation.id.isEmpty() || operation.reportId.isEmpty() ||
        operation.eventId.isEmpty() || !operation.createdAt.isValid()) {
        if (error)
            *error =
                QStringLiteral("invalid operation \"%1\" of kind \"%2\"").arg(operation.id, kind);
        return std::nullopt;
    }
    operation.kind = *parsedKind;
    operation.actorRole = *role;
    return operation;
}

OperationOutcome applyOperation(Report &report, const Operation &operation,
                                const ReferenceCodes &codes)
{
    if (OperationOutcome storable = checkStorable(operation); !storable.accepted())
        return storable;
    if (operation.actorRole == Role::Kiosk)
        return refuse(Refusal::NotPermitted, QStringLiteral("the wall display changes no report"));
    if (OperationOutcome base = checkBaseState(report, operation); !base.accepted())
        return base;
    switch (operation.kind) {
    case OperationKind::Classify:
        return classify(report, operation, codes);
    case OperationKind::Assign:
        return assign(report, operation, codes);
    case OperationKind::Reject:
        return reject(report, operation);
    case OperationKind::AddNote:
        return addNote(operation);
    case OperationKind::EditText:
        return editText(report, operation);
    case OperationKind::ReturnToCenter:
        return returnToCenter(report, operation);
    }
    return refuse(Refusal::InvalidValue, QStringLiteral("unknown operation kind"));
}

ReferenceCodes referenceCodesOf(const ReferenceData &data)
{
    ReferenceCodes codes;
    for (const Category &category : data.categories)
        codes.categories.insert(category.code);
    for (const Agency &agency : data.agencies)
        codes.agencies.insert(agency.id);
    return codes;
}

bool operationChangesVersion(OperationKind kind)
{
    return kind != OperationKind::AddNote;
}

bool operationChangesAssignment(OperationKind kind)
{
    return kind == OperationKind::Classify || kind == OperationKind::Assign ||
           kind == OperationKind::Reject || kind == OperationKind::ReturnToCenter;
}

} // namespace CivicDesk
