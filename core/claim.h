#pragma once

#include "core/codes.h"
#include "core/report.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace CivicDesk {

// A claim tells the other operators that someone works on a report. It is a lease that the
// central grants and times with its own clock: the report's claim_holder holds it until
// claim_expires_at. Nothing clears an expired claim: whoever reads the report judges it.

inline constexpr int defaultClaimLeaseSeconds = 600;
// The longest lease the central grants, so that a forgotten claim does not hide a report
// from the queue for a whole shift. A PostgreSQL central enforces it as well.
inline constexpr int maxClaimLeaseSeconds = 3600;

// Who asks for or releases a claim. A PostgreSQL central ignores both fields and takes the
// signed-in role and the group it belongs to.
struct ClaimActor
{
    QString name;
    Role role = Role::Operator;
};

// The reports that "claim next" chooses from. Empty lists and an empty agency match every
// report.
struct ClaimCriteria
{
    QList<Status> statuses{Status::New, Status::Triaged}; // the operator's queue
    QStringList categories;                               // field codes
    QString agency;                                       // assigned agency id
    QStringList adminUnits;                               // ward or commune codes
};

// The central's answer to a claim, a renewal or a release.
struct ClaimResult
{
    QString reportId; // empty when "claim next" found no report to claim
    // Whether the central did what was asked: granted or renewed the claim, or released it.
    bool granted = false;
    bool renewed = false; // the holder already held the claim and it was extended
    // The claim after the call: the new holder, the holder who kept it, or empty when the
    // report is unclaimed.
    QString holder;
    QDateTime expiresAt;
    QDateTime centralTime; // the central's clock when it decided
    QString message;       // why the request was refused, naming the holder
};

// Returns the holder of the report's claim at `now`, or an empty string when the report is
// unclaimed or its claim has expired.
QString activeClaimHolder(const Report &report, const QDateTime &now);

// Returns whether people of this role may claim reports: operators and supervisors. Agency
// users answer reports assigned to them, and the wall display only shows.
bool roleMayClaim(Role role);

// Returns why a lease length is invalid, or an empty string when it is valid.
QString claimLeaseProblem(int leaseSeconds);

// Messages of the refusals, the same for both kinds of central.
QString claimedByMessage(const QString &reportId, const QString &holder,
                         const QDateTime &expiresAt);
QString notClaimHolderMessage(const QString &reportId, const QString &holder);
QString nothingToClaimMessage();

} // namespace CivicDesk
