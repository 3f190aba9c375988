#pragma once

#include <optional>
#include <QList>
#include <QString>

namespace CivicDesk {

// Workflow states. The stored code of each is its snake_case name (see statusCode()).
enum class Status
{
    New,
    Triaged,
    Assigned,
    InProgress,
    WaitingInfo,
    Resolved,
    Closed,
    Rejected,
    Duplicate,
};

enum class Channel
{
    App,
    Portal,
    Facebook,
    Zalo,
    Email,
    Hotline,
    WalkIn,
    Other
};
enum class Priority
{
    Normal,
    Urgent
};
enum class MediaKind
{
    Photo,
    Video,
    Audio
};

// Kinds of timeline events. Imported is the arrival of a record from another system. Edited is
// a change of free-text fields; Refused records an operation the central refused because another
// operator changed the report first. An approved extension is DeadlineExtended.
enum class EventKind
{
    Received,
    Imported,
    Classified,
    Assigned,
    Claimed,
    StatusChanged,
    Note,
    ResponsePublished,
    Rated,
    Merged,
    Reopened,
    DeadlineExtended,
    ReporterRevealed,
    Edited,
    Refused,
    ExtensionRequested,
    ExtensionRefused,
    Reminded, // an urgent report still waits for someone to claim it
    Undone,   // a step of a bulk action was taken back; see core/bulk.h
};

// Kinds of operation on a report; see core/operation.h.
enum class OperationKind
{
    Classify,
    Assign,
    Reject,
    AddNote,
    EditText, // free-text fields; the payload is textEditPayload()
    // An assigned report goes back to the center, unassigned, because it is not the agency's
    // work; the payload carries the reason.
    ReturnToCenter,
    Acknowledge,      // the agency takes the report in hand
    AskInfo,          // the citizen is asked for more; the deadline clock pauses
    AnswerInfo,       // the citizen's answer; the report returns to its previous state
    Resolve,          // the agency's public response
    MarkDuplicate,    // the report duplicates another; its reporters join that one
    Reopen,           // a supervisor takes a rejected, closed or duplicate report back to triage
    Rate,             // the citizen's rating of the response
    CloseUnrated,     // the rating period ended without a rating
    RequestExtension, // the agency asks for a later deadline, with a reason
    DecideExtension,  // a supervisor approves or refuses the extension asked for
    Create,           // a report taken at the center, such as a hotline call; see reportcreate.h
    // Takes back the operator's own step of a bulk action within bulkUndoMinutes, restoring
    // the report's earlier status, field, priority and agency; see core/bulk.h.
    Undo,
};

// Roles of the people (and the system itself) that act on reports.
enum class Role
{
    Operator,
    Supervisor,
    Agency,
    Admin,
    Kiosk,
    System
};

// A citizen's rating of the published answer, stored as its number.
enum class Rating
{
    Unsatisfied = 1,
    Acceptable = 2,
    Satisfied = 3,
};

QString ratingCode(Rating rating); // "satisfied", "acceptable", "unsatisfied"
std::optional<Rating> ratingFromCode(const QString &code);
std::optional<Rating> ratingFromNumber(int number);

QString statusCode(Status status);
std::optional<Status> statusFromCode(const QString &code);
QList<Status> allStatuses();

QString channelCode(Channel channel);
std::optional<Channel> channelFromCode(const QString &code);
QList<Channel> allChannels();

QString priorityCode(Priority priority);
std::optional<Priority> priorityFromCode(const QString &code);

QString mediaKindCode(MediaKind kind);
std::optional<MediaKind> mediaKindFromCode(const QString &code);

QString eventKindCode(EventKind kind);
std::optional<EventKind> eventKindFromCode(const QString &code);

QString roleCode(Role role);
std::optional<Role> roleFromCode(const QString &code);

} // namespace CivicDesk
