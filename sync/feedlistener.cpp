#include "sync/feedlistener.h"

#include "core/logging.h"
#include "db/sqlquery.h"

#include <QSqlError>

namespace CivicDesk {

FeedListener::FeedListener(QString url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    m_probe.setInterval(probeIntervalMs);
    connect(&m_probe, &QTimer::timeout, this, &FeedListener::probe);
}

FeedListener::~FeedListener()
{
    disconnectFromServer();
}

bool FeedListener::connectToServer(QString *error)
{
    disconnectFromServer();
    auto connection = std::make_unique<SqlConnection>(QStringLiteral("civicdesk-listen"));
    if (!connection->openPostgres(m_url, error))
        return false;

    QSqlDriver *driver = connection->database().driver();
    const QString name = QLatin1String(channel);
    if (!driver->subscribeToNotification(name)) {
        *error = QStringLiteral("cannot listen for changes on %1: %2")
                     .arg(redactedUrl(m_url), driver->lastError().text());
        return false;
    }
    connect(driver, &QSqlDriver::notification, this, &FeedListener::onNotification);
    m_connection = std::move(connection);
    m_probe.start();
    qCInfo(lcSync) << "listening for changes on" << redactedUrl(m_url);
    return true;
}

void FeedListener::disconnectFromServer()
{
    m_probe.stop();
    if (!m_connection)
        return;
    QSqlDriver *driver = m_connection->database().driver();
    if (driver)
        disconnect(driver, nullptr, this, nullptr);
    m_connection.reset();
}

void FeedListener::probe()
{
    if (!m_connection)
        return;
    QString error;
    if (execSql(m_connection->database(), QStringLiteral("SELECT 1"), &error))
        return;
    error = QStringLiteral("no answer from %1: %2").arg(redactedUrl(m_url), error);
    qCWarning(lcSync).noquote() << error;
    disconnectFromServer();
    Q_EMIT lost(error);
}

void FeedListener::onNotification(const QString &name, QSqlDriver::NotificationSource,
                                  const QVariant &payload)
{
    if (name != QLatin1String(channel))
        return;
    qCDebug(lcSync) << "change committed by transaction" << payload.toString();
    Q_EMIT changed();
}

} // namespace CivicDesk
