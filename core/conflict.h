#pragma once

#include "core/operation.h"

#include <optional>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace CivicDesk {

// One field of a refused operation: the value the operator wanted and the value stored on the
// central. Values are stored codes (status, field, priority, agency id) or the text itself.
struct FieldDifference
{
    QString field; // a text field code, or "status", "category", "priority", "agency"
    QString mine;
    QString theirs;
    // False for a field of an edit that nobody else changed: "keep theirs" still applies it.
    bool conflicting = true;

    bool operator==(const FieldDifference &) const = default;
};

// Lists, per field, what a refused operation wanted and what `current` contains. An edit lists
// each of its fields. A status or assignment operation lists the status, the values it sets
// and any assignment value that changed after the operator saw the report.
QList<FieldDifference> refusalDifferences(const Operation &operation, const Report &current);
QJsonArray differencesToJson(const QList<FieldDifference> &differences);
QList<FieldDifference> differencesFromJson(const QJsonArray &json);

// The operator's decision on a refused operation.
enum class Resolution
{
    ReapplyMine, // send it again on top of the current state
    KeepTheirs,  // keep the other operator's values; an edit still sends its other fields
    Dismiss,     // send nothing
};

QString resolutionCode(Resolution resolution);
std::optional<Resolution> resolutionFromCode(const QString &code);

// Returns whether a refusal came from another operator's change, so that deciding again on the
// current state can change the outcome. The other refusals repeat on every retry.
bool isConcurrencyRefusal(Refusal refusal);

// Returns the operation that takes the place of a refused one, based on `current`, the report
// as the central stores it: the same kind and intent with the values the operator now sees. The
// caller gives it a new id, event id and time. std::nullopt when nothing is left to send.
std::optional<Operation> resolveRefused(const Operation &refused, const Report &current,
                                        Resolution resolution);

} // namespace CivicDesk
