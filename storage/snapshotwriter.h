#pragma once

#include "core/report.h"
#include "db/nativesql.h"

#include <optional>
#include <QSqlDatabase>

namespace CivicDesk {

// Writes the central's version of reports, with their events and media, into the replica
// through statements prepared once with SQLite's C API: the writer of the change feed's pages.
// Fills the replica's search text and marks the rows as carrying no local change.
class ReplicaSnapshotWriter
{
public:
    explicit ReplicaSnapshotWriter(const QSqlDatabase &database);

    // Returns whether the replica contains a row of this report.
    std::optional<bool> contains(const QString &id, QString *error);
    // `isNew` means that the replica has no row of this report yet.
    bool write(const ReportSnapshot &snapshot, bool isNew, QString *error);

private:
    SqliteStatement m_exists;
    SqliteStatement m_clearEvents;
    SqliteStatement m_clearMedia;
    SqliteStatement m_report;
    SqliteStatement m_newReport;
    SqliteStatement m_event;
    SqliteStatement m_media;
};

} // namespace CivicDesk
