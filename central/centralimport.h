#pragma once

#include "central/central.h"

#include <QHash>
#include <QSqlDatabase>

namespace CivicDesk {

// Writes imported records into a central database inside the caller's transaction. Works on
// any Qt SQL connection whose tables follow the central schema.
class ImportWriter
{
public:
    ImportWriter(QSqlDatabase database, const ReferenceData &reference, QDateTime now);

    std::optional<ImportSummary> write(const QList<IncomingReport> &records, QString *error);

    // Takes the next feed revision; must run inside the write transaction that uses it.
    static std::optional<qint64> nextRevision(const QSqlDatabase &database, QString *error);

    // Stores a file once per SHA-256 with its thumbnail (see storeMediaFile) and returns its
    // media row (without id and report). Fails when the file cannot be read.
    static std::optional<Media> storeFile(const QSqlDatabase &database, const QString &path,
                                          MediaKind kind, QString *error);

private:
    struct Prepared
    {
        Report report;
        QList<Media> media;
    };

    std::optional<Prepared> prepare(const IncomingReport &record, QString *reason);
    bool insertNew(Prepared prepared, const IncomingReport &record, QString *error);
    std::optional<bool> mergeExisting(const QVariantMap &existing, Prepared prepared,
                                      QString *error);
    bool storeReporters(const QString &reportId, const QList<Reporter> &reporters, int *count,
                        QString *error);
    std::optional<QString> nextPublicCode(const QDateTime &receivedAt, QString *error);
    bool insertImportEvent(const Report &report, const QJsonObject &data, QString *error);

    QString resolveAgency(const QString &text) const;
    QString resolveAdminUnit(const QString &text) const;

    QSqlDatabase m_database;
    QString m_codePrefix;
    QTimeZone m_zone;
    QDateTime m_now;
    WorkingCalendar m_calendar;
    DeadlineRules m_deadlines;
    QHash<QString, QString> m_agencyByFoldedName;
    QHash<QString, QString> m_unitByFoldedName;
};

} // namespace CivicDesk
