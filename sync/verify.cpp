#include "sync/verify.h"

#include "core/stats.h"

#include <QJsonDocument>
#include <QJsonObject>

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

// Names the columns in which two canonical lines differ, or returns an empty list when they
// are lines of different rows.
QString differingFields(const QString &expected, const QString &actual)
{
    const qsizetype brace = expected.indexOf(QLatin1Char('{'));
    if (brace < 0 || expected.left(brace) != actual.left(actual.indexOf(QLatin1Char('{'))))
        return {};
    const QJsonObject a = QJsonDocument::fromJson(expected.mid(brace).toUtf8()).object();
    const QJsonObject b = QJsonDocument::fromJson(actual.mid(actual.indexOf(QLatin1Char('{'))).toUtf8()).object();
    QStringList fields;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (b.value(it.key()) != it.value())
            fields.append(it.key());
    }
    return fields.join(QStringLiteral(", "));
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
    if (!replica.boundCentralId().isEmpty() && replica.boundCentralId() != central.centralId()) {
        result.firstDifference = QStringLiteral("the replica was filled from central database %1, "
                                                "not from %2 (%3)")
                                     .arg(replica.boundCentralId(), central.centralId(), central.url());
        return result;
    }
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
            const QString fields = differingFields(expected.at(i), actual.at(i));
            result.firstDifference =
                QStringLiteral("line %1 differs%2\n  central: %3\n  replica: %4")
                    .arg(i + 1)
                    .arg(fields.isEmpty() ? QString() : QStringLiteral(" in ") + fields)
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
