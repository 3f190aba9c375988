#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace CivicDesk {

// An unclaimed urgent report, as the alerts show it. It carries no personal
// data: the alerts leave the workstation in desktop notifications.
struct UrgentReport
{
    QString id;         // report UUID
    QString publicCode; // HUE-YYMMDD-NNNN, empty until the report's first sync
    QString title;
    QDateTime receivedAt;
    // The central's last reminder that the report still waits (civicdeskctl maintenance records
    // one every urgentReminderMinutes); invalid before the first.
    QDateTime remindedAt;

    bool operator==(const UrgentReport &) const = default;
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(CivicDesk::UrgentReport)
Q_DECLARE_METATYPE(QList<CivicDesk::UrgentReport>)
