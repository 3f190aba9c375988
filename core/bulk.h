#pragma once

#include "core/operation.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace CivicDesk {

// Actions an operator applies to a selection of reports at once.
enum class BulkAction
{
    Assign,     // forward to one agency
    Classify,   // set one field, keeping each report's priority
    RejectSpam, // reject with one reason
};

QString bulkActionCode(BulkAction action);
std::optional<BulkAction> bulkActionFromCode(const QString &code);

// Reason a report of the selection gets no change.
enum class BulkSkip
{
    None,
    Unchanged,      // the report already has the value
    NotAllowed,     // the workflow has no such move from the report's state for this role
    ClaimedByOther, // someone else has an unexpired claim on the report
    Refused,      // the rules refuse the operation for another reason, given in BulkChange::reason
    ChangedSince, // someone changed the report after the preview, or after the step to undo
    OpenRefusal,  // a refused change of the report waits for the operator's decision
    Expired,      // the time to undo the step is over
};

QString bulkSkipCode(BulkSkip skip);

// The change one report of a selection gets: the operation, and the report's status and
// assignment before and after it. The rules of applyOperation() decide it on a copy of the
// report, so the preview shows what the replica and the central will do.
struct BulkChange
{
    QString reportId;
    QString code; // public code
    QString title;
    AssignmentState before;
    AssignmentState after;
    OperationKind kind = OperationKind::Classify;
    QJsonObject payload;
    BulkSkip skip = BulkSkip::None;
    QString reason; // English, for the log: why the rules refused it
    // Once made: the timeline event of the operation and its time, which undoing it needs.
    QString eventId;
    QDateTime at;

    bool applies() const { return skip == BulkSkip::None; }
};

// Plans the change a bulk action by `actor` makes to one report. `value` is the agency id, the
// field code or the reason for rejecting. A report that someone else has claimed is left out.
BulkChange planBulkChange(const Report &report, BulkAction action, const QString &value,
                          const QString &actor, Role role, const ReferenceCodes &codes,
                          const QDateTime &now);

// Minutes during which the operator may undo a bulk action.
inline constexpr int bulkUndoMinutes = 10;

// Plans the operation that takes back one change made by a bulk action (a step), from the report
// and its timeline as they are now. A report whose status or assignment changed after the step,
// by any route, is left alone as ChangedSince, and one someone else has claimed since as
// ClaimedByOther. After bulkUndoMinutes every step is Expired.
BulkChange planUndo(const Report &current, const QList<Event> &events, const BulkChange &step,
                    const QString &actor, Role role, const ReferenceCodes &codes,
                    const QDateTime &now);

// Checks an Undo operation against the report and its timeline. The step it names must be in
// the timeline, made by the same user at most bulkUndoMinutes before the undo. It must be the
// last change of the report's status or assignment and have started from the status the undo
// restores. The agency restored must be the one the report had before the step: the current
// one, or for a forward the one the step's event recorded. Returns an English sentence for the
// refusal, or nothing when the undo may go ahead.
std::optional<QString> undoProblem(const Report &current, const QList<Event> &events,
                                   const Operation &undo);

} // namespace CivicDesk
