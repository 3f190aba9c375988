#include "storage/snapshotwriter.h"

#include "core/rows.h"
#include "storage/replicamigrations.h"

#include <QStringList>

namespace CivicDesk {
namespace {

QString positionalInsert(const QString &table, const QStringList &columns, bool upsert)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    QString sql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
    if (!upsert)
        return sql;
    // An upsert, not INSERT OR REPLACE: SQLite's REPLACE deletes the old row first, which
    // would cascade to the report's events.
    QStringList updates;
    for (const QString &column : columns) {
        if (column != QLatin1String("id"))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    return sql + QStringLiteral(" ON CONFLICT (id) DO UPDATE SET ") +
           updates.join(QStringLiteral(", "));
}

} // namespace

ReplicaSnapshotWriter::ReplicaSnapshotWriter(const QSqlDatabase &database)
    : m_exists(database, QStringLiteral("SELECT 1 FROM report WHERE id = ?"))
    , m_clearEvents(database, QStringLiteral("DELETE FROM event WHERE report_id = ?"))
    , m_clearMedia(database, QStringLiteral("DELETE FROM media WHERE report_id = ?"))
    , m_report(database,
               positionalInsert(QStringLiteral("report"),
                                reportColumns() + QStringList{QStringLiteral("local_pending"),
                                                              QStringLiteral("search_text")},
                                true))
    , m_newReport(database,
                  positionalInsert(QStringLiteral("report"),
                                   reportColumns() + QStringList{QStringLiteral("local_pending"),
                                                                 QStringLiteral("search_text")},
                                   false))
    , m_event(database, positionalInsert(QStringLiteral("event"), eventColumns(), true))
    , m_media(database, positionalInsert(QStringLiteral("media"), mediaColumns(), true))
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
