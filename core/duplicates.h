#pragma once

#include "core/report.h"
#include "core/similarity.h"

#include <optional>
#include <QList>
#include <QString>

namespace CivicDesk {

// When another report counts as a possible duplicate of a report.
struct DuplicateRules
{
    double maxDistanceMeters = 200; // between exact positions
    int windowDays = 7;             // between the times received, before or after
    // Similarity of the folded titles and descriptions (see textSimilarity).
    // NOTE: A short message that repeats part of a long report scores about a third, so such a
    // duplicate is suggested only when the two texts are of similar length.
    double minSimilarity = 0.3;
};

// A report suggested to the operator as a possible duplicate.
struct DuplicateSuggestion
{
    QString reportId;
    double similarity = 0;
    // Great-circle distance in metres, when both reports have a usable position, approximate
    // or not.
    std::optional<double> distanceMeters;
};

// Returns whether `other` may be a duplicate of `report` by place, time, field and status,
// without looking at the text:
// - place: exact positions at most rules.maxDistanceMeters apart, or, when either position is
//   approximate, missing or unusable, the same non-empty ward (Report::adminUnit);
// - time: received at most rules.windowDays days before or after; a report without a valid
//   time of receipt matches nothing;
// - field: the same category, or either report unclassified;
// - status: `other` is neither a duplicate nor rejected, and it is not `report` itself.
bool mayBeDuplicates(const Report &report, const Report &other, const DuplicateRules &rules = {});

// Returns the syllable pairs of a report's folded title and description.
SyllablePairSet reportSyllablePairs(const Report &report);

// Returns the candidates that mayBeDuplicates() admits and whose text similarity is at least
// rules.minSimilarity, best similarity first, then nearest first.
QList<DuplicateSuggestion> suggestDuplicates(const Report &report, const QList<Report> &candidates,
                                             const DuplicateRules &rules = {});

} // namespace CivicDesk
