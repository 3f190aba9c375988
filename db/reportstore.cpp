#include "db/reportstore.h"

#include "core/rows.h"
#include "db/nativesql.h"
#include "db/sqlquery.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlRecord>

namespace CivicDesk {
namespace {

// Columns of the central's PostgreSQL tables that are timestamptz.
bool isTimeColumn(const QString &column)
{
    static const QSet<QString> times{
        QStringLiteral("received_at"), QStringLiteral("updated_at"),
        QStringLiteral("due_at"),      QStringLiteral("resolved_at"),
        QStringLiteral("closed_at"),   QStringLiteral("claim_expires_at"),
        QStringLiteral("at"),          QStringLiteral("captured_at")};
    return times.contains(column);
}

bool tableExists(const QSqlDatabase &database, const QString &table)
{
    return database.tables().contains(table);
}

// Inserts a row, or with `replace` updates the row with the same id when there is one.
bool insertRow(const QSqlDatabase &database, const QString &table, const QStringList &columns,
               QVariantMap row, const QVariantMap &extra, QString *error, bool replace = true)
{
    QStringList allColumns = columns;
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        allColumns.append(it.key());
        row.insert(it.key(), it.value());
    }
    SqlStatement statement(database, replace ? upsertStatement(table, allColumns)
                                             : insertStatement(table, allColumns));
    return statement.bindAll(row).exec(error);
}

// PostgreSQL: the reports by one statement that takes the ids as one array.
std::optional<QList<ReportSnapshot>> loadSnapshotsThroughLibpq(const QSqlDatabase &database,
                                                               const QStringList &ids,
                                                               const ReadableColumns &readable,
                                                               QString *error)
{
    const auto reports = PgResult::exec(
        database,
        QStringLiteral("SELECT %1 FROM report WHERE id = ANY($1::text[])")
            .arg(selectList(database, reportColumns(), QStringLiteral("report"), readable))
            .toUtf8(),
        {pgTextArray(ids)}, error);
    if (!reports)
        return std::nullopt;
    auto found = snapshotsOfResult(database, *reports, 0, readable, error);
    if (!found)
        return std::nullopt;

    // Snapshots in the order of the ids asked for; ids without a report are skipped.
    QHash<QString, qsizetype> position;
    position.reserve(found->size());
    for (qsizetype i = 0; i < found->size(); ++i)
        position.insert(found->at(i).report.id, i);
    QList<ReportSnapshot> snapshots;
    snapshots.reserve(found->size());
    for (const QString &id : ids) {
        const auto it = position.constFind(id);
        if (it != position.constEnd())
            snapshots.append(std::move((*found)[*it]));
    }
    return snapshots;
}

} // namespace

std::optional<ReadableColumns> ReadableColumns::of(const QSqlDatabase &database, QString *error)
{
    ReadableColumns readable;
    if (database.driverName() != QLatin1String("QPSQL"))
        return readable;
    // The catalog, because information_schema lists only the columns the user may use.
    const auto rows =
        SqlStatement(
            database,
            QStringLiteral("SELECT c.relname || '.' || a.attname AS hidden FROM pg_attribute a "
                           "JOIN pg_class c ON c.oid = a.attrelid "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE n.nspname = current_schema() AND c.relname IN ('report', "
                           "'event', 'media') AND a.attnum > 0 AND NOT a.attisdropped "
                           "AND NOT has_column_privilege(c.oid, a.attnum, 'SELECT')"))
            .rows(error);
    if (!rows)
        return std::nullopt;
    for (const QVariantMap &row : *rows)
        readable.m_hidden.insert(row.value(QStringLiteral("hidden")).toString());
    return readable;
}

QString selectList(const QSqlDatabase &database, const QStringList &columns, const QString &table,
                   const ReadableColumns &readable)
{
    const bool postgres = database.driverName() == QLatin1String("QPSQL");
    QStringList list;
    for (const QString &column : columns) {
        if (!readable.canRead(table, column)) {
            list.append(QStringLiteral("NULL AS %1").arg(column));
        } else if (postgres && isTimeColumn(column)) {
            // The UTC text the replica stores: the driver would otherwise convert each time
            // to a local QDateTime, which costs a time zone lookup per value.
            list.append(QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', "
                                       "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS %1")
                            .arg(column));
        } else {
            list.append(column);
        }
    }
    return list.join(QStringLiteral(", "));
}

