#include "sync/syncengine.h"

#include "core/logging.h"
#include "sync/feedlistener.h"

#include <QRandomGenerator>
#include <QTimer>

namespace CivicDesk {

// Lives on the sync thread; owns the connections, which Qt SQL ties to that thread. The thread
// runs its own event loop, which also delivers the PostgreSQL driver's notifications.
//
// Connected, the worker syncs when the central announces a change (PostgreSQL), when the
// operator queues an operation, and every poll interval. When the central fails, the worker
// goes offline: operators keep working on the replica, and reconnect attempts back off from
// 1 s to 30 s with jitter, so that many workstations do not return at the same instant.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString centralUrl, QString replicaPath, int intervalMs)
        : m_centralUrl(std::move(centralUrl))
        , m_replicaPath(std::move(replicaPath))
        , m_intervalMs(intervalMs)
    {}

public Q_SLOTS:
    void begin()
    {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &SyncWorker::syncNow);
        m_reconnectTimer = new QTimer(this);
        m_reconnectTimer->setSingleShot(true);
        connect(m_reconnectTimer, &QTimer::timeout, this, &SyncWorker::reconnect);

        int interval = m_intervalMs;
        if (isPostgresUrl(m_centralUrl)) {
            m_listener = new FeedListener(m_centralUrl, this);
            connect(m_listener, &FeedListener::changed, this, &SyncWorker::scheduleSync);
            connect(m_listener, &FeedListener::lost, this,
                    [this](const QString &error) { goOffline(error, true); });
            // Notifications bring changes at once; polling only covers a lost notification.
            interval = std::max(interval, pollWithListenerMs);
        }
        m_timer->setInterval(interval);

        m_replica = std::make_unique<Replica>(m_replicaPath);
        QString error;
        if (!m_replica->open(&error)) {
            qCCritical(lcSync) << "cannot open the replica:" << error;
            m_replica.reset();
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT replicaOpened();
        m_timer->start();
        reconnect();
    }

    void finish()
    {
        if (m_timer)
            m_timer->stop();
        if (m_reconnectTimer)
            m_reconnectTimer->stop();
        if (m_listener)
            m_listener->disconnectFromServer();
        m_central.reset();
        m_replica.reset();
    }

    void syncNow()
    {
        m_syncScheduled = false;
        if (!m_replica)
            return;
        if (!m_central) {
            // Offline: the reconnect timer brings the central back and syncs then.
            publishStatus();
            return;
        }
        SyncSession session(*m_replica, *m_central);
        QString error;
        const auto summary = session.run(&error);
        if (!summary) {
            qCWarning(lcSync) << "sync failed:" << error;
            QString pingError;
            goOffline(error, !m_central->ping(&pingError));
            return;
        }
        Q_EMIT synced(*summary);
        publishStatus();
    }

    // Coalesces a burst of notifications into one sync pass.
    void scheduleSync()
    {
        if (m_syncScheduled)
            return;
        m_syncScheduled = true;
        QTimer::singleShot(0, this, &SyncWorker::syncNow);
    }

    void submit(CivicDesk::OperationKind kind, const QString &reportId, const QJsonObject &payload,
                const QString &actor, CivicDesk::Role role)
    {
        if (!m_replica) {
            Q_EMIT operationRejected(reportId, QStringLiteral("the replica is not open"));
            return;
        }
        QString error;
        const auto operation = m_replica->submit(kind, reportId, payload, actor, role, &error);
        if (!operation) {
            Q_EMIT operationRejected(reportId, error);
            return;
        }
        Q_EMIT operationQueued(operation->id, reportId);
        publishStatus();
        scheduleSync();
    }

    void submitBulk(int request, const QList<CivicDesk::BulkChange> &changes, const QString &actor,
                    CivicDesk::Role role)
    {
        QString error;
        const auto made =
            m_replica ? m_replica->submitBulk(changes, actor, role, &error) : std::nullopt;
        if (!m_replica)
            error = QStringLiteral("the replica is not open");
        Q_EMIT bulkSubmitted(request, made.value_or(QList<CivicDesk::BulkChange>{}),
                             made ? QString() : error);
        if (!made)
            return;
        publishStatus();
        scheduleSync();
    }

