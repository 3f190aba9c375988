#include "models/desktopnotifier.h"

#include "models/alertslogging.h"
#include "models/displaytext.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace CivicDesk {
namespace {

// Names from the freedesktop.org Desktop Notifications Specification.
const QString notificationService = QStringLiteral("org.freedesktop.Notifications");
const QString notificationPath = QStringLiteral("/org/freedesktop/Notifications");
const QString notificationInterface = QStringLiteral("org.freedesktop.Notifications");
const uchar criticalUrgency = 2; // the specification's urgency levels: 0 low, 1 normal, 2 critical

// An estimate: Notify only queues a notification, so a daemon that has not replied by then is
// taken to hang.
const int replyTimeoutMs = 10000;

QVariantMap urgentHints()
{
    QVariantMap hints;
    // A byte ("y"), as the specification types it.
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(criticalUrgency));
    hints.insert(QStringLiteral("category"), QStringLiteral("x-civicdesk.urgent"));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("civicdesk"));
    return hints;
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{}

QString DesktopNotifier::urgentSummary(const UrgentReport &report)
{
    if (report.publicCode.isEmpty())
        return QCoreApplication::translate("CivicDesk", "Urgent report not claimed");
    return QCoreApplication::translate("CivicDesk", "Urgent report %1 not claimed")
        .arg(report.publicCode);
}

QString DesktopNotifier::urgentBody(const UrgentReport &report)
{
    const QString received =
        QCoreApplication::translate("CivicDesk", "Received at %1. Nobody has claimed it yet.")
            .arg(displayTime(report.receivedAt));
    // NOTE: most daemons read the body as simple markup, so the citizen's title is escaped.
    // A daemon without markup support may then show an escaped "&" as "&amp;".
    return report.title.toHtmlEscaped() + QLatin1Char('\n') + received;
}

void DesktopNotifier::notifyUrgentReport(const UrgentReport &report)
{
    if (!m_bus.isConnected()) {
        logAvailability(Outcome::NoSessionBus, m_bus.lastError().message());
        finish(report.id, Outcome::NoSessionBus);
        return;
    }

    // Asks the bus whether the name has an owner instead of calling Notify right away, so that
    // a bus that starts services on demand does not start a daemon for CivicDesk.
    const QDBusMessage query =
        QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"))
        << notificationService;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(query, replyTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, report](auto *call) {
        call->deleteLater();
        const QDBusPendingReply<bool> reply = *call;
        if (reply.isError() || !reply.value()) {
            logAvailability(Outcome::NoService,
                            reply.isError() ? reply.error().message() : notificationService);
            finish(report.id, Outcome::NoService);
            return;
        }

        send(report);
    });
}

void DesktopNotifier::send(const UrgentReport &report)
{
    QDBusMessage notify = QDBusMessage::createMethodCall(
        notificationService, notificationPath, notificationInterface, QStringLiteral("Notify"));
    // The arguments are app_name, replaces_id, app_icon, summary, body, actions, hints and
    // expire_timeout. A replaces_id of 0 makes a new notification, the empty icon lets the daemon
    // take the desktop entry's icon, and -1 lets the daemon choose how long it shows.
    notify << QStringLiteral("CivicDesk") << uint(0) << QString() << urgentSummary(report)
           << urgentBody(report) << QStringList() << urgentHints() << int(-1);

    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(notify, replyTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, report](auto *call) {
        call->deleteLater();
        const QDBusPendingReply<uint> reply = *call;
        if (reply.isError()) {
            ++m_failures;
            // Only the first failure is a warning, because repeats would flood the log.
            if (m_failures == 1) {
                qCWarning(lcAlerts) << "the notification service rejected the notification of"
                                    << report.id << reply.error().name() << reply.error().message();
            } else {
                qCDebug(lcAlerts) << "notification of" << report.id << "failed, failure"
                                  << m_failures << reply.error().message();
            }
            finish(report.id, Outcome::Failed);
            return;
        }

        logAvailability(Outcome::Sent, notificationService);
        finish(report.id, Outcome::Sent, reply.value());
    });
}

void DesktopNotifier::finish(const QString &reportId, Outcome outcome, uint notificationId)
{
    Q_EMIT finished(reportId, outcome, notificationId);
}

void DesktopNotifier::logAvailability(Outcome outcome, const QString &detail)
{
    if (m_loggedAvailability == outcome)
        return;

    m_loggedAvailability = outcome;
    switch (outcome) {
    case Outcome::Sent:
        qCInfo(lcAlerts) << "desktop notifications go to" << detail;
        break;
    case Outcome::NoSessionBus:
        qCInfo(lcAlerts) << "no desktop notifications: no session bus:" << detail;
        break;
    case Outcome::NoService:
        qCInfo(lcAlerts) << "no desktop notifications: no notification service:" << detail;
        break;
    case Outcome::Failed:
        break;
    }
}

} // namespace CivicDesk