std::optional<QList<ReportSnapshot>> snapshotsOfResult(const QSqlDatabase &database,
                                                       const PgResult &reports, int firstColumn,
                                                       const ReadableColumns &readable,
                                                       QString *error)
{
    QList<ReportSnapshot> snapshots;
    snapshots.reserve(reports.rowCount());
    QHash<QString, qsizetype> position;
    position.reserve(reports.rowCount());
    QStringList ids;
    ids.reserve(reports.rowCount());
    for (int row = 0; row < reports.rowCount(); ++row) {
        if (reports.isNull(row, firstColumn))
            continue;
        PgRowReader reader(reports, row, firstColumn);
        ReportSnapshot snapshot;
        snapshot.report = readReportColumns(reader);
        position.insert(snapshot.report.id, snapshots.size());
        ids.append(snapshot.report.id);
        snapshots.append(std::move(snapshot));
    }
    if (ids.isEmpty())
        return snapshots;

    // The rows of a report's table for every report of the page, each appended to its report.
    const QList<QByteArray> parameters{pgTextArray(ids)};
    const auto attach = [&](const QString &table, const QStringList &columns, const QString &order,
                            const auto &append) {
        if (!readable.canReadTable(table))
            return true;
        const auto rows = PgResult::exec(
            database,
            QStringLiteral("SELECT %1 FROM %2 WHERE report_id = ANY($1::text[]) ORDER BY %3")
                .arg(selectList(database, columns, table, readable), table, order)
                .toUtf8(),
            parameters, error);
        if (!rows)
            return false;
        for (int row = 0; row < rows->rowCount(); ++row) {
            PgRowReader reader(*rows, row);
            append(reader);
        }
        return true;
    };
    const bool attached =
        attach(QStringLiteral("event"), eventColumns(), QStringLiteral("report_id, at, id"),
               [&](PgRowReader &reader) {
                   Event event = readEventColumns(reader);
                   const auto it = position.constFind(event.reportId);
                   if (it != position.constEnd())
                       snapshots[*it].events.append(std::move(event));
               }) &&
        attach(QStringLiteral("media"), mediaColumns(), QStringLiteral("report_id, id"),
               [&](PgRowReader &reader) {
                   Media item = readMediaColumns(reader);
                   const auto it = position.constFind(item.reportId);
                   if (it != position.constEnd())
                       snapshots[*it].media.append(std::move(item));
               });
    if (!attached)
        return std::nullopt;
    return snapshots;
}

std::optional<Report> loadReport(const QSqlDatabase &database, const QString &id,
                                 const ReadableColumns &readable, QString *error)
{
    SqlStatement statement(database, QStringLiteral("SELECT %1 FROM report WHERE id = :id")
                                         .arg(selectList(database, reportColumns(),
                                                         QStringLiteral("report"), readable)));
    const auto rows = statement.bind(QStringLiteral(":id"), id).rows(error);
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty()) {
        if (error)
            *error = QStringLiteral("report %1 not found").arg(id);
        return std::nullopt;
    }
    return reportFromRow(rows->first());
}

