#pragma once

#include "core/reference.h"
#include "core/report.h"
#include "core/stats.h"
#include "db/sqlquery.h"

#include <optional>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

namespace CivicDesk {

// Reads and writes of the report, event and media tables that the replica and the central
// share: both hold those tables with the same columns (see core/rows.h).

std::optional<Report> loadReport(const QSqlDatabase &database, const QString &id, QString *error);

// Loads reports with their events and media. Ids that do not exist are skipped.
std::optional<QList<ReportSnapshot>> loadSnapshots(const QSqlDatabase &database,
                                                   const QStringList &ids, QString *error);

// Returns which of `ids` the report table holds.
std::optional<QSet<QString>> existingReportIds(const QSqlDatabase &database, const QStringList &ids,
                                               QString *error);

// Returns every report id in id order.
std::optional<QStringList> allReportIds(const QSqlDatabase &database, QString *error);

// Inserts or replaces the report row; extra columns (such as the replica's search text) are
// bound from `extra`.
bool upsertReport(const QSqlDatabase &database, const Report &report, QString *error,
                  const QVariantMap &extra = {});
bool insertEvent(const QSqlDatabase &database, const Event &event, QString *error,
                 const QVariantMap &extra = {});
bool insertMedia(const QSqlDatabase &database, const Media &media, QString *error);

// Replaces reports with their events and media through statements prepared once, for writing a
// page of the change feed. Extra report columns are bound from the map given to write().
class SnapshotWriter
{
public:
    SnapshotWriter(const QSqlDatabase &database, const QStringList &extraColumns);

    // `isNew` means that the database has no row of this report yet.
    bool write(const ReportSnapshot &snapshot, const QVariantMap &extra, bool isNew,
               QString *error);

private:
    SqlStatement m_clearEvents;
    SqlStatement m_clearMedia;
    QStringList m_reportColumns;
    SqlStatement m_report;
    SqlStatement m_newReport;
    SqlStatement m_event;
    SqlStatement m_media;
};

std::optional<ReportStats> loadReportStats(const QSqlDatabase &database, QString *error);

// Reference data in the category, agency and admin_unit tables. Aliases are kept only where
// the table agency_alias exists (the central).
std::optional<ReferenceData> loadReferenceData(const QSqlDatabase &database, QString *error);
bool replaceReferenceData(const QSqlDatabase &database, const ReferenceData &data, QString *error);

} // namespace CivicDesk
