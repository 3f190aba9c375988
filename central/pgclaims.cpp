#include "central/pgclaims.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "db/nativesql.h"
#include "db/sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace CivicDesk {
namespace {

constexpr char permissionDenied[] = "42501";

// Runs one call of a claim function and leaves the query on its first row, if any. A call that
// the server's rights reject fills `denial` with its sentence instead of failing.
bool call(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *denial,
          QString *error)
{
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    if (ok) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = query.exec();
    }
    if (ok) {
        query.next();
        return true;
    }
    const QSqlError failure = query.lastError();
    if (failure.nativeErrorCode() == QLatin1String(permissionDenied)) {
        *denial = postgresErrorSentence(failure);
        return true;
    }
    *error = postgresErrorSentence(failure);
    return false;
}

// A timestamptz column as the UTC text that stored times have, so that a claim's times compare
// equal to the same times read back with the report.
QString utcText(const char *column)
{
    return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
        .arg(QLatin1String(column));
}

QDateTime timeOf(const QSqlQuery &query, int column)
{
    return fromStorageTime(query.value(column).toString());
}

ClaimResult deniedResult(const QString &reportId, const QString &denial)
{
    qCWarning(lcCentral) << "claim request on report" << reportId << "not permitted:" << denial;
    ClaimResult result;
    result.reportId = reportId;
    result.message = QStringLiteral("the central rejected this claim request for the signed-in "
                                    "user: %1")
                         .arg(denial);
    return result;
}

// Reads the columns granted, renewed, holder, expires_at and central_time from `first` on.
ClaimResult claimResultOf(const QSqlQuery &query, const QString &reportId, int first = 0)
{
    ClaimResult result;
    result.reportId = reportId;
    result.granted = query.value(first).toBool();
    result.renewed = query.value(first + 1).toBool();
    result.holder = query.value(first + 2).toString();
    result.expiresAt = timeOf(query, first + 3);
    result.centralTime = timeOf(query, first + 4);
    if (!result.granted)
        result.message = claimedByMessage(reportId, result.holder, result.expiresAt);
    return result;
}

QString textArray(const QStringList &values)
{
    return QString::fromUtf8(pgTextArray(values));
}

} // namespace

std::optional<ClaimResult> claimOnServer(const QSqlDatabase &database, const QString &reportId,
                                         int leaseSeconds, QString *error)
{
    QSqlQuery query(database);
    QString denial;
    if (!call(query,
              QStringLiteral("SELECT granted, renewed, holder, %1, %2 FROM "
                             "claim_report(CAST(? AS text), CAST(? AS integer))")
                  .arg(utcText("expires_at"), utcText("central_time")),
              {reportId, leaseSeconds}, &denial, error)) {
        return std::nullopt;
    }
    if (!denial.isEmpty())
        return deniedResult(reportId, denial);
    return claimResultOf(query, reportId);
}

std::optional<ClaimResult> releaseClaimOnServer(const QSqlDatabase &database,
                                                const QString &reportId, const QString &reason,
                                                QString *error)
{
    QSqlQuery query(database);
    QString denial;
    if (!call(query,
              QStringLiteral("SELECT released, holder, %1, %2 FROM "
                             "release_claim(CAST(? AS text), CAST(? AS text))")
                  .arg(utcText("expires_at"), utcText("central_time")),
              {reportId, reason}, &denial, error)) {
        return std::nullopt;
    }
    if (!denial.isEmpty())
        return deniedResult(reportId, denial);

    ClaimResult result;
    result.reportId = reportId;
    result.granted = query.value(0).toBool();
    result.holder = query.value(1).toString();
    result.expiresAt = timeOf(query, 2);
    result.centralTime = timeOf(query, 3);
    if (!result.granted)
        result.message = notClaimHolderMessage(reportId, result.holder);
    return result;
}

std::optional<ClaimResult> claimNextOnServer(const QSqlDatabase &database,
                                             const ClaimCriteria &criteria, int leaseSeconds,
                                             QString *error)
{
    QStringList statuses;
    for (const Status status : criteria.statuses)
        statuses.append(statusCode(status));
    QSqlQuery query(database);
    QString denial;
    // A NULL agency matches every report, as an empty list of codes does.
    const QVariant agency = criteria.agency.isEmpty() ? QVariant() : QVariant(criteria.agency);
    if (!call(query,
              QStringLiteral("SELECT report_id, granted, renewed, holder, %1, %2 FROM "
                             "claim_next(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text), "
                             "CAST(? AS text[]), CAST(? AS integer))")
                  .arg(utcText("expires_at"), utcText("central_time")),
              {textArray(statuses), textArray(criteria.categories), agency,
               textArray(criteria.adminUnits), leaseSeconds},
              &denial, error)) {
        return std::nullopt;
    }
    if (!denial.isEmpty())
        return deniedResult(QString(), denial);
    if (query.value(0).isNull()) {
        ClaimResult nothing;
        nothing.centralTime = timeOf(query, 5);
        nothing.message = nothingToClaimMessage();
        return nothing;
    }
    return claimResultOf(query, query.value(0).toString(), 1);
}

} // namespace CivicDesk
