#pragma once

#include "core/codes.h"
#include "core/reference.h"
#include "core/report.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace CivicDesk {

QString operationKindCode(OperationKind kind);
QList<OperationKind> allOperationKinds();
std::optional<OperationKind> operationKindFromCode(const QString &code);

// The part of a report that status and assignment operations depend on. Such operations are
// never merged: the central refuses one when this part changed after the operator saw it. Text
// edits and notes leave it alone, so they never cause such a refusal.
struct AssignmentState
{
    Status status = Status::New;
    QString category;
    Priority priority = Priority::Normal;
    QString agency;

    bool operator==(const AssignmentState &) const = default;

    QJsonObject toJson() const;
    static std::optional<AssignmentState> fromJson(const QJsonObject &json);
};

AssignmentState assignmentStateOf(const Report &report);

// An operator's action on one report. It is applied to the replica at once and sent to the
// central through the outbox; its id makes a second delivery a no-op.
struct Operation
{
    QString id; // UUID
    QString reportId;
    OperationKind kind = OperationKind::AddNote;
    int baseVersion = 0; // report version the operator saw
    // Status and assignment the operator saw. Operations queued by versions of CivicDesk that did
    // not record it have none; the central then compares baseVersion instead.
    std::optional<AssignmentState> baseState;
    QString actor;
    Role actorRole = Role::Operator;
    QDateTime createdAt;
    QString eventId;     // id of the timeline event the operation produces, the same everywhere
    QJsonObject payload; // category/priority, agency, reason or text, depending on kind

    QJsonObject toJson() const;
    static std::optional<Operation> fromJson(const QJsonObject &json, QString *error);
};

// Reason the central rejected an operation.
enum class Refusal
{
    None,
    UnknownReport,
    StaleVersion,
    InvalidTransition,
    MissingValue,
    InvalidValue,
    Conflict,     // another operator changed a text field of the edit to something else first
    NotPermitted, // the signed-in user's role may not make this change
};

QString refusalCode(Refusal refusal);
Refusal refusalFromCode(const QString &code);

// What the rules need of the reference data: the codes they accept for fields and agencies
// (empty sets accept any code), and the calendar and processing times that deadlines count in.
struct ReferenceCodes
{
    QSet<QString> categories;
    QSet<QString> agencies;
    WorkingCalendar calendar;
    DeadlineRules deadlines;
};

ReferenceCodes referenceCodesOf(const ReferenceData &data);

struct OperationOutcome
{
    Refusal refusal = Refusal::None;
    QString reason; // English sentence for logs and the "needs attention" list
    Event event;

    bool accepted() const { return refusal == Refusal::None; }
};

// The central's decision on one operation. A refused operation carries the report as the
// central stores it, so that the replica can return to that state.
struct OperationResult
{
    QString operationId;
    Refusal refusal = Refusal::None;
    QString reason;
    std::optional<ReportSnapshot> current;
    // Not decided: an earlier operation on the same report was refused in the same submission.
    // The operation stays in the outbox until the operator has resolved that refusal.
    bool held = false;
    // The central had decided this operation before, and this is that first decision again.
    bool repeated = false;

    bool accepted() const { return refusal == Refusal::None && !held; }
};

// Days after the response during which the citizen may rate it; then the report closes.
inline constexpr int ratingPeriodDays = 7;

// Minutes between reminders of an urgent report that nobody has claimed.
inline constexpr int urgentReminderMinutes = 10;

// Maximum length in characters (UTF-16 code units) of a note or a reason for rejecting a
// report, chosen for this product: a few paragraphs.
inline constexpr int maxOperatorTextLength = 4000;

// Applies an operation to a report: the one implementation of the rules. The replica runs it to
// show the change at once, and the central runs it to decide. Both reach the same result
// because the operation carries its own event id and time. A status or assignment operation
// whose baseState differs from the report's is refused as StaleVersion. An edit of a field that
// someone else changed is refused as Conflict and changes nothing. A payload with a NUL
// character (U+0000) anywhere, or a note or reason longer than maxOperatorTextLength, is refused
// as InvalidValue.
OperationOutcome applyOperation(Report &report, const Operation &operation,
                                const ReferenceCodes &codes);

// Returns whether an accepted operation of this kind increases the report version. Notes are
// timeline entries and never conflict with changes to the report's fields.
bool operationChangesVersion(OperationKind kind);

// Returns whether an operation of this kind changes the report's status or assignment, and so
// depends on its baseState.
bool operationChangesAssignment(OperationKind kind);

} // namespace CivicDesk
