// The replica's part in refusals: holding the operations behind one, listing it for the
// operator with both versions, and sending what the operator decided.

#include "core/logging.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"
#include "storage/replica.h"

#include <QJsonDocument>
#include <QUuid>

namespace CivicDesk {

bool Replica::hasOpenRefusal(const QString &reportId) const
{
    SqlStatement statement(database(), QStringLiteral("SELECT count(*) FROM attention WHERE "
                                                      "report_id = :id AND dismissed = 0"));
    const auto count = statement.bind(QStringLiteral(":id"), reportId).scalar(nullptr);
    return count && count->toInt() > 0;
}

bool Replica::queueOperation(const Operation &operation, const QVariant &seq, QString *error)
{
    // An explicit seq puts the operation at that place in the sending order. A refused row that
    // still has that place is replaced.
    SqlStatement outbox(database(),
                        QStringLiteral("INSERT OR REPLACE INTO outbox (seq, operation_id, "
                                       "report_id, kind, body, created_at) VALUES (:seq, "
                                       ":operation_id, :report_id, :kind, :body, :created_at)"));
    const QString body =
        QString::fromUtf8(QJsonDocument(operation.toJson()).toJson(QJsonDocument::Compact));
    outbox.bindAll({{QStringLiteral("seq"), seq},
                    {QStringLiteral("operation_id"), operation.id},
                    {QStringLiteral("report_id"), operation.reportId},
                    {QStringLiteral("kind"), operationKindCode(operation.kind)},
                    {QStringLiteral("body"), body},
                    {QStringLiteral("created_at"), toStorageTime(operation.createdAt)}});
    return outbox.exec(error);
}

std::optional<AttentionItem> Replica::attentionItemFromRow(const QVariantMap &row,
                                                           const ReferenceCodes &codes) const
{
    AttentionItem item;
    item.operationId = row[QStringLiteral("operation_id")].toString();
    item.reportId = row[QStringLiteral("report_id")].toString();
    item.reportCode = row[QStringLiteral("public_code")].toString();
    item.kind = operationKindFromCode(row[QStringLiteral("kind")].toString())
                    .value_or(OperationKind::AddNote);
    item.refusal = refusalFromCode(row[QStringLiteral("refusal")].toString());
    item.reason = row[QStringLiteral("reason")].toString();
    item.createdAt = fromStorageTime(row[QStringLiteral("created_at")].toString());
    item.heldOperations = row[QStringLiteral("held")].toInt();

    QString parseError;
    const auto refused = Operation::fromJson(
        QJsonDocument::fromJson(row[QStringLiteral("body")].toString().toUtf8()).object(),
        &parseError);
    // While the refusal is open, the report row contains only the central's version.
    const auto current = loadReport(database(), item.reportId, {}, nullptr);
    if (!refused || !current) {
        if (!refused)
            qCWarning(lcStorage) << "invalid operation in the attention list:" << parseError;
        return item;
    }
    item.differences = refusalDifferences(*refused, *current);
    if (!isConcurrencyRefusal(item.refusal))
        return item;

    const auto mine = resolveRefused(*refused, *current, Resolution::ReapplyMine);
    Report trial = *current;
    item.canReapply = !mine || applyOperation(trial, *mine, codes).accepted();
    item.canKeepTheirs = resolveRefused(*refused, *current, Resolution::KeepTheirs).has_value();
    return item;
}

bool Replica::resolveAttention(const QString &operationId, Resolution resolution, QString *error)
{
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    SqlStatement select(database(),
                        QStringLiteral("SELECT report_id, body, outbox_seq FROM attention WHERE "
                                       "operation_id = :id AND dismissed = 0"));
    const auto rows = select.bind(QStringLiteral(":id"), operationId).rows(error);
    if (!rows)
        return false;
    if (rows->isEmpty()) {
        *error = QStringLiteral("no open refusal of operation %1; it was resolved already")
                     .arg(operationId);
        return false;
    }
    const QVariantMap &row = rows->first();
    const QString reportId = row[QStringLiteral("report_id")].toString();
    const auto refused = Operation::fromJson(
        QJsonDocument::fromJson(row[QStringLiteral("body")].toString().toUtf8()).object(), error);
    if (!refused)
        return false;

    SqlStatement close(database(), QStringLiteral("UPDATE attention SET dismissed = 1, resolution "
                                                  "= :resolution WHERE operation_id = :id"));
    close.bind(QStringLiteral(":resolution"), resolutionCode(resolution))
        .bind(QStringLiteral(":id"), operationId);
    if (!close.exec(error))
        return false;

    // A report the central no longer has leaves nothing to send again.
    const auto current = loadReport(database(), reportId, {}, nullptr);
    auto next = current ? resolveRefused(*refused, *current, resolution) : std::nullopt;
    if (next) {
        next->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        next->eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        next->createdAt = m_clock();
        if (!queueOperation(*next, row[QStringLiteral("outbox_seq")], error))
            return false;
    }
    if (!rebasePending(reportId, error) || !transaction.commit(error))
        return false;
    qCInfo(lcStorage) << "refused operation" << operationId << "on report" << reportId
                      << "resolved as" << resolutionCode(resolution)
                      << (next ? QStringLiteral("; sending %1").arg(next->id) : QString());
    return true;
}

} // namespace CivicDesk
