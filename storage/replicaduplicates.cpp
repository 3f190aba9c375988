// The replica's part in duplicate suggestions: reading the reports that may be duplicates of a
// report by place, time, field and status, then ranking them by text (core/duplicates.h).

#include "core/geo.h"
#include "core/logging.h"
#include "core/rows.h"
#include "core/timeutil.h"
#include "db/reportstore.h"
#include "db/sqlquery.h"
#include "storage/replica.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace CivicDesk {
namespace {

// A rectangle of WGS84 degrees.
struct GeoBox
{
    double minLatitude = -90;
    double maxLatitude = 90;
    double minLongitude = -180;
    double maxLongitude = 180;
};

double degreesOf(double radians)
{
    return radians * 180 / std::numbers::pi;
}

// Returns a rectangle that contains every point within `meters` of `center` on the sphere of
// distanceMeters(). It spans every longitude near a pole and where it would cross the
// antimeridian, because the exact distance is checked afterwards anyway.
GeoBox boxAround(const GeoPoint &center, double meters)
{
    // 1% more, so that rounding never leaves a point at the limit outside the box.
    const double angle = meters * 1.01 / earthMeanRadiusMeters;
    GeoBox box;
    box.minLatitude = std::max(-90.0, center.latitude - degreesOf(angle));
    box.maxLatitude = std::min(90.0, center.latitude + degreesOf(angle));

    // The widest longitude of a circle of angular radius r around latitude φ is
    // asin(sin r / cos φ) either side of its centre.
    const double cosLatitude = std::cos(center.latitude * std::numbers::pi / 180);
    const double sinAngle = std::sin(std::min(angle, std::numbers::pi / 2));
    if (sinAngle >= cosLatitude)
        return box;
    const double halfWidth = degreesOf(std::asin(sinAngle / cosLatitude));
    if (center.longitude - halfWidth < -180 || center.longitude + halfWidth > 180)
        return box;
    box.minLongitude = center.longitude - halfWidth;
    box.maxLongitude = center.longitude + halfWidth;
    return box;
}

} // namespace

std::optional<QList<Report>> Replica::duplicateCandidates(const Report &report, QString *error,
                                                          const DuplicateRules &rules,
                                                          int maxCandidates) const
{
    if (!report.receivedAt.isValid())
        return QList<Report>();
    const bool exact = !report.approximate && report.position && isUsablePosition(*report.position);
    if (!exact && report.adminUnit.isEmpty())
        return QList<Report>();

    // The place rule as SQL: exact positions inside the box around the report's, or the same
    // ward where either position is approximate or missing. The position (0, 0) counts as
    // missing. The rules are checked again in C++ on what this returns.
    const QString missing = QStringLiteral(
        "(approximate <> 0 OR latitude IS NULL OR longitude IS NULL OR (latitude = 0 AND "
        "longitude = 0))");
    QStringList places;
    if (exact) {
        places.append(QStringLiteral(
            "(approximate = 0 AND latitude BETWEEN :min_latitude AND :max_latitude AND "
            "longitude BETWEEN :min_longitude AND :max_longitude)"));
    }
    if (!report.adminUnit.isEmpty())
        places.append(QStringLiteral("(admin_unit = :ward%1)")
                          .arg(exact ? QStringLiteral(" AND ") + missing : QString()));

    // An unclassified report matches every field, so it gets no field condition. Its category
    // is a null QString, which Qt would bind as SQL NULL.
    const QString category = report.category.isEmpty()
                                 ? QString()
                                 : QStringLiteral("AND coalesce(category, '') IN ('', :category) ");

    // The window on received_at uses the index report_received, and the text order of stored
    // times is their time order. "IS NOT" also admits every report for a report without id.
    SqlStatement statement(
        database(),
        QStringLiteral(
            "SELECT %1 FROM report WHERE received_at BETWEEN :from AND :to AND id IS NOT :id "
            "AND status NOT IN (:duplicate, :rejected) %2"
            "AND (%3) ORDER BY abs(julianday(received_at) - julianday(:received_at)), id "
            "LIMIT :limit")
            .arg(selectList(database(), reportColumns(), QStringLiteral("report")), category,
                 places.join(QStringLiteral(" OR "))));
    const qint64 windowMs = qint64(rules.windowDays) * 24 * 60 * 60 * 1000;
    statement.bindAll({
        {QStringLiteral("from"), toStorageTime(report.receivedAt.addMSecs(-windowMs))},
        {QStringLiteral("to"), toStorageTime(report.receivedAt.addMSecs(windowMs))},
        {QStringLiteral("received_at"), toStorageTime(report.receivedAt)},
        {QStringLiteral("id"), report.id},
        {QStringLiteral("duplicate"), statusCode(Status::Duplicate)},
        {QStringLiteral("rejected"), statusCode(Status::Rejected)},
        {QStringLiteral("limit"), maxCandidates},
    });
    if (exact) {
        const GeoBox box = boxAround(*report.position, rules.maxDistanceMeters);
        statement.bindAll({{QStringLiteral("min_latitude"), box.minLatitude},
                           {QStringLiteral("max_latitude"), box.maxLatitude},
                           {QStringLiteral("min_longitude"), box.minLongitude},
                           {QStringLiteral("max_longitude"), box.maxLongitude}});
    }
    if (!report.category.isEmpty())
        statement.bind(QStringLiteral(":category"), report.category);
    if (!report.adminUnit.isEmpty())
        statement.bind(QStringLiteral(":ward"), report.adminUnit);

    const auto rows = statement.rows(error);
    if (!rows)
        return std::nullopt;
    QList<Report> candidates;
    candidates.reserve(rows->size());
    for (const QVariantMap &row : *rows)
        candidates.append(reportFromRow(row));
    if (candidates.size() == maxCandidates) {
        qCDebug(lcStorage) << "duplicate candidates of report" << report.id << "cut at"
                           << maxCandidates;
    }
    return candidates;
}

std::optional<QList<DuplicateSuggestion>>
Replica::duplicateSuggestions(const QString &reportId, QString *error,
                              const DuplicateRules &rules) const
{
    const auto report = loadReport(database(), reportId, {}, error);
    if (!report)
        return std::nullopt;
    const auto candidates = duplicateCandidates(*report, error, rules);
    if (!candidates)
        return std::nullopt;
    return suggestDuplicates(*report, *candidates, rules);
}

} // namespace CivicDesk
