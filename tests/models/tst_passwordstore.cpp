#include "models/passwordstore.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace CivicDesk;

// The keychain through PasswordStore. CTest runs it twice: inside with-keyring.sh, against a
// GNOME keyring of its own, and with CIVICDESK_TEST_KEYRING=absent and no D-Bus session, where
// every call must end as Unavailable with a reason instead of hanging or writing a file.
class PasswordStoreTest : public QObject
{
    Q_OBJECT

private:
    static bool keyringAbsent()
    {
        return qEnvironmentVariable("CIVICDESK_TEST_KEYRING") == QLatin1String("absent");
    }

    // Waits for the store's one finished() signal and returns its arguments.
    static QList<QVariant> waitForResult(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(20000))
            return {};
        return spy.takeFirst();
    }

    static PasswordStore::Result resultOf(const QList<QVariant> &arguments)
    {
        return arguments.value(1).value<PasswordStore::Result>();
    }

private Q_SLOTS:
    void keyNamesUserAndServer()
    {
        QCOMPARE(PasswordStore::keyFor(QStringLiteral("postgresql://lan:x@db.example:6543/hue")),
                 QStringLiteral("lan@db.example:6543/hue"));
        QCOMPARE(PasswordStore::keyFor(QStringLiteral("postgresql://minh@db.example/hue")),
                 QStringLiteral("minh@db.example:5432/hue"));
    }

    void storeReadAndDelete()
    {
        if (keyringAbsent())
            QSKIP("runs inside with-keyring.sh");
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "password seed" << seed;
        const QString key = QStringLiteral("lan@127.0.0.1:5432/civicdesk_%1").arg(seed);
        const QString password = QStringLiteral("mật khẩu %1").arg(seed);
        PasswordStore store;
        QSignalSpy finished(&store, &PasswordStore::finished);

        store.read(key);
        QList<QVariant> result = waitForResult(finished);
        QVERIFY2(!result.isEmpty(), "the keychain did not answer the first read");
        QCOMPARE(resultOf(result), PasswordStore::Result::NotFound);

        store.write(key, password);
        result = waitForResult(finished);
        QVERIFY2(resultOf(result) == PasswordStore::Result::Ok,
                 qPrintable(result.value(3).toString()));

        store.read(key);
        result = waitForResult(finished);
        QCOMPARE(resultOf(result), PasswordStore::Result::Ok);
        QCOMPARE(result.value(0).toString(), key);
        QCOMPARE(result.value(2).toString(), password);

        store.remove(key);
        result = waitForResult(finished);
        QCOMPARE(resultOf(result), PasswordStore::Result::Ok);
        store.read(key);
        result = waitForResult(finished);
        QCOMPARE(resultOf(result), PasswordStore::Result::NotFound);
    }

    void absentKeychainIsUnavailable()
    {
        if (!keyringAbsent())
            QSKIP("runs with CIVICDESK_TEST_KEYRING=absent");
        PasswordStore store;
        QSignalSpy finished(&store, &PasswordStore::finished);
        store.write(QStringLiteral("lan@127.0.0.1:5432/civicdesk"), QStringLiteral("secret-1"));
        QList<QVariant> result = waitForResult(finished);
        QVERIFY2(!result.isEmpty(), "the store did not answer the write");
        QCOMPARE(resultOf(result), PasswordStore::Result::Unavailable);
        QVERIFY(!result.value(3).toString().isEmpty());

        store.read(QStringLiteral("lan@127.0.0.1:5432/civicdesk"));
        result = waitForResult(finished);
        QCOMPARE(resultOf(result), PasswordStore::Result::Unavailable);
        QVERIFY(result.value(2).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(PasswordStoreTest)
#include "tst_passwordstore.moc"
