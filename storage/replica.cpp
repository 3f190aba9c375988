#include "storage/replica.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"
#include "storage/replicamigrations.h"
#include "storage/snapshotwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace CivicDesk {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool onGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread();
}

} // namespace

Replica::Replica(QString path)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("civicdesk-replica"))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

Replica::~Replica() = default;

QSqlDatabase Replica::database() const
{
    return m_connection.database();
}

int Replica::latestSchemaVersion()
{
    return replicaMigrations().last().version;
}

int Replica::schemaVersion() const
{
    return sqliteUserVersion(database());
}

bool Replica::open(QString *error, bool create)
{
    if (onGuiThread()) {
        *error = QStringLiteral("the replica must not be opened on the GUI thread");
        qCCritical(lcStorage) << *error;
        return false;
    }

    const QString what = QStringLiteral("replica %1").arg(m_path);
    if (!m_connection.open(m_path, 10000, create, what, error))
        return false;

    QString migrateError;
    if (!migrateSqlite(database(), replicaMigrations(), replicaApplicationId, what,
                       &migrateError)) {
        *error = migrateError;
        return false;
    }
    qCInfo(lcStorage) << "opened replica" << m_path << "schema" << schemaVersion();
    return true;
}

bool Replica::bindToCentral(const QString &centralId, const QString &viewer, const QString &scope,
                            QString *error)
{
    const QString bound = state(QStringLiteral("central_id"));
    if (bound.isEmpty()) {
        SqlTransaction transaction(database(), true);
        if (!transaction.isActive()) {
            *error = transaction.error();
            return false;
        }
        return setState(QStringLiteral("central_id"), centralId, error) &&
               setState(QStringLiteral("viewer"), viewer, error) &&
               setState(QStringLiteral("view_scope"), scope, error) && transaction.commit(error);
    }
    if (bound != centralId) {
        *error = QStringLiteral("the replica %1 was filled from central database %2, not from %3; "
                                "use another replica file for this central database")
                     .arg(m_path, bound, centralId);
        return false;
    }
    const QString boundUser = boundViewer();
    if (boundUser != viewer) {
        *error = QStringLiteral("the replica %1 holds what %2 may see, not %3; each user needs a "
                                "replica of their own")
                     .arg(m_path,
                          boundUser.isEmpty() ? QStringLiteral("an unnamed user")
                                              : QStringLiteral("user ") + boundUser,
                          viewer.isEmpty() ? QStringLiteral("an unnamed user")
                                           : QStringLiteral("user ") + viewer);
        return false;
    }
    if (state(QStringLiteral("view_scope")) == scope)
        return true;

    qCInfo(lcSync) << "the view of" << viewer << "changed from"
                   << state(QStringLiteral("view_scope")) << "to" << scope
                   << "; reading every report again";
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    // Events and media go with their reports (ON DELETE CASCADE).
    return execSql(database(), QStringLiteral("DELETE FROM report"), error) &&
           setState(QStringLiteral("feed_cursor"), FeedPosition{}.toString(), error) &&
           setState(QStringLiteral("view_scope"), scope, error) && transaction.commit(error);
}

QString Replica::boundViewer() const
{
    return state(QStringLiteral("viewer"));
}

QString Replica::boundCentralId() const
{
    return state(QStringLiteral("central_id"));
}

FeedPosition Replica::feedCursor() const
{
    const QString text = state(QStringLiteral("feed_cursor"));
    const auto position = FeedPosition::fromString(text);
    if (!position) {
        // Only a hand-edited replica gets here; starting over re-reads the feed, which is safe.
        qCWarning(lcSync) << "unreadable feed position" << text << "in" << m_path
                          << "; reading the feed from the start";
        return {};
    }
    return *position;
}

qint64 Replica::referenceRevision() const
{
    return state(QStringLiteral("reference_revision")).toLongLong();
}

QDateTime Replica::lastSyncTime() const
{
    return fromStorageTime(state(QStringLiteral("last_sync_at")));
}

QString Replica::state(const QString &key) const
{
    SqlStatement statement(database(),
                           QStringLiteral("SELECT value FROM sync_state WHERE key = :key"));
    const auto value = statement.bind(QStringLiteral(":key"), key).scalar(nullptr);
    return value ? value->toString() : QString();
}

