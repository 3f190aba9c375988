#pragma once

#include "core/reference.h"
#include "core/report.h"
#include "core/stats.h"
#include "db/nativesql.h"
#include "db/sqlquery.h"

#include <optional>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

namespace CivicDesk {

// Reads and writes of the report, event and media tables that the replica and the central
// share: both hold those tables with the same columns (see core/rows.h).

// The select list of `columns` on this database. PostgreSQL formats times as the UTC text the
// replica stores: its driver would otherwise make a local QDateTime of each.
QString selectList(const QSqlDatabase &database, const QStringList &columns);

// PostgreSQL: the snapshots of the reports in a result whose columns from `firstColumn` on
// are those of reportColumns() (selected with selectList()), in the result's order, with their
// events and media read by two more statements.
std::optional<QList<ReportSnapshot>> snapshotsOfResult(const QSqlDatabase &database,
                                                       const PgResult &reports, int firstColumn,
                                                       QString *error);

std::optional<Report> loadReport(const QSqlDatabase &database, const QString &id, QString *error);

// Loads reports with their events and media. Ids that do not exist are skipped.
std::optional<QList<ReportSnapshot>> loadSnapshots(const QSqlDatabase &database,
                                                   const QStringList &ids, QString *error);

// Returns every report id in id order.
std::optional<QStringList> allReportIds(const QSqlDatabase &database, QString *error);

// Inserts or replaces the report row; extra columns (such as the replica's search text) are
// bound from `extra`.
bool upsertReport(const QSqlDatabase &database, const Report &report, QString *error,
                  const QVariantMap &extra = {});
bool insertEvent(const QSqlDatabase &database, const Event &event, QString *error,
                 const QVariantMap &extra = {});
bool insertMedia(const QSqlDatabase &database, const Media &media, QString *error);

std::optional<ReportStats> loadReportStats(const QSqlDatabase &database, QString *error);

// Reference data in the category, agency and admin_unit tables. Aliases are kept only where
// the table agency_alias exists (the central).
std::optional<ReferenceData> loadReferenceData(const QSqlDatabase &database, QString *error);
bool replaceReferenceData(const QSqlDatabase &database, const ReferenceData &data, QString *error);

} // namespace CivicDesk
