#include "core/operation.h"

#include "core/reportcreate.h"
#include "core/textedit.h"
#include "core/timeutil.h"
#include "core/workflow.h"

#include <array>
#include <QJsonArray>
#include <QJsonValue>
#include <utility>

namespace CivicDesk {
namespace {

constexpr std::array<std::pair<OperationKind, const char *>, 18> kindCodes{{
    {OperationKind::Classify, "classify"},
    {OperationKind::Assign, "assign"},
    {OperationKind::Reject, "reject"},
    {OperationKind::AddNote, "note"},
    {OperationKind::EditText, "edit"},
    {OperationKind::ReturnToCenter, "return"},
    {OperationKind::Acknowledge, "acknowledge"},
    {OperationKind::AskInfo, "ask_info"},
    {OperationKind::AnswerInfo, "answer_info"},
    {OperationKind::Resolve, "resolve"},
    {OperationKind::MarkDuplicate, "duplicate"},
    {OperationKind::Reopen, "reopen"},
    {OperationKind::Rate, "rate"},
    {OperationKind::CloseUnrated, "close_unrated"},
    {OperationKind::RequestExtension, "request_extension"},
    {OperationKind::DecideExtension, "decide_extension"},
    {OperationKind::Create, "create"},
    {OperationKind::Undo, "undo"},
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
    if (isTransitionAllowed(report.status, to, operation.kind, operation.actorRole))
        return {};
    return refuse(Refusal::InvalidTransition,
                  QStringLiteral("the role %1 may not %2 a report from %3 to %4")
                      .arg(roleCode(operation.actorRole), operationKindCode(operation.kind),
                           statusCode(report.status), statusCode(to)));
}

// Returns the deadline of a report whose clock starts at `start`: the processing time of its
// field and priority, counted in working time, in UTC.
QDateTime deadlineFrom(const Report &report, const ReferenceCodes &codes, const QDateTime &start)
{
    const ProcessingTime time = codes.deadlines.processingTime(report.category, report.priority);
    return deadlineFor(codes.calendar, time, start).toUTC();
}

// Returns the deadline after a pause from `pausedAt` to `resumedAt`: the working time left at
// the pause counts again from the resumption.
QDateTime deadlineAfterPause(const Report &report, const ReferenceCodes &codes,
                             const QDateTime &pausedAt, const QDateTime &resumedAt)
{
    if (!report.dueAt.isValid() || !pausedAt.isValid())
        return report.dueAt;
    return resumedDeadline(codes.calendar, report.dueAt, pausedAt, resumedAt).toUTC();
}

// The data every status change records: from, to, and the agency on whose behalf an operator
// or a supervisor recorded an agency's step.
QJsonObject transitionData(const Report &report, Status from, Status to, const Operation &operation)
{
    QJsonObject data{{QLatin1String("from"), statusCode(from)},
                     {QLatin1String("to"), statusCode(to)}};
    const Transition *transition = findTransition(from, to, operation.kind);
    if (transition && transition->agencyStep && operation.actorRole != Role::Agency &&
        !report.agency.isEmpty()) {
        data.insert(QLatin1String("on_behalf_of"), report.agency);
    }
    return data;
}

// Reads a required text of the payload: present, trimmed and not longer than `limit`.
OperationOutcome requiredText(const Operation &operation, QLatin1String key, const QString &what,
                              QString *text, int limit = maxOperatorTextLength)
{
    *text = operation.payload.value(key).toString().trimmed();
    if (text->isEmpty())
        return refuse(Refusal::MissingValue,
                      QStringLiteral("%1 needs %2").arg(operationKindCode(operation.kind), what));
    if (text->size() > limit)
        return refuse(
            Refusal::InvalidValue,
            QStringLiteral("the %1 has %2 characters, more than the %3 allowed")
                .arg(QString(key), QString::number(text->size()), QString::number(limit)));
    return {};
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

    OperationOutcome check = checkTransition(report, Status::Triaged, operation);
    if (!check.accepted())
        return check;

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

    // The citizen's clock runs from the arrival of the report, for every agency in turn. The
    // agency an import may have named stays in the event, so that an undo can restore it.
    const QString agencyBefore = report.agency;
    report.agency = agency;
    report.status = Status::Assigned;
    report.clockStartedAt = report.receivedAt;
    report.dueAt = deadlineFrom(report, codes, report.receivedAt);

    QJsonObject data{{QLatin1String("agency"), agency},
                     {QLatin1String("due_at"), toStorageTime(report.dueAt)},
                     {QLatin1String("from"), statusCode(Status::Triaged)},
                     {QLatin1String("to"), statusCode(Status::Assigned)}};
    if (!agencyBefore.isEmpty())
        data.insert(QLatin1String("agency_before"), agencyBefore);
    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::Assigned, data);
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
    QJsonObject data = transitionData(report, report.status, Status::Triaged, operation);
    data.insert(QLatin1String("reason"), reason);
    data.insert(QLatin1String("agency"), agency);
    report.status = Status::Triaged;
    report.agency.clear();
    report.dueAt = {};
    report.clockStartedAt = {};
    report.extensionDueAt = {};
    report.extensionReason.clear();

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::StatusChanged, data);
    return outcome;
}

// Moves the report along one transition after checking it, and returns the outcome with an
// event of `kind` whose data holds from, to and `extra`.
OperationOutcome moveTo(Report &report, Status to, const Operation &operation, EventKind kind,
                        const QJsonObject &extra)
{
    OperationOutcome check = checkTransition(report, to, operation);
    if (!check.accepted())
        return check;
    QJsonObject data = transitionData(report, report.status, to, operation);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        data.insert(it.key(), it.value());
    report.status = to;
    OperationOutcome outcome;
    outcome.event = makeEvent(operation, kind, data);
    return outcome;
}

OperationOutcome acknowledge(Report &report, const Operation &operation)
{
    return moveTo(report, Status::InProgress, operation, EventKind::StatusChanged, {});
}

OperationOutcome askInfo(Report &report, const Operation &operation)
{
    QString question;
    if (OperationOutcome check =
            requiredText(operation, QLatin1String("question"),
                         QStringLiteral("the question for the citizen"), &question);
        !check.accepted())
        return check;
    const Status from = report.status;
    OperationOutcome outcome =
        moveTo(report, Status::WaitingInfo, operation, EventKind::StatusChanged,
               {{QLatin1String("question"), question}});
    if (outcome.accepted()) {
        report.waitingSince = operation.createdAt;
        report.resumeStatus = from;
    }
    return outcome;
}

OperationOutcome answerInfo(Report &report, const Operation &operation, const ReferenceCodes &codes)
{
    QString answer;
    if (OperationOutcome check = requiredText(operation, QLatin1String("answer"),
                                              QStringLiteral("the citizen's answer"), &answer);
        !check.accepted())
        return check;
    if (report.status != Status::WaitingInfo)
        return refuse(Refusal::InvalidTransition,
                      QStringLiteral("report %1 is %2, not waiting for the citizen's answer")
                          .arg(report.id, statusCode(report.status)));
    const Status to = report.resumeStatus.value_or(Status::Assigned);
    const QDateTime paused = report.waitingSince;
    const QDateTime due = deadlineAfterPause(report, codes, paused, operation.createdAt);
    OperationOutcome outcome = moveTo(report, to, operation, EventKind::StatusChanged,
                                      {{QLatin1String("answer"), answer},
                                       {QLatin1String("waiting_since"), toStorageTime(paused)},
                                       {QLatin1String("due_at"), toStorageTime(due)}});
    if (outcome.accepted()) {
        report.dueAt = due;
        report.waitingSince = {};
        report.resumeStatus.reset();
    }
    return outcome;
}

// Longest public response, in characters: agencies' answers run to several paragraphs.
constexpr int maxResponseLength = 8000;

OperationOutcome resolve(Report &report, const Operation &operation)
{
    QString response;
    if (OperationOutcome check =
            requiredText(operation, QLatin1String("response"), QStringLiteral("a public response"),
                         &response, maxResponseLength);
        !check.accepted())
        return check;
    OperationOutcome outcome =
        moveTo(report, Status::Resolved, operation, EventKind::ResponsePublished,
               {{QLatin1String("response"), response}});
    if (outcome.accepted()) {
        report.publicResponse = response;
        report.resolvedAt = operation.createdAt;
        report.extensionDueAt = {};
        report.extensionReason.clear();
    }
    return outcome;
}

OperationOutcome markDuplicate(Report &report, const Operation &operation)
{
    const QString original = operation.payload.value(QLatin1String("duplicate_of")).toString();
    if (original.isEmpty())
        return refuse(Refusal::MissingValue,
                      QStringLiteral("marking a duplicate needs the report it duplicates"));
    if (original == report.id)
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("report %1 cannot duplicate itself").arg(report.id));
    OperationOutcome outcome = moveTo(report, Status::Duplicate, operation, EventKind::Merged,
                                      {{QLatin1String("duplicate_of"), original}});
    if (outcome.accepted())
        report.duplicateOf = original;
    return outcome;
}