std::optional<QList<ReportSnapshot>> loadSnapshots(const QSqlDatabase &database,
                                                   const QStringList &ids,
                                                   const ReadableColumns &readable, QString *error)
{
    if (database.driverName() == QLatin1String("QPSQL"))
        return loadSnapshotsThroughLibpq(database, ids, readable, error);

    // A few statements per chunk of ids instead of three per report: on a server every
    // statement costs round trips.
    constexpr int chunkSize = 500;
    QList<ReportSnapshot> snapshots;
    snapshots.reserve(ids.size());
    for (qsizetype start = 0; start < ids.size(); start += chunkSize) {
        const QStringList chunk = ids.mid(start, chunkSize);
        QStringList marks;
        QVariantMap values;
        for (int i = 0; i < chunk.size(); ++i) {
            marks.append(QStringLiteral(":id%1").arg(i));
            values.insert(QStringLiteral("id%1").arg(i), chunk.at(i));
        }
        const QString list = marks.join(QStringLiteral(", "));
        const auto reports =
            SqlStatement(database, QStringLiteral("SELECT %1 FROM report WHERE id IN (%2)")
                                       .arg(selectList(database, reportColumns()), list))
                .bindAll(values)
                .rows(error);
        const auto events =
            SqlStatement(database,
                         QStringLiteral("SELECT %1 FROM event WHERE report_id IN (%2) ORDER BY "
                                        "report_id, at, id")
                             .arg(selectList(database, eventColumns()), list))
                .bindAll(values)
                .rows(error);
        const auto media =
            SqlStatement(database,
                         QStringLiteral("SELECT %1 FROM media WHERE report_id IN (%2) ORDER BY "
                                        "report_id, id")
                             .arg(selectList(database, mediaColumns()), list))
                .bindAll(values)
                .rows(error);
        if (!reports || !events || !media)
            return std::nullopt;

        // Snapshots in the order of the ids asked for; ids without a report are skipped.
        QHash<QString, ReportSnapshot> byId;
        byId.reserve(reports->size());
        for (const QVariantMap &row : *reports) {
            ReportSnapshot snapshot;
            snapshot.report = reportFromRow(row);
            byId.insert(snapshot.report.id, snapshot);
        }
        for (const QVariantMap &row : *events) {
            const auto it = byId.find(row.value(QStringLiteral("report_id")).toString());
            if (it != byId.end())
                it->events.append(eventFromRow(row));
        }
        for (const QVariantMap &row : *media) {
            const auto it = byId.find(row.value(QStringLiteral("report_id")).toString());
            if (it != byId.end())
                it->media.append(mediaFromRow(row));
        }
        for (const QString &id : chunk) {
            const auto it = byId.constFind(id);
            if (it != byId.constEnd())
                snapshots.append(*it);
        }
    }
    return snapshots;
}

std::optional<QStringList> allReportIds(const QSqlDatabase &database, QString *error)
{
    const auto rows =
        SqlStatement(database, QStringLiteral("SELECT id FROM report ORDER BY id")).rows(error);
    if (!rows)
        return std::nullopt;
    QStringList ids;
    ids.reserve(rows->size());
    for (const QVariantMap &row : *rows)
        ids.append(row.value(QStringLiteral("id")).toString());
    return ids;
}

bool insertNewReport(const QSqlDatabase &database, const Report &report, QString *error,
                     const QVariantMap &extra)
{
    return insertRow(database, QStringLiteral("report"), reportColumns(), reportToRow(report),
                     extra, error, false);
}

bool upsertReport(const QSqlDatabase &database, const Report &report, QString *error,
                  const QVariantMap &extra)
{
    return insertRow(database, QStringLiteral("report"), reportColumns(), reportToRow(report),
                     extra, error);
}

bool updateReport(const QSqlDatabase &database, const Report &before, const Report &after,
                  const QVariantMap &extra, QString *error)
{
    const QVariantMap old = reportToRow(before);
    QVariantMap row = reportToRow(after);
    QStringList assignments;
    QVariantMap values;
    for (const QString &column : reportColumns()) {
        if (column != QLatin1String("id") && row.value(column) != old.value(column)) {
            assignments.append(QStringLiteral("%1 = :%1").arg(column));
            values.insert(column, row.value(column));
        }
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        assignments.append(QStringLiteral("%1 = :%1").arg(it.key()));
        values.insert(it.key(), it.value());
    }
    if (assignments.isEmpty())
        return true;
    values.insert(QStringLiteral("id"), after.id);
    SqlStatement statement(database, QStringLiteral("UPDATE report SET %1 WHERE id = :id")
                                         .arg(assignments.join(QStringLiteral(", "))));
    if (!statement.bindAll(values).exec(error))
        return false;
    if (statement.query().numRowsAffected() != 1) {
        *error = QStringLiteral("report %1 could not be changed: it does not exist or is not "
                                "yours to change")
                     .arg(after.id);
        return false;
    }
    return true;
}

bool insertEvent(const QSqlDatabase &database, const Event &event, QString *error,
                 const QVariantMap &extra)
{
    return insertRow(database, QStringLiteral("event"), eventColumns(), eventToRow(event), extra,
                     error);
}

