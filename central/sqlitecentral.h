#pragma once

#include "central/central.h"
#include "db/sqliteconnection.h"

#include <QSqlDatabase>

namespace CivicDesk {

// The embedded central database in one SQLite file, for a single machine and the demo.
// Several processes may share the file: writes take SQLite's write lock at BEGIN and wait for
// it within a busy timeout.
class SqliteCentral final : public Central
{
public:
    explicit SqliteCentral(QString path);
    ~SqliteCentral() override;

    bool open(bool create, QString *error);

    QString url() const override;
    QString centralId() const override { return m_centralId; }
    void setClock(std::function<QDateTime()> clock) override { m_clock = std::move(clock); }

    bool initialize(const ReferenceData &data, QString *error) override;
    bool isInitialized() const override;
    std::optional<ReferenceData> referenceData(qint64 *revision, QString *error) override;
    std::optional<ImportSummary> importReports(const QList<IncomingReport> &records,
                                               QString *error) override;
    std::optional<ChangeBatch> changesSince(qint64 cursor, int limit, QString *error) override;
    std::optional<QList<OperationResult>> submit(const QList<Operation> &operations,
                                                 QString *error) override;
    std::optional<QList<Reporter>> revealReporters(const QString &reportId, const QString &actor,
                                                   const QString &reason, QString *error) override;
    std::optional<QList<ReportSnapshot>> snapshots(QString *error) override;
    std::optional<QStringList> reportIds(QString *error) override;
    std::optional<QList<ReportSnapshot>> snapshotsOf(const QStringList &ids,
                                                     QString *error) override;
    std::optional<ReportStats> stats(QString *error) override;
    std::optional<QByteArray> mediaContent(const QString &sha256, QString *error) override;

private:
    QSqlDatabase database() const;
    std::optional<OperationResult> decide(const Operation &operation, QString *error);
    std::optional<OperationResult> storedDecision(const Operation &operation, QString *error);
    bool recordDecision(const Operation &operation, const OperationResult &result, QString *error);
    std::optional<ReportSnapshot> currentSnapshot(const QString &reportId, QString *error);
    QString meta(const QString &key) const;

    QString m_path;
    SqliteConnection m_connection;
    QString m_centralId;
    std::function<QDateTime()> m_clock;
};

} // namespace CivicDesk
