#include "core/workflow.h"

namespace CivicDesk {

const QList<Transition> &transitionTable()
{
    using enum Status;
    using R = Requirement;
    static const QList<Transition> table{
        {New, Triaged, {Role::Operator, Role::Supervisor}, R::Category | R::Priority},
        {New, Rejected, {Role::Operator, Role::Supervisor}, R::Reason},
        {Triaged, Rejected, {Role::Operator, Role::Supervisor}, R::Reason},
        {New, Duplicate, {Role::Operator, Role::Supervisor}, R::DuplicateOf},
        {Triaged, Duplicate, {Role::Operator, Role::Supervisor}, R::DuplicateOf},
        {Triaged, Assigned, {Role::Operator, Role::Supervisor}, R::Agency},
        {Assigned, Triaged, {Role::Agency, Role::Operator}, R::Reason},
        {Assigned, InProgress, {Role::Agency, Role::Operator}, R::None},
        {Assigned, WaitingInfo, {Role::Agency, Role::Operator}, R::Question},
        {InProgress, WaitingInfo, {Role::Agency, Role::Operator}, R::Question},
        {WaitingInfo, Assigned, {Role::Operator}, R::Answer},
        {WaitingInfo, InProgress, {Role::Operator}, R::Answer},
        {InProgress, Resolved, {Role::Agency, Role::Operator}, R::PublicResponse},
        {Resolved, Closed, {Role::System}, R::Rating},
        {Resolved, Assigned, {Role::System}, R::Rating | R::Reason},
        {Rejected, Triaged, {Role::Supervisor}, R::Reason},
        {Closed, Triaged, {Role::Supervisor}, R::Reason},
        {Duplicate, Triaged, {Role::Supervisor}, R::Reason},
    };
    return table;
}

const Transition *findTransition(Status from, Status to)
{
    for (const Transition &transition : transitionTable()) {
        if (transition.from == from && transition.to == to)
            return &transition;
    }
    return nullptr;
}

bool isTransitionAllowed(Status from, Status to, Role role)
{
    const Transition *transition = findTransition(from, to);
    return transition && transition->roles.contains(role);
}

bool isFinalStatus(Status status)
{
    return status == Status::Closed || status == Status::Rejected || status == Status::Duplicate;
}

} // namespace CivicDesk
