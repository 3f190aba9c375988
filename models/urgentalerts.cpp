#include "models/urgentalerts.h"

#include "models/alertslogging.h"
#include "models/desktopnotifier.h"
#include "models/displaytext.h"

#include <algorithm>
#include <QSet>
#include <QSettings>
#include <QSoundEffect>

namespace CivicDesk {
namespace {

const QString mutedKey = QStringLiteral("alerts/chimeMuted");

} // namespace

UrgentAlerts::UrgentAlerts(DesktopNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_playChime([this] { playBuiltInChime(); })
    , m_muted(QSettings().value(mutedKey, false).toBool())
{
    m_repeat.setSingleShot(true);
    connect(&m_repeat, &QTimer::timeout, this, &UrgentAlerts::tick);
}

void UrgentAlerts::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void UrgentAlerts::setChimePlayer(std::function<void()> play)
{
    m_playChime = std::move(play);
}

QUrl UrgentAlerts::chimeSource()
{
    return QUrl(QStringLiteral("qrc:/civicdesk/sounds/urgent_chime.wav"));
}

void UrgentAlerts::update(const QList<UrgentReport> &reports)
{
    QList<UrgentReport> sorted = reports;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.receivedAt < b.receivedAt; });

    QHash<QString, QDateTime> previous; // report id to its last reminder
    for (const UrgentReport &report : std::as_const(m_reports))
        previous.insert(report.id, report.remindedAt);
    QList<UrgentReport> arrived;
    QList<UrgentReport> reminded;
    for (const UrgentReport &report : std::as_const(sorted)) {
        const auto seen = previous.constFind(report.id);
        if (seen == previous.cend())
            arrived.append(report);
        else if (report.remindedAt.isValid() && report.remindedAt > *seen)
            reminded.append(report);
    }

    const bool changed = sorted != m_reports;
    m_reports = sorted;
    if (changed)
        Q_EMIT reportsChanged();

    for (const UrgentReport &report : std::as_const(arrived)) {
        qCDebug(lcAlerts) << "urgent report" << report.id << report.publicCode << "not claimed";
        if (m_notifier)
            m_notifier->notifyUrgentReport(report);
        Q_EMIT reportArrived(report.id);
    }
    // Each reminder from the central is a new desktop notification, so that a report still
    // unclaimed after ten minutes does not wait behind a notification already dismissed.
    for (const UrgentReport &report : std::as_const(reminded)) {
        qCInfo(lcAlerts) << "urgent report" << report.id << report.publicCode
                         << "still not claimed; reminded at" << report.remindedAt;
        if (m_notifier)
            m_notifier->notifyUrgentReport(report);
        Q_EMIT reportReminded(report.id);
    }

    chimeIfDue();
}

void UrgentAlerts::tick()
{
    chimeIfDue();
}

QVariantList UrgentAlerts::reports() const
{
    QVariantList list;
    for (const UrgentReport &report : m_reports) {
        list.append(QVariantMap{
            {QStringLiteral("reportId"), report.id},
            {QStringLiteral("code"), report.publicCode},
            {QStringLiteral("title"), report.title},
            {QStringLiteral("receivedAt"), report.receivedAt},
            {QStringLiteral("receivedText"), displayTime(report.receivedAt)},
        });
    }
    return list;
}

void UrgentAlerts::setMuted(bool muted)
{
    if (muted == m_muted)
        return;

    m_muted = muted;
    QSettings().setValue(mutedKey, muted);
    qCInfo(lcAlerts) << (muted ? "chime muted" : "chime unmuted");
    Q_EMIT mutedChanged();
    // Unmuting while reports wait plays the chime at once when it is due.
    chimeIfDue();
}

bool UrgentAlerts::chimeDue(const QDateTime &now) const
{
    if (m_reports.isEmpty() || m_muted)
        return false;

    return !m_lastChime.isValid() || m_lastChime.secsTo(now) >= chimeIntervalSeconds;
}

void UrgentAlerts::chimeIfDue()
{
    const QDateTime now = m_clock();
    if (chimeDue(now)) {
        m_lastChime = now;
        m_playChime();
        Q_EMIT chimed();
    }

    scheduleRepeat();
}

void UrgentAlerts::scheduleRepeat()
{
    if (m_reports.isEmpty() || m_muted) {
        m_repeat.stop();
        return;
    }

    // Until the next chime is due. A timer that fires early finds it not due and comes back.
    const QDateTime next = m_lastChime.addSecs(chimeIntervalSeconds);
    m_repeat.start(int(std::max<qint64>(0, m_clock().msecsTo(next))));
}

void UrgentAlerts::playBuiltInChime()
{
    if (!m_sound) {
        m_sound = new QSoundEffect(this);
        m_sound->setSource(chimeSource());
        connect(m_sound, &QSoundEffect::statusChanged, this, [this] {
            if (m_sound->status() == QSoundEffect::Error)
                qCWarning(lcAlerts) << "cannot play the chime" << chimeSource();
        });
    }
    m_sound->play();
}

} // namespace CivicDesk