    void resolveAttention(const QString &operationId, CivicDesk::Resolution resolution)
    {
        QString error;
        if (!m_replica || !m_replica->resolveAttention(operationId, resolution, &error)) {
            Q_EMIT operationRejected(QString(),
                                     m_replica ? error : QStringLiteral("the replica is not open"));
            return;
        }
        Q_EMIT operationQueued(operationId, QString());
        publishStatus();
        scheduleSync();
    }

    void revealReporters(const QString &reportId, const QString &reason, const QString &actor)
    {
        QString error;
        if (!m_central && !connectCentral(&error)) {
            Q_EMIT reportersRevealed(reportId, {}, error);
            return;
        }
        const auto reporters = m_central->revealReporters(reportId, actor, reason, &error);
        if (!reporters) {
            qCWarning(lcSync) << "revealing the reporters of" << reportId << "failed:" << error;
            Q_EMIT reportersRevealed(reportId, {}, error);
            return;
        }
        QVariantList list;
        for (const Reporter &reporter : *reporters)
            list.append(QVariantMap{{QStringLiteral("name"), reporter.name},
                                    {QStringLiteral("phone"), reporter.phone}});
        Q_EMIT reportersRevealed(reportId, list, QString());
        syncNow(); // brings the "revealed" event into the timeline
    }

    void requestClaim(const QString &reportId, const CivicDesk::ClaimActor &actor, int leaseSeconds)
    {
        answerClaim(reportId, [&](Central &central, QString *error) {
            return central.claim(reportId, actor, leaseSeconds, error);
        });
    }

    void releaseClaim(const QString &reportId, const CivicDesk::ClaimActor &actor,
                      const QString &reason)
    {
        answerClaim(reportId, [&](Central &central, QString *error) {
            return central.releaseClaim(reportId, actor, reason, error);
        });
    }

    void claimNext(const CivicDesk::ClaimCriteria &criteria, const CivicDesk::ClaimActor &actor,
                   int leaseSeconds)
    {
        answerClaim(QString(), [&](Central &central, QString *error) {
            return central.claimNext(criteria, actor, leaseSeconds, error);
        });
    }

Q_SIGNALS:
    void claimAnswered(const QString &reportId, bool granted, const QString &holder,
                       const QDateTime &expiresAt, const QString &message, bool offline);
    void reportersRevealed(const QString &reportId, const QVariantList &reporters,
                           const QString &error);
    void replicaOpened();
    void statusChanged(const CivicDesk::SyncStatus &status);
    void synced(const CivicDesk::SyncSummary &summary);
    void operationQueued(const QString &operationId, const QString &reportId);
    void operationRejected(const QString &reportId, const QString &reason);
    void bulkSubmitted(int request, const QList<CivicDesk::BulkChange> &changes,
                       const QString &error);
    void failed(const QString &message);

private:
    static constexpr int pollWithListenerMs = 30000;
    static constexpr int firstRetryMs = 1000;
    static constexpr int longestRetryMs = 30000;

    static bool isPostgresUrl(const QString &url)
    {
        return url.startsWith(QLatin1String("postgresql://")) ||
               url.startsWith(QLatin1String("postgres://"));
    }

    // Opens the central (and on PostgreSQL the listening connection, subscribing again), then
    // catches up on everything that changed while offline.
    bool reconnect()
    {
        QString error;
        m_central = Central::open(m_centralUrl, false, &error);
        if (m_central && m_listener && !m_listener->connectToServer(&error))
            m_central.reset();
        if (!m_central) {
            // openPostgres() starts its message so when the server cannot be reached at all.
            goOffline(error, error.startsWith(QLatin1String("cannot connect to")) ||
                                 error.startsWith(QLatin1String("no answer from")));
            return false;
        }
        if (m_offlineSince.isValid())
            qCInfo(lcSync) << "central" << m_central->displayUrl() << "reachable again after"
                           << m_offlineSince.secsTo(QDateTime::currentDateTimeUtc()) << "s";
        else
            qCInfo(lcSync) << "connected to central" << m_central->displayUrl();
        m_offlineSince = {};
        m_lastMessage.clear();
        m_retryMs = 0;
        syncNow();
        return m_central != nullptr;
    }

