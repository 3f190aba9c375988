#include "central/centralimport.h"
#include "central/sqlcentral.h"
#include "core/logging.h"
#include "core/rows.h"
#include "core/timeutil.h"
#include "db/sqlquery.h"

#include <QUuid>

namespace CivicDesk {
namespace {

// Ids of the time-based steps: the same report and period give the same id in every run.
const QUuid maintenanceNamespace(QStringLiteral("{5b0f3c52-8a0e-4d4e-9a57-2f6b1d0c7e21}"));

QString stepId(const QString &kind, const QString &reportId, const QString &period)
{
    return QUuid::createUuidV5(maintenanceNamespace,
                               QStringList{kind, reportId, period}.join(QLatin1Char('/')))
        .toString(QUuid::WithoutBraces);
}

} // namespace

std::optional<QDateTime> SqlCentral::centralNow(QString *error)
{
    if (m_backend == Backend::Sqlite)
        return m_clock();
    const auto now = SqlStatement(database(), QStringLiteral("SELECT now()")).scalar(error);
    if (!now)
        return std::nullopt;
    return now->toDateTime().toUTC();
}

std::optional<QString> SqlCentral::reportIdForCode(const QString &publicCode, QString *error)
{
    SqlStatement select(database(),
                        QStringLiteral("SELECT id FROM report WHERE public_code = :code"));
    const auto rows = select.bind(QStringLiteral(":code"), publicCode.trimmed()).rows(error);
    if (!rows)
        return std::nullopt;
    return rows->isEmpty() ? QString() : rows->first().value(QStringLiteral("id")).toString();
}

bool SqlCentral::closeUnratedReports(const QDateTime &now, MaintenanceSummary *summary,
                                     QString *error)
{
    const QDateTime cutoff = now.addDays(-ratingPeriodDays);
    SqlStatement select(database(),
                        QStringLiteral("SELECT id, resolved_at, version FROM report "
                                       "WHERE status = 'resolved' AND resolved_at <= :cutoff "
                                       "ORDER BY resolved_at"));
    const auto rows =
        select
            .bind(QStringLiteral(":cutoff"),
                  m_backend == Backend::Sqlite ? QVariant(toStorageTime(cutoff)) : QVariant(cutoff))
            .rows(error);
    if (!rows)
        return false;
    QList<Operation> operations;
    for (const QVariantMap &row : *rows) {
        const QString id = row.value(QStringLiteral("id")).toString();
        const QString resolvedAt = row.value(QStringLiteral("resolved_at")).toString();
        Operation operation;
        operation.id = stepId(QStringLiteral("close_unrated"), id, resolvedAt);
        operation.eventId = stepId(QStringLiteral("close_unrated_event"), id, resolvedAt);
        operation.reportId = id;
        operation.kind = OperationKind::CloseUnrated;
        operation.baseVersion = row.value(QStringLiteral("version")).toInt();
        operation.actor = QStringLiteral("system");
        operation.actorRole = Role::System;
        operation.createdAt = now;
        operations.append(operation);
    }
    if (operations.isEmpty())
        return true;
    const auto results = submit(operations, error);
    if (!results)
        return false;
    for (const OperationResult &result : *results) {
        // A report that a parallel run closed first comes back as that run's decision, or as
        // an invalid transition when the parallel run read it first: it is closed once.
        if (result.accepted() && !result.repeated)
            ++summary->closed;
        else if (!result.accepted() && result.refusal != Refusal::InvalidTransition)
            summary->problems.append(result.reason);
    }
    return true;
}

bool SqlCentral::remindUrgentReports(const QDateTime &now, MaintenanceSummary *summary,
                                     QString *error)
{
    const bool sqlite = m_backend == Backend::Sqlite;
    const QVariant nowValue = sqlite ? QVariant(toStorageTime(now)) : QVariant(now);
    const QDateTime first = now.addSecs(-60 * urgentReminderMinutes);
    SqlStatement select(
        database(), QStringLiteral("SELECT id, received_at FROM report WHERE priority = 'urgent' "
                                   "AND status IN ('new', 'triaged') AND received_at <= :first "
                                   "AND (claim_holder IS NULL OR claim_holder = '' "
                                   "OR claim_expires_at IS NULL OR claim_expires_at <= :now)"));
    const auto rows = select
                          .bind(QStringLiteral(":first"),
                                sqlite ? QVariant(toStorageTime(first)) : QVariant(first))
                          .bind(QStringLiteral(":now"), nowValue)
                          .rows(error);
    if (!rows)
        return false;
    for (const QVariantMap &found : *rows) {
        const QString id = found.value(QStringLiteral("id")).toString();
        const QDateTime received =
            sqlite ? fromStorageTime(found.value(QStringLiteral("received_at")).toString())
                   : found.value(QStringLiteral("received_at")).toDateTime().toUTC();
        const qint64 minutes = received.secsTo(now) / 60;
        const qint64 period = minutes / urgentReminderMinutes;

        SqlTransaction transaction(database(), true);
        if (!transaction.isActive()) {
            *error = transaction.error();
            return false;
        }
        // The event's id names the period, so a second run in the same period inserts nothing.
        Event reminder;
        reminder.id = stepId(QStringLiteral("remind"), id, QString::number(period));
        reminder.reportId = id;
        reminder.kind = EventKind::Reminded;
        reminder.actor = QStringLiteral("system");
        reminder.at = now;
        reminder.data = {{QLatin1String("minutes_waiting"), minutes}};
        const QVariantMap row = eventToRow(reminder);
        const QString insert =
            insertStatement(QStringLiteral("event"), eventColumns(),
                            sqlite ? QStringLiteral("INSERT OR IGNORE")
                                   : QStringLiteral("INSERT")) +
            (sqlite ? QString() : QStringLiteral(" ON CONFLICT (id) DO NOTHING"));
        SqlStatement statement(database(), insert);
        if (!statement.bindAll(row).exec(error))
            return false;
        if (statement.query().numRowsAffected() != 1)
            continue; // another run recorded this period's reminder
        const auto revision = ImportWriter::nextRevision(database(), error);
        if (!revision)
            return false;
        SqlStatement touch(database(),
                           QStringLiteral("UPDATE report SET revision = :revision WHERE id = :id"));
        if (!touch.bind(QStringLiteral(":revision"), *revision)
                 .bind(QStringLiteral(":id"), id)
                 .exec(error) ||
            !transaction.commit(error))
            return false;
        ++summary->reminded;
    }
    return true;
}

std::optional<MaintenanceSummary> SqlCentral::runMaintenance(QString *error)
{
    const auto now = centralNow(error);
    if (!now)
        return std::nullopt;
    MaintenanceSummary summary;
    if (!closeUnratedReports(*now, &summary, error) || !remindUrgentReports(*now, &summary, error))
        return std::nullopt;
    qCInfo(lcCentral) << "maintenance closed" << summary.closed << "reports and recorded"
                      << summary.reminded << "reminders";
    return summary;
}

} // namespace CivicDesk
