#pragma once

#include "core/codes.h"
#include "core/operation.h"
#include "core/reference.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace CivicDesk {

// Translated names and times as the interface shows them.
QString statusName(Status status);
QString channelName(Channel channel);
QString priorityName(Priority priority);
QString eventKindName(EventKind kind);
// The kind of user a signed-in role is: "Operator", "Wall display", ...
QString roleName(Role role);

// "12 min", "5 h", "3 d" for a duration in seconds.
QString durationText(qint64 seconds);
// "2 d left" or "3 h overdue".
QString timeLeftText(qint64 seconds);

// A time in the installation's zone as HH:mm dd/MM/yyyy.
QString displayTime(const QDateTime &time);

// Sets the installation's zone, as configured on the central (Asia/Ho_Chi_Minh until then).
// Called on the GUI thread, where times are formatted.
void setDisplayTimeZone(const QTimeZone &zone);

// A translated sentence telling the operator why the central refused an operation.
QString refusalText(Refusal refusal);

// Translated name of a field of a refused operation: a text field code, "status", "category",
// "priority" or "agency".
QString differenceFieldName(const QString &field);
// The value of such a field as the operator reads it: names for codes, the text itself for text.
QString differenceValueText(const QString &field, const QString &value,
                            const ReferenceData &reference, bool english);

} // namespace CivicDesk
