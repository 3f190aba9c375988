#include "central/centralimport.h"

#include "central/mediastore.h"
#include "central/publiccode.h"
#include "core/logging.h"
#include "core/rows.h"
#include "core/textfold.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace CivicDesk {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Columns an import may set. Everything else belongs to the workflow.
const QStringList &importedColumns()
{
    static const QStringList columns{
        QStringLiteral("title"),           QStringLiteral("description"),
        QStringLiteral("source_status"),   QStringLiteral("source_category"),
        QStringLiteral("source_agency"),   QStringLiteral("channel"),
        QStringLiteral("category"),        QStringLiteral("subcategory"),
        QStringLiteral("priority"),        QStringLiteral("status"),
        QStringLiteral("latitude"),        QStringLiteral("longitude"),
        QStringLiteral("address"),         QStringLiteral("admin_unit"),
        QStringLiteral("district"),        QStringLiteral("received_at"),
        QStringLiteral("due_at"),          QStringLiteral("resolved_at"),
        QStringLiteral("closed_at"),       QStringLiteral("agency"),
        QStringLiteral("public_response"),
    };
    return columns;
}

QString comparable(const QVariant &value)
{
    return value.isNull() || !value.isValid() ? QString() : value.toString();
}

QJsonObject snapshotOf(const QVariantMap &row)
{
    QJsonObject snapshot;
    for (const QString &column : importedColumns())
        snapshot.insert(column, comparable(row.value(column)));
    return snapshot;
}

// Strips "Phường", "Xã", "UBND" and similar prefixes so that "phường Phú Xuân", "P. Phú Xuân"
// and "Phú Xuân" all match the unit "Phường Phú Xuân".
QString foldUnitName(const QString &text)
{
    static const QRegularExpression prefix(
        QStringLiteral("^(ubnd |uy ban nhan dan )?(phuong |xa |p\\. ?|x\\. ?)"));
    QString folded = foldText(text);
    folded.replace(QLatin1Char('-'), QLatin1Char(' '));
    folded.remove(prefix);
    return folded.simplified();
}

QString foldAgencyName(const QString &text)
{
    QString folded = foldText(text);
    folded.remove(QStringLiteral("(*)"));
    folded.remove(QLatin1Char('.'));
    return folded.simplified();
}

} // namespace

ImportWriter::ImportWriter(QSqlDatabase database, const ReferenceData &reference, QDateTime now)
    : m_database(std::move(database))
    , m_codePrefix(reference.codePrefix.isEmpty() ? QStringLiteral("HUE") : reference.codePrefix)
    , m_zone(zoneOrUtc(reference.timeZone.isEmpty() ? QString::fromLatin1(defaultTimeZoneId)
                                                    : reference.timeZone))
    , m_now(std::move(now))
    , m_calendar(reference.calendar)
    , m_deadlines(reference.deadlines)
{
    for (const Agency &agency : reference.agencies) {
        m_agencyByFoldedName.insert(foldAgencyName(agency.nameVi), agency.id);
        for (const QString &alias : agency.aliases)
            m_agencyByFoldedName.insert(foldAgencyName(alias), agency.id);
    }
    for (const AdminUnit &unit : reference.adminUnits) {
        m_unitByFoldedName.insert(foldUnitName(unit.nameVi), unit.code);
        m_unitByFoldedName.insert(foldText(unit.code), unit.code);
    }
}

QString ImportWriter::resolveAgency(const QString &text) const
{
    return m_agencyByFoldedName.value(foldAgencyName(text));
}

QString ImportWriter::resolveAdminUnit(const QString &text) const
{
    return m_unitByFoldedName.value(foldUnitName(text));
}

