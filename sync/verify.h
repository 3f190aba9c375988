#pragma once

#include "central/central.h"
#include "storage/replica.h"

namespace CivicDesk {

struct VerifyResult
{
    int reportsCompared = 0;
    QString firstDifference; // empty when the replica matches the central

    bool matches() const { return firstDifference.isEmpty(); }
};

// Compares a canonical dump of what the replica contains (reports, versions, events, media
// hashes) with the central's, and names the first difference. Operations still waiting in
// the outbox count as a difference, since the central has not seen them.
std::optional<VerifyResult> verifyReplica(Replica &replica, Central &central, QString *error);

} // namespace CivicDesk
