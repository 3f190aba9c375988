#include "central/centralimport.h"
#include "central/mediastore.h"
#include "central/publiccode.h"
#include "central/sqlcentral.h"
#include "core/logging.h"
#include "core/reportcreate.h"
#include "core/rows.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"
#include "media/attachment.h"

#include <algorithm>
#include <QJsonArray>
#include <QUuid>

// Reports made at a workstation (OperationKind::Create): the central gives each its public code,
// links its reporter and stores its files, once.

namespace CivicDesk {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isPostgres(const QSqlDatabase &database)
{
    return database.driverName() == QLatin1String("QPSQL");
}

// Links the reporter to the new report, reusing the reporter with the same phone: one caller is
// one reporter. A reporter known by name alone is a new one every time. No group may write the
// reporter tables on PostgreSQL, so link_reporter() does it there with its owner's rights.
bool linkReporter(const QSqlDatabase &database, const QString &reportId, const Reporter &reporter,
                  QString *error)
{
    const QVariant name = reporter.name.isEmpty() ? QVariant() : QVariant(reporter.name);
    const QVariant phone = reporter.phone.isEmpty() ? QVariant() : QVariant(reporter.phone);
    if (isPostgres(database)) {
        SqlStatement link(database, QStringLiteral("SELECT link_reporter(:report, :name, :phone)"));
        return link
            .bindAll({{QStringLiteral("report"), reportId},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("phone"), phone}})
            .exec(error);
    }

    QString reporterId;
    if (!reporter.phone.isEmpty()) {
        const auto existing =
            SqlStatement(database, QStringLiteral("SELECT id FROM reporter WHERE phone = :phone"))
                .bind(QStringLiteral(":phone"), reporter.phone)
                .scalar(error);
        if (!existing)
            return false;
        reporterId = existing->toString();
    }
    if (reporterId.isEmpty()) {
        reporterId = newId();
        SqlStatement insert(database, QStringLiteral("INSERT INTO reporter (id, name, phone) "
                                                     "VALUES (:id, :name, :phone)"));
        if (!insert
                 .bindAll({{QStringLiteral("id"), reporterId},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("phone"), phone}})
                 .exec(error))
            return false;
    } else if (!reporter.name.isEmpty()) {
        // A caller known by phone alone gets the name they gave now.
        SqlStatement name(database, QStringLiteral("UPDATE reporter SET name = :name WHERE id = "
                                                   ":id AND (name IS NULL OR name = '')"));
        if (!name.bind(QStringLiteral(":name"), reporter.name)
                 .bind(QStringLiteral(":id"), reporterId)
                 .exec(error))
            return false;
    }
    SqlStatement link(database, QStringLiteral("INSERT INTO report_reporter (report_id, "
                                               "reporter_id) VALUES (:report, :reporter)"));
    SqlStatement count(database, QStringLiteral("UPDATE report SET reporter_count = 1 WHERE id = "
                                                ":report"));
    return link.bind(QStringLiteral(":report"), reportId)
               .bind(QStringLiteral(":reporter"), reporterId)
               .exec(error) &&
           count.bind(QStringLiteral(":report"), reportId).exec(error);
}

// Inserts the media row of a stored file. A plain INSERT, unlike insertMedia()'s upsert, needs
// no UPDATE right, which operators do not have on media.
bool insertNewMedia(const QSqlDatabase &database, const Media &media, QString *error)
{
    QStringList placeholders;
    for (const QString &column : mediaColumns())
        placeholders.append(QLatin1Char(':') + column);
    SqlStatement insert(database, QStringLiteral("INSERT INTO media (%1) VALUES (%2)")
                                      .arg(mediaColumns().join(QStringLiteral(", ")),
                                           placeholders.join(QStringLiteral(", "))));
    return insert.bindAll(mediaToRow(media)).exec(error);
}

