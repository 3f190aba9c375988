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

// The columns of the report, event and media tables that the signed-in user may read. The
// replica, an embedded central and a PostgreSQL table owner read them all. A kiosk user of a
// PostgreSQL central reads no text that a person wrote and no media.
class ReadableColumns
{
public:
    // Every column of every table.
    ReadableColumns() = default;
    // Asks a PostgreSQL server what the current user may read; every column elsewhere.
    static std::optional<ReadableColumns> of(const QSqlDatabase &database, QString *error);

    bool canRead(const QString &table, const QString &column) const
    {
        return !m_hidden.contains(table + QLatin1Char('.') + column);
    }
    // Whether any row of the table can be read at all.
    bool canReadTable(const QString &table) const { return canRead(table, QStringLiteral("id")); }

private:
    QSet<QString> m_hidden; // "table.column"
};

// The select list of `columns` of `table` on this database, with NULL in place of a column the
// user may not read. PostgreSQL formats times as the UTC text the replica stores: its driver
// would otherwise make a local QDateTime of each.
QString selectList(const QSqlDatabase &database, const QStringList &columns,
                   const QString &table = {}, const ReadableColumns &readable = {});

// PostgreSQL: the snapshots of the reports in a result whose columns from `firstColumn` on
// are those of reportColumns() (selected with selectList()), in the result's order, with their
// events and media read by two more statements. Rows whose id is NULL (from an outer join) are
// skipped.
std::optional<QList<ReportSnapshot>> snapshotsOfResult(const QSqlDatabase &database,
                                                       const PgResult &reports, int firstColumn,
                                                       const ReadableColumns &readable,
                                                       QString *error);

std::optional<Report> loadReport(const QSqlDatabase &database, const QString &id,
                                 const ReadableColumns &readable, QString *error);

// Loads reports with their events and media. Ids that do not exist, or that the user may not
// see, are skipped.
std::optional<QList<ReportSnapshot>> loadSnapshots(const QSqlDatabase &database,
                                                   const QStringList &ids,
                                                   const ReadableColumns &readable, QString *error);

// Returns every report id in id order.
std::optional<QStringList> allReportIds(const QSqlDatabase &database, QString *error);

// Inserts the row of a report that does not exist yet. A plain INSERT, which on PostgreSQL
// needs no right to update the columns that only the server writes, such as claims.
bool insertNewReport(const QSqlDatabase &database, const Report &report, QString *error,
                     const QVariantMap &extra = {});
// Inserts or replaces the report row; extra columns (such as the replica's search text) are
// bound from `extra`.
bool upsertReport(const QSqlDatabase &database, const Report &report, QString *error,
                  const QVariantMap &extra = {});
// Writes the columns in which `after` differs from `before`, and the extra ones, to the
// existing row of the report. A user may thus change a report with rights on the columns it
// changes alone.
bool updateReport(const QSqlDatabase &database, const Report &before, const Report &after,
                  const QVariantMap &extra, QString *error);
bool insertEvent(const QSqlDatabase &database, const Event &event, QString *error,
                 const QVariantMap &extra = {});
bool insertMedia(const QSqlDatabase &database, const Media &media, QString *error);

std::optional<ReportStats> loadReportStats(const QSqlDatabase &database, QString *error);

// Reference data in the category, agency and admin_unit tables. Aliases are kept only where
// the table agency_alias exists (the central).
std::optional<ReferenceData> loadReferenceData(const QSqlDatabase &database, QString *error);
bool replaceReferenceData(const QSqlDatabase &database, const ReferenceData &data, QString *error);

} // namespace CivicDesk
