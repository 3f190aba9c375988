#include "core/logging.h"
#include "core/reportcreate.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"
#include "storage/replica.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUuid>

// Reports made at this workstation: the Create operation, and what the outbox keeps of it once
// the central has accepted it.

namespace CivicDesk {
namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Deletes the waiting copies of a created report's files. Only files in a folder named after
// the report inside a folder named outgoingMediaFolderName are deleted, whatever the payload
// says, so that an outbox row can never name another file.
void deleteWaitingFiles(const QString &reportId, const QJsonObject &payload)
{
    for (const AttachedFile &file : filesOfCreate(payload)) {
        const QFileInfo info(file.path);
        QDir folder = info.absoluteDir();
        if (folder.dirName() != reportId || !folder.cdUp() ||
            folder.dirName() != QLatin1String(outgoingMediaFolderName))
            continue;
        if (!QFile::remove(info.absoluteFilePath()) && info.exists())
            qCWarning(lcStorage) << "waiting file" << info.absoluteFilePath() << "of report"
                                 << reportId << "could not be deleted";
        folder.rmdir(reportId); // only when empty
    }
}

} // namespace

std::optional<Operation> Replica::submitCreate(const QString &reportId, const QJsonObject &payload,
                                               const QString &actor, Role role, QString *error)
{
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    Operation operation;
    operation.id = newId();
    operation.reportId = reportId;
    operation.kind = OperationKind::Create;
    operation.actor = actor;
    operation.actorRole = role;
    operation.createdAt = m_clock();
    operation.eventId = newId();
    operation.payload = payload;

    QString ignored;
    Report report;
    if (loadReport(database(), reportId, {}, &ignored))
        report.id = reportId; // applyCreate refuses it
    const OperationOutcome outcome = applyOperation(report, operation, referenceCodes());
    if (!outcome.accepted()) {
        *error = outcome.reason;
        return std::nullopt;
    }
    // The replica keeps the report without its reporter: name and phone travel in the outbox
    // row alone.
    // NOTE: if the central refuses the operation, the report stays here, unsynced, beside the
    // refusal in the needs attention list, and dismissing the refusal does not delete it.
    if (!storeLocalChange(report, outcome.event, error) || !queueOperation(operation, {}, error) ||
        !transaction.commit(error))
        return std::nullopt;
    qCInfo(lcStorage) << "queued new report" << reportId << "as operation" << operation.id;
    return operation;
}

bool Replica::forgetPersonalData(const QString &operationId, QString *error)
{
    SqlStatement select(database(), QStringLiteral("SELECT report_id, body FROM outbox WHERE "
                                                   "operation_id = :id AND kind = :kind"));
    const auto rows = select.bind(QStringLiteral(":id"), operationId)
                          .bind(QStringLiteral(":kind"), operationKindCode(OperationKind::Create))
                          .rows(error);
    if (!rows)
        return false;
    if (rows->isEmpty())
        return true;

    QJsonObject body =
        QJsonDocument::fromJson(rows->first().value(QStringLiteral("body")).toString().toUtf8())
            .object();
    const QJsonObject payload = body.value(QLatin1String("payload")).toObject();
    body.insert(QLatin1String("payload"), withoutPersonalData(payload));
    SqlStatement update(database(),
                        QStringLiteral("UPDATE outbox SET body = :body WHERE operation_id = :id"));
    update
        .bind(QStringLiteral(":body"),
              QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":id"), operationId);
    if (!update.exec(error))
        return false;

    // The central has stored the files, so the waiting copies can go, even if this transaction
    // rolls back: a second delivery returns the first decision and reads no file.
    deleteWaitingFiles(rows->first().value(QStringLiteral("report_id")).toString(), payload);
    qCDebug(lcStorage) << "dropped the reporter of accepted operation" << operationId;
    return true;
}

} // namespace CivicDesk
