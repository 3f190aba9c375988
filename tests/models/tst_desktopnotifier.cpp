#include "models/desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusError>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace CivicDesk;

namespace {

const QString serviceName = QStringLiteral("org.freedesktop.Notifications");
const QString objectPath = QStringLiteral("/org/freedesktop/Notifications");

// How long the test waits for the notifier's two D-Bus round trips on the private bus.
const int replyTimeoutMs = 10000;

// One Notify call as the service received it.
struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
};

} // namespace

// A notification service that records the notifications it receives, on a connection of its
// own, so that the notifier's calls go through the bus like calls to a real daemon.
class NotificationServer : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<NotifyCall> calls;
    bool rejectNotify = false;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        if (rejectNotify) {
            sendErrorReply(QDBusError::AccessDenied, QStringLiteral("notifications are off"));
            return 0;
        }
        calls.append({appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout});
        return uint(calls.size());
    }

    QStringList GetCapabilities() const
    {
        return {QStringLiteral("body"), QStringLiteral("body-markup")};
    }

    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) const
    {
        vendor = QStringLiteral("CivicDesk tests");
        version = QStringLiteral("1.0");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("civicdesk-test-notifications");
    }
};

// Desktop notifications of urgent reports through org.freedesktop.Notifications. Runs on a
// private session bus (tests/models/with-session-bus.sh), where the test itself owns the
// service name or leaves it without an owner.
class DesktopNotifierTest : public QObject
{
    Q_OBJECT

private:
    QDBusConnection m_serverBus{QStringLiteral("unset")};
    NotificationServer m_server;

    static UrgentReport urgentReport()
    {
        return UrgentReport{QStringLiteral("5f0c7f6e-3a41-4d52-9a51-0d3c2b1e7a10"),
                            QStringLiteral("HUE-251205-0007"),
                            QStringLiteral("Ngập sâu trên đường Lê Lợi"),
                            QDateTime(QDate(2025, 12, 5), QTime(1, 15), Qt::UTC), QDateTime()};
    }

    static DesktopNotifier::Outcome outcomeOf(const QSignalSpy &finished)
    {
        return finished.at(0).at(1).value<DesktopNotifier::Outcome>();
    }

