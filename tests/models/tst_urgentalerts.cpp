#include "models/desktopnotifier.h"
#include "models/urgentalerts.h"

#include <memory>
#include <QDBusConnection>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSoundEffect>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// Which urgent reports get a desktop notification and when the chime plays, with the time moved
// by hand through the alerts' clock. The notifier has no bus, so each notification it is asked
// for ends at once with NoSessionBus, and the chime is counted instead of played.
class UrgentAlertsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QDateTime m_now;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::unique_ptr<UrgentAlerts> m_alerts;
    int m_chimes = 0;

    UrgentReport report(const QString &id, int receivedMinutesAgo) const
    {
        return UrgentReport{id, QStringLiteral("HUE-251205-%1").arg(id.right(4)),
                            QStringLiteral("Cây đổ chắn đường %1").arg(id),
                            m_now.addSecs(-60 * receivedMinutesAgo), QDateTime()};
    }

    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

    std::unique_ptr<UrgentAlerts> makeAlerts()
    {
        auto alerts = std::make_unique<UrgentAlerts>(m_notifier.get());
        alerts->setClock([this] { return m_now; });
        alerts->setChimePlayer([this] { ++m_chimes; });
        return alerts;
    }

    static QStringList notifiedIds(const QSignalSpy &spy)
    {
        QStringList ids;
        for (const QList<QVariant> &arguments : spy)
            ids.append(arguments.at(0).toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        m_alerts.reset();
        QSettings().clear();
        m_now = QDateTime(QDate(2025, 12, 5), QTime(8, 0), Qt::UTC);
        m_chimes = 0;
        // A connection that was never opened: no notification leaves the test.
        m_notifier = std::make_unique<DesktopNotifier>(
            QDBusConnection(QStringLiteral("civicdesk-test-no-bus")));
        m_alerts = makeAlerts();
    }

    void newReportsNotifiedOnceEach()
    {
        QSignalSpy notified(m_notifier.get(), &DesktopNotifier::finished);
        const UrgentReport a = report(QStringLiteral("report-0001"), 10);
        const UrgentReport b = report(QStringLiteral("report-0002"), 5);
        const UrgentReport c = report(QStringLiteral("report-0003"), 1);

        m_alerts->update({a, b});
        QCOMPARE(notifiedIds(notified), QStringList({a.id, b.id}));

        m_alerts->update({b, a});
        QCOMPARE(notified.count(), 2);

        m_alerts->update({a, b, c});
        QCOMPARE(notifiedIds(notified), QStringList({a.id, b.id, c.id}));
        QCOMPARE(notified.last().at(1).value<DesktopNotifier::Outcome>(),
                 DesktopNotifier::Outcome::NoSessionBus);
    }

    void reportThatReturnsNotifiedAgain()
    {
        QSignalSpy arrived(m_alerts.get(), &UrgentAlerts::reportArrived);
        const UrgentReport a = report(QStringLiteral("report-0001"), 10);
        const UrgentReport b = report(QStringLiteral("report-0002"), 5);

        m_alerts->update({a, b});
        // Someone claimed a, then the claim expired.
        m_alerts->update({b});
        m_alerts->update({a, b});

        QCOMPARE(notifiedIds(arrived), QStringList({a.id, b.id, a.id}));
    }

    // The central's reminders of a report still waiting reach the desktop once each.
    void reminderNotifiedAgain()
    {
        QSignalSpy notified(m_notifier.get(), &DesktopNotifier::finished);
        QSignalSpy reminded(m_alerts.get(), &UrgentAlerts::reportReminded);
        UrgentReport a = report(QStringLiteral("report-0001"), 25);
        const UrgentReport b = report(QStringLiteral("report-0002"), 5);

        m_alerts->update({a, b});
        QCOMPARE(notified.count(), 2);
        a.remindedAt = m_now.addSecs(-5 * 60);
        m_alerts->update({a, b});
        QCOMPARE(notifiedIds(notified), QStringList({a.id, b.id, a.id}));
        QCOMPARE(notifiedIds(reminded), QStringList({a.id}));

        // The same reminder read again is no news.
        m_alerts->update({a, b});
        QCOMPARE(notified.count(), 3);

        a.remindedAt = m_now;
        m_alerts->update({a, b});
        QCOMPARE(notifiedIds(notified), QStringList({a.id, b.id, a.id, a.id}));
        QCOMPARE(reminded.count(), 2);
    }

    void chimeNeverTwiceWithinInterval()
    {
        m_alerts->update({report(QStringLiteral("report-0001"), 0)});
        QCOMPARE(m_chimes, 1);

        // A second report 30 s later is notified, but the chime waits.
        advance(30);
        m_alerts->update(
            {report(QStringLiteral("report-0001"), 0), report(QStringLiteral("report-0002"), 0)});
        QCOMPARE(m_chimes, 1);

        advance(29);
        m_alerts->tick();
        QCOMPARE(m_chimes, 1);

        advance(1);
        m_alerts->tick();
        QCOMPARE(m_chimes, 2);

        m_alerts->tick();
        QCOMPARE(m_chimes, 2);
    }

    void chimeRepeatsWhileReportsWait()
    {
        m_alerts->update({report(QStringLiteral("report-0001"), 3)});
        for (int minute = 1; minute <= 5; ++minute) {
            advance(UrgentAlerts::chimeIntervalSeconds);
            m_alerts->tick();
            QCOMPARE(m_chimes, 1 + minute);
        }
    }

    void timerRepeatsChime()
    {
        m_alerts->update({report(QStringLiteral("report-0001"), 3)});
        QCOMPARE(m_chimes, 1);

        // 20 ms before the repeat, an update finds it not due and sets the timer for the rest.
        m_now = m_now.addMSecs(UrgentAlerts::chimeIntervalSeconds * 1000 - 20);
        m_alerts->update({report(QStringLiteral("report-0001"), 3)});
        QCOMPARE(m_chimes, 1);

        advance(1);
        QTRY_COMPARE_WITH_TIMEOUT(m_chimes, 2, 5000);
    }

    void noChimeOnceListEmpty()
    {
        m_alerts->update({report(QStringLiteral("report-0001"), 3)});
        QCOMPARE(m_chimes, 1);

        m_alerts->update({});
        advance(5 * UrgentAlerts::chimeIntervalSeconds);
        m_alerts->tick();
        QCOMPARE(m_chimes, 1);

        // A report that arrives long after the last chime chimes at once.
        m_alerts->update({report(QStringLiteral("report-0002"), 0)});
        QCOMPARE(m_chimes, 2);
    }

    void emptyListNeverChimes()
    {
        m_alerts->update({});
        m_alerts->tick();
        QCOMPARE(m_chimes, 0);
    }

    void muteSilencesChimeOnly()
    {
        QSignalSpy notified(m_notifier.get(), &DesktopNotifier::finished);
        QSignalSpy mutedChanged(m_alerts.get(), &UrgentAlerts::mutedChanged);
        m_alerts->setMuted(true);
        QCOMPARE(mutedChanged.count(), 1);

        m_alerts->update({report(QStringLiteral("report-0001"), 3)});
        advance(UrgentAlerts::chimeIntervalSeconds);
        m_alerts->tick();
        QCOMPARE(m_chimes, 0);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(m_alerts->count(), 1);

        // Unmuting while a report waits chimes at once.
        m_alerts->setMuted(false);
        QCOMPARE(m_chimes, 1);
        QCOMPARE(mutedChanged.count(), 2);
    }

    void muteKeptInSettings()
    {
        m_alerts->setMuted(true);
        const std::unique_ptr<UrgentAlerts> restarted = makeAlerts();
        QVERIFY(restarted->isMuted());

        restarted->update({report(QStringLiteral("report-0001"), 3)});
        QCOMPARE(m_chimes, 0);
    }

    void reportsListedLongestWaitingFirst()
    {
        QSignalSpy changed(m_alerts.get(), &UrgentAlerts::reportsChanged);
        const UrgentReport recent = report(QStringLiteral("report-0002"), 2);
        const UrgentReport old = report(QStringLiteral("report-0001"), 40);

        m_alerts->update({recent, old});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_alerts->count(), 2);

        const QVariantList reports = m_alerts->reports();
        QCOMPARE(reports.size(), 2);
        const QVariantMap first = reports.at(0).toMap();
        QCOMPARE(first.value(QStringLiteral("reportId")).toString(), old.id);
        QCOMPARE(first.value(QStringLiteral("code")).toString(), old.publicCode);
        QCOMPARE(first.value(QStringLiteral("title")).toString(), old.title);
        QCOMPARE(first.value(QStringLiteral("receivedAt")).toDateTime(), old.receivedAt);
        QVERIFY(!first.value(QStringLiteral("receivedText")).toString().isEmpty());
        QCOMPARE(reports.at(1).toMap().value(QStringLiteral("reportId")).toString(), recent.id);

        // The same reports in another order change nothing.
        m_alerts->update({old, recent});
        QCOMPARE(changed.count(), 1);

        m_alerts->update({});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(m_alerts->count(), 0);
    }

    void builtInChimeIsPcmWave()
    {
        QFile file(QLatin1Char(':') + UrgentAlerts::chimeSource().path());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray header = file.read(36);
        QCOMPARE(header.left(4), QByteArray("RIFF"));
        QCOMPARE(header.mid(8, 8), QByteArray("WAVEfmt "));
        // Format 1 (PCM), one channel, as make_chime.py writes it.
        QCOMPARE(header.at(20), char(1));
        QCOMPARE(header.at(22), char(1));
        QVERIFY(file.size() > 10000);
    }

    // Decoding needs no audio output, so this runs on machines without a sound card.
    void builtInChimeLoads()
    {
        QSoundEffect effect;
        effect.setSource(UrgentAlerts::chimeSource());
        QTRY_VERIFY_WITH_TIMEOUT(effect.status() != QSoundEffect::Loading, 10000);
        QCOMPARE(effect.status(), QSoundEffect::Ready);
    }
};

QTEST_GUILESS_MAIN(UrgentAlertsTest)
#include "tst_urgentalerts.moc"
