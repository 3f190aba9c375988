#pragma once

#include "core/codes.h"

#include <QList>

namespace CivicDesk {

// Value a transition needs before it may happen.
enum class Requirement
{
    None = 0,
    Category = 1 << 0, // a field
    Priority = 1 << 1,
    Reason = 1 << 2,      // a written reason
    DuplicateOf = 1 << 3, // the report it duplicates
    Agency = 1 << 4,      // the agency it is forwarded to; the deadline is computed
    Question = 1 << 5,    // the question put to the citizen; the deadline clock pauses
    Answer = 1 << 6,      // the citizen's answer; the report returns to its previous state
    PublicResponse = 1 << 7,
    Rating = 1 << 8, // a citizen rating, or the end of the rating period
    // The step taken back: the same user's own, made at most bulkUndoMinutes before, and the
    // last change of the report's status or assignment.
    UndoneStep = 1 << 9,
};

constexpr Requirement operator|(Requirement a, Requirement b)
{
    return static_cast<Requirement>(static_cast<int>(a) | static_cast<int>(b));
}

constexpr bool needs(Requirement set, Requirement item)
{
    return (static_cast<int>(set) & static_cast<int>(item)) != 0;
}

// One allowed move of the workflow: the operation that makes it and the roles that may.
struct Transition
{
    Status from;
    Status to;
    OperationKind operation;
    QList<Role> roles;
    Requirement requirements = Requirement::None;
    // A step of the agency's work. Operators and supervisors may record it on the agency's
    // behalf, and the event says so.
    bool agencyStep = false;
};

// The workflow of every mode and of the central side: the only place where transitions are
// decided. WaitingInfo returns to the state it came from, which the report keeps while it
// waits. Classifying a triaged report again corrects its field without leaving triage.
const QList<Transition> &transitionTable();

// Returns the transition from one state to another by an operation, or nullptr when the table
// has none.
const Transition *findTransition(Status from, Status to, OperationKind operation);

bool isTransitionAllowed(Status from, Status to, OperationKind operation, Role role);

// States that end the work on a report unless a supervisor reopens it.
bool isFinalStatus(Status status);

} // namespace CivicDesk