bool Replica::setState(const QString &key, const QString &value, QString *error)
{
    SqlStatement statement(
        database(),
        QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (:key, :value)"));
    return statement.bind(QStringLiteral(":key"), key)
        .bind(QStringLiteral(":value"), value)
        .exec(error);
}

bool Replica::storeReferenceData(const ReferenceData &data, qint64 revision, QString *error)
{
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    if (!replaceReferenceData(database(), data, error) || !rankNames(database(), error))
        return false;
    if (!setState(QStringLiteral("time_zone"), data.timeZone, error) ||
        !setState(QStringLiteral("code_prefix"), data.codePrefix, error)) {
        return false;
    }
    if (!setState(QStringLiteral("reference_revision"), QString::number(revision), error))
        return false;
    return transaction.commit(error);
}

std::optional<ReferenceData> Replica::referenceData(QString *error) const
{
    auto data = loadReferenceData(database(), error);
    if (!data)
        return std::nullopt;
    const QString zone = state(QStringLiteral("time_zone"));
    const QString prefix = state(QStringLiteral("code_prefix"));
    if (!zone.isEmpty())
        data->timeZone = zone;
    if (!prefix.isEmpty())
        data->codePrefix = prefix;
    return data;
}

ReferenceCodes Replica::referenceCodes() const
{
    const auto data = loadReferenceData(database(), nullptr);
    return data ? referenceCodesOf(*data) : ReferenceCodes();
}

bool Replica::storeLocalChange(const Report &report, const Event &event, QString *error)
{
    const QVariantMap extra{
        {QStringLiteral("local_pending"), 1},
        {QStringLiteral("search_text"),
         reportSearchText(report.publicCode, report.title, report.description, report.address)}};
    if (!upsertReport(database(), report, error, extra))
        return false;
    return insertEvent(database(), event, error, {{QStringLiteral("pending"), 1}});
}

std::optional<Operation> Replica::submit(OperationKind kind, const QString &reportId,
                                         const QJsonObject &payload, const QString &actor,
                                         Role role, QString *error)
{
    if (kind == OperationKind::Create)
        return submitCreate(reportId, payload, actor, role, error);

    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    if (hasOpenRefusal(reportId)) {
        *error = QStringLiteral("report %1 has a refused operation to resolve first in the needs "
                                "attention list")
                     .arg(reportId);
        return std::nullopt;
    }
    auto report = loadReport(database(), reportId, {}, error);
    if (!report)
        return std::nullopt;
    const Operation operation = newOperation(*report, kind, payload, actor, role);
    const LocalOutcome outcome = applyLocally(*report, operation, error);
    if (outcome != LocalOutcome::Applied && outcome != LocalOutcome::Queued)
        return std::nullopt;
    if (!transaction.commit(error))
        return std::nullopt;
    return operation;
}

Operation Replica::newOperation(const Report &report, OperationKind kind,
                                const QJsonObject &payload, const QString &actor, Role role) const
{
    Operation operation;
    operation.id = newId();
    operation.reportId = report.id;
    operation.kind = kind;
    operation.baseVersion = report.version;
    operation.baseState = assignmentStateOf(report);
    operation.actor = actor;
    operation.actorRole = role;
    operation.createdAt = m_clock();
    operation.eventId = newId();
    operation.payload = payload;
    return operation;
}

Replica::LocalOutcome Replica::applyLocally(Report report, const Operation &operation,
                                            QString *error)
{
    const OperationOutcome outcome = applyOperation(report, operation, referenceCodes());
    if (outcome.refusal == Refusal::Conflict) {
        // Another operator's change arrived while this one was written. The central records the
        // conflict in the timeline and sends both versions back for the operator to decide.
        if (!queueOperation(operation, {}, error))
            return LocalOutcome::Failed;
        qCInfo(lcStorage) << "queued conflicting edit" << operation.id << "on report"
                          << operation.reportId << ":" << outcome.reason;
        return LocalOutcome::Queued;
    }
    if (!outcome.accepted()) {
        *error = outcome.reason;
        return outcome.refusal == Refusal::InvalidTransition ? LocalOutcome::NotAllowed
                                                             : LocalOutcome::Refused;
    }
    if (operationChangesVersion(operation.kind)) {
        report.version += 1;
        report.updatedAt = operation.createdAt;
    }
    if (!storeLocalChange(report, outcome.event, error) || !queueOperation(operation, {}, error))
        return LocalOutcome::Failed;
    qCDebug(lcStorage) << "queued operation" << operation.id << operationKindCode(operation.kind)
                       << "on report" << operation.reportId;
    return LocalOutcome::Applied;
}

std::optional<QList<BulkChange>> Replica::submitBulk(const QList<BulkChange> &changes,
                                                     const QString &actor, Role role,
                                                     QString *error)
{
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    // One read for the whole selection, which may hold hundreds of reports.
    QStringList ids;
    for (const BulkChange &change : changes) {
        if (change.applies())
            ids.append(change.reportId);
    }
    const auto snapshots = loadSnapshots(database(), ids, {}, error);
    if (!snapshots)
        return std::nullopt;
    QHash<QString, const ReportSnapshot *> byId;
    for (const ReportSnapshot &snapshot : *snapshots)
        byId.insert(snapshot.report.id, &snapshot);

    QList<BulkChange> result;
    for (BulkChange change : changes) {
        if (!change.applies()) {
            result.append(change);
            continue;
        }
        const ReportSnapshot *found = byId.value(change.reportId);
        if (!found) {
            change.skip = BulkSkip::Refused;
            change.reason =
                QStringLiteral("report %1 is no longer in the replica").arg(change.code);
            result.append(change);
            continue;
        }
        const ReportSnapshot &snapshot = *found;
        const Operation operation =
            newOperation(snapshot.report, change.kind, change.payload, actor, role);
        std::optional<QString> undoProblemFound;
        if (change.kind == OperationKind::Undo)
            undoProblemFound = undoProblem(snapshot.report, snapshot.events, operation);
        if (hasOpenRefusal(change.reportId)) {
            change.skip = BulkSkip::OpenRefusal;
        } else if (assignmentStateOf(snapshot.report) != change.before) {
            change.skip = BulkSkip::ChangedSince;
            change.reason = QStringLiteral("report %1 changed after the preview").arg(change.code);
        } else if (undoProblemFound) {
            change.skip = BulkSkip::ChangedSince;
            change.reason = *undoProblemFound;
        } else {
            QString reason;
            switch (applyLocally(snapshot.report, operation, &reason)) {
            case LocalOutcome::Failed:
                *error = reason;
                return std::nullopt;
            case LocalOutcome::NotAllowed:
                change.skip = BulkSkip::NotAllowed;
                change.reason = reason;
                break;
            case LocalOutcome::Refused:
                change.skip = BulkSkip::Refused;
                change.reason = reason;
                break;
            case LocalOutcome::Applied:
            case LocalOutcome::Queued:
                change.eventId = operation.eventId;
                change.at = operation.createdAt;
                break;
            }
        }
        result.append(change);
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return result;
}

QList<Operation> Replica::pendingOperations(QString *error) const
{
    QList<Operation> operations;
    const auto rows =
        SqlStatement(database(),
                     QStringLiteral("SELECT body FROM outbox WHERE state = 'pending' AND "
                                    "report_id NOT IN (SELECT report_id FROM attention WHERE "
                                    "dismissed = 0) ORDER BY seq"))
            .rows(error);
    if (!rows)
        return operations;
    for (const QVariantMap &row : *rows) {
        const QJsonObject body =
            QJsonDocument::fromJson(row[QStringLiteral("body")].toString().toUtf8()).object();
        QString parseError;
        const auto operation = Operation::fromJson(body, &parseError);
        if (operation)
            operations.append(*operation);
        else
            qCCritical(lcStorage) << "outbox row cannot be read:" << parseError;
    }
    return operations;
}

int Replica::pendingOperationCount() const
{
    const auto count =
        SqlStatement(database(),
                     QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'"))
            .scalar(nullptr);
    return count ? count->toInt() : 0;
}

bool Replica::writeSnapshot(ReplicaSnapshotWriter &writer, const ReportSnapshot &snapshot,
                            bool isNew, bool hasPending, QString *error)
{
    if (!writer.write(snapshot, isNew, error))
        return false;
    return !hasPending || rebasePending(snapshot.report.id, error);
}

bool Replica::rebasePending(const QString &reportId, QString *error)
{
    if (hasOpenRefusal(reportId))
        return true; // the operator decides on the central's version first
    SqlStatement pending(
        database(),
        QStringLiteral(
            "SELECT body FROM outbox WHERE report_id = :id AND state = 'pending' ORDER BY seq"));
    const auto rows = pending.bind(QStringLiteral(":id"), reportId).rows(error);
    if (!rows)
        return false;
    if (rows->isEmpty())
        return true;

    auto report = loadReport(database(), reportId, {}, error);
    if (!report)
        return false;
    const ReferenceCodes codes = referenceCodes();
    for (const QVariantMap &row : *rows) {
        const auto operation = Operation::fromJson(
            QJsonDocument::fromJson(row[QStringLiteral("body")].toString().toUtf8()).object(),
            error);
        if (!operation)
            return false;
        const OperationOutcome outcome = applyOperation(*report, *operation, codes);
        if (!outcome.accepted()) {
            // The central decides; until then the operator sees the central's version.
            qCDebug(lcStorage) << "pending operation" << operation->id
                               << "no longer applies locally:" << outcome.reason;
            continue;
        }
        if (operationChangesVersion(operation->kind)) {
            report->version += 1;
            report->updatedAt = operation->createdAt;
        }
        if (!storeLocalChange(*report, outcome.event, error))
            return false;
    }
    return true;
}

bool Replica::setPageCache(int kibibytes, QString *error)
{
    if (kibibytes == m_pageCacheKiB)
        return true;
    // A negative size is in KiB; SQLite frees pages when the cache shrinks.
    const int size = kibibytes > 0 ? -kibibytes : -2000;
    if (!execSql(database(), QStringLiteral("PRAGMA cache_size = %1").arg(size), error))
        return false;
    m_pageCacheKiB = kibibytes;
    return true;
}

bool Replica::applyFromCentral(const QList<OperationResult> &results,
                               const QList<ReportSnapshot> &snapshots, const QStringList &removed,
                               const FeedPosition &feedCursor, QString *error, int *deleted)
{
    std::optional<SqlTransaction> transaction;
    if (!inFeed()) {
        transaction.emplace(database(), true);
        if (!transaction->isActive()) {
            *error = transaction->error();
            return false;
        }
    }

    QList<ReportSnapshot> toWrite = snapshots;
    for (const OperationResult &result : results) {
        if (result.held) {
            qCInfo(lcSync) << "operation" << result.operationId
                           << "held until the refusal on its report is resolved";
            continue;
        }
        SqlStatement decide(
            database(),
            QStringLiteral(
                "UPDATE outbox SET state = :state, attempts = attempts + 1, last_error = :reason "
                "WHERE operation_id = :id AND state = 'pending'"));
        decide.bindAll({{QStringLiteral("state"), result.accepted() ? QStringLiteral("accepted")
                                                                    : QStringLiteral("refused")},
                        {QStringLiteral("reason"), result.reason},
                        {QStringLiteral("id"), result.operationId}});
        if (!decide.exec(error))
            return false;
        if (result.current)
            toWrite.append(*result.current);
        if (result.accepted() && !forgetPersonalData(result.operationId, error))
            return false;
        if (result.accepted())
            continue;

        SqlStatement attention(
            database(),
            QStringLiteral(
                "INSERT OR IGNORE INTO attention (operation_id, report_id, kind, refusal, reason, "
                "body, created_at, outbox_seq) SELECT operation_id, report_id, kind, :refusal, "
                ":reason, body, :now, seq FROM outbox WHERE operation_id = :id"));
        attention.bindAll({{QStringLiteral("refusal"), refusalCode(result.refusal)},
                           {QStringLiteral("reason"), result.reason},
                           {QStringLiteral("now"), toStorageTime(m_clock())},
                           {QStringLiteral("id"), result.operationId}});
        if (!attention.exec(error))
            return false;
        qCWarning(lcSync) << "operation" << result.operationId << "refused:" << result.reason;
    }

    // Only reports with operations still waiting need their local changes replayed.
    const auto pendingRows =
        SqlStatement(database(), QStringLiteral("SELECT DISTINCT report_id FROM outbox WHERE "
                                                "state = 'pending'"))
            .rows(error);
    if (!pendingRows)
        return false;
    QSet<QString> pendingReports;
    for (const QVariantMap &row : *pendingRows)
        pendingReports.insert(row.value(QStringLiteral("report_id")).toString());

    ReplicaSnapshotWriter writer(database());
    for (const ReportSnapshot &snapshot : std::as_const(toWrite)) {
        const QString &id = snapshot.report.id;
        // Asked for each report, since one can come twice in a page: a decision's current
        // state, then the feed.
        const auto known = writer.contains(id, error);
        if (!known || !writeSnapshot(writer, snapshot, !*known, pendingReports.contains(id), error))
            return false;
    }
    // The timeline and media rows go with the report (ON DELETE CASCADE). Most ids were never
    // here: a first sync lists every report of the central.
    if (deleted)
        *deleted = 0;
    for (const QString &id : removed) {
        SqlStatement remove(database(), QStringLiteral("DELETE FROM report WHERE id = :id"));
        if (!remove.bind(QStringLiteral(":id"), id).exec(error))
            return false;
        if (remove.query().numRowsAffected() > 0) {
            qCInfo(lcSync) << "report" << id << "left this user's view; removed from the replica";
            if (deleted)
                *deleted += 1;
        }
    }
    if (!setState(QStringLiteral("feed_cursor"), feedCursor.toString(), error))
        return false;
    return !transaction || transaction->commit(error);
}

bool Replica::beginFeed(QString *error)
{
    if (inFeed()) {
        *error = QStringLiteral("a feed transaction is already open on the replica %1").arg(m_path);
        return false;
    }
    // Pages of a long feed insert rows all over indexes keyed by random ids: with SQLite's
    // default 2 MiB of cache, it would read and write the same index pages again and again.
    constexpr int feedCacheKiB = 64 * 1024;
    if (!setPageCache(feedCacheKiB, error))
        return false;
    auto transaction = std::make_unique<SqlTransaction>(database(), true);
    if (!transaction->isActive()) {
        *error = transaction->error();
        return false;
    }
    m_feedTransaction = std::move(transaction);
    return true;
}

bool Replica::commitFeed(QString *error)
{
    if (!inFeed()) {
        *error = QStringLiteral("no feed transaction is open on the replica %1").arg(m_path);
        return false;
    }
    const bool committed = m_feedTransaction->commit(error);
    endFeed();
    return committed;
}

void Replica::rollbackFeed()
{
    if (inFeed())
        endFeed(); // SqlTransaction rolls back what was not committed
}

void Replica::endFeed()
{
    m_feedTransaction.reset();
    // Routine syncs write small pages, so the memory of the large cache goes back.
    QString cacheError;
    if (!setPageCache(0, &cacheError))
        qCWarning(lcStorage) << "shrinking the page cache of replica" << m_path
                             << "failed:" << cacheError;
}

bool Replica::acknowledge(const FeedPosition &cursor, QString *error)
{
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    if (!setState(QStringLiteral("feed_cursor"), cursor.toString(), error)) {
        return false;
    }
    if (!execSql(database(), QStringLiteral("DELETE FROM outbox WHERE state <> 'pending'"), error))
        return false;
    if (!setState(QStringLiteral("last_sync_at"), toStorageTime(m_clock()), error))
        return false;
    return transaction.commit(error);
}

QList<AttentionItem> Replica::attentionItems(QString *error) const
{
    QList<AttentionItem> items;
    const auto rows =
        SqlStatement(
            database(),
            QStringLiteral(
                "SELECT a.operation_id, a.report_id, a.kind, a.refusal, a.reason, a.created_at, "
                "a.body, r.public_code, (SELECT count(*) FROM outbox o WHERE o.report_id = "
                "a.report_id AND o.state = 'pending') AS held FROM attention a LEFT JOIN report r "
                "ON r.id = a.report_id WHERE a.dismissed = 0 ORDER BY a.created_at"))
            .rows(error);
    if (!rows)
        return items;
    const ReferenceCodes codes = referenceCodes();
    for (const QVariantMap &row : *rows) {
        if (auto item = attentionItemFromRow(row, codes))
            items.append(*item);
    }
    return items;
}

int Replica::attentionCount() const
{
    const auto count =
        SqlStatement(database(),
                     QStringLiteral("SELECT count(*) FROM attention WHERE dismissed = 0"))
            .scalar(nullptr);
    return count ? count->toInt() : 0;
}

bool Replica::storeClaim(const QString &reportId, const QString &holder, const QDateTime &expiresAt,
                         QString *error)
{
    SqlStatement update(database(), QStringLiteral("UPDATE report SET claim_holder = :holder, "
                                                   "claim_expires_at = :expires WHERE id = :id"));
    update.bindAll({{QStringLiteral("holder"), holder.isEmpty() ? QVariant() : QVariant(holder)},
                    {QStringLiteral("expires"),
                     expiresAt.isValid() ? QVariant(toStorageTime(expiresAt)) : QVariant()},
                    {QStringLiteral("id"), reportId}});
    return update.exec(error);
}

std::optional<Report> Replica::report(const QString &id, QString *error) const
{
    return loadReport(database(), id, {}, error);
}

std::optional<QList<ReportSnapshot>> Replica::snapshots(QString *error) const
{
    const auto ids = allReportIds(database(), error);
    if (!ids)
        return std::nullopt;
    return loadSnapshots(database(), *ids, {}, error);
}

std::optional<QStringList> Replica::reportIds(QString *error) const
{
    return allReportIds(database(), error);
}

std::optional<QList<ReportSnapshot>> Replica::snapshotsOf(const QStringList &ids,
                                                          QString *error) const
{
    return loadSnapshots(database(), ids, {}, error);
}

std::optional<ReportStats> Replica::stats(QString *error) const
{
    return loadReportStats(database(), error);
}

} // namespace CivicDesk
