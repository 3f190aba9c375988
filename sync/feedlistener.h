#pragma once

#include "db/sqlconnection.h"

#include <memory>
#include <QObject>
#include <QSqlDriver>
#include <QTimer>

namespace CivicDesk {

// Waits on a PostgreSQL connection of its own for the central's change notifications, so that
// a workstation pulls a change as soon as it commits, and checks every 10 s that the server
// still responds. Lives on the sync thread: the driver delivers notifications through the event
// loop of the thread that opened the connection.
class FeedListener : public QObject
{
    Q_OBJECT

public:
    static constexpr int probeIntervalMs = 10000;
    // Channel the central's triggers notify; the payload is a transaction id, never report data.
    static constexpr const char *channel = "civicdesk_feed";

    explicit FeedListener(QString url, QObject *parent = nullptr);
    ~FeedListener() override;

    // Opens a new connection and subscribes on it. The driver drops subscriptions when a
    // connection is reopened, so every reconnect goes through here.
    bool connectToServer(QString *error);
    void disconnectFromServer();
    bool isConnected() const { return m_connection != nullptr; }

Q_SIGNALS:
    // A transaction that changed reports has committed.
    void changed();
    // The connection failed or the server did not respond to the probe.
    void lost(const QString &error);

private:
    void probe();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    QString m_url;
    std::unique_ptr<SqlConnection> m_connection;
    QTimer m_probe;
};

} // namespace CivicDesk