OperationOutcome reopen(Report &report, const Operation &operation)
{
    QString reason;
    if (OperationOutcome check =
            requiredText(operation, QLatin1String("reason"), QStringLiteral("a reason"), &reason);
        !check.accepted())
        return check;
    OperationOutcome outcome = moveTo(report, Status::Triaged, operation, EventKind::Reopened,
                                      {{QLatin1String("reason"), reason}});
    if (outcome.accepted()) {
        // Triage starts again: the report waits for an agency, and what ended it no longer holds.
        report.agency.clear();
        report.dueAt = {};
        report.clockStartedAt = {};
        report.resolvedAt = {};
        report.closedAt = {};
        report.rating.reset();
        report.rejectReason.clear();
        report.duplicateOf.clear();
    }
    return outcome;
}

OperationOutcome rate(Report &report, const Operation &operation, const ReferenceCodes &codes)
{
    const QString code = operation.payload.value(QLatin1String("rating")).toString();
    const auto rating = ratingFromCode(code);
    if (!rating)
        return refuse(code.isEmpty() ? Refusal::MissingValue : Refusal::InvalidValue,
                      QStringLiteral("unknown rating \"%1\"; expected satisfied, acceptable or "
                                     "unsatisfied")
                          .arg(code));
    const QString comment = operation.payload.value(QLatin1String("comment")).toString().trimmed();
    if (OperationOutcome length = checkLength(QStringLiteral("comment"), comment);
        !length.accepted())
        return length;

    QJsonObject extra{{QLatin1String("rating"), ratingCode(*rating)}};
    if (!comment.isEmpty())
        extra.insert(QLatin1String("comment"), comment);
    if (*rating != Rating::Unsatisfied) {
        OperationOutcome outcome =
            moveTo(report, Status::Closed, operation, EventKind::Rated, extra);
        if (outcome.accepted()) {
            report.rating = int(*rating);
            report.closedAt = operation.createdAt;
        }
        return outcome;
    }
    // Not satisfied: the agency works on it again, with the citizen's comment as the reason and
    // a new processing time from now.
    if (comment.isEmpty())
        return refuse(Refusal::MissingValue,
                      QStringLiteral("a rating of unsatisfied reopens the report and needs the "
                                     "citizen's comment"));
    OperationOutcome outcome = moveTo(report, Status::Assigned, operation, EventKind::Rated, extra);
    if (outcome.accepted()) {
        report.rating = int(*rating);
        report.resolvedAt = {};
        report.clockStartedAt = operation.createdAt;
        report.dueAt = deadlineFrom(report, codes, operation.createdAt);
        outcome.event.data.insert(QLatin1String("due_at"), toStorageTime(report.dueAt));
    }
    return outcome;
}

