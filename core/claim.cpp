#include "core/claim.h"

namespace CivicDesk {

QString activeClaimHolder(const Report &report, const QDateTime &now)
{
    if (report.claimHolder.isEmpty() || !report.claimExpiresAt.isValid())
        return QString();
    return report.claimExpiresAt > now ? report.claimHolder : QString();
}

bool roleMayClaim(Role role)
{
    return role == Role::Operator || role == Role::Supervisor;
}

QString claimLeaseProblem(int leaseSeconds)
{
    if (leaseSeconds >= 1 && leaseSeconds <= maxClaimLeaseSeconds)
        return QString();
    return QStringLiteral("a claim lasts from 1 to %1 seconds, not %2")
        .arg(maxClaimLeaseSeconds)
        .arg(leaseSeconds);
}

QString claimedByMessage(const QString &reportId, const QString &holder, const QDateTime &expiresAt)
{
    return QStringLiteral("report %1 is claimed by %2 until %3")
        .arg(reportId, holder, expiresAt.toUTC().toString(Qt::ISODate));
}

QString notClaimHolderMessage(const QString &reportId, const QString &holder)
{
    return QStringLiteral("report %1 is claimed by %2; only a supervisor may release another "
                          "operator's claim")
        .arg(reportId, holder);
}

QString nothingToClaimMessage()
{
    return QStringLiteral("no unclaimed report matches the queue");
}

} // namespace CivicDesk
