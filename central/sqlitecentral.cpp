#include "central/sqlitecentral.h"

#include "central/centralimport.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "db/migrations.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"

#include <QFileInfo>
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
    };
    return migrations;
}

} // namespace

SqliteCentral::SqliteCentral(QString path)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("civicdesk-central"))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

SqliteCentral::~SqliteCentral() = default;

QSqlDatabase SqliteCentral::database() const
{
    return m_connection.database();
}

QString SqliteCentral::url() const
{
    return QStringLiteral("sqlite:") + m_path;
}

bool SqliteCentral::open(bool create, QString *error)
{
    if (!create && !QFileInfo::exists(m_path)) {
        *error = QStringLiteral("the central database %1 does not exist; create it with "
                                "civicdeskctl init --central %2")
                     .arg(m_path, url());
        return false;
    }

    const QString what = QStringLiteral("central database %1").arg(m_path);
    if (!m_connection.open(m_path, 30000, create, what, error))
        return false;
    if (!migrateSqlite(database(), centralMigrations(), centralApplicationId, what, error))
        return false;
    m_centralId = meta(QStringLiteral("central_id"));
    qCInfo(lcCentral) << "opened embedded central" << m_path << "id" << m_centralId;
    return true;
}

QString SqliteCentral::meta(const QString &key) const
{
    SqlStatement statement(database(), QStringLiteral("SELECT value FROM meta WHERE key = :key"));
    const auto value = statement.bind(QStringLiteral(":key"), key).scalar(nullptr);
    return value ? value->toString() : QString();
}

bool SqliteCentral::initialize(const ReferenceData &data, QString *error)
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

bool SqliteCentral::isInitialized() const
{
    return !meta(QStringLiteral("initialized_at")).isEmpty();
}

std::optional<ReferenceData> SqliteCentral::referenceData(qint64 *revision, QString *error)
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

