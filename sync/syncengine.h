#pragma once

#include "core/bulk.h"
#include "core/claim.h"
#include "core/conflict.h"
#include "core/operation.h"
#include "sync/syncsession.h"

#include <memory>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace CivicDesk {

class SyncWorker;

// State of sync as the interface shows it: whether the central replied to the last attempt, when
// the replica last caught up, and how many operations wait in the outbox.
struct SyncStatus
{
    bool online = false;
    QString message;        // last error, empty while online
    QDateTime offlineSince; // when sync last stopped working; invalid while online
    // True when the central responds but sync cannot go on (a replica of another central, a
    // schema of another version, missing rights); false when the connection is lost.
    bool problem = false;
    QDateTime lastSync;
    int pendingOperations = 0;
    int attentionItems = 0;
};

// Runs sync on a thread of its own, with its own replica and central connections, so that no
// database work happens on the GUI thread. Results come back as queued signals.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(QString centralUrl, QString replicaPath, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Starts the thread, opens both databases there and syncs every `intervalMs`. With a
    // PostgreSQL central it also syncs as soon as a change commits, and polls at intervals of
    // at least 30 s.
    void start(int intervalMs = 2000);
    void stop();

public Q_SLOTS:
    void syncNow();
    // Applies an operator's action to the replica and queues it for the central.
    void submit(CivicDesk::OperationKind kind, const QString &reportId, const QJsonObject &payload,
                const QString &actor, CivicDesk::Role role);
    // Applies the planned changes of a bulk action, or of its undo, in one transaction of the
    // replica and queues their operations. The result comes as bulkSubmitted with the same
    // `request`.
    void submitBulk(int request, const QList<CivicDesk::BulkChange> &changes, const QString &actor,
                    CivicDesk::Role role);
    // Resolves a refused operation in the replica as the operator chose and syncs. Reported as
    // operationQueued on success and operationRejected on failure.
    void resolveAttention(const QString &operationId, CivicDesk::Resolution resolution);
    // Asks the central for a report's reporters; the reply is never written to the replica.
    void revealReporters(const QString &reportId, const QString &reason, const QString &actor);
    // Claims a report and waits for the central's reply, which comes as claimAnswered. A
    // claim the central granted is written into the replica at once, then a sync follows.
    // Asking again while holding the claim renews it. A PostgreSQL central takes the
    // signed-in user as the holder instead of `actor`.
    void requestClaim(const QString &reportId, const CivicDesk::ClaimActor &actor,
                      int leaseSeconds = defaultClaimLeaseSeconds);
    // Releases a claim: one's own, or as a supervisor anyone's, with a reason. The reply is a
    // claimAnswered with an empty holder once released.
    void releaseClaim(const QString &reportId, const CivicDesk::ClaimActor &actor,
                      const QString &reason);
    // Claims the first unclaimed report of the queue. The claimAnswered signal names it, or
    // carries an empty report id when nothing is left to claim.
    void claimNext(const CivicDesk::ClaimCriteria &criteria, const CivicDesk::ClaimActor &actor,
                   int leaseSeconds = defaultClaimLeaseSeconds);

Q_SIGNALS:
    // The replica is open and migrated; other connections may open it from now on.
    void replicaOpened();
    // Maps with name and phone; `error` is set when the central refused or failed.
    void reportersRevealed(const QString &reportId, const QVariantList &reporters,
                           const QString &error);
    // The central's reply to requestClaim, releaseClaim or claimNext: whether it did what was
    // asked, and the claim on the report afterwards (an empty holder when unclaimed).
    // `message` says why a request was refused or failed. `offline` is true when the central
    // could not be reached, so the request was not decided at all.
    void claimAnswered(const QString &reportId, bool granted, const QString &holder,
                       const QDateTime &expiresAt, const QString &message, bool offline);
    void statusChanged(const CivicDesk::SyncStatus &status);
    void synced(const CivicDesk::SyncSummary &summary);
    void operationQueued(const QString &operationId, const QString &reportId);
    void operationRejected(const QString &reportId, const QString &reason);
    // The changes of a submitBulk() request as made: each with the event id of its step, or
    // with the reason it was skipped. `error` is set, and nothing was made, when the replica
    // could not be written.
    void bulkSubmitted(int request, const QList<CivicDesk::BulkChange> &changes,
                       const QString &error);
    void failed(const QString &message);

private:
    QString m_centralUrl;
    QString m_replicaPath;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(CivicDesk::SyncStatus)
Q_DECLARE_METATYPE(CivicDesk::SyncSummary)
Q_DECLARE_METATYPE(CivicDesk::OperationKind)
Q_DECLARE_METATYPE(CivicDesk::BulkChange)
