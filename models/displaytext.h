#pragma once

#include "core/codes.h"

#include <QDateTime>
#include <QString>

namespace CivicDesk {

// Translated names and times as the interface shows them.
QString statusName(Status status);
QString channelName(Channel channel);
QString priorityName(Priority priority);
QString eventKindName(EventKind kind);

// "12 min", "5 h", "3 d" for a duration in seconds.
QString durationText(qint64 seconds);
// "2 d left" or "3 h overdue".
QString timeLeftText(qint64 seconds);

// A time in the installation's zone as HH:mm dd/MM/yyyy.
QString displayTime(const QDateTime &time);

} // namespace CivicDesk
