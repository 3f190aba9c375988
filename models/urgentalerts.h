#pragma once

#include "models/urgentreport.h"

#include <functional>
#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

class QSoundEffect;

namespace CivicDesk {

class DesktopNotifier;

// Alerts for unclaimed urgent reports: the list for a banner, one desktop notification for each
// report that appears, and a chime that plays when one appears and repeats while any waits,
// never twice within chimeIntervalSeconds. The workstation feeds it through update(). The time
// comes from an injectable clock, so that tests move time by hand.
class UrgentAlerts : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("UrgentAlerts belongs to the workstation")

    // Unclaimed urgent reports, longest waiting first: maps with reportId, code, title,
    // receivedAt (a date) and receivedText ("HH:mm dd/MM/yyyy" in the installation's zone).
    Q_PROPERTY(QVariantList reports READ reports NOTIFY reportsChanged)
    Q_PROPERTY(int count READ count NOTIFY reportsChanged)
    // Whether the chime is silenced. Desktop notifications and the banner go on. Kept in the
    // settings under "alerts/chimeMuted".
    Q_PROPERTY(bool muted READ isMuted WRITE setMuted NOTIFY mutedChanged)

public:
    using Clock = std::function<QDateTime()>;

    // Minimum time between two chimes.
    static constexpr qint64 chimeIntervalSeconds = 60;

    // Sends desktop notifications through `notifier`, which may be null for none and must
    // outlive this object.
    explicit UrgentAlerts(DesktopNotifier *notifier, QObject *parent = nullptr);

    // Replaces the clock, which returns the current time (UTC by default).
    void setClock(Clock clock);
    // Replaces what plays the chime, which is a QSoundEffect with the built-in chime unless set.
    void setChimePlayer(std::function<void()> play);

    // Replaces the list of unclaimed urgent reports. Notifies each report that was not in the
    // previous list, and again each one the central reminded of since, and plays the chime if
    // it is due.
    void update(const QList<UrgentReport> &reports);
    // Plays the chime if it is due. A timer calls it while reports wait.
    void tick();

    QVariantList reports() const;
    int count() const { return int(m_reports.size()); }
    bool isMuted() const { return m_muted; }
    void setMuted(bool muted);

    // Source of the built-in chime.
    static QUrl chimeSource();

Q_SIGNALS:
    void reportsChanged();
    void mutedChanged();
    // One for each report that was not in the previous update, longest waiting first.
    void reportArrived(const QString &reportId);
    // One for each listed report with a newer reminder from the central than before.
    void reportReminded(const QString &reportId);
    // The chime was played.
    void chimed();

private:
    bool chimeDue(const QDateTime &now) const;
    void chimeIfDue();
    void scheduleRepeat();
    void playBuiltInChime();

    DesktopNotifier *m_notifier = nullptr;
    Clock m_clock;
    std::function<void()> m_playChime;
    QSoundEffect *m_sound = nullptr; // made at the first chime, so that tests need no audio
    QList<UrgentReport> m_reports;
    QDateTime m_lastChime; // invalid until the first chime
    bool m_muted = false;
    QTimer m_repeat;
};

} // namespace CivicDesk
