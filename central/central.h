#pragma once

#include "core/claim.h"
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
#include <QIODevice>
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
    // Reports that changed but that the signed-in user may no longer see, such as a report
    // that an agency user's agency no longer handles. The replica deletes them.
    QStringList removed;
    FeedPosition cursor; // pass back to get the next page
    bool more = false;
    qint64 referenceRevision = 0; // changes when fields, agencies or units change
};

// Outcome of a request for a stored media file.
enum class MediaReadStatus
{
    Ok,
    NotFound, // no file with this SHA-256 is stored
    Damaged,  // a chunk is missing, or the content does not match its size or SHA-256
    Failed,   // the database could not be read; the connection may be gone
};

// The thumbnail of a stored media file: a JPEG whose longest side is at most 320 px, with the
// orientation the camera recorded already applied. `jpeg` is empty when the central has the
// file but no thumbnail of it.
struct MediaThumbnail
{
    QByteArray jpeg;
    QString sha256; // of `jpeg`, hex
    int width = 0;
    int height = 0;
};

// Counts of one run of the time-based steps.
struct MaintenanceSummary
{
    int closed = 0;       // resolved reports closed because their rating period ended
    int reminded = 0;     // reminders recorded for urgent reports that nobody claimed
    QStringList problems; // one sentence per report a step could not change
};

// Receives the bytes copied so far and the file's size after each chunk; returns false to stop
// the copy, which then fails.
using MediaProgress = std::function<bool(qint64 copied, qint64 total)>;

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

    // The URL as given, password included: for connecting, never for messages or logs.
    virtual QString url() const = 0;
    // The URL with its password masked, for messages and logs.
    QString displayUrl() const;
    // UUID made when the database was created; a replica is tied to it.
    virtual QString centralId() const = 0;
    // Who reads the central, for the replica to hold only what they may see: the signed-in
    // user of a PostgreSQL central, empty for the embedded one, which has no users.
    virtual QString viewer() const = 0;
    // What part of the reports the viewer may read: the agency of an agency user, empty for
    // everyone else. It changes when an administrator moves the user to another agency.
    virtual QString viewScope() const = 0;

    // Returns whether the database still responds to a trivial query.
    virtual bool ping(QString *error) = 0;

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
    // the central only this way. A PostgreSQL central records the signed-in role as the actor
    // and ignores `actor`.
    virtual std::optional<QList<Reporter>> revealReporters(const QString &reportId,
                                                           const QString &actor,
                                                           const QString &reason,
                                                           QString *error) = 0;

    // Claims a report for `actor` for `leaseSeconds` (1 to maxClaimLeaseSeconds) by the
    // central's clock. The claim is granted when the report is unclaimed or its claim expired,
    // and renewed when the actor already holds it; otherwise the result is refused and names
    // the holder. A new claim is recorded in the report's timeline. A claim gives the report a
    // new revision, so that every workstation's feed carries it, but leaves its version alone:
    // it never conflicts with an edit. Agency users and the wall display may not claim. A
    // PostgreSQL central takes the signed-in role as the holder and ignores `actor`.
    virtual std::optional<ClaimResult> claim(const QString &reportId, const ClaimActor &actor,
                                             int leaseSeconds, QString *error) = 0;
    // Releases the claim on a report. The holder releases their own claim, with or without a
    // reason. A supervisor may release anyone's claim, with a reason, which the timeline
    // records. Releasing a report that is not claimed grants nothing new and records nothing.
    virtual std::optional<ClaimResult> releaseClaim(const QString &reportId,
                                                    const ClaimActor &actor, const QString &reason,
                                                    QString *error) = 0;
    // Claims the first report of the queue that `criteria` select and that no one holds:
    // urgent ones first, then by deadline (reports without one last), then oldest received.
    // Two workstations asking at once never get the same report. Returns a result without a
    // report id when nothing is left to claim.
    virtual std::optional<ClaimResult> claimNext(const ClaimCriteria &criteria,
                                                 const ClaimActor &actor, int leaseSeconds,
                                                 QString *error) = 0;

    virtual std::optional<QList<ReportSnapshot>> snapshots(QString *error) = 0;
    // Every report id in id order, and the snapshots of some reports, for comparisons that
    // must not hold a million reports in memory at once.
    virtual std::optional<QStringList> reportIds(QString *error) = 0;
    virtual std::optional<QList<ReportSnapshot>> snapshotsOf(const QStringList &ids,
                                                             QString *error) = 0;
    virtual std::optional<ReportStats> stats(QString *error) = 0;

    // Returns the id of the report with this public code ("HUE-251205-0007"), or an empty
    // string when there is none.
    virtual std::optional<QString> reportIdForCode(const QString &publicCode, QString *error) = 0;

    // The workflow's time-based steps, judged by the central's clock: closes resolved reports
    // whose rating period ended without a rating, and records a reminder for every urgent
    // report that has waited unclaimed for another reminderMinutes. Each step has an id made
    // from the report and the period it belongs to, so two runs at once, or a run repeated
    // after a crash, change each report once.
    virtual std::optional<MaintenanceSummary> runMaintenance(QString *error) = 0;

    // Reads the thumbnail of the media file whose content has this SHA-256. A thumbnail whose
    // bytes do not match its recorded SHA-256 is Damaged.
    virtual MediaReadStatus mediaThumbnail(const QString &sha256, MediaThumbnail *thumbnail,
                                           QString *error) = 0;
    // Writes the content of a stored media file to `out`, one chunk (at most 1 MiB) per query,
    // so that neither the file nor a query result stays open across chunks. Checks the size
    // and the SHA-256 as it goes: on Damaged, `out` contains a partial copy that the caller
    // discards.
    virtual MediaReadStatus copyMediaContent(const QString &sha256, QIODevice *out,
                                             const MediaProgress &progress, QString *error) = 0;
};

} // namespace CivicDesk
