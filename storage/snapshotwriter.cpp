#include "storage/snapshotwriter.h"

#include "core/rows.h"
#include "storage/replicamigrations.h"

#include <QStringList>

namespace CivicDesk {
namespace {

// The report columns with the two the replica adds: written in this order by write().
QStringList replicaReportColumns()
{
    return reportColumns() +
           QStringList{QStringLiteral("local_pending"), QStringLiteral("search_text")};
}

} // namespace

ReplicaSnapshotWriter::ReplicaSnapshotWriter(const QSqlDatabase &database)
    : m_exists(database, QStringLiteral("SELECT 1 FROM report WHERE id = ?"))
    , m_clearEvents(database, QStringLiteral("DELETE FROM event WHERE report_id = ?"))
    , m_clearMedia(database, QStringLiteral("DELETE FROM media WHERE report_id = ?"))
    , m_report(database, upsertStatement(QStringLiteral("report"), replicaReportColumns()))
    , m_newReport(database, insertStatement(QStringLiteral("report"), replicaReportColumns()))
    , m_event(database, upsertStatement(QStringLiteral("event"), eventColumns()))
    , m_media(database, upsertStatement(QStringLiteral("media"), mediaColumns()))
{}

std::optional<bool> ReplicaSnapshotWriter::contains(const QString &id, QString *error)
{
    m_exists.code(id);
    return m_exists.step(error);
}

bool ReplicaSnapshotWriter::write(const ReportSnapshot &snapshot, bool isNew, QString *error)
{
    // A report the database does not hold yet has no events or media to replace, which saves
    // two statements per report in a first sync.
    const Report &report = snapshot.report;
    if (!isNew) {
        m_clearEvents.code(report.id);
        m_clearMedia.code(report.id);
        if (!m_clearEvents.step(error) || !m_clearMedia.step(error))
            return false;
    }
    SqliteStatement &statement = isNew ? m_newReport : m_report;
    writeReportColumns(report, statement);
    statement.integer(0); // local_pending: the central's version, no local change on top
    statement.code(
        reportSearchText(report.publicCode, report.title, report.description, report.address));
    if (!statement.step(error))
        return false;
    for (const Event &event : snapshot.events) {
        writeEventColumns(event, m_event);
        if (!m_event.step(error))
            return false;
    }
    for (const Media &media : snapshot.media) {
        writeMediaColumns(media, m_media);
        if (!m_media.step(error))
            return false;
    }
    return true;
}

} // namespace CivicDesk
