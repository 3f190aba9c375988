#pragma once

#include "core/feedposition.h"
#include "core/incoming.h"
#include "core/operation.h"
#include "core/reference.h"
#include "core/report.h"
#include "core/stats.h"

#include <functional>
#include <memory>
#include <optional>
#include <QDateTime>
#include <QString>

namespace CivicDesk {

struct ImportSummary
{
    int imported = 0;  // new reports
    int updated = 0;   // reports whose fields the source changed
    int unchanged = 0; // reports already there with nothing new
    QList<Rejection> rejections;
};

// A page of the change feed: every report changed after a position, in commit order.
struct ChangeBatch
{
    QList<ReportSnapshot> reports;
    FeedPosition cursor; // pass back to get the next page
    bool more = false;
    qint64 referenceRevision = 0; // changes when fields, agencies or units change
};

// The central database behind one interface, whatever stores it: an embedded SQLite file
// ("sqlite:PATH") or PostgreSQL ("postgresql://USER@HOST:PORT/DATABASE"). An object is used
// on the thread that opened it.
class Central
{
public:
    virtual ~Central() = default;

    // Opens the central database named by `url`. `create` allows making a new embedded file
    // or applying the schema to an empty PostgreSQL database.
    static std::unique_ptr<Central> open(const QString &url, bool create, QString *error);

    virtual QString url() const = 0;
    // UUID made when the database was created; a replica is tied to it.
    virtual QString centralId() const = 0;

    // Clock for the times the central records; the system clock by default.
    virtual void setClock(std::function<QDateTime()> clock) = 0;

    // Creates or replaces the reference data (fields, agencies, wards and communes).
    virtual bool initialize(const ReferenceData &data, QString *error) = 0;
    virtual bool isInitialized() const = 0;
    virtual std::optional<ReferenceData> referenceData(qint64 *revision, QString *error) = 0;

    // Stores imported records. The key is (source, source id): a record seen before updates
    // only the fields that no operator has changed since the last import.
    virtual std::optional<ImportSummary> importReports(const QList<IncomingReport> &records,
                                                       QString *error) = 0;

    virtual std::optional<ChangeBatch> changesSince(const FeedPosition &cursor, int limit,
                                                    QString *error) = 0;

    // Decides each operation in order, exactly once: an operation seen before gets its first
    // decision back and changes nothing. After a refusal, the later operations on the same
    // report are not decided: they come back held (OperationResult::held). A refusal because
    // another operator changed the report first is recorded in the report's timeline.
    virtual std::optional<QList<OperationResult>> submit(const QList<Operation> &operations,
                                                         QString *error) = 0;

    // Returns the names and phones of a report's reporters and records who asked and why as a
    // timeline event, in one transaction. The reason must not be empty. Personal data leaves
    // the central only this way.
    virtual std::optional<QList<Reporter>> revealReporters(const QString &reportId,
                                                           const QString &actor,
                                                           const QString &reason,
                                                           QString *error) = 0;

    virtual std::optional<QList<ReportSnapshot>> snapshots(QString *error) = 0;
    // Every report id in id order, and the snapshots of some reports, for comparisons that
    // must not hold a million reports in memory at once.
    virtual std::optional<QStringList> reportIds(QString *error) = 0;
    virtual std::optional<QList<ReportSnapshot>> snapshotsOf(const QStringList &ids,
                                                             QString *error) = 0;
    virtual std::optional<ReportStats> stats(QString *error) = 0;
    // Reads a stored media file's content by its SHA-256.
    virtual std::optional<QByteArray> mediaContent(const QString &sha256, QString *error) = 0;
};

} // namespace CivicDesk