std::optional<ImportSummary> SqliteCentral::importReports(const QList<IncomingReport> &records,
                                                          QString *error)
{
    if (!isInitialized()) {
        *error = QStringLiteral("the central database %1 has no reference data; run civicdeskctl "
                                "init --central %2 first")
                     .arg(m_path, url());
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

std::optional<ChangeBatch> SqliteCentral::changesSince(qint64 cursor, int limit, QString *error)
{
    // One read transaction, so that the page and the snapshots come from one moment.
    SqlTransaction transaction(database());
    SqlStatement statement(database(),
                           QStringLiteral("SELECT id, revision FROM report WHERE revision > "
                                          ":cursor ORDER BY revision LIMIT :limit"));
    const auto rows = statement.bind(QStringLiteral(":cursor"), cursor)
                          .bind(QStringLiteral(":limit"), limit)
                          .rows(error);
    if (!rows)
        return std::nullopt;

    ChangeBatch batch;
    batch.cursor = cursor;
    QStringList ids;
    QHash<QString, qint64> revisions;
    for (const QVariantMap &row : *rows) {
        const QString id = row[QStringLiteral("id")].toString();
        ids.append(id);
        revisions.insert(id, row[QStringLiteral("revision")].toLongLong());
        batch.cursor = std::max(batch.cursor, revisions.value(id));
    }
    auto snapshots = loadSnapshots(database(), ids, error);
    if (!snapshots)
        return std::nullopt;
    for (ReportSnapshot &snapshot : *snapshots)
        snapshot.revision = revisions.value(snapshot.report.id);
    batch.reports = *snapshots;
    batch.more = rows->size() == limit;
    batch.referenceRevision = meta(QStringLiteral("reference_revision")).toLongLong();
    return batch;
}

std::optional<ReportSnapshot> SqliteCentral::currentSnapshot(const QString &reportId,
                                                             QString *error)
{
    const auto snapshots = loadSnapshots(database(), {reportId}, error);
    if (!snapshots || snapshots->isEmpty())
        return std::nullopt;
    return snapshots->first();
}

std::optional<OperationResult> SqliteCentral::storedDecision(const Operation &operation,
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
    qCInfo(lcCentral) << "operation" << operation.id << "delivered again; returning its decision";
    return result;
}

bool SqliteCentral::recordDecision(const Operation &operation, const OperationResult &result,
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

std::optional<OperationResult> SqliteCentral::decide(const Operation &operation, QString *error)
{
    if (auto stored = storedDecision(operation, error))
        return stored;

    OperationResult result;
    result.operationId = operation.id;
    QString loadError;
    auto report = loadReport(database(), operation.reportId, &loadError);
    if (!report) {
        result.refusal = Refusal::UnknownReport;
        result.reason =
            QStringLiteral("report %1 does not exist on the central").arg(operation.reportId);
    } else if (operationChangesVersion(operation.kind) &&
               operation.baseVersion != report->version) {
        result.refusal = Refusal::StaleVersion;
        result.reason = QStringLiteral("the report changed on the central (version %1) after the "
                                       "version %2 this change was based on")
                            .arg(report->version)
                            .arg(operation.baseVersion);
    } else {
        const auto reference = referenceData(nullptr, error);
        if (!reference)
            return std::nullopt;
        const OperationOutcome outcome =
            applyOperation(*report, operation, referenceCodesOf(*reference));
        result.refusal = outcome.refusal;
        result.reason = outcome.reason;
        if (outcome.accepted()) {
            if (operationChangesVersion(operation.kind)) {
                report->version += 1;
                report->updatedAt = m_clock();
            }
            const auto revision = ImportWriter::nextRevision(database(), error);
            if (!revision)
                return std::nullopt;
            if (!upsertReport(database(), *report, error,
                              {{QStringLiteral("revision"), *revision}}) ||
                !insertEvent(database(), outcome.event, error)) {
                return std::nullopt;
            }
        }
    }
    if (!recordDecision(operation, result, error))
        return std::nullopt;
    if (!result.accepted())
        qCInfo(lcCentral) << "refused operation" << operation.id << ":" << result.reason;
    return result;
}

std::optional<QList<OperationResult>> SqliteCentral::submit(const QList<Operation> &operations,
                                                            QString *error)
{
    QList<OperationResult> results;
    for (const Operation &operation : operations) {
        SqlTransaction transaction(database(), true);
        if (!transaction.isActive()) {
            *error = transaction.error();
            return std::nullopt;
        }
        auto result = decide(operation, error);
        if (!result || !transaction.commit(error))
            return std::nullopt;
        if (!result->accepted())
            result->current = currentSnapshot(operation.reportId, nullptr);
        results.append(*result);
    }
    return results;
}

std::optional<QList<Reporter>> SqliteCentral::revealReporters(const QString &reportId,
                                                              const QString &actor,
                                                              const QString &reason, QString *error)
{
    if (reason.trimmed().isEmpty()) {
        *error = QStringLiteral("revealing a reporter needs a reason");
        return std::nullopt;
    }
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    if (!loadReport(database(), reportId, error))
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

std::optional<QList<ReportSnapshot>> SqliteCentral::snapshots(QString *error)
{
    SqlTransaction transaction(database());
    const auto ids = allReportIds(database(), error);
    if (!ids)
        return std::nullopt;
    return loadSnapshots(database(), *ids, error);
}

std::optional<QStringList> SqliteCentral::reportIds(QString *error)
{
    return allReportIds(database(), error);
}

std::optional<QList<ReportSnapshot>> SqliteCentral::snapshotsOf(const QStringList &ids,
                                                                QString *error)
{
    SqlTransaction transaction(database());
    return loadSnapshots(database(), ids, error);
}

std::optional<ReportStats> SqliteCentral::stats(QString *error)
{
    return loadReportStats(database(), error);
}

std::optional<QByteArray> SqliteCentral::mediaContent(const QString &sha256, QString *error)
{
    SqlStatement statement(
        database(),
        QStringLiteral("SELECT data FROM media_chunk WHERE sha256 = :sha ORDER BY chunk"));
    const auto rows = statement.bind(QStringLiteral(":sha"), sha256).rows(error);
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty()) {
        *error = QStringLiteral("no media with SHA-256 %1 on the central").arg(sha256);
        return std::nullopt;
    }
    QByteArray content;
    for (const QVariantMap &row : *rows)
        content.append(row[QStringLiteral("data")].toByteArray());
    return content;
}

} // namespace CivicDesk
