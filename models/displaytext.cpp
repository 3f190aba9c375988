#include "models/displaytext.h"

#include "core/timeutil.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

namespace CivicDesk {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CivicDesk", text);
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Operator:
        return tr("Operator");
    case Role::Supervisor:
        return tr("Supervisor");
    case Role::Agency:
        return tr("Agency");
    case Role::Admin:
        return tr("Administrator");
    case Role::Kiosk:
        return tr("Wall display");
    case Role::System:
        break;
    }
    return QString();
}

QString statusName(Status status)
{
    switch (status) {
    case Status::New:
        return tr("New");
    case Status::Triaged:
        return tr("Triaged");
    case Status::Assigned:
        return tr("Assigned");
    case Status::InProgress:
        return tr("In progress");
    case Status::WaitingInfo:
        return tr("Waiting for information");
    case Status::Resolved:
        return tr("Resolved");
    case Status::Closed:
        return tr("Closed");
    case Status::Rejected:
        return tr("Rejected");
    case Status::Duplicate:
        return tr("Duplicate");
    }
    return QString();
}

QString channelName(Channel channel)
{
    switch (channel) {
    case Channel::App:
        return tr("App");
    case Channel::Portal:
        return tr("Portal");
    case Channel::Facebook:
        return QStringLiteral("Facebook");
    case Channel::Zalo:
        return QStringLiteral("Zalo");
    case Channel::Email:
        return tr("Email");
    case Channel::Hotline:
        return tr("Hotline");
    case Channel::WalkIn:
        return tr("Walk-in");
    case Channel::Other:
        return tr("Other");
    }
    return QString();
}

QString priorityName(Priority priority)
{
    return priority == Priority::Urgent ? tr("Urgent") : tr("Normal");
}

QString eventKindName(EventKind kind)
{
    switch (kind) {
    case EventKind::Received:
        return tr("Received");
    case EventKind::Imported:
        return tr("Imported");
    case EventKind::Classified:
        return tr("Classified");
    case EventKind::Assigned:
        return tr("Forwarded to agency");
    case EventKind::Claimed:
        return tr("Claimed");
    case EventKind::StatusChanged:
        return tr("Status changed");
    case EventKind::Note:
        return tr("Internal note");
    case EventKind::ResponsePublished:
        return tr("Response published");
    case EventKind::Rated:
        return tr("Rated");
    case EventKind::Merged:
        return tr("Merged");
    case EventKind::Reopened:
        return tr("Reopened");
    case EventKind::DeadlineExtended:
        return tr("Deadline extended");
    case EventKind::ReporterRevealed:
        return tr("Reporter revealed");
    case EventKind::Edited:
        return tr("Text edited");
    case EventKind::Refused:
        return tr("Change refused");
    case EventKind::ExtensionRequested:
        return tr("Extension requested");
    case EventKind::ExtensionRefused:
        return tr("Extension refused");
    case EventKind::Reminded:
        return tr("Urgent, still unclaimed");
    case EventKind::Undone:
        return tr("Bulk change undone");
    }
    return QString();
}

QString durationText(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return tr("%1 h").arg(minutes / 60);
    return tr("%1 d").arg(minutes / (24 * 60));
}

QString timeLeftText(qint64 seconds)
{
    if (seconds >= 0)
        return tr("%1 left").arg(durationText(seconds));
    return tr("%1 overdue").arg(durationText(-seconds));
}

namespace {

QTimeZone &displayZone()
{
    static QTimeZone zone(defaultTimeZoneId);
    return zone;
}

} // namespace

void setDisplayTimeZone(const QTimeZone &zone)
{
    if (zone.isValid())
        displayZone() = zone;
}

QString displayTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    return time.toTimeZone(displayZone()).toString(QStringLiteral("HH:mm dd/MM/yyyy"));
}

QString refusalText(Refusal refusal)
{
    switch (refusal) {
    case Refusal::StaleVersion:
        return tr("Someone changed this report's status or assignment first. Look at its current "
                  "state and decide again.");
    case Refusal::Conflict:
        return tr("Someone changed the same text first. Compare both versions and choose.");
    case Refusal::InvalidTransition:
        return tr("This action does not fit the report's current status.");
    case Refusal::MissingValue:
        return tr("A required value was missing.");
    case Refusal::InvalidValue:
        return tr("The field or agency chosen is not known on the central.");
    case Refusal::UnknownReport:
        return tr("The report no longer exists on the central, or is no longer yours to see.");
    case Refusal::NotPermitted:
        return tr("Your role may not make this change.");
    case Refusal::None:
        break;
    }
    return QString();
}

QString differenceFieldName(const QString &field)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("CivicDesk", "Title")},
        {QStringLiteral("description"), QT_TRANSLATE_NOOP("CivicDesk", "Description")},
        {QStringLiteral("address"), QT_TRANSLATE_NOOP("CivicDesk", "Address")},
        {QStringLiteral("public_response"), QT_TRANSLATE_NOOP("CivicDesk", "Public response")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("CivicDesk", "Status")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("CivicDesk", "Field")},
        {QStringLiteral("priority"), QT_TRANSLATE_NOOP("CivicDesk", "Priority")},
        {QStringLiteral("agency"), QT_TRANSLATE_NOOP("CivicDesk", "Agency")},
    };
    const char *name = names.value(field);
    return name ? tr(name) : field;
}

QString differenceValueText(const QString &field, const QString &value,
                            const ReferenceData &reference, bool english)
{
    if (field == QLatin1String("status")) {
        const auto status = statusFromCode(value);
        return status ? statusName(*status) : value;
    }
    if (field == QLatin1String("priority")) {
        const auto priority = priorityFromCode(value);
        return priority ? priorityName(*priority) : value;
    }
    if (field == QLatin1String("category")) {
        for (const Category &category : reference.categories) {
            if (category.code == value)
                return english ? category.nameEn : category.nameVi;
        }
        return value.isEmpty() ? tr("Unclassified") : value;
    }
    if (field == QLatin1String("agency")) {
        for (const Agency &agency : reference.agencies) {
            if (agency.id == value)
                return english && !agency.nameEn.isEmpty() ? agency.nameEn : agency.nameVi;
        }
        return value.isEmpty() ? tr("None") : value;
    }
    return value;
}

} // namespace CivicDesk