OperationOutcome closeUnrated(Report &report, const Operation &operation)
{
    if (report.status == Status::Resolved && report.resolvedAt.isValid() &&
        report.resolvedAt.addDays(ratingPeriodDays) > operation.createdAt) {
        return refuse(
            Refusal::InvalidTransition,
            QStringLiteral("the rating period of report %1 runs until %2")
                .arg(report.id, toStorageTime(report.resolvedAt.addDays(ratingPeriodDays))));
    }
    OperationOutcome outcome = moveTo(report, Status::Closed, operation, EventKind::StatusChanged,
                                      {{QLatin1String("rating_period_days"), ratingPeriodDays}});
    if (outcome.accepted())
        report.closedAt = operation.createdAt;
    return outcome;
}

// States in which the agency works on a report and its deadline runs.
bool isAgencyWork(Status status)
{
    return status == Status::Assigned || status == Status::InProgress ||
           status == Status::WaitingInfo;
}

OperationOutcome requestExtension(Report &report, const Operation &operation)
{
    QString reason;
    if (OperationOutcome check =
            requiredText(operation, QLatin1String("reason"), QStringLiteral("a reason"), &reason);
        !check.accepted())
        return check;
    const QString dueText = operation.payload.value(QLatin1String("due_at")).toString();
    const QDateTime due = fromStorageTime(dueText);
    if (!due.isValid())
        return refuse(dueText.isEmpty() ? Refusal::MissingValue : Refusal::InvalidValue,
                      QStringLiteral("an extension needs the deadline asked for; \"%1\" is not a "
                                     "time")
                          .arg(dueText));
    const bool allowed = operation.actorRole == Role::Agency ||
                         operation.actorRole == Role::Operator ||
                         operation.actorRole == Role::Supervisor;
    if (!allowed || !isAgencyWork(report.status))
        return refuse(Refusal::InvalidTransition,
                      QStringLiteral("the role %1 may not ask for an extension of a %2 report")
                          .arg(roleCode(operation.actorRole), statusCode(report.status)));
    if (report.dueAt.isValid() && due <= report.dueAt)
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("the deadline asked for (%1) is not later than the current "
                                     "one (%2)")
                          .arg(toStorageTime(due), toStorageTime(report.dueAt)));
    QJsonObject data{{QLatin1String("reason"), reason},
                     {QLatin1String("due_at"), toStorageTime(due)},
                     {QLatin1String("previous_due_at"), toStorageTime(report.dueAt)}};
    if (operation.actorRole != Role::Agency && !report.agency.isEmpty())
        data.insert(QLatin1String("on_behalf_of"), report.agency);
    report.extensionDueAt = due;
    report.extensionReason = reason;
    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::ExtensionRequested, data);
    return outcome;
}

