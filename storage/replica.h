#pragma once

#include "core/bulk.h"
#include "core/conflict.h"
#include "core/duplicates.h"
#include "core/feedposition.h"
#include "core/operation.h"
#include "core/reference.h"
#include "core/report.h"
#include "core/stats.h"
#include "db/reportstore.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"

#include <functional>
#include <memory>
#include <optional>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

class ReplicaSnapshotWriter;

// Folder, in the workstation's data folder, where files attached to a report made here wait for
// the central: one subfolder per report, named by its id.
inline constexpr char outgoingMediaFolderName[] = "outgoing-media";

// A refused operation or a conflict, kept for the operator with the central's reason until
// they resolve it. While it is open, the later operations on its report stay in the outbox.
struct AttentionItem
{
    QString operationId;
    QString reportId;
    QString reportCode;
    OperationKind kind = OperationKind::AddNote;
    Refusal refusal = Refusal::None;
    QString reason;
    QDateTime createdAt;
    // The operator's values and the central's current ones, per field.
    QList<FieldDifference> differences;
    int heldOperations = 0; // later operations on the report waiting for the decision
    // Whether sending it again on the current state can be accepted, and whether keeping the
    // other operator's values is a choice distinct from dismissing it.
    bool canReapply = false;
    bool canKeepTheirs = false;
};

// The workstation's local SQLite copy of the reports it may see, with the outbox of operations
// made here. One Replica object owns one connection and must be used on the thread that
// opened it; opening it on the GUI thread fails. The interface then never waits on the
// disk.
class Replica
{
public:
    explicit Replica(QString path);
    ~Replica();
    Replica(const Replica &) = delete;
    Replica &operator=(const Replica &) = delete;

    // Opens the file (WAL mode, a busy timeout), creating it when `create` is set, and migrates
    // its schema. Refuses a file that is not a replica and a schema newer than this build supports.
    bool open(QString *error, bool create = true);
    QString path() const { return m_path; }
    QSqlDatabase database() const;

    static int latestSchemaVersion();
    int schemaVersion() const;

    // The clock used for operation times; the system clock by default.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Ties the replica to one central database and to the user who reads it (see
    // Central::viewer()). Rejects a replica filled from another central or for another user,
    // whose reports this user may not see. When the user's view changed (`scope`, such as an
    // agency user moved to another agency), deletes the reports so that the feed is read again
    // from the start. Operations not yet sent stay.
    bool bindToCentral(const QString &centralId, const QString &viewer, const QString &scope,
                       QString *error);
    // Id of the central database the replica was filled from, empty before the first sync.
    QString boundCentralId() const;
    // The user the replica was filled for, empty for the embedded central.
    QString boundViewer() const;

    // Feed position: the central's revision of the last change applied here.
    FeedPosition feedCursor() const;
    qint64 referenceRevision() const;
    QDateTime lastSyncTime() const;

    bool storeReferenceData(const ReferenceData &data, qint64 revision, QString *error);
    std::optional<ReferenceData> referenceData(QString *error) const;

    // Applies an operator's action to the report at once and queues it in the outbox, both in
    // one transaction. A Create operation inserts the report `reportId`, a new UUID. An operation
    // that the rules reject here is neither applied nor queued. The exception is an edit whose
    // fields changed after the operator saw them: it is queued unapplied, so that the central
    // records the conflict and the operator decides. A report with an open refusal takes no new
    // operation until the operator resolves it.
    std::optional<Operation> submit(OperationKind kind, const QString &reportId,
                                    const QJsonObject &payload, const QString &actor, Role role,
                                    QString *error);

    // Applies the changes of a bulk action, each planned from the state in its `before`, and
    // queues their operations, in one transaction. A report whose status or assignment is no
    // longer `before`, or that has an open refusal, is skipped, as is one the rules refuse now.
    // Returns the changes with the skip reason, or the event id and time of the step made.
    std::optional<QList<BulkChange>> submitBulk(const QList<BulkChange> &changes,
                                                const QString &actor, Role role, QString *error);

    // Operations to send to the central, in the order they were made: every pending one except
    // those held behind an open refusal on their report.
    QList<Operation> pendingOperations(QString *error) const;
    // Operations that the central has not decided yet, held ones included.
    int pendingOperationCount() const;

    // Opens a transaction that the next pages given to applyFromCentral() go into, until
    // commitFeed(). A first sync of a million reports then commits a few large transactions
    // instead of one per page: SQLite rewrites each index page once per commit. Until the
    // commit, other connections see the replica as it was. rollbackFeed() (and destroying the
    // replica) throws away what the transaction wrote, feed position included.
    bool beginFeed(QString *error);
    bool commitFeed(QString *error);
    void rollbackFeed();
    bool inFeed() const { return m_feedTransaction != nullptr; }