    // Sends a claim request to the central and reports its reply. Unlike an operation, a claim
    // is never queued: without the central nothing decides it, and the operator is told so.
    void answerClaim(const QString &reportId,
                     const std::function<std::optional<ClaimResult>(Central &, QString *)> &request)
    {
        QString error;
        if (!m_replica) {
            Q_EMIT claimAnswered(reportId, false, {}, {}, QStringLiteral("the replica is not open"),
                                 false);
            return;
        }
        if (!m_central && !connectCentral(&error)) {
            const bool offline = !m_problem;
            Q_EMIT claimAnswered(reportId, false, {}, {},
                                 offline ? unreachableMessage(error) : error, offline);
            return;
        }
        const auto result = request(*m_central, &error);
        if (!result) {
            qCWarning(lcSync) << "claim request on report" << reportId << "failed:" << error;
            QString pingError;
            if (!m_central->ping(&pingError)) {
                goOffline(error, true);
                Q_EMIT claimAnswered(reportId, false, {}, {}, unreachableMessage(error), true);
                return;
            }
            Q_EMIT claimAnswered(reportId, false, {}, {}, error, false);
            return;
        }
        storeAnsweredClaim(*result);
        Q_EMIT claimAnswered(result->reportId.isEmpty() ? reportId : result->reportId,
                             result->granted, result->holder, result->expiresAt, result->message,
                             false);
    }

    // Writes the claim that the central reported into the replica, and syncs for the claim's
    // event. A refusal for lack of rights carries no claim and leaves the replica alone.
    void storeAnsweredClaim(const ClaimResult &result)
    {
        if (result.reportId.isEmpty() || (!result.granted && result.holder.isEmpty()))
            return;
        QString error;
        if (!m_replica->storeClaim(result.reportId, result.holder, result.expiresAt, &error))
            qCWarning(lcSync) << "claim on report" << result.reportId
                              << "not written to the replica:" << error;
        scheduleSync();
    }

    static QString unreachableMessage(const QString &error)
    {
        return QStringLiteral("the central database cannot be reached, and a claim needs its "
                              "answer (%1)")
            .arg(error);
    }

    bool connectCentral(QString *error)
    {
        if (m_central || reconnect())
            return true;
        *error = m_lastMessage;
        return false;
    }

    void goOffline(const QString &error, bool connectionLost)
    {
        m_problem = !connectionLost;
        m_central.reset();
        if (m_listener)
            m_listener->disconnectFromServer();
        if (!m_offlineSince.isValid()) {
            m_offlineSince = QDateTime::currentDateTimeUtc();
            qCWarning(lcSync) << "working offline:" << error;
        }
        m_lastMessage = error;
        publishStatus();

        m_retryMs = m_retryMs == 0 ? firstRetryMs : std::min(longestRetryMs, m_retryMs * 2);
        const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
        const int delay = std::clamp(int(m_retryMs * jitter), firstRetryMs, longestRetryMs);
        if (m_reconnectTimer && !m_reconnectTimer->isActive()) {
            qCDebug(lcSync) << "next connection attempt in" << delay << "ms";
            m_reconnectTimer->start(delay);
        }
    }

    void publishStatus()
    {
        if (!m_replica)
            return;
        SyncStatus status;
        status.online = m_central != nullptr;
        status.message = m_lastMessage;
        status.offlineSince = m_offlineSince;
        status.problem = status.online ? false : m_problem;
        status.lastSync = m_replica->lastSyncTime();
        status.pendingOperations = m_replica->pendingOperationCount();
        // Published after every sync pass, so a count instead of the parsed items.
        status.attentionItems = m_replica->attentionCount();
        Q_EMIT statusChanged(status);
    }