OperationOutcome decideExtension(Report &report, const Operation &operation)
{
    if (operation.actorRole != Role::Supervisor)
        return refuse(Refusal::InvalidTransition,
                      QStringLiteral("only a supervisor decides on extensions, not the role %1")
                          .arg(roleCode(operation.actorRole)));
    if (!report.extensionDueAt.isValid() || !isAgencyWork(report.status))
        return refuse(
            Refusal::InvalidTransition,
            QStringLiteral("report %1 has no extension waiting for a decision").arg(report.id));
    const QJsonValue approvedValue = operation.payload.value(QLatin1String("approved"));
    if (!approvedValue.isBool())
        return refuse(Refusal::MissingValue,
                      QStringLiteral("deciding on an extension needs \"approved\": true or false"));
    const bool approved = approvedValue.toBool();
    const QString reason = operation.payload.value(QLatin1String("reason")).toString().trimmed();
    if (!approved && reason.isEmpty())
        return refuse(Refusal::MissingValue,
                      QStringLiteral("refusing an extension needs a reason"));
    if (OperationOutcome length = checkLength(QStringLiteral("reason"), reason); !length.accepted())
        return length;

    QJsonObject data{{QLatin1String("due_at"), toStorageTime(report.extensionDueAt)},
                     {QLatin1String("previous_due_at"), toStorageTime(report.dueAt)},
                     {QLatin1String("requested_reason"), report.extensionReason}};
    if (!reason.isEmpty())
        data.insert(QLatin1String("reason"), reason);
    if (approved)
        report.dueAt = report.extensionDueAt;
    report.extensionDueAt = {};
    report.extensionReason.clear();
    OperationOutcome outcome;
    outcome.event = makeEvent(
        operation, approved ? EventKind::DeadlineExtended : EventKind::ExtensionRefused, data);
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

// Returns a report to the state that a step of a bulk action found it in. The central also
// checks the step against the report's timeline (undoProblem() in core/bulk.h).
OperationOutcome undo(Report &report, const Operation &operation, const ReferenceCodes &codes)
{
    if (operation.payload.value(QLatin1String("undoes")).toString().isEmpty())
        return refuse(Refusal::MissingValue, QStringLiteral("undo needs the step it takes back"));
    const auto restore =
        AssignmentState::fromJson(operation.payload.value(QLatin1String("restore")).toObject());
    if (!restore)
        return refuse(Refusal::MissingValue,
                      QStringLiteral("undo needs the status, field and priority to restore"));
    if (!restore->agency.isEmpty() && !codes.agencies.isEmpty() &&
        !codes.agencies.contains(restore->agency))
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("unknown agency \"%1\"").arg(restore->agency));
    if (restore->category.isEmpty() && restore->status != Status::New)
        return refuse(
            Refusal::MissingValue,
            QStringLiteral("a report undone to %1 needs a field").arg(statusCode(restore->status)));
    if (!restore->category.isEmpty() && !codes.categories.isEmpty() &&
        !codes.categories.contains(restore->category))
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("unknown field \"%1\"").arg(restore->category));
    OperationOutcome check = checkTransition(report, restore->status, operation);
    if (!check.accepted())
        return check;

    QJsonObject data = transitionData(report, report.status, restore->status, operation);
    data.insert(QLatin1String("undoes"), operation.payload.value(QLatin1String("undoes")));
    data.insert(QLatin1String("category"), restore->category);
    data.insert(QLatin1String("priority"), priorityCode(restore->priority));
    if (report.agency != restore->agency)
        data.insert(QLatin1String("agency"), restore->agency);
    report.status = restore->status;
    report.category = restore->category;
    report.priority = restore->priority;
    report.agency = restore->agency;
    report.dueAt = {};
    report.clockStartedAt = {};
    report.rejectReason.clear();

    OperationOutcome outcome;
    outcome.event = makeEvent(operation, EventKind::Undone, data);
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
    case OperationKind::Acknowledge:
        return acknowledge(report, operation);
    case OperationKind::AskInfo:
        return askInfo(report, operation);
    case OperationKind::AnswerInfo:
        return answerInfo(report, operation, codes);
    case OperationKind::Resolve:
        return resolve(report, operation);
    case OperationKind::MarkDuplicate:
        return markDuplicate(report, operation);
    case OperationKind::Reopen:
        return reopen(report, operation);
    case OperationKind::Rate:
        return rate(report, operation, codes);
    case OperationKind::CloseUnrated:
        return closeUnrated(report, operation);
    case OperationKind::RequestExtension:
        return requestExtension(report, operation);
    case OperationKind::DecideExtension:
        return decideExtension(report, operation);
    case OperationKind::Create:
        return applyCreate(report, operation, codes);
    case OperationKind::Undo:
        return undo(report, operation, codes);
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
    codes.calendar = data.calendar;
    codes.deadlines = data.deadlines;
    return codes;
}

bool operationChangesVersion(OperationKind kind)
{
    // A created report starts at version 1.
    return kind != OperationKind::AddNote && kind != OperationKind::Create;
}

bool operationChangesAssignment(OperationKind kind)
{
    switch (kind) {
    case OperationKind::AddNote:
    case OperationKind::EditText:
    case OperationKind::RequestExtension:
    case OperationKind::DecideExtension:
    case OperationKind::Create:
        return false;
    default:
        return true;
    }
}

QList<OperationKind> allOperationKinds()
{
    QList<OperationKind> kinds;
    for (const auto &[kind, code] : kindCodes)
        kinds.append(kind);
    return kinds;
}

} // namespace CivicDesk
