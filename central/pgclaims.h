#pragma once

#include "core/claim.h"

#include <optional>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// Claims on a PostgreSQL central, decided by functions on the server (see
// central/sql/postgresql/0008_claims.sql): claim_report(), claim_next() and release_claim().
// They take the signed-in role as the holder, time leases with the server's clock, bound them
// to maxClaimLeaseSeconds and record the timeline events, whatever client calls them. Each
// call is one statement that commits on its own. Operators and supervisors may call them; for
// anyone else the result is refused with the server's sentence.

std::optional<ClaimResult> claimOnServer(const QSqlDatabase &database, const QString &reportId,
                                         int leaseSeconds, QString *error);
std::optional<ClaimResult> releaseClaimOnServer(const QSqlDatabase &database,
                                                const QString &reportId, const QString &reason,
                                                QString *error);
std::optional<ClaimResult> claimNextOnServer(const QSqlDatabase &database,
                                             const ClaimCriteria &criteria, int leaseSeconds,
                                             QString *error);

} // namespace CivicDesk