    QString m_centralUrl;
    QString m_replicaPath;
    int m_intervalMs;
    QTimer *m_timer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    FeedListener *m_listener = nullptr;
    std::unique_ptr<Replica> m_replica;
    std::unique_ptr<Central> m_central;
    QDateTime m_offlineSince; // invalid while connected
    QString m_lastMessage;
    int m_retryMs = 0;
    bool m_problem = false;
    bool m_syncScheduled = false;
};

SyncEngine::SyncEngine(QString centralUrl, QString replicaPath, QObject *parent)
    : QObject(parent)
    , m_centralUrl(std::move(centralUrl))
    , m_replicaPath(std::move(replicaPath))
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SyncSummary>();
    qRegisterMetaType<OperationKind>();
    qRegisterMetaType<QList<BulkChange>>();
    m_thread.setObjectName(QStringLiteral("civicdesk-sync"));
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::start(int intervalMs)
{
    if (m_worker)
        return;
    m_worker = new SyncWorker(m_centralUrl, m_replicaPath, intervalMs);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, &SyncEngine::statusChanged);
    connect(m_worker, &SyncWorker::synced, this, &SyncEngine::synced);
    connect(m_worker, &SyncWorker::operationQueued, this, &SyncEngine::operationQueued);
    connect(m_worker, &SyncWorker::operationRejected, this, &SyncEngine::operationRejected);
    connect(m_worker, &SyncWorker::bulkSubmitted, this, &SyncEngine::bulkSubmitted);
    connect(m_worker, &SyncWorker::failed, this, &SyncEngine::failed);
    connect(m_worker, &SyncWorker::replicaOpened, this, &SyncEngine::replicaOpened);
    connect(m_worker, &SyncWorker::reportersRevealed, this, &SyncEngine::reportersRevealed);
    connect(m_worker, &SyncWorker::claimAnswered, this, &SyncEngine::claimAnswered);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SyncWorker::begin, Qt::QueuedConnection);
    qCInfo(lcSync) << "sync engine started for" << m_replicaPath;
}

void SyncEngine::stop()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, &SyncWorker::finish, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
    qCInfo(lcSync) << "sync engine stopped";
}

void SyncEngine::syncNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &SyncWorker::syncNow, Qt::QueuedConnection);
}

void SyncEngine::submit(OperationKind kind, const QString &reportId, const QJsonObject &payload,
                        const QString &actor, Role role)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, kind, reportId, payload, actor, role] {
            worker->submit(kind, reportId, payload, actor, role);
        },
        Qt::QueuedConnection);
}

void SyncEngine::submitBulk(int request, const QList<BulkChange> &changes, const QString &actor,
                            Role role)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request, changes, actor, role] {
            worker->submitBulk(request, changes, actor, role);
        },
        Qt::QueuedConnection);
}

void SyncEngine::resolveAttention(const QString &operationId, Resolution resolution)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, operationId, resolution] {
            worker->resolveAttention(operationId, resolution);
        },
        Qt::QueuedConnection);
}

void SyncEngine::revealReporters(const QString &reportId, const QString &reason,
                                 const QString &actor)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, reportId, reason, actor] {
            worker->revealReporters(reportId, reason, actor);
        },
        Qt::QueuedConnection);
}

void SyncEngine::requestClaim(const QString &reportId, const ClaimActor &actor, int leaseSeconds)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, reportId, actor, leaseSeconds] {
            worker->requestClaim(reportId, actor, leaseSeconds);
        },
        Qt::QueuedConnection);
}

void SyncEngine::releaseClaim(const QString &reportId, const ClaimActor &actor,
                              const QString &reason)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, reportId, actor, reason] {
            worker->releaseClaim(reportId, actor, reason);
        },
        Qt::QueuedConnection);
}

void SyncEngine::claimNext(const ClaimCriteria &criteria, const ClaimActor &actor, int leaseSeconds)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, criteria, actor, leaseSeconds] {
            worker->claimNext(criteria, actor, leaseSeconds);
        },
        Qt::QueuedConnection);
}

} // namespace CivicDesk

#include "syncengine.moc"
