#include "central/pgusers.h"
#include "db/sqlconnection.h"
#include "models/signin.h"
#include "models/workstation.h"
#include "testsupport.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

using namespace CivicDesk;

// The sign-in window against a PostgreSQL central on a server of the test's own that checks
// passwords: a wrong password keeps the window open with the server's reason, the right one
// opens the operator's window, whose status bar names the user and the role.
class SignInTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::TestCluster m_cluster;
    QString m_url; // the central's URL with the user's name and no password
    QString m_user;
    QString m_password;

    static QQuickItem *findItem(QQuickWindow *window, const char *name)
    {
        return window->findChild<QQuickItem *>(QLatin1String(name));
    }

    static void typeText(QQuickWindow *window, const QString &text)
    {
        for (const QChar ch : text) {
            QTest::sendKeyEvent(QTest::Press, window, Qt::Key_unknown, QString(ch), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, window, Qt::Key_unknown, QString(ch),
                                Qt::NoModifier);
        }
    }

    static void click(QQuickWindow *window, QQuickItem *item)
    {
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Without a Secret Service, the window must explain that the password is not kept.
        qputenv("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + QFile::encodeName(m_dir.filePath(QStringLiteral("no-bus"))));
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CivicDeskTest"));

        m_cluster.setSuperuserPassword(QStringLiteral("superuser-secret"));
        QString error;
        QVERIFY2(m_cluster.create(&error), qPrintable(error));
        const QString adminUrl = m_cluster.createDatabase(&error);
        QVERIFY2(!adminUrl.isEmpty(), qPrintable(error));
        QVERIFY(Test::createCentralAt(adminUrl));

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "password seed" << seed;
        m_user = QStringLiteral("lan");
        m_password = QStringLiteral("right-%1").arg(seed);
        const QString connection = QStringLiteral("add-user");
        {
            QVERIFY2(openPostgres(adminUrl, connection, &error), qPrintable(error));
            QVERIFY2(addPostgresUser(QSqlDatabase::database(connection),
                                     {m_user, Role::Operator, QString(), m_password}, &error),
                     qPrintable(error));
        }
        QSqlDatabase::removeDatabase(connection);
        QUrl url(adminUrl);
        url.setUserName(m_user);
        url.setPassword(QString());
        m_url = url.toString();
    }

    void wrongThenRightPassword()
    {
        SignIn signIn(m_url, false);
        SignIn::setInstance(&signIn);
        QSignalSpy needed(&signIn, &SignIn::inputNeeded);
        QSignalSpy finished(&signIn, &SignIn::finished);
        signIn.start();
        QVERIFY2(needed.wait(20000), "the sign-in window was not requested");

        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/SignInWindow.qml")));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));

        QQuickItem *user = findItem(window, "userField");
        QQuickItem *password = findItem(window, "passwordField");
        QQuickItem *button = findItem(window, "signInButton");
        QQuickItem *message = findItem(window, "signInMessage");
        QQuickItem *note = findItem(window, "keychainNote");
        QVERIFY(user && password && button && message && note);
        QCOMPARE(user->property("text").toString(), m_user); // pre-filled from the URL
        QVERIFY(note->isVisible());
        QVERIFY(note->property("text").toString().contains(QStringLiteral("keychain")));

        click(window, password);
        typeText(window, QStringLiteral("not-the-password"));
        click(window, button);
        QTRY_VERIFY2_WITH_TIMEOUT(message->property("text").toString().contains(
                                      QStringLiteral("password authentication failed")),
                                  qPrintable(message->property("text").toString()), 20000);
        QVERIFY(message->isVisible());
        QVERIFY(window->isVisible());
        QCOMPARE(finished.count(), 0);

        password->setProperty("text", QString());
        click(window, password);
        typeText(window, m_password);
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY2(finished.wait(20000), qPrintable(message->property("text").toString()));
        const QList<QVariant> result = finished.first();
        QCOMPARE(result.at(1).toString(), m_user);
        QCOMPARE(result.at(2).toString(), QStringLiteral("operator"));
        QCOMPARE(result.at(3).toBool(), false);
        QCOMPARE(QUrl(result.at(0).toString()).password(), m_password);

        // The operator's window then opens on the signed-in URL.
        Workstation workstation(result.at(0).toString(),
                                m_dir.filePath(QStringLiteral("replica.db")), m_dir.path(), m_user);
        workstation.setSignedInRole(result.at(2).toString());
        Workstation::setInstance(&workstation);
        QQmlApplicationEngine mainEngine;
        mainEngine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        mainEngine.load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/Main.qml")));
        QVERIFY(!mainEngine.rootObjects().isEmpty());
        auto *main = qobject_cast<QQuickWindow *>(mainEngine.rootObjects().first());
        QVERIFY(main);
        workstation.start(300);
        QVERIFY(QTest::qWaitForWindowExposed(main));
        QTRY_VERIFY_WITH_TIMEOUT(workstation.online(), 30000);
        QQuickItem *status = findItem(main, "signedInUser");
        QVERIFY(status);
        const QString text = status->property("text").toString();
        QVERIFY2(text.contains(m_user), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Operator")), qPrintable(text));
        workstation.stop();
    }

    void unreachableServerOffersOffline()
    {
        QUrl url(m_url);
        url.setPort(1); // nothing listens on port 1 of the loopback address
        SignIn signIn(url.toString(), true);
        SignIn::setInstance(&signIn);
        QSignalSpy needed(&signIn, &SignIn::inputNeeded);
        QSignalSpy finished(&signIn, &SignIn::finished);
        signIn.start();
        QVERIFY2(needed.wait(20000), "the sign-in window was not requested");
        signIn.submit(m_user, m_password);
        QTRY_VERIFY_WITH_TIMEOUT(!signIn.busy() && !signIn.message().isEmpty(), 30000);
        QVERIFY2(signIn.message().contains(QStringLiteral("cannot be reached")),
                 qPrintable(signIn.message()));
        QVERIFY(signIn.canWorkOffline());
        signIn.workOffline();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(3).toBool(), true);
        QCOMPARE(finished.first().at(1).toString(), m_user);
    }
};

QTEST_MAIN(SignInTest)
#include "tst_signin.moc"
