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
// operator changed the report first.
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
