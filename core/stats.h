#pragma once

#include "core/report.h"

#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace CivicDesk {

// Counts of a set of reports, as `civicdeskctl stats --json` prints them.
struct ReportStats
{
    qint64 total = 0;
    qint64 withPosition = 0;
    QMap<QString, qint64> byStatus;
    QMap<QString, qint64> byCategory; // reports without a field count as "unclassified"

    QJsonObject toJson() const;
};

// Returns the canonical text of a report as the replica and the central must both hold it:
// one line per report, event and media item, with fields in a fixed order, so that two
// dumps compare line by line. Personal data never appears in it.
QStringList canonicalLines(const ReportSnapshot &snapshot);

} // namespace CivicDesk
