#include "sync/syncengine.h"

#include "core/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

namespace CivicDesk {

// Lives on the sync thread; owns the connections, which Qt SQL ties to that thread.
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
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, this, &SyncWorker::syncNow);
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
        syncNow();
    }

    void finish()
    {
        if (m_timer)
            m_timer->stop();
        m_central.reset();
        m_replica.reset();
    }

    void syncNow()
    {
        if (!m_replica)
            return;
        QString error;
        if (!m_central && !connectCentral(&error)) {
            publishStatus(false, error);
            return;
        }
        SyncSession session(*m_replica, *m_central);
        const auto summary = session.run(&error);
        if (!summary) {
            qCWarning(lcSync) << "sync failed:" << error;
            m_central.reset(); // reconnect at the next attempt
            publishStatus(false, error);
            return;
        }
        Q_EMIT synced(*summary);
        publishStatus(true, QString());
    }

    void submit(CivicDesk::OperationKind kind, const QString &reportId, const QJsonObject &payload,
                const QString &actor)
    {
        if (!m_replica) {
            Q_EMIT operationRejected(reportId, QStringLiteral("the replica is not open"));
            return;
        }
        QString error;
        const auto operation =
            m_replica->submit(kind, reportId, payload, actor, Role::Operator, &error);
        if (!operation) {
            Q_EMIT operationRejected(reportId, error);
            return;
        }
        Q_EMIT operationQueued(operation->id, reportId);
        publishStatus(m_lastOnline, m_lastMessage);
        QTimer::singleShot(0, this, &SyncWorker::syncNow);
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
        publishStatus(m_lastOnline, m_lastMessage);
        QTimer::singleShot(0, this, &SyncWorker::syncNow);
    }

    void fetchMedia(const QString &sha256, const QString &folder)
    {
        const QString path = QDir(folder).filePath(sha256);
        if (QFileInfo::exists(path)) {
            Q_EMIT mediaFetched(sha256, path);
            return;
        }
        QString error;
        if (!m_central && !connectCentral(&error)) {
            qCWarning(lcSync) << "cannot fetch media" << sha256 << ":" << error;
            return;
        }
        const auto content = m_central->mediaContent(sha256, &error);
        if (!content) {
            qCWarning(lcSync) << "cannot fetch media" << sha256 << ":" << error;
            return;
        }
        QDir().mkpath(folder);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*content) != content->size() ||
            !file.commit()) {
            qCWarning(lcSync) << "cannot write media file" << path << ":" << file.errorString();
            return;
        }
        Q_EMIT mediaFetched(sha256, path);
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

Q_SIGNALS:
    void reportersRevealed(const QString &reportId, const QVariantList &reporters,
                           const QString &error);
    void replicaOpened();
    void mediaFetched(const QString &sha256, const QString &path);
    void statusChanged(const CivicDesk::SyncStatus &status);
    void synced(const CivicDesk::SyncSummary &summary);
    void operationQueued(const QString &operationId, const QString &reportId);
    void operationRejected(const QString &reportId, const QString &reason);
    void failed(const QString &message);

private:
    bool connectCentral(QString *error)
    {
        m_central = Central::open(m_centralUrl, false, error);
        if (m_central)
            qCInfo(lcSync) << "connected to central" << m_centralUrl;
        return m_central != nullptr;
    }

    void publishStatus(bool online, const QString &message)
    {
        m_lastOnline = online;
        m_lastMessage = message;
        SyncStatus status;
        status.online = online;
        status.message = message;
        status.lastSync = m_replica->lastSyncTime();
        status.pendingOperations = m_replica->pendingOperationCount();
        status.attentionItems = int(m_replica->attentionItems(nullptr).size());
        Q_EMIT statusChanged(status);
    }

    QString m_centralUrl;
    QString m_replicaPath;
    int m_intervalMs;
    QTimer *m_timer = nullptr;
    std::unique_ptr<Replica> m_replica;
    std::unique_ptr<Central> m_central;
    bool m_lastOnline = false;
    QString m_lastMessage;
};

SyncEngine::SyncEngine(QString centralUrl, QString replicaPath, QObject *parent)
    : QObject(parent)
    , m_centralUrl(std::move(centralUrl))
    , m_replicaPath(std::move(replicaPath))
{
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SyncSummary>();
    qRegisterMetaType<OperationKind>();
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
    connect(m_worker, &SyncWorker::failed, this, &SyncEngine::failed);
    connect(m_worker, &SyncWorker::mediaFetched, this, &SyncEngine::mediaFetched);
    connect(m_worker, &SyncWorker::replicaOpened, this, &SyncEngine::replicaOpened);
    connect(m_worker, &SyncWorker::reportersRevealed, this, &SyncEngine::reportersRevealed);
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
                        const QString &actor)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, kind, reportId, payload, actor] {
            worker->submit(kind, reportId, payload, actor);
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

void SyncEngine::fetchMedia(const QString &sha256, const QString &folder)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, sha256, folder] { worker->fetchMedia(sha256, folder); },
        Qt::QueuedConnection);
}

} // namespace CivicDesk

#include "syncengine.moc"
