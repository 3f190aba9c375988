#include "core/workflow.h"

namespace CivicDesk {

const QList<Transition> &transitionTable()
{
    using enum Status;
    using R = Requirement;
    const QList<Role> center{Role::Operator, Role::Supervisor};
    const QList<Role> agencyOrCenter{Role::Agency, Role::Operator, Role::Supervisor};
    using O = OperationKind;
    static const QList<Transition> table{
        {New, Triaged, O::Classify, center, R::Category | R::Priority},
        {Triaged, Triaged, O::Classify, center, R::Category | R::Priority},
        {New, Rejected, O::Reject, center, R::Reason},
        {Triaged, Rejected, O::Reject, center, R::Reason},
        {New, Duplicate, O::MarkDuplicate, center, R::DuplicateOf},
        {Triaged, Duplicate, O::MarkDuplicate, center, R::DuplicateOf},
        {Triaged, Assigned, O::Assign, center, R::Agency},
        {Assigned, Triaged, O::ReturnToCenter, agencyOrCenter, R::Reason, true},
        {Assigned, InProgress, O::Acknowledge, agencyOrCenter, R::None, true},
        {Assigned, WaitingInfo, O::AskInfo, agencyOrCenter, R::Question},
        {InProgress, WaitingInfo, O::AskInfo, agencyOrCenter, R::Question},
        {WaitingInfo, Assigned, O::AnswerInfo, center, R::Answer},
        {WaitingInfo, InProgress, O::AnswerInfo, center, R::Answer},
        {InProgress, Resolved, O::Resolve, agencyOrCenter, R::PublicResponse, true},
        {Resolved, Closed, O::Rate, {Role::System}, R::Rating},
        {Resolved, Closed, O::CloseUnrated, {Role::System}, R::Rating},
        {Resolved, Assigned, O::Rate, {Role::System}, R::Rating | R::Reason},
        {Rejected, Triaged, O::Reopen, {Role::Supervisor}, R::Reason},
        {Closed, Triaged, O::Reopen, {Role::Supervisor}, R::Reason},
        {Duplicate, Triaged, O::Reopen, {Role::Supervisor}, R::Reason},
        // Undoing a bulk action returns each report to where the action found it.
        {Triaged, New, O::Undo, center, R::UndoneStep},
        {Triaged, Triaged, O::Undo, center, R::UndoneStep},
        {Assigned, Triaged, O::Undo, center, R::UndoneStep},
        {Rejected, New, O::Undo, center, R::UndoneStep},
        {Rejected, Triaged, O::Undo, center, R::UndoneStep},
    };
    return table;
}

const Transition *findTransition(Status from, Status to, OperationKind operation)
{
    for (const Transition &transition : transitionTable()) {
        if (transition.from == from && transition.to == to && transition.operation == operation)
            return &transition;
    }
    return nullptr;
}

bool isTransitionAllowed(Status from, Status to, OperationKind operation, Role role)
{
    const Transition *transition = findTransition(from, to, operation);
    return transition && transition->roles.contains(role);
}

bool isFinalStatus(Status status)
{
    return status == Status::Closed || status == Status::Rejected || status == Status::Duplicate;
}

} // namespace CivicDesk
