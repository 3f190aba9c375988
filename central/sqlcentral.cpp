#include "central/sqlcentral.h"

#include "central/centralimport.h"
#include "central/mediastore.h"
#include "central/pgreveal.h"
#include "central/pgschema.h"
#include "core/bulk.h"
#include "core/conflict.h"
#include "core/logging.h"
#include "core/rows.h"
#include "core/timeutil.h"
#include "db/migrations.h"
#include "db/reportstore.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QUuid>

namespace CivicDesk {
namespace {

bool createCentralId(const QSqlDatabase &database, QString *error)
{
    SqlStatement statement(
        database, QStringLiteral("INSERT INTO meta (key, value) VALUES ('central_id', :id)"));
    statement.bind(QStringLiteral(":id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    return statement.exec(error);
}

const QList<Migration> &centralMigrations()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral(":/civicdesk/central/sqlite/0001_initial.sql"), createCentralId},
        {2, QStringLiteral(":/civicdesk/central/sqlite/0002_media_file.sql"), nullptr},
        {3, QStringLiteral(":/civicdesk/central/sqlite/0003_workflow.sql"), nullptr},
        {4, QStringLiteral(":/civicdesk/central/sqlite/0004_claims.sql"), nullptr},
    };
    return migrations;
}

QString sqlitePath(const QString &url)
{
    return url.mid(int(qstrlen("sqlite:")));
}

// Records in the report's timeline that another operator's change came first, with both values
// of each field, so that every workstation shows what was refused. The event takes the operation's
// event id, which the refused operation leaves unused.
bool insertRefusalEvent(const QSqlDatabase &database, const Operation &operation,
                        const Report &current, Refusal refusal, const QDateTime &at, QString *error)
{
    Event event;
    event.id = operation.eventId;
    event.reportId = operation.reportId;
    event.kind = EventKind::Refused;
    event.actor = operation.actor;
    event.at = at;
    event.data = {
        {QLatin1String("operation"), operationKindCode(operation.kind)},
        {QLatin1String("refusal"), refusalCode(refusal)},
        {QLatin1String("fields"), differencesToJson(refusalDifferences(operation, current))}};
    const auto revision = ImportWriter::nextRevision(database, error);
    if (!revision || !insertEvent(database, event, error))
        return false;
    return updateReport(database, current, current, {{QStringLiteral("revision"), *revision}},
                        error);
}

} // namespace

SqlCentral::SqlCentral(Backend backend, QString url)
    : m_backend(backend)
    , m_url(std::move(url))
    , m_connection(QStringLiteral("civicdesk-central"))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

SqlCentral::~SqlCentral() = default;

QSqlDatabase SqlCentral::database() const
{
    return m_connection.database();
}

QString SqlCentral::url() const
{
    return m_url;
}

bool SqlCentral::ping(QString *error)
{
    return execSql(database(), QStringLiteral("SELECT 1"), error);
}

QString SqlCentral::displayName() const
{
    return m_backend == Backend::Sqlite ? sqlitePath(m_url) : displayUrl();
}

bool SqlCentral::open(bool create, QString *error)
{
    const bool ok = m_backend == Backend::Sqlite ? openSqlite(create, error)
                                                 : openPostgresDatabase(create, error);
    if (!ok)
        return false;
    m_centralId = meta(QStringLiteral("central_id"));
    const auto readable = ReadableColumns::of(database(), error);
    if (!readable)
        return false;
    m_readable = *readable;
    if (m_backend == Backend::Postgres) {
        const auto rows = SqlStatement(database(), QStringLiteral("SELECT session_user AS viewer, "
                                                                  "assigned_agency() AS agency"))
                              .rows(error);
        if (!rows || rows->isEmpty())
            return false;
        m_viewer = rows->first().value(QStringLiteral("viewer")).toString();
        m_agency = rows->first().value(QStringLiteral("agency")).toString();
    }
    qCInfo(lcCentral) << "opened central" << displayName() << "id" << m_centralId;
    return true;
}

bool SqlCentral::openSqlite(bool create, QString *error)
{
    const QString path = sqlitePath(m_url);
    if (!create && !QFileInfo::exists(path)) {
        *error = QStringLiteral("the central database %1 does not exist; create it with "
                                "civicdeskctl init --central %2")
                     .arg(path, m_url);
        return false;
    }
    const QString what = QStringLiteral("central database %1").arg(path);
    if (!m_connection.open(path, 30000, create, what, error))
        return false;
    return migrateSqlite(database(), centralMigrations(), centralApplicationId, what, error);
}

