#pragma once

#include "core/reference.h"
#include "core/report.h"

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace CivicDesk {

// Columns of the queue, in display order.
enum class QueueColumn
{
    Code,
    Status,
    Category,
    Channel,
    Ward,
    Age,
    TimeLeft,
    ColumnCount
};

// Status filter of the reports an agency has in hand: assigned, in progress or waiting for the
// citizen. It is the agency's inbox.
inline constexpr char agencyWorkFilter[] = "agency_work";

// Query of the queue: filters, search and order. Empty filters match everything.
struct ReportQuery
{
    QString status;
    QString category; // a field code, or "unclassified"
    QString adminUnit;
    QString search; // folded before it reaches SQL
    QueueColumn sortColumn = QueueColumn::Age;
    bool ascending = true;                   // by age ascending, so the newest report comes first
    QString language = QStringLiteral("vi"); // language of the names in the rows
    // Longitudes (x) and latitudes (y) of a drawn rectangle, or a null rectangle for anywhere.
    QRectF area;
    // Only these reports, when not empty.
    QStringList ids;

    bool operator==(const ReportQuery &) const = default;
};

// One row of the queue, with the names already resolved for display.
struct QueueRow
{
    QString id;
    QString publicCode;
    Status status = Status::New;
    QString category;
    QString categoryName;
    Channel channel = Channel::Other;
    QString wardName;
    QDateTime receivedAt;
    QDateTime dueAt;
    QDateTime clockStartedAt; // when the deadline clock started
    Priority priority = Priority::Normal;
    QString claimHolder; // who claimed the report, empty when nobody did
    QDateTime claimExpiresAt;
    bool extensionRequested = false;
    bool pending = false; // an operation of this workstation waits for the central
    bool simulated = false;
    QString title; // title, or the start of the description
};

// A report suggested as a duplicate of the open one.
struct DuplicateRow
{
    QString id;
    QString publicCode;
    QString title;
    Status status = Status::New;
    QDateTime receivedAt;
    double similarity = 0;
    double distanceMeters = -1; // -1 when either report has no exact position
};

// A located report, as the map draws it.
struct MarkerRow
{
    QString id;
    double latitude = 0;
    double longitude = 0;
    Status status = Status::New;
    double accuracy = 0; // metres, 0 when unknown
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(CivicDesk::ReportQuery)
Q_DECLARE_METATYPE(CivicDesk::QueueRow)
Q_DECLARE_METATYPE(QList<CivicDesk::QueueRow>)
Q_DECLARE_METATYPE(CivicDesk::MarkerRow)
Q_DECLARE_METATYPE(QList<CivicDesk::MarkerRow>)
Q_DECLARE_METATYPE(QList<CivicDesk::DuplicateRow>)
Q_DECLARE_METATYPE(CivicDesk::ReportSnapshot)
Q_DECLARE_METATYPE(CivicDesk::ReferenceData)
