#pragma once

#include "core/operation.h"
#include "core/report.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace CivicDesk {

// A file attached to a report made at a workstation. It waits in the workstation's data folder
// until the central has stored it, so the operation carries its path there.
struct AttachedFile
{
    QString path;     // absolute path of the waiting copy
    QString fileName; // the name the operator attached it under
    QString sha256;   // hex, of the content
    qint64 size = 0;  // bytes
    QString mimeType;
    MediaKind kind = MediaKind::Photo;

    bool operator==(const AttachedFile &) const = default;
};

// Payload of a Create operation:
//   {"report": {"title", "description", "channel", "priority", "latitude", "longitude",
//               "accuracy_m", "approximate", "address", "admin_unit", "received_at"},
//    "reporter": {"name", "phone"},
//    "media": [{"path", "file_name", "sha256", "size", "mime_type", "kind"}]}
// Position, accuracy and reporter are optional. The reporter is the only personal data: the
// replica never stores it, and the outbox drops it once the central accepted the operation
// (see withoutPersonalData()).
QJsonObject createPayload(const Report &report, const Reporter &reporter,
                          const QList<AttachedFile> &files);

// Reads the reporter of a Create payload, with the phone in E.164. Returns std::nullopt when
// the payload names nobody.
std::optional<Reporter> reporterOfCreate(const QJsonObject &payload);
QList<AttachedFile> filesOfCreate(const QJsonObject &payload);

// Returns the payload without the reporter's name and phone.
QJsonObject withoutPersonalData(const QJsonObject &payload);

// Applies a Create operation to `report`, which must be empty (no id): fills it from the
// payload as a new report with status new, no public code, version 1, and returns its received
// event. Rejects a report that exists already (InvalidValue) and a payload without title and
// description (MissingValue). Also rejects, as InvalidValue, an unknown channel or priority, a
// position outside the WGS84 range, a negative accuracy, text longer than the edit limits and a
// phone that is not a phone number. Only operators, supervisors and the system create reports.
// The deadline is the one the report's priority gets on the working calendar of `codes`.
OperationOutcome applyCreate(Report &report, const Operation &operation,
                             const ReferenceCodes &codes);

} // namespace CivicDesk