std::optional<qint64> ImportWriter::nextRevision(const QSqlDatabase &database, QString *error)
{
    if (database.driverName() == QLatin1String("QPSQL")) {
        // A sequence holds no lock until commit, so writers do not queue behind each other;
        // the feed orders their changes by transaction (see SqlCentral::changesSince).
        const auto value =
            SqlStatement(database, QStringLiteral("SELECT nextval('report_revision_seq')"))
                .scalar(error);
        if (!value)
            return std::nullopt;
        return value->toLongLong();
    }
    // SQLite: the write lock taken at BEGIN IMMEDIATE makes the counter follow commit order.
    if (!execSql(database,
                 QStringLiteral("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                                "WHERE key = 'revision'"),
                 error)) {
        return std::nullopt;
    }
    const auto value =
        SqlStatement(database, QStringLiteral("SELECT value FROM meta WHERE key = 'revision'"))
            .scalar(error);
    if (!value)
        return std::nullopt;
    return value->toLongLong();
}

std::optional<QString> ImportWriter::nextPublicCode(const QDateTime &receivedAt, QString *error)
{
    const QDate day = receivedAt.toTimeZone(m_zone).date();
    const auto number = nextDayNumber(m_database, day.toString(Qt::ISODate), error);
    if (!number)
        return std::nullopt;
    return formatPublicCode(m_codePrefix, day, *number);
}

std::optional<Media> ImportWriter::storeFile(const QSqlDatabase &database, const QString &path,
                                             MediaKind kind, QString *error)
{
    return storeMediaFile(database, path, kind, error);
}

std::optional<ImportWriter::Prepared> ImportWriter::prepare(const IncomingReport &record,
                                                            QString *reason)
{
    Prepared prepared;
    prepared.report = record.report;
    Report &report = prepared.report;
    if (report.source.isEmpty() || report.sourceId.isEmpty()) {
        *reason = QStringLiteral("missing source or source id");
        return std::nullopt;
    }
    if (!report.receivedAt.isValid()) {
        *reason = QStringLiteral("missing time received");
        return std::nullopt;
    }
    // A record without a deadline gets the one its field and priority would get.
    if (!report.dueAt.isValid()) {
        const ProcessingTime time = m_deadlines.processingTime(report.category, report.priority);
        report.dueAt = deadlineFor(m_calendar, time, report.receivedAt).toUTC();
    }

    if (!record.agencyText.isEmpty()) {
        report.agency = resolveAgency(record.agencyText);
        report.sourceAgency = report.agency.isEmpty() ? record.agencyText : QString();
    }
    if (!report.adminUnit.isEmpty()) {
        const QString code = resolveAdminUnit(report.adminUnit);
        if (code.isEmpty()) {
            // A ward name from before the 2025 merger, or a typo: keep it readable in the
            // address rather than lose it.
            const QString ward = report.adminUnit;
            if (!foldText(report.address).contains(foldUnitName(ward)))
                report.address =
                    report.address.isEmpty() ? ward : report.address + QStringLiteral(", ") + ward;
        }
        report.adminUnit = code;
    }

    for (const IncomingMedia &incoming : record.media) {
        Media media;
        if (!incoming.filePath.isEmpty()) {
            QString error;
            const auto stored = storeFile(m_database, incoming.filePath, incoming.kind, &error);
            if (!stored) {
                *reason = error;
                return std::nullopt;
            }
            media = *stored;
        } else {
            media.url = incoming.url;
        }
        media.kind = incoming.kind;
        media.mimeType = incoming.mimeType;
        prepared.media.append(media);
    }
    return prepared;
}

bool ImportWriter::storeReporters(const QString &reportId, const QList<Reporter> &reporters,
                                  int *count, QString *error)
{
    for (const Reporter &reporter : reporters) {
        QString reporterId;
        if (!reporter.phone.isEmpty()) {
            const auto existing =
                SqlStatement(m_database,
                             QStringLiteral("SELECT id FROM reporter WHERE phone = :phone"))
                    .bind(QStringLiteral(":phone"), reporter.phone)
                    .scalar(error);
            if (!existing)
                return false;
            reporterId = existing->toString();
        }
        if (reporterId.isEmpty()) {
            reporterId = newId();
            SqlStatement insert(
                m_database,
                QStringLiteral(
                    "INSERT INTO reporter (id, name, phone) VALUES (:id, :name, :phone)"));
            insert.bindAll({{QStringLiteral("id"), reporterId},
                            {QStringLiteral("name"),
                             reporter.name.isEmpty() ? QVariant() : QVariant(reporter.name)},
                            {QStringLiteral("phone"),
                             reporter.phone.isEmpty() ? QVariant() : QVariant(reporter.phone)}});
            if (!insert.exec(error))
                return false;
        }
        SqlStatement link(
            m_database,
            QStringLiteral(
                "INSERT INTO report_reporter (report_id, reporter_id) VALUES (:report, :reporter) "
                "ON CONFLICT DO NOTHING"));
        if (!link.bind(QStringLiteral(":report"), reportId)
                 .bind(QStringLiteral(":reporter"), reporterId)
                 .exec(error))
            return false;
    }
    const auto linked =
        SqlStatement(m_database,
                     QStringLiteral("SELECT count(*) FROM report_reporter WHERE report_id = :id"))
            .bind(QStringLiteral(":id"), reportId)
            .scalar(error);
    if (!linked)
        return false;
    *count = linked->toInt();
    return true;
}

bool ImportWriter::insertImportEvent(const Report &report, const QJsonObject &data, QString *error)
{
    Event event;
    event.id = newId();
    event.reportId = report.id;
    event.kind = EventKind::Imported;
    event.actor = QStringLiteral("import:") + report.source;
    event.at = m_now;
    event.data = data;
    return insertEvent(m_database, event, error);
}

bool ImportWriter::insertNew(Prepared prepared, const IncomingReport &record, QString *error)
{
    Report &report = prepared.report;
    report.id = newId();
    report.version = 1;
    report.updatedAt = m_now;
    const auto code = nextPublicCode(report.receivedAt, error);
    const auto revision = nextRevision(m_database, error);
    if (!code || !revision)
        return false;
    report.publicCode = *code;

    const QVariantMap row = reportToRow(report);
    const QString snapshot =
        QString::fromUtf8(QJsonDocument(snapshotOf(row)).toJson(QJsonDocument::Compact));
    if (!upsertReport(m_database, report, error,
                      {{QStringLiteral("revision"), *revision},
                       {QStringLiteral("import_snapshot"), snapshot}}))
        return false;
    int reporterCount = 0;
    if (!storeReporters(report.id, record.reporters, &reporterCount, error))
        return false;
    if (reporterCount > 0) {
        SqlStatement update(m_database,
                            QStringLiteral("UPDATE report SET reporter_count = :n WHERE id = :id"));
        if (!update.bind(QStringLiteral(":n"), reporterCount)
                 .bind(QStringLiteral(":id"), report.id)
                 .exec(error))
            return false;
    }

    for (Media media : prepared.media) {
        media.id = newId();
        media.reportId = report.id;
        if (!insertMedia(m_database, media, error))
            return false;
    }
    return insertImportEvent(report,
                             {{QLatin1String("source"), report.source},
                              {QLatin1String("source_id"), report.sourceId},
                              {QLatin1String("source_status"), report.sourceStatus}},
                             error);
}

std::optional<bool> ImportWriter::mergeExisting(const QVariantMap &existing, Prepared prepared,
                                                QString *error)
{
    const QString id = existing.value(QStringLiteral("id")).toString();
    auto current = loadReport(m_database, id, {}, error);
    if (!current)
        return std::nullopt;
    const QJsonObject lastImport =
        QJsonDocument::fromJson(
            existing.value(QStringLiteral("import_snapshot")).toString().toUtf8())
            .object();

    QVariantMap row = reportToRow(*current);
    const QVariantMap incoming = reportToRow(prepared.report);
    QJsonArray changed;
    for (const QString &column : importedColumns()) {
        const QString fresh = comparable(incoming.value(column));
        const QString previous = lastImport.value(column).toString();
        // Only a field the source changed and no operator touched since the last import.
        if (fresh == previous || comparable(row.value(column)) != previous)
            continue;
        row.insert(column, incoming.value(column));
        changed.append(column);
    }
    if (changed.isEmpty())
        return false;

    Report merged = reportFromRow(row);
    merged.version += 1;
    merged.updatedAt = m_now;
    const auto revision = nextRevision(m_database, error);
    if (!revision)
        return std::nullopt;
    const QString snapshot =
        QString::fromUtf8(QJsonDocument(snapshotOf(incoming)).toJson(QJsonDocument::Compact));
    if (!upsertReport(m_database, merged, error,
                      {{QStringLiteral("revision"), *revision},
                       {QStringLiteral("import_snapshot"), snapshot}}))
        return std::nullopt;
    if (!insertImportEvent(merged,
                           {{QLatin1String("source"), merged.source},
                            {QLatin1String("source_id"), merged.sourceId},
                            {QLatin1String("source_status"), merged.sourceStatus},
                            {QLatin1String("changed"), changed}},
                           error)) {
        return std::nullopt;
    }
    return true;
}

std::optional<ImportSummary> ImportWriter::write(const QList<IncomingReport> &records,
                                                 QString *error)
{
    ImportSummary summary;
    for (const IncomingReport &record : records) {
        QString reason;
        auto prepared = prepare(record, &reason);
        if (!prepared) {
            summary.rejections.append(
                {QString(), record.recordNumber, record.line, record.report.sourceId, reason});
            continue;
        }
        SqlStatement find(m_database, QStringLiteral("SELECT id, import_snapshot FROM report WHERE "
                                                     "source = :source AND source_id = :id"));
        const auto rows = find.bind(QStringLiteral(":source"), prepared->report.source)
                              .bind(QStringLiteral(":id"), prepared->report.sourceId)
                              .rows(error);
        if (!rows)
            return std::nullopt;
        if (rows->isEmpty()) {
            if (!insertNew(*prepared, record, error))
                return std::nullopt;
            ++summary.imported;
            continue;
        }
        const auto updated = mergeExisting(rows->first(), *prepared, error);
        if (!updated)
            return std::nullopt;
        ++(*updated ? summary.updated : summary.unchanged);
    }
    return summary;
}

} // namespace CivicDesk
