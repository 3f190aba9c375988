#include "sync/verify.h"

#include "core/stats.h"

#include <algorithm>

namespace CivicDesk {
namespace {

QStringList dumpOf(QList<ReportSnapshot> snapshots)
{
    std::sort(snapshots.begin(), snapshots.end(), [](const ReportSnapshot &a, const ReportSnapshot &b) {
        return a.report.id < b.report.id;
    });
    QStringList lines;
    for (const ReportSnapshot &snapshot : std::as_const(snapshots))
        lines.append(canonicalLines(snapshot));
    return lines;
}

} // namespace

std::optional<VerifyResult> verifyReplica(Replica &replica, Central &central, QString *error)
{
    const auto centralSnapshots = central.snapshots(error);
    if (!centralSnapshots)
        return std::nullopt;
    const auto replicaSnapshots = replica.snapshots(error);
    if (!replicaSnapshots)
        return std::nullopt;

    VerifyResult result;
    result.reportsCompared = int(centralSnapshots->size());
    const int pending = replica.pendingOperationCount();
    if (pending > 0) {
        result.firstDifference =
            QStringLiteral("the replica has %1 operation(s) not yet sent to the central").arg(pending);
        return result;
    }

    const QStringList expected = dumpOf(*centralSnapshots);
    const QStringList actual = dumpOf(*replicaSnapshots);
    const qsizetype common = std::min(expected.size(), actual.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (expected.at(i) != actual.at(i)) {
            result.firstDifference = QStringLiteral("line %1 differs\n  central: %2\n  replica: %3")
                                         .arg(i + 1)
                                         .arg(expected.at(i), actual.at(i));
            return result;
        }
    }
    if (expected.size() > common) {
        result.firstDifference =
            QStringLiteral("the replica lacks line %1\n  central: %2").arg(common + 1).arg(expected.at(common));
    } else if (actual.size() > common) {
        result.firstDifference =
            QStringLiteral("the replica has an extra line %1\n  replica: %2").arg(common + 1).arg(actual.at(common));
    }
    return result;
}

} // namespace CivicDesk
