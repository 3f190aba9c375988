#include "core/codes.h"

#include <array>
#include <utility>

namespace CivicDesk {
namespace {

template<typename Enum, std::size_t N>
QString codeOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[entry, code] : table) {
        if (entry == value)
            return QString::fromLatin1(code);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &table,
                            const QString &code)
{
    for (const auto &[entry, name] : table) {
        if (code == QLatin1String(name))
            return entry;
    }
    return std::nullopt;
}

constexpr std::array<std::pair<Status, const char *>, 9> statusCodes{{
    {Status::New, "new"},
    {Status::Triaged, "triaged"},
    {Status::Assigned, "assigned"},
    {Status::InProgress, "in_progress"},
    {Status::WaitingInfo, "waiting_info"},
    {Status::Resolved, "resolved"},
    {Status::Closed, "closed"},
    {Status::Rejected, "rejected"},
    {Status::Duplicate, "duplicate"},
}};

constexpr std::array<std::pair<Channel, const char *>, 8> channelCodes{{
    {Channel::App, "app"},
    {Channel::Portal, "portal"},
    {Channel::Facebook, "facebook"},
    {Channel::Zalo, "zalo"},
    {Channel::Email, "email"},
    {Channel::Hotline, "hotline"},
    {Channel::WalkIn, "walk_in"},
    {Channel::Other, "other"},
}};

constexpr std::array<std::pair<Priority, const char *>, 2> priorityCodes{{
    {Priority::Normal, "normal"},
    {Priority::Urgent, "urgent"},
}};

constexpr std::array<std::pair<MediaKind, const char *>, 3> mediaKindCodes{{
    {MediaKind::Photo, "photo"},
    {MediaKind::Video, "video"},
    {MediaKind::Audio, "audio"},
}};

constexpr std::array<std::pair<EventKind, const char *>, 19> eventKindCodes{{
    {EventKind::Received, "received"},
    {EventKind::Imported, "imported"},
    {EventKind::Classified, "classified"},
    {EventKind::Assigned, "assigned"},
    {EventKind::Claimed, "claimed"},
    {EventKind::StatusChanged, "status_changed"},
    {EventKind::Note, "note"},
    {EventKind::ResponsePublished, "response_published"},
    {EventKind::Rated, "rated"},
    {EventKind::Merged, "merged"},
    {EventKind::Reopened, "reopened"},
    {EventKind::DeadlineExtended, "deadline_extended"},
    {EventKind::ReporterRevealed, "reporter_revealed"},
    {EventKind::Edited, "edited"},
    {EventKind::Refused, "refused"},
    {EventKind::ExtensionRequested, "extension_requested"},
    {EventKind::ExtensionRefused, "extension_refused"},
    {EventKind::Reminded, "reminded"},
    {EventKind::Undone, "undone"},
}};

constexpr std::array<std::pair<Role, const char *>, 6> roleCodes{{
    {Role::Operator, "operator"},
    {Role::Supervisor, "supervisor"},
    {Role::Agency, "agency"},
    {Role::Admin, "admin"},
    {Role::Kiosk, "kiosk"},
    {Role::System, "system"},
}};

constexpr std::array<std::pair<Rating, const char *>, 3> ratingCodes{{
    {Rating::Unsatisfied, "unsatisfied"},
    {Rating::Acceptable, "acceptable"},
    {Rating::Satisfied, "satisfied"},
}};

} // namespace

QString ratingCode(Rating rating)
{
    return codeOf(ratingCodes, rating);
}
std::optional<Rating> ratingFromCode(const QString &code)
{
    return valueOf(ratingCodes, code);
}
std::optional<Rating> ratingFromNumber(int number)
{
    for (const auto &[rating, code] : ratingCodes) {
        if (int(rating) == number)
            return rating;
    }
    return std::nullopt;
}

QString statusCode(Status status)
{
    return codeOf(statusCodes, status);
}
std::optional<Status> statusFromCode(const QString &code)
{
    return valueOf(statusCodes, code);
}

QList<Status> allStatuses()
{
    QList<Status> result;
    for (const auto &entry : statusCodes)
        result.append(entry.first);
    return result;
}

QString channelCode(Channel channel)
{
    return codeOf(channelCodes, channel);
}
std::optional<Channel> channelFromCode(const QString &code)
{
    return valueOf(channelCodes, code);
}

QList<Channel> allChannels()
{
    QList<Channel> result;
    for (const auto &entry : channelCodes)
        result.append(entry.first);
    return result;
}

QString priorityCode(Priority priority)
{
    return codeOf(priorityCodes, priority);
}
std::optional<Priority> priorityFromCode(const QString &code)
{
    return valueOf(priorityCodes, code);
}

QString mediaKindCode(MediaKind kind)
{
    return codeOf(mediaKindCodes, kind);
}
std::optional<MediaKind> mediaKindFromCode(const QString &code)
{
    return valueOf(mediaKindCodes, code);
}

QString eventKindCode(EventKind kind)
{
    return codeOf(eventKindCodes, kind);
}
std::optional<EventKind> eventKindFromCode(const QString &code)
{
    return valueOf(eventKindCodes, code);
}

QString roleCode(Role role)
{
    return codeOf(roleCodes, role);
}
std::optional<Role> roleFromCode(const QString &code)
{
    return valueOf(roleCodes, code);
}

} // namespace CivicDesk
