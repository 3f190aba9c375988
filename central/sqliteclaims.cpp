// Claims on the embedded central. Each request runs in a write transaction (BEGIN IMMEDIATE),
// so SQLite's write lock serialises requests from every process sharing the file: two
// workstations asking for the next report at once get different reports. A PostgreSQL central
// decides claims in functions on the server instead (see pgclaims.cpp).

#include "central/centralimport.h"
#include "central/pgclaims.h"
#include "central/sqlcentral.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"

#include <QUuid>

namespace CivicDesk {
namespace {

QString newEventId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Placeholders ":prefix0, :prefix1, ..." for an IN list, with their values added to `values`.
QString inList(const QString &prefix, const QStringList &items, QVariantMap *values)
{
    QStringList marks;
    for (int i = 0; i < items.size(); ++i) {
        const QString name = prefix + QString::number(i);
        marks.append(QLatin1Char(':') + name);
        values->insert(name, items.at(i));
    }
    return marks.join(QStringLiteral(", "));
}

// Whether the report has never been claimed: release events share the claimed kind, but a
// release always follows a claim.
std::optional<bool> neverClaimed(const QSqlDatabase &database, const QString &reportId,
                                 QString *error)
{
    SqlStatement statement(database, QStringLiteral("SELECT count(*) FROM event WHERE "
                                                    "report_id = :id AND kind = 'claimed'"));
    const auto count = statement.bind(QStringLiteral(":id"), reportId).scalar(error);
    if (!count)
        return std::nullopt;
    return count->toInt() == 0;
}

bool insertClaimEvent(const QSqlDatabase &database, const QString &reportId, const QString &actor,
                      const QDateTime &at, const QJsonObject &data, QString *error)
{
    Event event;
    event.id = newEventId();
    event.reportId = reportId;
    event.kind = EventKind::Claimed;
    event.actor = actor;
    event.at = at;
    event.data = data;
    return insertEvent(database, event, error);
}

std::optional<ClaimResult> refusedForRole(const QString &reportId, Role role)
{
    ClaimResult result;
    result.reportId = reportId;
    result.message =
        QStringLiteral("a user of role %1 may not claim or release reports").arg(roleCode(role));
    return result;
}

} // namespace

bool SqlCentral::writeClaim(const QString &reportId, const QString &holder,
                            const QDateTime &expiresAt, QString *error)
{
    // A new revision brings the claim to every workstation through the feed. The version
    // stays, because a claim changes none of the fields that edits compare.
    const auto revision = ImportWriter::nextRevision(database(), error);
    if (!revision)
        return false;
    SqlStatement update(database(),
                        QStringLiteral("UPDATE report SET claim_holder = :holder, "
                                       "claim_expires_at = :expires, revision = :revision "
                                       "WHERE id = :id"));
    update.bindAll({{QStringLiteral("holder"), holder.isEmpty() ? QVariant() : QVariant(holder)},
                    {QStringLiteral("expires"),
                     expiresAt.isValid() ? QVariant(toStorageTime(expiresAt)) : QVariant()},
                    {QStringLiteral("revision"), *revision},
                    {QStringLiteral("id"), reportId}});
    return update.exec(error);
}

std::optional<ClaimResult> SqlCentral::decideClaim(const Report &report, const QString &holder,
                                                   int leaseSeconds, QString *error)
{
    const QDateTime now = m_clock();
    const QString current = activeClaimHolder(report, now);
    ClaimResult result;
    result.reportId = report.id;
    result.centralTime = now;
    if (!current.isEmpty() && current != holder) {
        result.holder = current;
        result.expiresAt = report.claimExpiresAt;
        result.message = claimedByMessage(report.id, current, report.claimExpiresAt);
        return result;
    }

    result.granted = true;
    result.renewed = !current.isEmpty();
    result.holder = holder;
    result.expiresAt = now.addSecs(leaseSeconds);
    if (!writeClaim(report.id, holder, result.expiresAt, error))
        return std::nullopt;
    if (result.renewed)
        return result;

    QJsonObject data{{QLatin1String("lease_seconds"), leaseSeconds}};
    const auto first = neverClaimed(database(), report.id, error);
    if (!first)
        return std::nullopt;
    // The time from arrival to the first claim is measured once per report. A source whose
    // clock runs ahead could give a received time after the claim: that counts as 0.
    if (*first)
        data.insert(QLatin1String("seconds_to_claim"),
                    std::max<qint64>(0, report.receivedAt.secsTo(now)));
    if (!insertClaimEvent(database(), report.id, holder, now, data, error))
        return std::nullopt;
    return result;
}

std::optional<ClaimResult> SqlCentral::claim(const QString &reportId, const ClaimActor &actor,
                                             int leaseSeconds, QString *error)
{
    if (m_backend == Backend::Postgres)
        return claimOnServer(database(), reportId, leaseSeconds, error);

    if (const QString problem = claimLeaseProblem(leaseSeconds); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    if (!roleMayClaim(actor.role))
        return refusedForRole(reportId, actor.role);
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    const auto report = loadReport(database(), reportId, m_readable, error);
    if (!report)
        return std::nullopt;
    auto result = decideClaim(*report, actor.name, leaseSeconds, error);
    if (!result || !transaction.commit(error))
        return std::nullopt;
    qCInfo(lcCentral) << "claim on report" << reportId << "by" << actor.name
                      << (result->granted ? "granted" : "refused");
    return result;
}

std::optional<ClaimResult> SqlCentral::releaseClaim(const QString &reportId,
                                                    const ClaimActor &actor, const QString &reason,
                                                    QString *error)
{
    if (m_backend == Backend::Postgres)
        return releaseClaimOnServer(database(), reportId, reason, error);

    if (!roleMayClaim(actor.role))
        return refusedForRole(reportId, actor.role);
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    const auto report = loadReport(database(), reportId, m_readable, error);
    if (!report)
        return std::nullopt;
    const QDateTime now = m_clock();
    const QString current = activeClaimHolder(*report, now);
    ClaimResult result;
    result.reportId = reportId;
    result.centralTime = now;
    if (current.isEmpty()) {
        result.granted = true;
        return result;
    }
    const QString givenReason = reason.trimmed();
    if (current != actor.name) {
        if (actor.role != Role::Supervisor) {
            result.holder = current;
            result.expiresAt = report->claimExpiresAt;
            result.message = notClaimHolderMessage(reportId, current);
            return result;
        }
        if (givenReason.isEmpty()) {
            *error = QStringLiteral("releasing another operator's claim needs a reason");
            return std::nullopt;
        }
    }

    QJsonObject data{{QLatin1String("released"), true}, {QLatin1String("holder"), current}};
    if (!givenReason.isEmpty())
        data.insert(QLatin1String("reason"), givenReason);
    if (!writeClaim(reportId, QString(), QDateTime(), error) ||
        !insertClaimEvent(database(), reportId, actor.name, now, data, error) ||
        !transaction.commit(error)) {
        return std::nullopt;
    }
    result.granted = true;
    qCInfo(lcCentral) << "claim of" << current << "on report" << reportId << "released by"
                      << actor.name;
    return result;
}

std::optional<QString> SqlCentral::nextInQueue(const ClaimCriteria &criteria, const QDateTime &now,
                                               QString *error)
{
    QVariantMap values{{QStringLiteral("now"), toStorageTime(now)}};
    QStringList statuses;
    for (const Status status : criteria.statuses)
        statuses.append(statusCode(status));
    QStringList conditions{
        QStringLiteral("status IN (%1)").arg(inList(QStringLiteral("status"), statuses, &values)),
        QStringLiteral("(claim_holder IS NULL OR claim_expires_at IS NULL OR "
                       "claim_expires_at <= :now)")};
    if (!criteria.categories.isEmpty())
        conditions.append(
            QStringLiteral("category IN (%1)")
                .arg(inList(QStringLiteral("category"), criteria.categories, &values)));
    if (!criteria.agency.isEmpty()) {
        conditions.append(QStringLiteral("agency = :agency"));
        values.insert(QStringLiteral("agency"), criteria.agency);
    }
    if (!criteria.adminUnits.isEmpty())
        conditions.append(QStringLiteral("admin_unit IN (%1)")
                              .arg(inList(QStringLiteral("unit"), criteria.adminUnits, &values)));

    // Stored times are UTC text of one shape, so text order is time order.
    SqlStatement select(database(),
                        QStringLiteral("SELECT id FROM report WHERE %1 ORDER BY "
                                       "CASE priority WHEN 'urgent' THEN 0 ELSE 1 END, "
                                       "due_at IS NULL, due_at, received_at, id LIMIT 1")
                            .arg(conditions.join(QStringLiteral(" AND "))));
    const auto rows = select.bindAll(values).rows(error);
    if (!rows)
        return std::nullopt;
    return rows->isEmpty() ? QString() : rows->first().value(QStringLiteral("id")).toString();
}

std::optional<ClaimResult> SqlCentral::claimNext(const ClaimCriteria &criteria,
                                                 const ClaimActor &actor, int leaseSeconds,
                                                 QString *error)
{
    if (criteria.statuses.isEmpty()) {
        *error = QStringLiteral("the queue to claim from names no status");
        return std::nullopt;
    }
    if (m_backend == Backend::Postgres)
        return claimNextOnServer(database(), criteria, leaseSeconds, error);

    if (const QString problem = claimLeaseProblem(leaseSeconds); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    if (!roleMayClaim(actor.role))
        return refusedForRole(QString(), actor.role);
    SqlTransaction transaction(database(), true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return std::nullopt;
    }
    const auto id = nextInQueue(criteria, m_clock(), error);
    if (!id)
        return std::nullopt;
    if (id->isEmpty()) {
        ClaimResult nothing;
        nothing.centralTime = m_clock();
        nothing.message = nothingToClaimMessage();
        return nothing;
    }
    const auto report = loadReport(database(), *id, m_readable, error);
    if (!report)
        return std::nullopt;
    auto result = decideClaim(*report, actor.name, leaseSeconds, error);
    if (!result || !transaction.commit(error))
        return std::nullopt;
    qCInfo(lcCentral) << "next report" << *id << "claimed by" << actor.name;
    return result;
}

} // namespace CivicDesk
