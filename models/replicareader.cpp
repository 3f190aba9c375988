#include "models/replicareader.h"

#include "core/logging.h"
#include "core/rows.h"
#include "core/textfold.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"

#include <cmath>
#include <QRegularExpression>
#include <QtMath>

namespace CivicDesk {
namespace {

// Accuracy given to an approximate position whose ward has no known extent, in metres.
constexpr double ApproximateAccuracy = 2000;

QString orderBy(const ReportQuery &query)
{
    QString column;
    switch (query.sortColumn) {
    case QueueColumn::Code:
        column = QStringLiteral("r.public_code");
        break;
    case QueueColumn::Status:
        column = QStringLiteral("CASE r.status WHEN 'new' THEN 0 WHEN 'triaged' THEN 1 "
                                "WHEN 'assigned' THEN 2 WHEN 'in_progress' THEN 3 "
                                "WHEN 'waiting_info' THEN 4 WHEN 'resolved' THEN 5 "
                                "WHEN 'closed' THEN 6 WHEN 'rejected' THEN 7 ELSE 8 END");
        break;
    case QueueColumn::Category:
        column = QStringLiteral("coalesce(c.sort_rank, -1)");
        break;
    case QueueColumn::Channel:
        column = QStringLiteral("r.channel");
        break;
    case QueueColumn::Ward:
        column = QStringLiteral("coalesce(u.sort_rank, -1)");
        break;
    case QueueColumn::TimeLeft:
        // Reports without a running deadline (none set, or the work is over) come last both ways.
        return QStringLiteral("CASE WHEN r.due_at IS NULL OR r.status IN ('resolved', 'closed', "
                              "'rejected', 'duplicate') THEN 1 ELSE 0 END, r.due_at %1, r.id")
            .arg(query.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC"));
    case QueueColumn::Age:
    case QueueColumn::ColumnCount:
        // Age grows as the time received goes back, so "ascending age" is newest first.
        return query.ascending ? QStringLiteral("r.received_at DESC, r.id")
                               : QStringLiteral("r.received_at ASC, r.id");
    }
    return QStringLiteral("%1 %2, r.received_at DESC, r.id")
        .arg(column, query.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC"));
}

// Builds the WHERE clause with one placeholder per active filter.
QString whereClause(const ReportQuery &query, QVariantMap *values)
{
    QStringList conditions{QStringLiteral("1 = 1")};
    if (query.status == QLatin1String(agencyWorkFilter)) {
        conditions.append(
            QStringLiteral("r.status IN ('assigned', 'in_progress', 'waiting_info')"));
    } else if (!query.status.isEmpty()) {
        conditions.append(QStringLiteral("r.status = :status"));
        values->insert(QStringLiteral("status"), query.status);
    }
    if (query.category == QLatin1String("unclassified")) {
        conditions.append(QStringLiteral("r.category IS NULL"));
    } else if (!query.category.isEmpty()) {
        conditions.append(QStringLiteral("r.category = :category"));
        values->insert(QStringLiteral("category"), query.category);
    }
    if (!query.adminUnit.isEmpty()) {
        conditions.append(QStringLiteral("r.admin_unit = :unit"));
        values->insert(QStringLiteral("unit"), query.adminUnit);
    }
    if (!query.area.isNull()) {
        // A report without a position lies in no drawn area.
        conditions.append(QStringLiteral("r.latitude BETWEEN :south AND :north AND "
                                         "r.longitude BETWEEN :west AND :east"));
        values->insert(QStringLiteral("south"), query.area.top());
        values->insert(QStringLiteral("north"), query.area.bottom());
        values->insert(QStringLiteral("west"), query.area.left());
        values->insert(QStringLiteral("east"), query.area.right());
    }
    if (!query.ids.isEmpty()) {
        QStringList names;
        for (qsizetype i = 0; i < query.ids.size(); ++i) {
            const QString name = QStringLiteral("report%1_").arg(i);
            names.append(QLatin1Char(':') + name);
            values->insert(name, query.ids.at(i));
        }
        conditions.append(QStringLiteral("r.id IN (%1)").arg(names.join(QStringLiteral(", "))));
    }
    const QString folded = foldText(query.search);
    if (!folded.isEmpty()) {
        QString pattern = folded;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        pattern.replace(QLatin1Char('%'), QStringLiteral("\\%"));
        pattern.replace(QLatin1Char('_'), QStringLiteral("\\_"));
        // NOTE: LIKE with a leading wildcard reads every row; an FTS5 index replaces it when
        // queues reach hundreds of thousands of reports.
        conditions.append(QStringLiteral("r.search_text LIKE :search ESCAPE '\\'"));
        values->insert(QStringLiteral("search"),
                       QString(QLatin1Char('%') + pattern + QLatin1Char('%')));
    }
    return conditions.join(QStringLiteral(" AND "));
}

// Returns the radius in metres within which a report's true position lies: its own accuracy,
// or, for a position drawn at random inside the ward the citizen named, half the diagonal of
// that ward's bounding box, or 0 when unknown.
double markerAccuracy(const QVariantMap &row)
{
    const QVariant accuracy = row.value(QStringLiteral("accuracy_m"));
    if (!accuracy.isNull())
        return accuracy.toDouble();
    if (row.value(QStringLiteral("approximate")).toInt() == 0)
        return 0;
    const QVariant south = row.value(QStringLiteral("min_latitude"));
    const QVariant north = row.value(QStringLiteral("max_latitude"));
    if (south.isNull() || north.isNull())
        return ApproximateAccuracy;
    // Metres per degree of latitude; a degree of longitude shrinks with the latitude's cosine.
    constexpr double metresPerDegree = 111320;
    const double height = (north.toDouble() - south.toDouble()) * metresPerDegree;
    const double width =
        (row.value(QStringLiteral("max_longitude")).toDouble() -
         row.value(QStringLiteral("min_longitude")).toDouble()) *
        metresPerDegree *
        std::cos(qDegreesToRadians(row.value(QStringLiteral("latitude")).toDouble()));
    return std::hypot(width, height) / 2;
}

const QString fromClause =
    QStringLiteral(" FROM report r LEFT JOIN category c ON c.code = r.category"
                   " LEFT JOIN admin_unit u ON u.code = r.admin_unit ");

QueueRow rowFrom(const QVariantMap &row, bool english)
{
    QueueRow result;
    result.id = row.value(QStringLiteral("id")).toString();
    result.publicCode = row.value(QStringLiteral("public_code")).toString();
    result.status =
        statusFromCode(row.value(QStringLiteral("status")).toString()).value_or(Status::New);
    result.category = row.value(QStringLiteral("category")).toString();
    result.categoryName =
        row.value(english ? QStringLiteral("category_en") : QStringLiteral("category_vi"))
            .toString();
    result.channel =
        channelFromCode(row.value(QStringLiteral("channel")).toString()).value_or(Channel::Other);
    // The column's header already says "ward or commune"; the rows keep only the name.
    static const QRegularExpression unitWord(QStringLiteral("^(Phường|Xã) | (Ward|Commune)$"));
    result.wardName =
        row.value(english ? QStringLiteral("unit_en") : QStringLiteral("unit_vi")).toString();
    result.wardName.remove(unitWord);
    result.receivedAt = fromStorageTime(row.value(QStringLiteral("received_at")).toString());
    result.dueAt = fromStorageTime(row.value(QStringLiteral("due_at")).toString());
    result.clockStartedAt =
        fromStorageTime(row.value(QStringLiteral("clock_started_at")).toString());
    result.priority = priorityFromCode(row.value(QStringLiteral("priority")).toString())
                          .value_or(Priority::Normal);
    result.claimHolder = row.value(QStringLiteral("claim_holder")).toString();
    result.claimExpiresAt =
        fromStorageTime(row.value(QStringLiteral("claim_expires_at")).toString());
    result.extensionRequested = !row.value(QStringLiteral("extension_due_at")).isNull();
    result.pending = row.value(QStringLiteral("local_pending")).toInt() != 0;
    result.simulated = row.value(QStringLiteral("simulated")).toInt() != 0;
    result.title = row.value(QStringLiteral("title")).toString();
    if (result.title.isEmpty())
        result.title = row.value(QStringLiteral("excerpt")).toString().simplified();
    return result;
}

} // namespace

// Lives on the reader thread and owns its replica connection.
class ReaderWorker : public QObject
{
    Q_OBJECT

public:
    explicit ReaderWorker(QString path)
        : m_path(std::move(path))
    {}

    bool ensureOpen()
    {
        if (m_replica)
            return true;
        auto replica = std::make_unique<Replica>(m_path);
        QString error;
        if (!replica->open(&error)) {
            qCWarning(lcStorage) << "reader cannot open the replica:" << error;
            Q_EMIT failed(error);
            return false;
        }
        m_replica = std::move(replica);
        return true;
    }

    void page(int requestId, const ReportQuery &query, int offset, int limit)
    {
        if (!ensureOpen())
            return;
        QVariantMap values;
        const QString where = whereClause(query, &values);
        QString error;
        const auto total =
            SqlStatement(m_replica->database(), QStringLiteral("SELECT count(*)") + fromClause +
                                                    QStringLiteral("WHERE ") + where)
                .bindAll(values)
                .scalar(&error);
        const QString select =
            QStringLiteral(
                "SELECT r.id, r.public_code, r.status, r.category, c.name_vi AS category_vi, "
                "c.name_en AS category_en, r.channel, u.name_vi AS unit_vi, u.name_en AS unit_en, "
                "r.received_at, r.due_at, r.clock_started_at, r.priority, r.claim_holder, "
                "r.claim_expires_at, r.extension_due_at, r.local_pending, r.simulated, "
                "substr(r.title, 1, 160) AS title, "
                "substr(r.description, 1, 160) AS excerpt") +
            fromClause + QStringLiteral("WHERE ") + where + QStringLiteral(" ORDER BY ") +
            orderBy(query) + QStringLiteral(" LIMIT :limit OFFSET :offset");
        values.insert(QStringLiteral("limit"), limit);
        values.insert(QStringLiteral("offset"), offset);
        const auto rows = SqlStatement(m_replica->database(), select).bindAll(values).rows(&error);
        if (!total || !rows) {
            qCWarning(lcStorage) << "queue query failed:" << error;
            Q_EMIT failed(error);
            return;
        }
        QList<QueueRow> result;
        result.reserve(rows->size());
        const bool english = query.language == QLatin1String("en");
        for (const QVariantMap &row : *rows)
            result.append(rowFrom(row, english));
        Q_EMIT pageReady(requestId, total->toInt(), offset, result);
    }

    void snapshot(const QString &reportId)
    {
        if (!ensureOpen())
            return;
        QString error;
        const auto snapshots = loadSnapshots(m_replica->database(), {reportId}, {}, &error);
        if (!snapshots || snapshots->isEmpty()) {
            Q_EMIT failed(error.isEmpty() ? QStringLiteral("report %1 not found").arg(reportId)
                                          : error);
            return;
        }
        const auto pending =
            SqlStatement(m_replica->database(),
                         QStringLiteral("SELECT local_pending FROM report WHERE id = :id"))
                .bind(QStringLiteral(":id"), reportId)
                .scalar(&error);
        Q_EMIT snapshotReady(snapshots->first(), pending && pending->toInt() != 0);
    }

    void markers(const ReportQuery &query)
    {
        if (!ensureOpen())
            return;
        QString error;
        QVariantMap values;
        const QString where = whereClause(query, &values);
        const auto rows =
            SqlStatement(m_replica->database(),
                         QStringLiteral("SELECT r.id, r.latitude, r.longitude, r.status, "
                                        "r.accuracy_m, r.approximate, u.min_latitude, "
                                        "u.min_longitude, u.max_latitude, u.max_longitude") +
                             fromClause + QStringLiteral("WHERE r.latitude IS NOT NULL AND ") +
                             where)
                .bindAll(values)
                .rows(&error);
        if (!rows) {
            Q_EMIT failed(error);
            return;
        }
        QList<MarkerRow> result;
        result.reserve(rows->size());
        for (const QVariantMap &row : *rows) {
            result.append({row.value(QStringLiteral("id")).toString(),
                           row.value(QStringLiteral("latitude")).toDouble(),
                           row.value(QStringLiteral("longitude")).toDouble(),
                           statusFromCode(row.value(QStringLiteral("status")).toString())
                               .value_or(Status::New),
                           markerAccuracy(row)});
        }
        Q_EMIT markersReady(result, query);
    }

    void reference()
    {
        if (!ensureOpen())
            return;
        QString error;
        const auto data = m_replica->referenceData(&error);
        if (!data) {
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT referenceReady(*data);
    }

    void attention()
    {
        if (!ensureOpen())
            return;
        QString error;
        Q_EMIT attentionReady(m_replica->attentionItems(&error));
    }

    void snapshots(int requestId, const QStringList &reportIds)
    {
        if (!ensureOpen())
            return;
        QString error;
        const auto snapshots = loadSnapshots(m_replica->database(), reportIds, {}, &error);
        if (!snapshots) {
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT snapshotsReady(requestId, *snapshots);
    }

    void duplicates(const QString &reportId)
    {
        if (!ensureOpen())
            return;
        QString error;
        const auto suggestions = m_replica->duplicateSuggestions(reportId, &error);
        if (!suggestions) {
            qCWarning(lcStorage) << "duplicate suggestions of" << reportId << "failed:" << error;
            Q_EMIT duplicatesReady(reportId, {});
            return;
        }
        QStringList ids;
        for (const DuplicateSuggestion &suggestion : *suggestions)
            ids.append(suggestion.reportId);
        const auto snapshots = loadSnapshots(m_replica->database(), ids, {}, &error);
        QList<DuplicateRow> rows;
        for (const DuplicateSuggestion &suggestion : *suggestions) {
            DuplicateRow row;
            row.id = suggestion.reportId;
            row.similarity = suggestion.similarity;
            row.distanceMeters = suggestion.distanceMeters.value_or(-1);
            for (const ReportSnapshot &snapshot : snapshots.value_or(QList<ReportSnapshot>())) {
                if (snapshot.report.id != row.id)
                    continue;
                row.publicCode = snapshot.report.publicCode;
                row.title = snapshot.report.title.isEmpty()
                                ? snapshot.report.description.left(160).simplified()
                                : snapshot.report.title;
                row.status = snapshot.report.status;
                row.receivedAt = snapshot.report.receivedAt;
            }
            rows.append(row);
        }
        Q_EMIT duplicatesReady(reportId, rows);
    }

    void urgent()
    {
        if (!ensureOpen())
            return;
        QString error;
        SqlStatement select(
            m_replica->database(),
            QStringLiteral("SELECT id, public_code, title, substr(description, 1, 160) AS excerpt, "
                           "received_at, (SELECT max(e.at) FROM event e WHERE e.report_id = "
                           "report.id AND e.kind = 'reminded') AS reminded_at "
                           "FROM report WHERE priority = 'urgent' "
                           "AND status IN ('new', 'triaged') AND (claim_holder IS NULL "
                           "OR claim_holder = '' OR claim_expires_at IS NULL "
                           "OR claim_expires_at <= :now) ORDER BY received_at LIMIT 200"));
        const auto rows =
            select.bind(QStringLiteral(":now"), toStorageTime(QDateTime::currentDateTimeUtc()))
                .rows(&error);
        if (!rows) {
            qCWarning(lcStorage) << "urgent report query failed:" << error;
            return;
        }
        QList<UrgentReport> reports;
        for (const QVariantMap &row : *rows) {
            QString title = row.value(QStringLiteral("title")).toString();
            if (title.isEmpty())
                title = row.value(QStringLiteral("excerpt")).toString().simplified();
            reports.append({row.value(QStringLiteral("id")).toString(),
                            row.value(QStringLiteral("public_code")).toString(), title,
                            fromStorageTime(row.value(QStringLiteral("received_at")).toString()),
                            fromStorageTime(row.value(QStringLiteral("reminded_at")).toString())});
        }
        Q_EMIT urgentReady(reports);
    }

    void lookup(const QString &codeOrId)
    {
        if (!ensureOpen())
            return;
        QString error;
        const auto id =
            SqlStatement(
                m_replica->database(),
                QStringLiteral(
                    "SELECT id FROM report WHERE id = :key OR public_code = :code LIMIT 1"))
                .bind(QStringLiteral(":key"), codeOrId)
                .bind(QStringLiteral(":code"), codeOrId)
                .scalar(&error);
        Q_EMIT lookupReady(codeOrId, id ? id->toString() : QString());
    }

    void close() { m_replica.reset(); }

Q_SIGNALS:
    void pageReady(int requestId, int total, int offset, const QList<CivicDesk::QueueRow> &rows);
    void snapshotReady(const CivicDesk::ReportSnapshot &snapshot, bool pending);
    void markersReady(const QList<CivicDesk::MarkerRow> &markers,
                      const CivicDesk::ReportQuery &query);
    void referenceReady(const CivicDesk::ReferenceData &data);
    void attentionReady(const QList<CivicDesk::AttentionItem> &items);
    void lookupReady(const QString &codeOrId, const QString &id);
    void duplicatesReady(const QString &reportId, const QList<CivicDesk::DuplicateRow> &rows);
    void urgentReady(const QList<CivicDesk::UrgentReport> &reports);
    void snapshotsReady(int requestId, const QList<CivicDesk::ReportSnapshot> &snapshots);
    void failed(const QString &message);

private:
    QString m_path;
    std::unique_ptr<Replica> m_replica;
};

ReplicaReader::ReplicaReader(QString replicaPath)
    : m_path(std::move(replicaPath))
{
    qRegisterMetaType<ReportQuery>();
    qRegisterMetaType<QList<DuplicateRow>>();
    qRegisterMetaType<QList<UrgentReport>>();
    qRegisterMetaType<QList<QueueRow>>();
    qRegisterMetaType<QList<MarkerRow>>();
    qRegisterMetaType<ReportSnapshot>();
    qRegisterMetaType<QList<ReportSnapshot>>();
    qRegisterMetaType<ReferenceData>();
    qRegisterMetaType<QList<AttentionItem>>();
    m_thread.setObjectName(QStringLiteral("civicdesk-reader"));
}

ReplicaReader::~ReplicaReader()
{
    stop();
}

void ReplicaReader::start()
{
    if (m_worker)
        return;
    auto *worker = new ReaderWorker(m_path);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &ReaderWorker::pageReady, this, &ReplicaReader::pageReady);
    connect(worker, &ReaderWorker::snapshotReady, this, &ReplicaReader::snapshotReady);
    connect(worker, &ReaderWorker::markersReady, this, &ReplicaReader::markersReady);
    connect(worker, &ReaderWorker::referenceReady, this, &ReplicaReader::referenceReady);
    connect(worker, &ReaderWorker::attentionReady, this, &ReplicaReader::attentionReady);
    connect(worker, &ReaderWorker::lookupReady, this, &ReplicaReader::lookupReady);
    connect(worker, &ReaderWorker::duplicatesReady, this, &ReplicaReader::duplicatesReady);
    connect(worker, &ReaderWorker::urgentReady, this, &ReplicaReader::urgentReady);
    connect(worker, &ReaderWorker::snapshotsReady, this, &ReplicaReader::snapshotsReady);
    connect(worker, &ReaderWorker::failed, this, &ReplicaReader::failed);
    m_worker = worker;
    m_thread.start();
}

void ReplicaReader::stop()
{
    if (!m_worker)
        return;
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
}

void ReplicaReader::requestPage(int requestId, const ReportQuery &query, int offset, int limit)
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [=] { worker->page(requestId, query, offset, limit); });
}

void ReplicaReader::requestSnapshot(const QString &reportId)
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [=] { worker->snapshot(reportId); });
}

void ReplicaReader::requestMarkers(const ReportQuery &query)
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [worker, query] { worker->markers(query); });
}

void ReplicaReader::requestReference()
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [worker] { worker->reference(); });
}

void ReplicaReader::requestAttention()
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [worker] { worker->attention(); });
}

void ReplicaReader::requestDuplicates(const QString &reportId)
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [=] { worker->duplicates(reportId); });
}

void ReplicaReader::requestUrgent()
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [worker] { worker->urgent(); });
}

void ReplicaReader::requestSnapshots(int requestId, const QStringList &reportIds)
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [=] { worker->snapshots(requestId, reportIds); });
}

void ReplicaReader::requestLookup(const QString &codeOrId)
{
    auto *worker = static_cast<ReaderWorker *>(m_worker);
    if (worker)
        QMetaObject::invokeMethod(worker, [=] { worker->lookup(codeOrId); });
}

} // namespace CivicDesk

#include "replicareader.moc"
