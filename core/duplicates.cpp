#include "core/duplicates.h"

#include "core/geo.h"
#include "core/textfold.h"

#include <algorithm>
#include <cmath>

namespace CivicDesk {
namespace {

std::optional<GeoPoint> usablePosition(const Report &report)
{
    if (report.position && isUsablePosition(*report.position))
        return report.position;
    return std::nullopt;
}

// The position when it is usable and not marked approximate.
std::optional<GeoPoint> exactPosition(const Report &report)
{
    return report.approximate ? std::nullopt : usablePosition(report);
}

bool matchesPlace(const Report &report, const Report &other, const DuplicateRules &rules)
{
    const auto reportPosition = exactPosition(report);
    const auto otherPosition = exactPosition(other);
    if (reportPosition && otherPosition)
        return distanceMeters(*reportPosition, *otherPosition) <= rules.maxDistanceMeters;
    return !report.adminUnit.isEmpty() && report.adminUnit == other.adminUnit;
}

bool matchesTime(const Report &report, const Report &other, const DuplicateRules &rules)
{
    if (!report.receivedAt.isValid() || !other.receivedAt.isValid())
        return false;
    const qint64 windowMs = qint64(rules.windowDays) * 24 * 60 * 60 * 1000;
    return std::abs(report.receivedAt.msecsTo(other.receivedAt)) <= windowMs;
}

bool matchesCategory(const Report &report, const Report &other)
{
    return report.category.isEmpty() || other.category.isEmpty() ||
           report.category == other.category;
}

bool isOpenCandidate(const Report &report, const Report &other)
{
    return other.id != report.id && other.status != Status::Duplicate &&
           other.status != Status::Rejected;
}

std::optional<double> distanceBetween(const Report &report, const Report &other)
{
    const auto reportPosition = usablePosition(report);
    const auto otherPosition = usablePosition(other);
    if (!reportPosition || !otherPosition)
        return std::nullopt;
    return distanceMeters(*reportPosition, *otherPosition);
}

bool ranksBefore(const DuplicateSuggestion &a, const DuplicateSuggestion &b)
{
    if (a.similarity != b.similarity)
        return a.similarity > b.similarity;
    // A suggestion with a distance ranks before one without.
    if (a.distanceMeters.has_value() != b.distanceMeters.has_value())
        return a.distanceMeters.has_value();
    if (a.distanceMeters && *a.distanceMeters != *b.distanceMeters)
        return *a.distanceMeters < *b.distanceMeters;
    return a.reportId < b.reportId;
}

} // namespace

bool mayBeDuplicates(const Report &report, const Report &other, const DuplicateRules &rules)
{
    return isOpenCandidate(report, other) && matchesCategory(report, other) &&
           matchesTime(report, other, rules) && matchesPlace(report, other, rules);
}

SyllablePairSet reportSyllablePairs(const Report &report)
{
    return SyllablePairSet::fromFoldedText(
        foldText(report.title + QLatin1Char(' ') + report.description));
}

QList<DuplicateSuggestion> suggestDuplicates(const Report &report, const QList<Report> &candidates,
                                             const DuplicateRules &rules)
{
    QList<DuplicateSuggestion> suggestions;
    const SyllablePairSet pairs = reportSyllablePairs(report);
    for (const Report &candidate : candidates) {
        if (!mayBeDuplicates(report, candidate, rules))
            continue;
        const double similarity = textSimilarity(pairs, reportSyllablePairs(candidate));
        if (similarity < rules.minSimilarity)
            continue;
        suggestions.append({candidate.id, similarity, distanceBetween(report, candidate)});
    }
    std::sort(suggestions.begin(), suggestions.end(), ranksBefore);
    return suggestions;
}

} // namespace CivicDesk
