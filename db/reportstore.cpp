#include "db/reportstore.h"

#include "core/rows.h"
#include "db/sqlquery.h"

#include <QSqlRecord>

namespace CivicDesk {
namespace {

QString selectColumns(const QStringList &columns)
{
    return columns.join(QStringLiteral(", "));
}

bool tableExists(const QSqlDatabase &database, const QString &table)
{
    return database.tables().contains(table);
}

bool insertRow(const QSqlDatabase &database, const QString &table, const QStringList &columns,
               QVariantMap row, const QVariantMap &extra, QString *error)
{
    QStringList allColumns = columns;
    for (auto it = extra.cbegin(); it != extra.cend(); ++it) {
        allColumns.append(it.key());
        row.insert(it.key(), it.value());
    }
    // An upsert, not INSERT OR REPLACE: SQLite's REPLACE deletes the old row first, which
    // would cascade to the report's events.
    QStringList updates;
    for (const QString &column : std::as_const(allColumns)) {
        if (column != QLatin1String("id"))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    const QString sql = insertStatement(table, allColumns) +
                        QStringLiteral(" ON CONFLICT (id) DO UPDATE SET ") +
                        updates.join(QStringLiteral(", "));
    SqlStatement statement(database, sql);
    return statement.bindAll(row).exec(error);
}

} // namespace

std::optional<Report> loadReport(const QSqlDatabase &database, const QString &id, QString *error)
{
    SqlStatement statement(
        database,
        QStringLiteral("SELECT %1 FROM report WHERE id = :id").arg(selectColumns(reportColumns())));
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
                                                   const QStringList &ids, QString *error)
{
    QList<ReportSnapshot> snapshots;
    const QString reportSql =
        QStringLiteral("SELECT %1 FROM report WHERE id = :id").arg(selectColumns(reportColumns()));
    const QString eventSql = QStringLiteral("SELECT %1 FROM event WHERE report_id = :id")
                                 .arg(selectColumns(eventColumns()));
    const QString mediaSql = QStringLiteral("SELECT %1 FROM media WHERE report_id = :id")
                                 .arg(selectColumns(mediaColumns()));
    for (const QString &id : ids) {
        const auto reports =
            SqlStatement(database, reportSql).bind(QStringLiteral(":id"), id).rows(error);
        if (!reports)
            return std::nullopt;
        if (reports->isEmpty())
            continue;

        ReportSnapshot snapshot;
        snapshot.report = reportFromRow(reports->first());
        const auto events =
            SqlStatement(database, eventSql).bind(QStringLiteral(":id"), id).rows(error);
        const auto media =
            SqlStatement(database, mediaSql).bind(QStringLiteral(":id"), id).rows(error);
        if (!events || !media)
            return std::nullopt;
        for (const QVariantMap &row : *events)
            snapshot.events.append(eventFromRow(row));
        for (const QVariantMap &row : *media)
            snapshot.media.append(mediaFromRow(row));
        snapshots.append(snapshot);
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

bool upsertReport(const QSqlDatabase &database, const Report &report, QString *error,
                  const QVariantMap &extra)
{
    return insertRow(database, QStringLiteral("report"), reportColumns(), reportToRow(report),
                     extra, error);
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
    return data;
}

bool replaceReferenceData(const QSqlDatabase &database, const ReferenceData &data, QString *error)
{
    const bool hasAliases = tableExists(database, QStringLiteral("agency_alias"));
    QStringList clear{QStringLiteral("DELETE FROM category"), QStringLiteral("DELETE FROM agency"),
                      QStringLiteral("DELETE FROM admin_unit")};
    if (hasAliases)
        clear.prepend(QStringLiteral("DELETE FROM agency_alias"));
    for (const QString &sql : clear) {
        if (!execSql(database, sql, error))
            return false;
    }

    for (const Category &category : data.categories) {
        SqlStatement statement(
            database, QStringLiteral("INSERT INTO category (code, name_vi, name_en, sort_order) "
                                     "VALUES (:code, :name_vi, :name_en, :sort_order)"));
        statement.bindAll({{QStringLiteral("code"), category.code},
                           {QStringLiteral("name_vi"), category.nameVi},
                           {QStringLiteral("name_en"), category.nameEn},
                           {QStringLiteral("sort_order"), category.sortOrder}});
        if (!statement.exec(error))
            return false;
    }

    for (const Agency &agency : data.agencies) {
        SqlStatement statement(
            database,
            QStringLiteral("INSERT INTO agency (id, name_vi, name_en, admin_unit, active) "
                           "VALUES (:id, :name_vi, :name_en, :admin_unit, :active)"));
        statement.bindAll({{QStringLiteral("id"), agency.id},
                           {QStringLiteral("name_vi"), agency.nameVi},
                           {QStringLiteral("name_en"), agency.nameEn},
                           {QStringLiteral("admin_unit"),
                            agency.adminUnit.isEmpty() ? QVariant() : QVariant(agency.adminUnit)},
                           {QStringLiteral("active"), agency.active ? 1 : 0}});
        if (!statement.exec(error))
            return false;
        if (!hasAliases)
            continue;
        for (const QString &alias : agency.aliases) {
            SqlStatement aliasStatement(
                database,
                QStringLiteral(
                    "INSERT INTO agency_alias (agency_id, alias) VALUES (:agency_id, :alias)"));
            aliasStatement.bindAll(
                {{QStringLiteral("agency_id"), agency.id}, {QStringLiteral("alias"), alias}});
            if (!aliasStatement.exec(error))
                return false;
        }
    }

    for (const AdminUnit &unit : data.adminUnits) {
        SqlStatement statement(
            database,
            QStringLiteral(
                "INSERT INTO admin_unit (code, name_vi, name_en, kind, boundary, min_latitude, "
                "min_longitude, max_latitude, max_longitude) VALUES (:code, :name_vi, :name_en, "
                ":kind, :boundary, :min_latitude, :min_longitude, :max_latitude, :max_longitude)"));
        statement.bindAll({{QStringLiteral("code"), unit.code},
                           {QStringLiteral("name_vi"), unit.nameVi},
                           {QStringLiteral("name_en"), unit.nameEn},
                           {QStringLiteral("kind"), unit.kind},
                           {QStringLiteral("boundary"), unit.boundaryGeoJson},
                           {QStringLiteral("min_latitude"), unit.minLatitude},
                           {QStringLiteral("min_longitude"), unit.minLongitude},
                           {QStringLiteral("max_latitude"), unit.maxLatitude},
                           {QStringLiteral("max_longitude"), unit.maxLongitude}});
        if (!statement.exec(error))
            return false;
    }
    return true;
}

} // namespace CivicDesk
