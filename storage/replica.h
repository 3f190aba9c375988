#pragma once

#include "core/feedposition.h"
#include "core/operation.h"
#include "core/reference.h"
#include "core/report.h"
#include "core/stats.h"
#include "db/reportstore.h"
#include "db/sqlconnection.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// A refused operation or a conflict, kept for the operator with the central's reason.
struct AttentionItem
{
    QString operationId;
    QString reportId;
    OperationKind kind = OperationKind::AddNote;
    Refusal refusal = Refusal::None;
    QString reason;
    QDateTime createdAt;
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

    // Ties the replica to one central database; refuses a replica filled from another.
    bool bindToCentral(const QString &centralId, QString *error);
    // Id of the central database the replica was filled from, empty before the first sync.
    QString boundCentralId() const;

    // Feed position: the central's revision of the last change applied here.
    FeedPosition feedCursor() const;
    qint64 referenceRevision() const;
    QDateTime lastSyncTime() const;

    bool storeReferenceData(const ReferenceData &data, qint64 revision, QString *error);
    std::optional<ReferenceData> referenceData(QString *error) const;

    // Applies an operator's action to the report at once and queues it in the outbox, both in
    // one transaction. An operation that the rules refuse here is neither applied nor queued.
    std::optional<Operation> submit(OperationKind kind, const QString &reportId,
                                    const QJsonObject &payload, const QString &actor, Role role,
                                    QString *error);

    // Operations that the central has not decided yet, in the order they were made.
    QList<Operation> pendingOperations(QString *error) const;
    int pendingOperationCount() const;

    // Records the central's decisions and writes the changed reports, in one transaction. A
    // report with operations still pending keeps them: they are applied again on top of the
    // central's version. Safe to repeat with the same input.
    bool applyFromCentral(const QList<OperationResult> &results,
                          const QList<ReportSnapshot> &snapshots, QString *error);

    // Saves the feed position and drops decided outbox rows, in one transaction.
    bool acknowledge(const FeedPosition &feedCursor, QString *error);

    QList<AttentionItem> attentionItems(QString *error) const;

    std::optional<Report> report(const QString &id, QString *error) const;
    std::optional<QList<ReportSnapshot>> snapshots(QString *error) const;
    std::optional<QStringList> reportIds(QString *error) const;
    std::optional<QList<ReportSnapshot>> snapshotsOf(const QStringList &ids, QString *error) const;
    std::optional<ReportStats> stats(QString *error) const;

private:
    // Replaces a report with the central's version, then replays this workstation's pending
    // operations on it when it has any.
    bool writeSnapshot(SnapshotWriter &writer, const ReportSnapshot &snapshot, bool isNew,
                       bool hasPending, QString *error);
    bool rebasePending(const QString &reportId, QString *error);
    bool storeLocalChange(const Report &report, const Event &event, QString *error);
    bool setState(const QString &key, const QString &value, QString *error);
    QString state(const QString &key) const;
    ReferenceCodes referenceCodes() const;

    QString m_path;
    SqlConnection m_connection;
    std::function<QDateTime()> m_clock;
};

} // namespace CivicDesk