    // Records the central's decisions, writes the changed reports and deletes the reports
    // that left the user's view with their timelines and media, in one transaction. Operations
    // still waiting on a deleted report stay in the outbox: the central refuses them at the
    // next sync, and the operator sees the refusal. A report with operations still pending keeps
    // them: they are applied again on top of the central's version, unless the report has an open
    // refusal, which shows the central's version alone. Held operations stay pending. Safe to
    // repeat with the same input. The feed position after these snapshots is saved in the same
    // transaction, so that a sync cut off in the middle of a long feed goes on from the last page
    // written. Inside a feed transaction (beginFeed()), the page is written into it and nothing is
    // committed.
    // `deleted` receives how many of the removed reports were in the replica.
    bool applyFromCentral(const QList<OperationResult> &results,
                          const QList<ReportSnapshot> &snapshots, const QStringList &removed,
                          const FeedPosition &feedCursor, QString *error, int *deleted = nullptr);

    // Saves the feed position (again) and drops decided outbox rows, in one transaction.
    bool acknowledge(const FeedPosition &feedCursor, QString *error);

    QList<AttentionItem> attentionItems(QString *error) const;
    // Returns how many refusals wait for the operator, without reading them.
    int attentionCount() const;
    // Closes an open refusal as the operator chose (see resolveRefused()). The operation sent in
    // its stead takes its place in the outbox, before the operations it held, and those are
    // applied again on the report, all in one transaction.
    bool resolveAttention(const QString &operationId, Resolution resolution, QString *error);

    // Writes a claim that the central granted, renewed or released (an empty holder) into the
    // report's row at once, so that the interface shows it before the next sync brings the
    // report. A report not in the replica yet is left to that sync.
    bool storeClaim(const QString &reportId, const QString &holder, const QDateTime &expiresAt,
                    QString *error);

    std::optional<Report> report(const QString &id, QString *error) const;
    std::optional<QList<ReportSnapshot>> snapshots(QString *error) const;
    std::optional<QStringList> reportIds(QString *error) const;
    std::optional<QList<ReportSnapshot>> snapshotsOf(const QStringList &ids, QString *error) const;
    std::optional<ReportStats> stats(QString *error) const;

    // Returns the reports that may be duplicates of `report` by the place, time, field and
    // status rules (see mayBeDuplicates()), nearest in time first, at most `maxCandidates`. The
    // query admits a few reports that the rules reject, such as those in the corners of the
    // box around the position. Text is not compared.
    std::optional<QList<Report>> duplicateCandidates(const Report &report, QString *error,
                                                     const DuplicateRules &rules = {},
                                                     int maxCandidates = 300) const;
    // Loads the report and its candidates, and returns suggestDuplicates() of them.
    std::optional<QList<DuplicateSuggestion>>
    duplicateSuggestions(const QString &reportId, QString *error,
                         const DuplicateRules &rules = {}) const;

private:
    // Applies a Create operation: inserts the new report and queues the operation.
    std::optional<Operation> submitCreate(const QString &reportId, const QJsonObject &payload,
                                          const QString &actor, Role role, QString *error);
    // Drops the reporter from the outbox row of an accepted Create operation and deletes the
    // waiting copies of its files. Other operations are left as they are.
    bool forgetPersonalData(const QString &operationId, QString *error);
    // Replaces a report with the central's version, then replays this workstation's pending
    // operations on it when it has any.
    bool writeSnapshot(ReplicaSnapshotWriter &writer, const ReportSnapshot &snapshot, bool isNew,
                       bool hasPending, QString *error);
    bool rebasePending(const QString &reportId, QString *error);
    bool hasOpenRefusal(const QString &reportId) const;
    Operation newOperation(const Report &report, OperationKind kind, const QJsonObject &payload,
                           const QString &actor, Role role) const;
    enum class LocalOutcome
    {
        Applied,
        Queued, // an edit that conflicts, queued unapplied for the central to record
        NotAllowed,
        Refused,
        Failed, // the replica could not be written, as `error` describes
    };
    // Applies an operation to the report within the caller's transaction and queues it.
    LocalOutcome applyLocally(Report report, const Operation &operation, QString *error);
    bool queueOperation(const Operation &operation, const QVariant &seq, QString *error);
    std::optional<AttentionItem> attentionItemFromRow(const QVariantMap &row,
                                                      const ReferenceCodes &codes) const;
    bool storeLocalChange(const Report &report, const Event &event, QString *error);
    bool setState(const QString &key, const QString &value, QString *error);
    QString state(const QString &key) const;
    ReferenceCodes referenceCodes() const;
    bool setPageCache(int kibibytes, QString *error);
    void endFeed();

    QString m_path;
    SqlConnection m_connection;
    std::function<QDateTime()> m_clock;
    int m_pageCacheKiB = 0; // 0: SQLite's default
    std::unique_ptr<SqlTransaction> m_feedTransaction;
};

} // namespace CivicDesk
