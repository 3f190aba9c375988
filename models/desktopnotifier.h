#pragma once

#include "models/urgentreport.h"

#include <optional>
#include <QDBusConnection>
#include <QObject>
#include <QString>

namespace CivicDesk {

// Desktop notifications through the freedesktop notification service
// (org.freedesktop.Notifications on the session bus). Sends only when some program owns that
// name, so that a workstation without a session bus or a notification daemon carries on
// silently. Every D-Bus call is asynchronous, and each notifyUrgentReport() ends with one
// finished() signal.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Sent,
        NoSessionBus, // no session bus to connect to
        NoService,    // org.freedesktop.Notifications has no owner
        Failed,       // the service returned an error, or did not reply
    };
    Q_ENUM(Outcome)

    // Sends on the session bus.
    explicit DesktopNotifier(QObject *parent = nullptr);
    // Sends on the given connection, which may be disconnected.
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // Sends one critical notification for a new urgent report, with its public code and title
    // and nothing else of it. Each call makes a notification of its own, replacing none.
    void notifyUrgentReport(const UrgentReport &report);

    // Notification title and text of an urgent report, in the interface language.
    static QString urgentSummary(const UrgentReport &report);
    static QString urgentBody(const UrgentReport &report);

Q_SIGNALS:
    // `notificationId` is the service's id of the notification when `outcome` is Sent, else 0.
    // Without a session bus it comes before notifyUrgentReport() returns.
    void finished(const QString &reportId, CivicDesk::DesktopNotifier::Outcome outcome,
                  uint notificationId);

private:
    void send(const UrgentReport &report);
    void finish(const QString &reportId, Outcome outcome, uint notificationId = 0);
    void logAvailability(Outcome outcome, const QString &detail);

    QDBusConnection m_bus;
    std::optional<Outcome> m_loggedAvailability; // so that each change is logged once
    int m_failures = 0;
};

} // namespace CivicDesk