// Stores the files that wait at the workstation. A file that is gone, changed since it was
// attached or breaks the limits is left out and named in `missing`, because refusing the report
// would lose the call it records.
bool storeFiles(const QSqlDatabase &database, const QString &reportId,
                const QList<AttachedFile> &files, QJsonArray *missing, QString *error)
{
    for (const AttachedFile &file : files) {
        QString problem;
        std::optional<Media> stored;
        if (checkAttachment(file.path, &problem))
            stored = storeMediaFile(database, file.path, file.kind, &problem);
        if (stored && stored->sha256 != file.sha256)
            problem = QStringLiteral("the file %1 changed after it was attached").arg(file.path);
        if (!problem.isEmpty()) {
            qCWarning(lcCentral) << "file" << file.fileName << "of new report" << reportId
                                 << "not stored:" << problem;
            missing->append(file.fileName);
            continue;
        }
        stored->id = newId();
        stored->reportId = reportId;
        stored->mimeType = file.mimeType;
        stored->fileName = file.fileName;
        if (!insertNewMedia(database, *stored, error))
            return false;
    }
    return true;
}

} // namespace

std::optional<OperationResult> SqlCentral::decideCreate(const Operation &operation, QString *error)
{
    OperationResult result;
    result.operationId = operation.id;
    const auto reference = referenceData(nullptr, error);
    if (!reference)
        return std::nullopt;

    QString ignored;
    Report report;
    if (loadReport(database(), operation.reportId, m_readable, &ignored))
        report.id = operation.reportId; // applyCreate refuses it
    OperationOutcome outcome = applyOperation(report, operation, referenceCodesOf(*reference));
    if (outcome.accepted() && !report.adminUnit.isEmpty()) {
        const auto known = std::find_if(
            reference->adminUnits.cbegin(), reference->adminUnits.cend(),
            [&report](const AdminUnit &unit) { return unit.code == report.adminUnit; });
        if (known == reference->adminUnits.cend()) {
            outcome.refusal = Refusal::InvalidValue;
            outcome.reason = QStringLiteral("unknown ward or commune \"%1\"").arg(report.adminUnit);
        }
    }
    result.refusal = outcome.refusal;
    result.reason = outcome.reason;
    if (outcome.accepted() && !storeCreated(report, outcome.event, operation, *reference, error))
        return std::nullopt;
    if (!recordDecision(operation, result, error))
        return std::nullopt;
    if (result.accepted())
        qCInfo(lcCentral) << "new report" << report.id << report.publicCode << "from operation"
                          << operation.id;
    else
        qCInfo(lcCentral) << "refused new report" << operation.reportId << ":" << result.reason;
    return result;
}

bool SqlCentral::storeCreated(Report &report, Event event, const Operation &operation,
                              const ReferenceData &reference, QString *error)
{
    const QTimeZone zone = zoneOrUtc(
        reference.timeZone.isEmpty() ? QString::fromLatin1(defaultTimeZoneId) : reference.timeZone);
    const QString prefix =
        reference.codePrefix.isEmpty() ? QStringLiteral("HUE") : reference.codePrefix;
    const QDate day = report.receivedAt.toTimeZone(zone).date();
    const auto number = nextDayNumber(database(), day.toString(Qt::ISODate), error);
    const auto revision = ImportWriter::nextRevision(database(), error);
    if (!number || !revision)
        return false;
    report.publicCode = formatPublicCode(prefix, day, *number);
    report.reporterCount = 0; // linkReporter() counts
    report.updatedAt = m_clock();
    if (!insertNewReport(database(), report, error, {{QStringLiteral("revision"), *revision}}))
        return false;

    QJsonArray missing;
    if (!storeFiles(database(), report.id, filesOfCreate(operation.payload), &missing, error))
        return false;
    if (!missing.isEmpty())
        event.data.insert(QLatin1String("missing_media"), missing);
    event.data.insert(QLatin1String("public_code"), report.publicCode);
    // The event before the reporter: link_reporter() checks that this transaction recorded it.
    if (!insertEvent(database(), event, error))
        return false;
    const auto reporter = reporterOfCreate(operation.payload);
    return !reporter || linkReporter(database(), report.id, *reporter, error);
}

} // namespace CivicDesk