bool insertMedia(const QSqlDatabase &database, const Media &media, QString *error)
{
    return insertRow(database, QStringLiteral("media"), mediaColumns(), mediaToRow(media), {},
                     error);
}

std::optional<ReportStats> loadReportStats(const QSqlDatabase &database, QString *error)
{
    ReportStats stats;
    const auto totals =
        SqlStatement(database, QStringLiteral("SELECT count(*) AS total, count(latitude) AS "
                                              "with_position FROM report"))
            .rows(error);
    const auto byStatus = SqlStatement(database, QStringLiteral("SELECT status AS key, count(*) "
                                                                "AS n FROM report GROUP BY status"))
                              .rows(error);
    const auto byCategory =
        SqlStatement(database, QStringLiteral("SELECT coalesce(category, 'unclassified') AS key, "
                                              "count(*) AS n FROM report GROUP BY 1"))
            .rows(error);
    if (!totals || !byStatus || !byCategory)
        return std::nullopt;

    stats.total = totals->first().value(QStringLiteral("total")).toLongLong();
    stats.withPosition = totals->first().value(QStringLiteral("with_position")).toLongLong();
    for (const QVariantMap &row : *byStatus)
        stats.byStatus.insert(row.value(QStringLiteral("key")).toString(),
                              row.value(QStringLiteral("n")).toLongLong());
    for (const QVariantMap &row : *byCategory)
        stats.byCategory.insert(row.value(QStringLiteral("key")).toString(),
                                row.value(QStringLiteral("n")).toLongLong());
    return stats;
}