    void registerService()
    {
        QVERIFY2(m_serverBus.registerService(serviceName),
                 qPrintable(m_serverBus.lastError().message()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("CIVICDESK_PRIVATE_SESSION_BUS"),
                 "run through tests/models/with-session-bus.sh, never on a desktop's own bus");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 qPrintable(QDBusConnection::sessionBus().lastError().message()));
        QVERIFY2(!QDBusConnection::sessionBus().interface()->isServiceRegistered(serviceName),
                 "another notification service owns the name on this bus");

        m_serverBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                    QStringLiteral("notification-server"));
        QVERIFY(m_serverBus.isConnected());
        QVERIFY(m_serverBus.registerObject(objectPath, &m_server, QDBusConnection::ExportAllSlots));
    }

    void init()
    {
        m_server.calls.clear();
        m_server.rejectNotify = false;
    }

    void cleanup() { m_serverBus.unregisterService(serviceName); }

    void sendsCriticalNotification()
    {
        registerService();
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);
        const UrgentReport report = urgentReport();

        notifier.notifyUrgentReport(report);

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, replyTimeoutMs);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::Sent);
        QCOMPARE(finished.at(0).at(0).toString(), report.id);
        QCOMPARE(finished.at(0).at(2).toUInt(), 1u);
        QCOMPARE(m_server.calls.size(), 1);
        const NotifyCall call = m_server.calls.at(0);
        QCOMPARE(call.appName, QStringLiteral("CivicDesk"));
        QCOMPARE(call.replacesId, 0u);
        QVERIFY2(call.summary.contains(report.publicCode), qPrintable(call.summary));
        QVERIFY2(call.body.contains(report.title), qPrintable(call.body));
        QVERIFY(call.actions.isEmpty());
        QCOMPARE(call.expireTimeout, -1);
    }

    void sendsHintsOfUrgentReport()
    {
        registerService();
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);

        notifier.notifyUrgentReport(urgentReport());

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, replyTimeoutMs);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::Sent);
        const QVariantMap hints = m_server.calls.at(0).hints;
        const QVariant urgency = hints.value(QStringLiteral("urgency"));
        // The specification types urgency as a byte.
        QCOMPARE(urgency.metaType(), QMetaType::fromType<uchar>());
        QCOMPARE(urgency.value<uchar>(), uchar(2));
        QCOMPARE(hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("civicdesk"));
        QCOMPARE(hints.value(QStringLiteral("category")).toString(),
                 QStringLiteral("x-civicdesk.urgent"));
        QCOMPARE(hints.size(), 3);
    }

    void sendsNoPersonalData()
    {
        registerService();
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);
        const UrgentReport report = urgentReport();

        notifier.notifyUrgentReport(report);

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, replyTimeoutMs);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::Sent);
        const NotifyCall call = m_server.calls.at(0);
        QStringList texts = {call.appName, call.appIcon, call.summary, call.body};
        for (const QVariant &hint : std::as_const(call.hints))
            texts.append(hint.toString());
        // Vietnamese phone numbers (0xxxxxxxxx or +84xxxxxxxxx), e-mail addresses, and the
        // internal report id, none of which a notification needs.
        const QRegularExpression phone(QStringLiteral("(\\+84|\\b0)\\d{9}\\b"));
        for (const QString &text : std::as_const(texts)) {
            QVERIFY2(!phone.match(text).hasMatch(), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1Char('@')), qPrintable(text));
            QVERIFY2(!text.contains(report.id), qPrintable(text));
        }
        // The body is the title and the time received, on two lines.
        const QStringList lines = call.body.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), report.title);
    }

    void escapesMarkupInTitle()
    {
        registerService();
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);
        UrgentReport report = urgentReport();
        report.title = QStringLiteral("Cống <b>tắc</b> & tràn");

        notifier.notifyUrgentReport(report);

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, replyTimeoutMs);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::Sent);
        const QString body = m_server.calls.at(0).body;
        QVERIFY2(body.startsWith(QStringLiteral("Cống &lt;b&gt;tắc&lt;/b&gt; &amp; tràn\n")),
                 qPrintable(body));
    }

    void eachReportGetsOwnNotification()
    {
        registerService();
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);
        UrgentReport second = urgentReport();
        second.id = QStringLiteral("0b7d1c55-8e0f-4a63-b3c4-6a2f9e1d2c33");
        second.publicCode = QStringLiteral("HUE-251205-0008");

        notifier.notifyUrgentReport(urgentReport());
        notifier.notifyUrgentReport(second);

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, replyTimeoutMs);
        QCOMPARE(m_server.calls.size(), 2);
        QCOMPARE(m_server.calls.at(0).replacesId, 0u);
        QCOMPARE(m_server.calls.at(1).replacesId, 0u);
        QVERIFY(m_server.calls.at(1).summary.contains(second.publicCode));
        QVERIFY(finished.at(0).at(2).toUInt() != finished.at(1).at(2).toUInt());
    }

    void noServiceSendsNothing()
    {
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);

        notifier.notifyUrgentReport(urgentReport());

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, replyTimeoutMs);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::NoService);
        QCOMPARE(finished.at(0).at(2).toUInt(), 0u);
        QVERIFY(m_server.calls.isEmpty());
    }

    void noSessionBusSendsNothing()
    {
        // A connection that was never opened, like a desktop without a session bus.
        DesktopNotifier notifier(QDBusConnection(QStringLiteral("civicdesk-test-no-bus")));
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);

        notifier.notifyUrgentReport(urgentReport());

        QCOMPARE(finished.count(), 1);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::NoSessionBus);
    }

    void serviceErrorReportsFailure()
    {
        registerService();
        m_server.rejectNotify = true;
        DesktopNotifier notifier;
        QSignalSpy finished(&notifier, &DesktopNotifier::finished);

        notifier.notifyUrgentReport(urgentReport());

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, replyTimeoutMs);
        QCOMPARE(outcomeOf(finished), DesktopNotifier::Outcome::Failed);
        QVERIFY(m_server.calls.isEmpty());
    }
};

QTEST_GUILESS_MAIN(DesktopNotifierTest)
#include "tst_desktopnotifier.moc"
