#include "sync/verify.h"

#include "core/stats.h"

#include <algorithm>
#include <QJsonDocument>
#include <QJsonObject>

namespace CivicDesk {
namespace {

QStringList dumpOf(QList<ReportSnapshot> snapshots)
{
    std::sort(
        snapshots.begin(), snapshots.end(),
        [](const ReportSnapshot &a, const ReportSnapshot &b) { return a.report.id < b.report.id; });
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
    const QJsonObject b =
        QJsonDocument::fromJson(actual.mid(actual.indexOf(QLatin1Char('{'))).toUtf8()).object();
    QStringList fields;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (b.value(it.key()) != it.value())
            fields.append(it.key());
    }
    return fields.join(QStringLiteral(", "));
}

} // namespace

namespace {

// Reports compared per step; each step keeps this many reports of each side in memory.
constexpr int verifyPageSize = 500;

QString compareLines(const QStringList &expected, const QStringList &actual, qsizetype lineOffset)
{
    const qsizetype common = std::min(expected.size(), actual.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (expected.at(i) == actual.at(i))
            continue;
        const QString fields = differingFields(expected.at(i), actual.at(i));
        return QStringLiteral("line %1 differs%2\n  central: %3\n  replica: %4")
            .arg(lineOffset + i + 1)
            .arg(fields.isEmpty() ? QString() : QStringLiteral(" in ") + fields)
            .arg(expected.at(i), actual.at(i));
    }
    if (expected.size() > common)
        return QStringLiteral("the replica lacks line %1\n  central: %2")
            .arg(lineOffset + common + 1)
            .arg(expected.at(common));
    if (actual.size() > common)
        return QStringLiteral("the replica has an extra line %1\n  replica: %2")
            .arg(lineOffset + common + 1)
            .arg(actual.at(common));
    return {};
}

QString compareIds(const QStringList &centralIds, const QStringList &replicaIds)
{
    const qsizetype common = std::min(centralIds.size(), replicaIds.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (centralIds.at(i) < replicaIds.at(i))
            return QStringLiteral("the replica lacks report %1").arg(centralIds.at(i));
        if (centralIds.at(i) > replicaIds.at(i))
            return QStringLiteral("the replica has report %1, which the central has not")
                .arg(replicaIds.at(i));
    }
    if (centralIds.size() > common)
        return QStringLiteral("the replica lacks report %1").arg(centralIds.at(common));
    if (replicaIds.size() > common)
        return QStringLiteral("the replica has report %1, which the central has not")
            .arg(replicaIds.at(common));
    return {};
}

} // namespace

std::optional<VerifyResult> verifyReplica(Replica &replica, Central &central, QString *error)
{
    VerifyResult result;
    if (!replica.boundCentralId().isEmpty() && replica.boundCentralId() != central.centralId()) {
        result.firstDifference =
            QStringLiteral("the replica was filled from central database %1, "
                           "not from %2 (%3)")
                .arg(replica.boundCentralId(), central.centralId(), central.displayUrl());
        return result;
    }
    if (!replica.boundCentralId().isEmpty() && replica.boundViewer() != central.viewer()) {
        result.firstDifference =
            QStringLiteral("the replica was filled for %1, not for %2, who is signed in")
                .arg(replica.boundViewer().isEmpty() ? QStringLiteral("an unnamed user")
                                                     : replica.boundViewer(),
                     central.viewer().isEmpty() ? QStringLiteral("an unnamed user")
                                                : central.viewer());
        return result;
    }
    const int pending = replica.pendingOperationCount();
    if (pending > 0) {
        result.firstDifference =
            QStringLiteral("the replica has %1 operation(s) not yet sent to the central")
                .arg(pending);
        return result;
    }

    const auto centralIds = central.reportIds(error);
    const auto replicaIds = centralIds ? replica.reportIds(error) : std::nullopt;
    if (!replicaIds)
        return std::nullopt;
    result.reportsCompared = int(centralIds->size());
    result.firstDifference = compareIds(*centralIds, *replicaIds);
    if (!result.matches())
        return result;

    qsizetype lineOffset = 0;
    for (qsizetype start = 0; start < centralIds->size(); start += verifyPageSize) {
        const QStringList page = centralIds->mid(start, verifyPageSize);
        const auto expected = central.snapshotsOf(page, error);
        const auto actual = expected ? replica.snapshotsOf(page, error) : std::nullopt;
        if (!actual)
            return std::nullopt;
        const QStringList expectedLines = dumpOf(*expected);
        result.firstDifference = compareLines(expectedLines, dumpOf(*actual), lineOffset);
        if (!result.matches())
            return result;
        lineOffset += expectedLines.size();
    }
    return result;
}

} // namespace CivicDesk