namespace {

// Reads the working calendar, the processing times and the response templates. A document that is
// missing keeps the built-in default, and one that cannot be read is an error that names it.
bool loadReferenceDocuments(const QSqlDatabase &database, ReferenceData *data, QString *error)
{
    const auto rows =
        SqlStatement(database, QStringLiteral("SELECT key, body FROM reference_document"))
            .rows(error);
    if (!rows)
        return false;
    for (const QVariantMap &row : *rows) {
        const QString key = row.value(QStringLiteral("key")).toString();
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(
            row.value(QStringLiteral("body")).toString().toUtf8(), &parseError);
        QString problem =
            parseError.error == QJsonParseError::NoError ? QString() : parseError.errorString();
        if (problem.isEmpty() && key == QLatin1String("calendar")) {
            if (auto calendar = WorkingCalendar::fromJson(document.object(), &problem))
                data->calendar = *calendar;
        } else if (problem.isEmpty() && key == QLatin1String("deadlines")) {
            if (auto deadlines = DeadlineRules::fromJson(document.object(), &problem))
                data->deadlines = *deadlines;
        } else if (problem.isEmpty() && key == QLatin1String("templates")) {
            if (auto templates = responseTemplatesFromJson(document.object(), &problem))
                data->responseTemplates = *templates;
        }
        if (!problem.isEmpty()) {
            if (error)
                *error = QStringLiteral("the reference document \"%1\" is invalid: %2")
                             .arg(key, problem);
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<ReferenceData> loadReferenceData(const QSqlDatabase &database, QString *error)
{
    ReferenceData data;
    const auto categories =
        SqlStatement(
            database,
            QStringLiteral(
                "SELECT code, name_vi, name_en, sort_order FROM category ORDER BY sort_order"))
            .rows(error);
    const auto agencies =
        SqlStatement(database,
                     QStringLiteral(
                         "SELECT id, name_vi, name_en, admin_unit, active FROM agency ORDER BY id"))
            .rows(error);
    const auto units =
        SqlStatement(
            database,
            QStringLiteral(
                "SELECT code, name_vi, name_en, kind, boundary, min_latitude, min_longitude, "
                "max_latitude, max_longitude FROM admin_unit ORDER BY code"))
            .rows(error);
    if (!categories || !agencies || !units)
        return std::nullopt;

    for (const QVariantMap &row : *categories)
        data.categories.append(
            {row[QStringLiteral("code")].toString(), row[QStringLiteral("name_vi")].toString(),
             row[QStringLiteral("name_en")].toString(), row[QStringLiteral("sort_order")].toInt()});
    for (const QVariantMap &row : *agencies) {
        Agency agency;
        agency.id = row[QStringLiteral("id")].toString();
        agency.nameVi = row[QStringLiteral("name_vi")].toString();
        agency.nameEn = row[QStringLiteral("name_en")].toString();
        agency.adminUnit = row[QStringLiteral("admin_unit")].toString();
        agency.active = row[QStringLiteral("active")].toInt() != 0;
        data.agencies.append(agency);
    }
    for (const QVariantMap &row : *units) {
        AdminUnit unit;
        unit.code = row[QStringLiteral("code")].toString();
        unit.nameVi = row[QStringLiteral("name_vi")].toString();
        unit.nameEn = row[QStringLiteral("name_en")].toString();
        unit.kind = row[QStringLiteral("kind")].toString();
        unit.boundaryGeoJson = row[QStringLiteral("boundary")].toString();
        unit.minLatitude = row[QStringLiteral("min_latitude")].toDouble();
        unit.minLongitude = row[QStringLiteral("min_longitude")].toDouble();
        unit.maxLatitude = row[QStringLiteral("max_latitude")].toDouble();
        unit.maxLongitude = row[QStringLiteral("max_longitude")].toDouble();
        data.adminUnits.append(unit);
    }

    if (tableExists(database, QStringLiteral("agency_alias"))) {
        const auto aliases =
            SqlStatement(database,
                         QStringLiteral(
                             "SELECT agency_id, alias FROM agency_alias ORDER BY agency_id, alias"))
                .rows(error);
        if (!aliases)
            return std::nullopt;
        for (const QVariantMap &row : *aliases) {
            for (Agency &agency : data.agencies) {
                if (agency.id == row[QStringLiteral("agency_id")].toString())
                    agency.aliases.append(row[QStringLiteral("alias")].toString());
            }
        }
    }
    if (tableExists(database, QStringLiteral("reference_document")) &&
        !loadReferenceDocuments(database, &data, error))
        return std::nullopt;
    return data;
}

namespace {

// Inserts a row, or updates the row with the same key where a value differs. A row that did
// not change is not written, so an audit trigger on the table records real changes only.
bool upsertRow(const QSqlDatabase &database, const QString &table, const QStringList &keys,
               const QVariantMap &row, QString *error)
{
    QStringList columns;
    QStringList changes;
    QStringList differs;
    for (auto it = row.cbegin(); it != row.cend(); ++it) {
        columns.append(it.key());
        if (keys.contains(it.key()))
            continue;
        changes.append(QStringLiteral("%1 = excluded.%1").arg(it.key()));
        differs.append(QStringLiteral("%1.%2 IS DISTINCT FROM excluded.%2").arg(table, it.key()));
    }
    QString sql = insertStatement(table, columns) +
                  QStringLiteral(" ON CONFLICT (%1) DO ").arg(keys.join(QStringLiteral(", ")));
    sql += changes.isEmpty()
               ? QStringLiteral("NOTHING")
               : QStringLiteral("UPDATE SET %1 WHERE %2")
                     .arg(changes.join(QStringLiteral(", ")), differs.join(QStringLiteral(" OR ")));
    SqlStatement statement(database, sql);
    return statement.bindAll(row).exec(error);
}

// Deletes the rows whose key (the columns joined by a tab) is not among `kept`.
bool deleteOthers(const QSqlDatabase &database, const QString &table, const QStringList &keys,
                  const QSet<QString> &kept, QString *error)
{
    const auto rows =
        SqlStatement(
            database,
            QStringLiteral("SELECT %1 FROM %2").arg(keys.join(QStringLiteral(", ")), table))
            .rows(error);
    if (!rows)
        return false;
    for (const QVariantMap &row : *rows) {
        QStringList values;
        QStringList conditions;
        for (const QString &key : keys) {
            values.append(row.value(key).toString());
            conditions.append(QStringLiteral("%1 = :%1").arg(key));
        }
        if (kept.contains(values.join(QLatin1Char('\t'))))
            continue;
        SqlStatement remove(database, QStringLiteral("DELETE FROM %1 WHERE %2")
                                          .arg(table, conditions.join(QStringLiteral(" AND "))));
        QVariantMap bound;
        for (const QString &key : keys)
            bound.insert(key, row.value(key));
        if (!remove.bindAll(bound).exec(error))
            return false;
    }
    return true;
}

} // namespace

bool replaceReferenceData(const QSqlDatabase &database, const ReferenceData &data, QString *error)
{
    // Rows are updated in place and only where they changed, and rows no longer listed are
    // deleted at the end, after the rows that may refer to them have been replaced.
    const bool hasAliases = tableExists(database, QStringLiteral("agency_alias"));
    const QStringList code{QStringLiteral("code")};
    const QStringList id{QStringLiteral("id")};
    const QStringList aliasKey{QStringLiteral("agency_id"), QStringLiteral("alias")};
    QSet<QString> categories;
    QSet<QString> units;
    QSet<QString> agencies;
    QSet<QString> aliases;

    for (const Category &category : data.categories) {
        categories.insert(category.code);
        if (!upsertRow(database, QStringLiteral("category"), code,
                       {{QStringLiteral("code"), category.code},
                        {QStringLiteral("name_vi"), category.nameVi},
                        {QStringLiteral("name_en"), category.nameEn},
                        {QStringLiteral("sort_order"), category.sortOrder}},
                       error)) {
            return false;
        }
    }

    for (const AdminUnit &unit : data.adminUnits) {
        units.insert(unit.code);
        if (!upsertRow(database, QStringLiteral("admin_unit"), code,
                       {{QStringLiteral("code"), unit.code},
                        {QStringLiteral("name_vi"), unit.nameVi},
                        {QStringLiteral("name_en"), unit.nameEn},
                        {QStringLiteral("kind"), unit.kind},
                        {QStringLiteral("boundary"), unit.boundaryGeoJson},
                        {QStringLiteral("min_latitude"), unit.minLatitude},
                        {QStringLiteral("min_longitude"), unit.minLongitude},
                        {QStringLiteral("max_latitude"), unit.maxLatitude},
                        {QStringLiteral("max_longitude"), unit.maxLongitude}},
                       error)) {
            return false;
        }
    }

    for (const Agency &agency : data.agencies) {
        agencies.insert(agency.id);
        if (!upsertRow(database, QStringLiteral("agency"), id,
                       {{QStringLiteral("id"), agency.id},
                        {QStringLiteral("name_vi"), agency.nameVi},
                        {QStringLiteral("name_en"), agency.nameEn},
                        {QStringLiteral("admin_unit"),
                         agency.adminUnit.isEmpty() ? QVariant() : QVariant(agency.adminUnit)},
                        {QStringLiteral("active"), agency.active ? 1 : 0}},
                       error)) {
            return false;
        }
        if (!hasAliases)
            continue;
        for (const QString &alias : agency.aliases) {
            aliases.insert(agency.id + QLatin1Char('\t') + alias);
            if (!upsertRow(
                    database, QStringLiteral("agency_alias"), aliasKey,
                    {{QStringLiteral("agency_id"), agency.id}, {QStringLiteral("alias"), alias}},
                    error)) {
                return false;
            }
        }
    }

    if (tableExists(database, QStringLiteral("reference_document"))) {
        const QList<std::pair<QString, QJsonObject>> documents{
            {QStringLiteral("calendar"), data.calendar.toJson()},
            {QStringLiteral("deadlines"), data.deadlines.toJson()},
            {QStringLiteral("templates"), responseTemplatesToJson(data.responseTemplates)},
        };
        for (const auto &[key, body] : documents) {
            if (!upsertRow(database, QStringLiteral("reference_document"), {QStringLiteral("key")},
                           {{QStringLiteral("key"), key},
                            {QStringLiteral("body"), QString::fromUtf8(QJsonDocument(body).toJson(
                                                         QJsonDocument::Compact))}},
                           error))
                return false;
        }
    }

    return (!hasAliases ||
            deleteOthers(database, QStringLiteral("agency_alias"), aliasKey, aliases, error)) &&
           deleteOthers(database, QStringLiteral("agency"), id, agencies, error) &&
           deleteOthers(database, QStringLiteral("admin_unit"), code, units, error) &&
           deleteOthers(database, QStringLiteral("category"), code, categories, error);
}

} // namespace CivicDesk