bool SqlCentral::openPostgresDatabase(bool create, QString *error)
{
    if (!m_connection.openPostgres(m_url, error))
        return false;
    if (create) {
        QList<int> applied;
        return migratePostgres(database(), &applied, error);
    }
    const int version = postgresSchemaVersion(database(), error);
    if (version < 0)
        return false;
    if (version == latestPostgresSchemaVersion())
        return true;
    if (version == 0) {
        *error = QStringLiteral("the database %1 holds no CivicDesk central; create it with "
                                "civicdeskctl init --central URL")
                     .arg(redactedUrl(m_url));
    } else if (version > latestPostgresSchemaVersion()) {
        *error = QStringLiteral("the central database %1 has schema version %2, newer than the "
                                "%3 this version of CivicDesk knows; update CivicDesk")
                     .arg(redactedUrl(m_url))
                     .arg(version)
                     .arg(latestPostgresSchemaVersion());
    } else {
        *error = QStringLiteral("the central database %1 has schema version %2 and this version "
                                "of CivicDesk needs %3; an administrator runs civicdeskctl "
                                "central migrate --central URL")
                     .arg(redactedUrl(m_url))
                     .arg(version)
                     .arg(latestPostgresSchemaVersion());
    }
    return false;
}

QString SqlCentral::meta(const QString &key) const
{
    SqlStatement statement(database(), QStringLiteral("SELECT value FROM meta WHERE key = :key"));
    const auto value = statement.bind(QStringLiteral(":key"), key).scalar(nullptr);
    return value ? value->toString() : QString();
}

