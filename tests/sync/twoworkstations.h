#pragma once

#include "sync/syncsession.h"
#include "sync/verify.h"
#include "testsupport.h"

#include <QTemporaryDir>

namespace CivicDesk::Test {

// Two workstations, alpha and beta, each with its replica of one central that contains the
// Bloomington Open311 reports, as the sync tests use them.
struct TwoWorkstations
{
    std::unique_ptr<Central> central;
    std::unique_ptr<Replica> alpha;
    std::unique_ptr<Replica> beta;
    QStringList fresh; // ids of the reports still new in the fixture, in id order

    // Creates the central and both replicas in `dir`, their files named after `name`, and
    // syncs both. Returns what failed, or an empty string.
    QString open(const QTemporaryDir &dir, const QString &name)
    {
        central = createCentral(dir, name + QStringLiteral("-central.sqlite"));
        if (!central)
            return QStringLiteral("the central was not created");
        if (!importFile(*central, dataPath(QStringLiteral("open311/bloomington_requests.json"))))
            return QStringLiteral("the Open311 fixture was not imported");
        alpha = openReplica(dir, name + QStringLiteral("-alpha.sqlite"));
        beta = openReplica(dir, name + QStringLiteral("-beta.sqlite"));
        if (!alpha || !beta)
            return QStringLiteral("a replica did not open");
        if (!sync(*alpha) || !sync(*beta))
            return QStringLiteral("the first sync failed");
        QString error;
        const auto snapshots = alpha->snapshots(&error);
        if (!snapshots)
            return error;
        fresh.clear();
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New)
                fresh.append(snapshot.report.id);
        }
        return {};
    }

    void close()
    {
        alpha.reset();
        beta.reset();
        central.reset();
    }

    std::optional<SyncSummary> sync(Replica &replica)
    {
        SyncSession session(replica, *central);
        QString error;
        auto summary = session.run(&error);
        if (!summary)
            qWarning() << "sync failed:" << error;
        return summary;
    }

    // Returns the first difference between the replica and the central, empty when they match.
    QString difference(Replica &replica)
    {
        QString error;
        const auto result = verifyReplica(replica, *central, &error);
        return result ? result->firstDifference : error;
    }
};

} // namespace CivicDesk::Test
