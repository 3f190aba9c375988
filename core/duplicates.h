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
    // Trigram similarity of the folded title and description.
    // NOTE: Folded Vietnamese syllables share many trigrams, so 0.3 also suggests unrelated long
    // reports. In the Huế sample, 20 of 21 unrelated pairs reach it (see tst_duplicates).
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

// Returns the trigrams of a report's folded title and description.
TrigramSet reportTrigrams(const Report &report);

// Returns the candidates that mayBeDuplicates() admits and whose text similarity is at least
// rules.minSimilarity, best similarity first, then nearest first.
QList<DuplicateSuggestion> suggestDuplicates(const Report &report, const QList<Report> &candidates,
                                             const DuplicateRules &rules = {});

} // namespace CivicDesk
