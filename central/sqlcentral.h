#pragma once

#include "central/central.h"
#include "db/reportstore.h"
#include "db/sqlconnection.h"

#include <QSqlDatabase>

namespace CivicDesk {

// The central database behind Qt SQL: an embedded SQLite file, for a single machine and the
// demo, or a PostgreSQL server shared by the whole operations center. Both have the same
// tables, and the backend decides the few places where the engines differ (write locks,
// revision numbers, the change feed).
//
// SQLite: several processes may share the file. Writes take the write lock at BEGIN and wait
// for it within a busy timeout, so writers commit one at a time in revision order.
// PostgreSQL: writers run concurrently and revisions come from a sequence. Each report row
// records the transaction that last wrote it, and the feed reads by transaction snapshots (see
// FeedPosition).
class SqlCentral final : public Central
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres,
    };

    SqlCentral(Backend backend, QString url);
    ~SqlCentral() override;

    // Opens the database at the URL given to the constructor (sqlite:PATH or postgresql://...).
    bool open(bool create, QString *error);

    Backend backend() const { return m_backend; }
    QString url() const override;
    QString centralId() const override { return m_centralId; }
    QString viewer() const override { return m_viewer; }
    QString viewScope() const override { return m_agency; }
    void setClock(std::function<QDateTime()> clock) override { m_clock = std::move(clock); }
    bool ping(QString *error) override;

    bool initialize(const ReferenceData &data, QString *error) override;
    bool isInitialized() const override;
    std::optional<ReferenceData> referenceData(qint64 *revision, QString *error) override;
    std::optional<ImportSummary> importReports(const QList<IncomingReport> &records,
                                               QString *error) override;
    std::optional<ChangeBatch> changesSince(const FeedPosition &cursor, int limit,
                                            QString *error) override;
    std::optional<QList<OperationResult>> submit(const QList<Operation> &operations,
                                                 QString *error) override;
    std::optional<QList<Reporter>> revealReporters(const QString &reportId, const QString &actor,
                                                   const QString &reason, QString *error) override;
    std::optional<ClaimResult> claim(const QString &reportId, const ClaimActor &actor,
                                     int leaseSeconds, QString *error) override;
    std::optional<ClaimResult> releaseClaim(const QString &reportId, const ClaimActor &actor,
                                            const QString &reason, QString *error) override;
    std::optional<ClaimResult> claimNext(const ClaimCriteria &criteria, const ClaimActor &actor,
                                         int leaseSeconds, QString *error) override;
    std::optional<QList<ReportSnapshot>> snapshots(QString *error) override;
    std::optional<QStringList> reportIds(QString *error) override;
    std::optional<QList<ReportSnapshot>> snapshotsOf(const QStringList &ids,
                                                     QString *error) override;
    std::optional<ReportStats> stats(QString *error) override;
    std::optional<QString> reportIdForCode(const QString &publicCode, QString *error) override;
    std::optional<MaintenanceSummary> runMaintenance(QString *error) override;
    MediaReadStatus mediaThumbnail(const QString &sha256, MediaThumbnail *thumbnail,
                                   QString *error) override;
    MediaReadStatus copyMediaContent(const QString &sha256, QIODevice *out,
                                     const MediaProgress &progress, QString *error) override;

    QSqlDatabase database() const;

private:
    bool openSqlite(bool create, QString *error);
    bool openPostgresDatabase(bool create, QString *error);
    // Read one page of the feed after `cursor` into `batch`: its reports, the reports that left
    // the user's view, the position after the page and whether more follow.
    bool sqliteFeedPage(const FeedPosition &cursor, int limit, ChangeBatch *batch, QString *error);
    bool postgresFeedPage(const FeedPosition &cursor, int limit, ChangeBatch *batch,
                          QString *error);
    std::optional<OperationResult> decide(const Operation &operation, QString *error);
    // The refusal of an operation that the server's rights stopped.
    OperationResult notPermitted(const Operation &operation, const QString &denial);
    // Writes an accepted operation's change of the report with its new revision.
    bool writeDecided(const Report &before, const Report &after, qint64 revision, QString *error);
    // Checks the report a duplicate points to: it must exist and not be a duplicate itself.
    std::optional<QString> duplicateTargetProblem(const Report &duplicate);
    // Checks an undo against the report's timeline; on a read failure sets `error`.
    std::optional<QString> undoProblemOnCentral(const Operation &undo, QString *error);
    // Attaches the reporters of a report marked as a duplicate to the one it duplicates and
    // records the merge in that report's timeline.
    bool mergeReporters(const Report &duplicate, const Operation &operation, QString *error);
    std::optional<OperationResult> storedDecision(const Operation &operation, QString *error);
    bool recordDecision(const Operation &operation, const OperationResult &result, QString *error);
    std::optional<ReportSnapshot> currentSnapshot(const QString &reportId, QString *error);
    // Embedded central, inside a write transaction: grants, renews or refuses the claim on a
    // report read in that transaction (see sqliteclaims.cpp).
    std::optional<ClaimResult> decideClaim(const Report &report, const QString &holder,
                                           int leaseSeconds, QString *error);
    std::optional<QString> nextInQueue(const ClaimCriteria &criteria, const QDateTime &now,
                                       QString *error);
    bool writeClaim(const QString &reportId, const QString &holder, const QDateTime &expiresAt,
                    QString *error);
    QString meta(const QString &key) const;
    // The central's time: PostgreSQL's now(), or the clock of the embedded database.
    std::optional<QDateTime> centralNow(QString *error);
    bool closeUnratedReports(const QDateTime &now, MaintenanceSummary *summary, QString *error);
    bool remindUrgentReports(const QDateTime &now, MaintenanceSummary *summary, QString *error);
    QString displayName() const;
    // Decides a Create operation (centralintake.cpp): inserts the report once, with its public
    // code, reporter and files, and records the decision.
    std::optional<OperationResult> decideCreate(const Operation &operation, QString *error);
    bool storeCreated(Report &report, Event event, const Operation &operation,
                      const ReferenceData &reference, QString *error);

    Backend m_backend;
    QString m_url;
    SqlConnection m_connection;
    QString m_centralId;
    ReadableColumns m_readable; // what the signed-in user may read
    QString m_agency;           // the agency of a signed-in agency user
    QString m_viewer;           // the signed-in user
    std::function<QDateTime()> m_clock;
};

} // namespace CivicDesk