bool SqlCentral::initialize(const ReferenceData &data, QString *error)
{
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    if (!replaceReferenceData(database(), data, error))
        return false;

    const QVariantMap settings{{QStringLiteral("code_prefix"), data.codePrefix},
                               {QStringLiteral("time_zone"), data.timeZone},
                               {QStringLiteral("initialized_at"), toStorageTime(m_clock())}};
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        SqlStatement statement(
            database(), QStringLiteral("INSERT INTO meta (key, value) VALUES (:key, :value) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        if (!statement.bind(QStringLiteral(":key"), it.key())
                 .bind(QStringLiteral(":value"), it.value())
                 .exec(error)) {
            return false;
        }
    }
    if (!execSql(database(),
                 QStringLiteral("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                                "WHERE key = 'reference_revision'"),
                 error)) {
        return false;
    }
    if (!transaction.commit(error))
        return false;
    qCInfo(lcCentral) << "reference data stored:" << data.categories.size() << "fields,"
                      << data.agencies.size() << "agencies," << data.adminUnits.size() << "units";
    return true;
}

bool SqlCentral::isInitialized() const
{
    return !meta(QStringLiteral("initialized_at")).isEmpty();
}

std::optional<ReferenceData> SqlCentral::referenceData(qint64 *revision, QString *error)
{
    auto data = loadReferenceData(database(), error);
    if (!data)
        return std::nullopt;
    data->codePrefix = meta(QStringLiteral("code_prefix"));
    data->timeZone = meta(QStringLiteral("time_zone"));
    if (revision)
        *revision = meta(QStringLiteral("reference_revision")).toLongLong();
    return data;
}

std::optional<ImportSummary> SqlCentral::importReports(const QList<IncomingReport> &records,
                                                       QString *error)
{
    if (!isInitialized()) {
        *error = QStringLiteral("the central database %1 has no reference data; run civicdeskctl "
                                "init --central %2 first")
                     .arg(displayName(), displayUrl());
        return std::nullopt;
    }
    const auto reference = referenceData(nullptr, error);
    if (!reference)
        return std::nullopt;

    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    ImportWriter writer(database(), *reference, m_clock());
    auto summary = writer.write(records, error);
    if (!summary || !transaction.commit(error))
        return std::nullopt;
    qCInfo(lcCentral) << "import stored" << summary->imported << "new," << summary->updated
                      << "updated," << summary->unchanged << "unchanged,"
                      << summary->rejections.size() << "rejected";
    return summary;
}

bool SqlCentral::sqliteFeedPage(const FeedPosition &cursor, int limit, ChangeBatch *batch,
                                QString *error)
{
    // One writer at a time: revisions are handed out in commit order.
    SqlStatement statement(database(),
                           QStringLiteral("SELECT id, revision FROM report WHERE revision > "
                                          ":revision ORDER BY revision LIMIT :limit"));
    const auto rows = statement.bind(QStringLiteral(":revision"), cursor.revision)
                          .bind(QStringLiteral(":limit"), limit)
                          .rows(error);
    if (!rows)
        return false;
    batch->cursor = cursor;
    if (!rows->isEmpty())
        batch->cursor.revision = rows->last()[QStringLiteral("revision")].toLongLong();
    batch->more = rows->size() == limit;

    QStringList ids;
    QHash<QString, qint64> revisions;
    for (const QVariantMap &row : *rows) {
        const QString id = row[QStringLiteral("id")].toString();
        ids.append(id);
        revisions.insert(id, row[QStringLiteral("revision")].toLongLong());
    }
    auto snapshots = loadSnapshots(database(), ids, m_readable, error);
    if (!snapshots)
        return false;
    for (ReportSnapshot &snapshot : *snapshots)
        snapshot.revision = revisions.value(snapshot.report.id);
    batch->reports = std::move(*snapshots);
    return true;
}

bool SqlCentral::postgresFeedPage(const FeedPosition &cursor, int limit, ChangeBatch *batch,
                                  QString *error)
{
    // The batch reads up to the snapshot of this moment, unless a batch read page by page is
    // still going on, and takes what is visible in it but was not in the last one read.
    QString upper = cursor.upper;
    if (upper.isEmpty()) {
        const auto now =
            SqlStatement(database(), QStringLiteral("SELECT pg_current_snapshot()::text"))
                .scalar(error);
        if (!now)
            return false;
        upper = now->toString();
    }
    // One statement reads the page and its reports, through libpq, because a first sync reads
    // a million of them. report_changes() lists every change, visible to this user or not. The
    // join reads the rows this user may see, so a change without its row is a report that left
    // the view.
    const QString sql =
        QStringLiteral("SELECT f.change_transaction, f.change_revision, f.change_report, %1 "
                       "FROM report_changes($1, $2, $3::bigint, $4::bigint, $5::integer) f "
                       "LEFT JOIN report ON report.id = f.change_report "
                       "ORDER BY f.change_transaction, f.change_revision")
            .arg(selectList(database(), reportColumns(), QStringLiteral("report"), m_readable));
    // A NULL snapshot reads from the start.
    const QList<QByteArray> parameters{
        upper.toUtf8(), cursor.snapshot.isEmpty() ? QByteArray() : cursor.snapshot.toUtf8(),
        QByteArray::number(cursor.transaction), QByteArray::number(cursor.revision),
        QByteArray::number(limit)};
    const auto page = PgResult::exec(database(), sql.toUtf8(), parameters, error);
    if (!page)
        return false;
    constexpr int firstReportColumn = 3;
    auto snapshots = snapshotsOfResult(database(), *page, firstReportColumn, m_readable, error);
    if (!snapshots)
        return false;
    const auto number = [&](int row, int column) {
        return QByteArray::fromRawData(page->data(row, column), page->size(row, column))
            .toLongLong();
    };
    qsizetype next = 0;
    for (int row = 0; row < page->rowCount(); ++row) {
        if (page->isNull(row, firstReportColumn))
            batch->removed.append(QString::fromUtf8(page->data(row, 2), page->size(row, 2)));
        else
            (*snapshots)[next++].revision = number(row, 1);
    }
    batch->reports = std::move(*snapshots);
    batch->more = page->rowCount() == limit;

    if (!batch->more) {
        // The batch is complete: everything visible in `upper` has been read.
        batch->cursor = FeedPosition{};
        batch->cursor.snapshot = upper;
    } else {
        const int last = page->rowCount() - 1;
        batch->cursor.snapshot = cursor.snapshot;
        batch->cursor.upper = upper;
        batch->cursor.transaction = number(last, 0);
        batch->cursor.revision = number(last, 1);
    }
    return true;
}

std::optional<ChangeBatch> SqlCentral::changesSince(const FeedPosition &cursor, int limit,
                                                    QString *error)
{
    // One read transaction, so that the page and the snapshots come from one moment; on
    // PostgreSQL a repeatable-read one, whose statements all share one snapshot.
    SqlTransaction transaction(database());
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    if (m_backend == Backend::Postgres &&
        !execSql(database(),
                 QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
                 error)) {
        return std::nullopt;
    }

    ChangeBatch batch;
    const bool read = m_backend == Backend::Postgres
                          ? postgresFeedPage(cursor, limit, &batch, error)
                          : sqliteFeedPage(cursor, limit, &batch, error);
    if (!read)
        return std::nullopt;
    batch.referenceRevision = meta(QStringLiteral("reference_revision")).toLongLong();
    if (!transaction.commit(error))
        return std::nullopt;
    return batch;
}

std::optional<ReportSnapshot> SqlCentral::currentSnapshot(const QString &reportId, QString *error)
{
    const auto snapshots = loadSnapshots(database(), {reportId}, m_readable, error);
    if (!snapshots || snapshots->isEmpty())
        return std::nullopt;
    return snapshots->first();
}

std::optional<OperationResult> SqlCentral::storedDecision(const Operation &operation,
                                                          QString *error)
{
    SqlStatement statement(
        database(), QStringLiteral("SELECT refusal, reason FROM applied_operation WHERE id = :id"));
    const auto rows = statement.bind(QStringLiteral(":id"), operation.id).rows(error);
    if (!rows || rows->isEmpty())
        return std::nullopt;

    OperationResult result;
    result.operationId = operation.id;
    result.refusal = refusalFromCode(rows->first()[QStringLiteral("refusal")].toString());
    result.reason = rows->first()[QStringLiteral("reason")].toString();
    result.repeated = true;
    qCInfo(lcCentral) << "operation" << operation.id << "delivered again; returning its decision";
    return result;
}

bool SqlCentral::recordDecision(const Operation &operation, const OperationResult &result,
                                QString *error)
{
    SqlStatement statement(
        database(),
        QStringLiteral("INSERT INTO applied_operation (id, report_id, refusal, reason, decided_at) "
                       "VALUES (:id, :report_id, :refusal, :reason, :decided_at)"));
    statement.bindAll({{QStringLiteral("id"), operation.id},
                       {QStringLiteral("report_id"), operation.reportId},
                       {QStringLiteral("refusal"), refusalCode(result.refusal)},
                       {QStringLiteral("reason"), result.reason},
                       {QStringLiteral("decided_at"), toStorageTime(m_clock())}});
    return statement.exec(error);
}

bool SqlCentral::writeDecided(const Report &before, const Report &after, qint64 revision,
                              QString *error)
{
    const QVariantMap extra{{QStringLiteral("revision"), revision}};
    if (m_agency.isEmpty() || after.agency == before.agency)
        return updateReport(database(), before, after, extra, error);

    // An agency user returns the report through the server's function, because PostgreSQL
    // rejects an update that leaves a row its author can no longer read. decide() has already
    // rejected a forward to another agency, so the new agency is empty here. The function
    // also clears the deadline, which the agency may not write.
    Report kept = after;
    kept.agency = before.agency;
    kept.dueAt = before.dueAt;
    kept.clockStartedAt = before.clockStartedAt;
    if (!updateReport(database(), before, kept, extra, error))
        return false;
    SqlStatement release(database(), QStringLiteral("SELECT release_report(:id)"));
    return release.bind(QStringLiteral(":id"), after.id).exec(error);
}

std::optional<QString> SqlCentral::undoProblemOnCentral(const Operation &undo, QString *error)
{
    const auto snapshots = loadSnapshots(database(), {undo.reportId}, m_readable, error);
    if (!snapshots)
        return std::nullopt;
    if (snapshots->isEmpty())
        return QStringLiteral("report %1 is not on the central").arg(undo.reportId);
    return undoProblem(snapshots->first().report, snapshots->first().events, undo);
}

std::optional<QString> SqlCentral::duplicateTargetProblem(const Report &duplicate)
{
    QString loadError;
    const auto target = loadReport(database(), duplicate.duplicateOf, m_readable, &loadError);
    if (!target) {
        qCInfo(lcCentral) << "duplicate target" << duplicate.duplicateOf
                          << "not read:" << loadError;
        return QStringLiteral("report %1 cannot duplicate %2, which does not exist on the central")
            .arg(duplicate.id, duplicate.duplicateOf);
    }
    if (target->status == Status::Duplicate)
        return QStringLiteral("report %1 cannot duplicate %2, which is itself a duplicate of %3; "
                              "merge it into that one")
            .arg(duplicate.id, duplicate.duplicateOf, target->duplicateOf);
    return std::nullopt;
}

bool SqlCentral::mergeReporters(const Report &duplicate, const Operation &operation, QString *error)
{
    if (m_backend == Backend::Postgres) {
        // No group may read the reporter links; the server's function moves them.
        SqlStatement merge(database(), QStringLiteral("SELECT merge_reporters(:id)"));
        if (!merge.bind(QStringLiteral(":id"), duplicate.id).exec(error))
            return false;
    } else {
        SqlStatement link(database(),
                          QStringLiteral("INSERT OR IGNORE INTO report_reporter (report_id, "
                                         "reporter_id) SELECT :target, reporter_id FROM "
                                         "report_reporter WHERE report_id = :duplicate"));
        SqlStatement count(database(),
                           QStringLiteral("UPDATE report SET reporter_count = (SELECT count(*) "
                                          "FROM report_reporter WHERE report_id = :target) "
                                          "WHERE id = :target"));
        if (!link.bind(QStringLiteral(":target"), duplicate.duplicateOf)
                 .bind(QStringLiteral(":duplicate"), duplicate.id)
                 .exec(error) ||
            !count.bind(QStringLiteral(":target"), duplicate.duplicateOf).exec(error))
            return false;
    }

    // The surviving report's timeline records what joined it, and its new revision carries the
    // new reporter count to every workstation.
    Event merged;
    merged.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    merged.reportId = duplicate.duplicateOf;
    merged.kind = EventKind::Merged;
    merged.actor = operation.actor;
    merged.at = operation.createdAt;
    merged.data = {{QLatin1String("merged"), duplicate.id},
                   {QLatin1String("merged_code"), duplicate.publicCode}};
    const auto revision = ImportWriter::nextRevision(database(), error);
    if (!revision || !insertEvent(database(), merged, error))
        return false;
    SqlStatement touch(database(),
                       QStringLiteral("UPDATE report SET revision = :revision WHERE id = :id"));
    return touch.bind(QStringLiteral(":revision"), *revision)
        .bind(QStringLiteral(":id"), duplicate.duplicateOf)
        .exec(error);
}

std::optional<OperationResult> SqlCentral::decide(const Operation &operation, QString *error)
{
    // SQLite's write lock already keeps other writers out; on PostgreSQL a concurrent decision
    // on the same report waits here until this one commits, then reads its result.
    if (m_backend == Backend::Postgres) {
        SqlStatement lock(database(),
                          QStringLiteral("SELECT id FROM report WHERE id = :id FOR UPDATE"));
        if (!lock.bind(QStringLiteral(":id"), operation.reportId).exec(error))
            return std::nullopt;
    }
    if (auto stored = storedDecision(operation, error))
        return stored;
    if (operation.kind == OperationKind::Create)
        return decideCreate(operation, error);

    OperationResult result;
    result.operationId = operation.id;
    QString loadError;
    auto report = loadReport(database(), operation.reportId, m_readable, &loadError);
    const Report before = report ? *report : Report{};
    if (!report) {
        // Row-level security hides a report that the user may not see as if it did not exist.
        result.refusal = Refusal::UnknownReport;
        result.reason = QStringLiteral("report %1 does not exist on the central or is not "
                                       "visible to this user")
                            .arg(operation.reportId);
    } else if (operationChangesAssignment(operation.kind) && !operation.baseState &&
               operation.baseVersion != report->version) {
        // Queued before operations recorded the state they depend on: the version decides.
        result.refusal = Refusal::StaleVersion;
        result.reason = QStringLiteral("the report changed on the central (version %1) after the "
                                       "version %2 this change was based on")
                            .arg(report->version)
                            .arg(operation.baseVersion);
        if (!insertRefusalEvent(database(), operation, *report, result.refusal, m_clock(), error))
            return std::nullopt;
    } else {
        const auto reference = referenceData(nullptr, error);
        if (!reference)
            return std::nullopt;
        const OperationOutcome outcome =
            applyOperation(*report, operation, referenceCodesOf(*reference));
        result.refusal = outcome.refusal;
        result.reason = outcome.reason;
        if (outcome.accepted() && !m_agency.isEmpty() && !report->agency.isEmpty() &&
            report->agency != before.agency) {
            // Column rights would reject it as well. This message names the agency instead.
            result.refusal = Refusal::NotPermitted;
            result.reason = QStringLiteral("an agency user cannot forward report %1 to %2")
                                .arg(operation.reportId, report->agency);
        }
        if (outcome.accepted() && operation.kind == OperationKind::Undo) {
            QString timelineError;
            const auto problem = undoProblemOnCentral(operation, &timelineError);
            if (!timelineError.isEmpty()) {
                *error = timelineError;
                return std::nullopt;
            }
            if (problem) {
                result.refusal = Refusal::InvalidTransition;
                result.reason = *problem;
            }
        }
        if (outcome.accepted() && operation.kind == OperationKind::MarkDuplicate) {
            if (const auto problem = duplicateTargetProblem(*report)) {
                result.refusal = Refusal::InvalidValue;
                result.reason = *problem;
            }
        }
        if (isConcurrencyRefusal(outcome.refusal) &&
            !insertRefusalEvent(database(), operation, *report, outcome.refusal, m_clock(),
                                error)) {
            return std::nullopt;
        }
        if (result.accepted()) {
            if (operationChangesVersion(operation.kind)) {
                report->version += 1;
                report->updatedAt = m_clock();
            }
            const auto revision = ImportWriter::nextRevision(database(), error);
            if (!revision)
                return std::nullopt;
            // The event first: an agency user that gives the report back may not write to
            // its timeline afterwards, and a PostgreSQL central lets an operator's undo take a
            // report out of rejected only once the undone event is in.
            if (!insertEvent(database(), outcome.event, error) ||
                !writeDecided(before, *report, *revision, error)) {
                return std::nullopt;
            }
            if (operation.kind == OperationKind::MarkDuplicate &&
                !mergeReporters(*report, operation, error))
                return std::nullopt;
        }
    }
    if (!recordDecision(operation, result, error))
        return std::nullopt;
    if (!result.accepted())
        qCInfo(lcCentral) << "refused operation" << operation.id << ":" << result.reason;
    return result;
}

OperationResult SqlCentral::notPermitted(const Operation &operation, const QString &denial)
{
    OperationResult result;
    result.operationId = operation.id;
    result.refusal = Refusal::NotPermitted;
    // The server's sentence, without the statement and the driver's words after it.
    QString sentence = denial.section(QLatin1Char('\n'), 0, 0).trimmed();
    sentence.remove(QRegularExpression(QStringLiteral("^ERROR:\\s*")));
    sentence = sentence.section(QStringLiteral(" (in: "), 0, 0).trimmed();
    sentence.remove(QRegularExpression(QStringLiteral("\\s*\\(42501\\).*$")));
    result.reason =
        QStringLiteral("the central refused this change to the signed-in user: %1").arg(sentence);
    qCWarning(lcCentral) << "operation" << operation.id << "not permitted:" << denial;
    // The decision is recorded where the user may insert decisions, so that a second delivery
    // returns it. Without that right, a second delivery is rejected again the same way.
    SqlTransaction transaction(database(), true);
    QString error;
    if (!transaction.isActive() || !recordDecision(operation, result, &error) ||
        !transaction.commit(&error)) {
        qCInfo(lcCentral) << "refusal of operation" << operation.id << "not recorded:" << error;
    }
    return result;
}

std::optional<QList<OperationResult>> SqlCentral::submit(const QList<Operation> &operations,
                                                         QString *error)
{
    QList<OperationResult> results;
    // A refusal keeps back the later operations on its report: they were made on top of the refused
    // one, and the operator decides first.
    QSet<QString> refusedReports;
    for (const Operation &operation : operations) {
        if (refusedReports.contains(operation.reportId)) {
            OperationResult held;
            held.operationId = operation.id;
            held.held = true;
            results.append(held);
            qCInfo(lcCentral) << "held operation" << operation.id << "behind a refusal on report"
                              << operation.reportId;
            continue;
        }
        std::optional<OperationResult> result;
        QString denial;
        {
            SqlTransaction transaction(database(), true);
            if (!transaction.isActive()) {
                *error = transaction.error();
                return std::nullopt;
            }
            result = decide(operation, error);
            if (!result && isPermissionError(*error))
                denial = *error; // rolled back at the end of the block
            else if (!result || !transaction.commit(error))
                return std::nullopt;
        }
        // The server's rights decide, whatever the client checked: the operation is refused on
        // its own instead of failing this submission and every retry after it.
        if (!denial.isEmpty())
            result = notPermitted(operation, denial);
        if (!result->accepted()) {
            result->current = currentSnapshot(operation.reportId, nullptr);
            refusedReports.insert(operation.reportId);
        }
        results.append(*result);
    }
    return results;
}

std::optional<QList<Reporter>> SqlCentral::revealReporters(const QString &reportId,
                                                           const QString &actor,
                                                           const QString &reason, QString *error)
{
    // The server checks the reason and records the signed-in role as the actor.
    if (m_backend == Backend::Postgres)
        return revealReportersOnServer(database(), reportId, reason, error);

    if (reason.trimmed().isEmpty()) {
        *error = QStringLiteral("revealing a reporter needs a reason");
        return std::nullopt;
    }
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    if (!loadReport(database(), reportId, m_readable, error))
        return std::nullopt;

    SqlStatement select(database(), QStringLiteral("SELECT p.id, p.name, p.phone FROM reporter p "
                                                   "JOIN report_reporter l ON l.reporter_id = p.id "
                                                   "WHERE l.report_id = :id ORDER BY p.id"));
    const auto rows = select.bind(QStringLiteral(":id"), reportId).rows(error);
    if (!rows)
        return std::nullopt;
    QList<Reporter> reporters;
    for (const QVariantMap &row : *rows)
        reporters.append({row[QStringLiteral("id")].toString(),
                          row[QStringLiteral("name")].toString(),
                          row[QStringLiteral("phone")].toString()});

    // The event carries who and why, never the data revealed.
    Event event;
    event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.reportId = reportId;
    event.kind = EventKind::ReporterRevealed;
    event.actor = actor;
    event.at = m_clock();
    event.data = {{QLatin1String("reason"), reason.trimmed()},
                  {QLatin1String("reporters"), int(reporters.size())}};
    const auto revision = ImportWriter::nextRevision(database(), error);
    if (!revision || !insertEvent(database(), event, error))
        return std::nullopt;
    SqlStatement touch(database(),
                       QStringLiteral("UPDATE report SET revision = :revision WHERE id = :id"));
    if (!touch.bind(QStringLiteral(":revision"), *revision)
             .bind(QStringLiteral(":id"), reportId)
             .exec(error))
        return std::nullopt;
    if (!transaction.commit(error))
        return std::nullopt;
    qCInfo(lcCentral) << "reporters of report" << reportId << "revealed to" << actor;
    return reporters;
}

std::optional<QList<ReportSnapshot>> SqlCentral::snapshots(QString *error)
{
    SqlTransaction transaction(database());
    const auto ids = allReportIds(database(), error);
    if (!ids)
        return std::nullopt;
    return loadSnapshots(database(), *ids, m_readable, error);
}

std::optional<QStringList> SqlCentral::reportIds(QString *error)
{
    return allReportIds(database(), error);
}

std::optional<QList<ReportSnapshot>> SqlCentral::snapshotsOf(const QStringList &ids, QString *error)
{
    SqlTransaction transaction(database());
    return loadSnapshots(database(), ids, m_readable, error);
}

std::optional<ReportStats> SqlCentral::stats(QString *error)
{
    return loadReportStats(database(), error);
}

MediaReadStatus SqlCentral::mediaThumbnail(const QString &sha256, MediaThumbnail *thumbnail,
                                           QString *error)
{
    return readMediaThumbnail(database(), sha256, thumbnail, error);
}

MediaReadStatus SqlCentral::copyMediaContent(const QString &sha256, QIODevice *out,
                                             const MediaProgress &progress, QString *error)
{
    return copyMediaFile(database(), sha256, out, progress, error);
}

} // namespace CivicDesk
