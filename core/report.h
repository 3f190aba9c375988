#pragma once

#include "core/codes.h"

#include <optional>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace CivicDesk {

// A WGS84 position in degrees.
struct GeoPoint
{
    double latitude = 0;
    double longitude = 0;

    bool operator==(const GeoPoint &) const = default;
};

// Returns whether a position can stand for a real place: inside the WGS84 range and not the
// (0, 0) that many feeds write for "unknown".
bool isUsablePosition(const GeoPoint &point);

// A field report as the central database and every replica hold it. Personal data of the
// people who sent it lives only in Reporter, on the central side.
struct Report
{
    QString id;         // UUID, made where the record is born
    QString publicCode; // HUE-YYMMDD-NNNN, given by the central; empty until the first sync
    QString source;     // import source name, empty for reports made in CivicDesk
    QString sourceId;   // the source's own request id
    QString sourceStatus;
    QString sourceCategory; // the source's service name, kept as it came
    QString sourceAgency;   // the source's agency text when no known agency matched
    Channel channel = Channel::Other;
    QString title;
    QString description;
    QString category; // field code, empty when unclassified
    QString subcategory;
    Priority priority = Priority::Normal;
    Status status = Status::New;
    std::optional<GeoPoint> position;
    std::optional<double> accuracyMeters;
    bool approximate = false;
    QString address;
    QString adminUnit; // ward or commune code
    QString district;  // optional attribute of data from before 1 July 2025
    QDateTime receivedAt;
    QDateTime updatedAt;
    QDateTime dueAt;
    QDateTime resolvedAt;
    QDateTime closedAt;
    QString agency; // assigned agency id
    QString claimHolder;
    QDateTime claimExpiresAt;
    QString duplicateOf;
    QString publicResponse;
    std::optional<int> rating; // 1 (not satisfied) .. 3 (satisfied)
    QString rejectReason;
    // When the deadline clock started (the assignment); with dueAt it gives the share of the
    // allotted time that is left.
    QDateTime clockStartedAt;
    // While the citizen is asked for more: since when the report waits, which pauses the
    // deadline clock, and the state it returns to with the answer.
    QDateTime waitingSince;
    std::optional<Status> resumeStatus;
    // An extension the agency asked for and no supervisor has decided yet.
    QDateTime extensionDueAt;
    QString extensionReason;
    int version = 1; // increases by one with every accepted change of the report's fields
    int reporterCount = 0;
    bool simulated = false;
};

// A person who sent a report. Phone numbers are E.164 ("+84912345678").
struct Reporter
{
    QString id;
    QString name;
    QString phone;
};

struct Media
{
    QString id;
    QString reportId;
    MediaKind kind = MediaKind::Photo;
    QString mimeType;
    QString sha256; // hex; empty for a link that was not fetched
    qint64 size = 0;
    int width = 0;
    int height = 0;
    qint64 durationMs = 0;
    QDateTime capturedAt;
    std::optional<GeoPoint> capturedPosition;
    QString url;      // where the source keeps it, for media stored as a link
    QString fileName; // the original file name
};

// One entry of a report's append-only timeline.
struct Event
{
    QString id;
    QString reportId;
    EventKind kind = EventKind::Note;
    QString actor;
    QDateTime at;
    QJsonObject data; // reason, from/to status, field values, depending on kind
};

// A report with its timeline and media: the unit that the change feed carries.
struct ReportSnapshot
{
    Report report;
    QList<Event> events;
    QList<Media> media;
    qint64 revision = 0; // position of the last change in the central's feed
};

} // namespace CivicDesk
