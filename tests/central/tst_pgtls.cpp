#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "models/signin.h"
#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace CivicDesk;

// TLS to a PostgreSQL central, set per connection in the URL: a private certificate authority
// made with openssl signs a server certificate for 127.0.0.1, which verify-full accepts, and
// one for another name, which verify-full refuses.
class PgTlsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::TestCluster m_cluster;

    bool openssl(const QStringList &arguments, QString *error)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStandardPaths::findExecutable(QStringLiteral("openssl")), arguments);
        // Waits for openssl to finish; key generation takes well under a second.
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.join(QLatin1Char(' ')),
                              QString::fromUtf8(process.readAllStandardError()));
            return false;
        }
        return true;
    }

    // Makes NAME.crt and NAME.key, signed by the test authority, with NAME as common name (the
    // user name of a client certificate) and the subject alternative name given
    // ("IP:127.0.0.1", "DNS:other.example").
    bool certificate(const QString &name, const QString &alternativeName, QString *error)
    {
        QFile extensions(m_dir.filePath(name + QStringLiteral(".ext")));
        if (!extensions.open(QIODevice::WriteOnly))
            return false;
        extensions.write("subjectAltName=" + alternativeName.toUtf8() + '\n');
        extensions.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                        QStringLiteral("-out"), name + QStringLiteral(".csr"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + name},
                       error) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                        QStringLiteral("ca.crt"), QStringLiteral("-CAkey"),
                        QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-out"),
                        name + QStringLiteral(".crt"), QStringLiteral("-extfile"),
                        name + QStringLiteral(".ext")},
                       error);
    }

    QString urlWith(const QString &mode) const
    {
        QUrl url(m_cluster.superuserUrl());
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("sslmode"), mode);
        query.addQueryItem(QStringLiteral("sslrootcert"), m_dir.filePath(QStringLiteral("ca.crt")));
        url.setQuery(query);
        return url.toString();
    }

    // Opens a connection and returns whether it runs over TLS; std::nullopt when it fails.
    std::optional<bool> connectsWithTls(const QString &url, QString *error)
    {
        const QString name = QStringLiteral("tls-check");
        std::optional<bool> tls;
        {
            if (openPostgres(url, name, error)) {
                const auto value = SqlStatement(QSqlDatabase::database(name),
                                                QStringLiteral("SELECT ssl FROM pg_stat_ssl "
                                                               "WHERE pid = pg_backend_pid()"))
                                       .scalar(error);
                if (value)
                    tls = value->toBool();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return tls;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(
            openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                     QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=CivicDesk test authority")},
                    &error),
            qPrintable(error));
        QVERIFY2(
            certificate(QStringLiteral("localhost-ip"), QStringLiteral("IP:127.0.0.1"), &error),
            qPrintable(error));
        QVERIFY2(certificate(QStringLiteral("other"), QStringLiteral("DNS:other.example"), &error),
                 qPrintable(error));
        for (const QString &client : {QStringLiteral("wall_display"), QStringLiteral("intruder")}) {
            QVERIFY2(certificate(client,
                                 QStringLiteral("DNS:") + client + QStringLiteral(".invalid"),
                                 &error),
                     qPrintable(error));
            // libpq refuses a key that others may read.
            QFile::setPermissions(m_dir.filePath(client + QStringLiteral(".key")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        QVERIFY2(m_cluster.create(&error), qPrintable(error));
    }

    void verifyFullConnects()
    {
        QString error;
        QVERIFY2(m_cluster.enableTls(m_dir.filePath(QStringLiteral("localhost-ip.crt")),
                                     m_dir.filePath(QStringLiteral("localhost-ip.key")), &error),
                 qPrintable(error));
        const auto tls = connectsWithTls(urlWith(QStringLiteral("verify-full")), &error);
        QVERIFY2(tls, qPrintable(error));
        QVERIFY(*tls);
        // The same setting reaches civicdeskctl.
        const Test::CtlRun init = Test::runCtl({QStringLiteral("init"), QStringLiteral("--central"),
                                                urlWith(QStringLiteral("verify-full"))});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        // With sslmode=disable the same server accepts a plain connection, and reports it.
        const auto plain = connectsWithTls(urlWith(QStringLiteral("disable")), &error);
        QVERIFY2(plain, qPrintable(error));
        QVERIFY(!*plain);
    }

    void verifyFullRejectsOtherName()
    {
        QString error;
        QVERIFY2(m_cluster.enableTls(m_dir.filePath(QStringLiteral("other.crt")),
                                     m_dir.filePath(QStringLiteral("other.key")), &error),
                 qPrintable(error));
        QVERIFY(!connectsWithTls(urlWith(QStringLiteral("verify-full")), &error));
        QVERIFY2(error.contains(QStringLiteral("other.example")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1")), qPrintable(error));
        // verify-ca checks the authority only, and require only encrypts.
        for (const QString &mode : {QStringLiteral("verify-ca"), QStringLiteral("require")}) {
            const auto tls = connectsWithTls(urlWith(mode), &error);
            QVERIFY2(tls, qPrintable(mode + QStringLiteral(": ") + error));
            QVERIFY(*tls);
        }
    }

    void clientCertificateSignsIn()
    {
        // The wall display's role may sign in with its certificate only, without a password.
        QString error;
        QVERIFY2(m_cluster.enableTls(m_dir.filePath(QStringLiteral("localhost-ip.crt")),
                                     m_dir.filePath(QStringLiteral("localhost-ip.key")), &error,
                                     m_dir.filePath(QStringLiteral("ca.crt"))),
                 qPrintable(error));
        QVERIFY2(m_cluster.addAuthenticationRule(
                     QStringLiteral("hostssl all wall_display 127.0.0.1/32 cert"), &error),
                 qPrintable(error));
        {
            const QString name = QStringLiteral("tls-admin");
            bool created = false;
            {
                // The central made earlier lets only its groups connect.
                created = openPostgres(m_cluster.superuserUrl(), name, &error) &&
                          execSql(QSqlDatabase::database(name),
                                  QStringLiteral("CREATE ROLE wall_display LOGIN"), &error) &&
                          execSql(QSqlDatabase::database(name),
                                  QStringLiteral("GRANT CONNECT ON DATABASE postgres TO "
                                                 "wall_display"),
                                  &error);
            }
            QSqlDatabase::removeDatabase(name);
            QVERIFY2(created, qPrintable(error));
        }
        const auto withCertificate = [this](const QString &name) {
            QUrl url(m_cluster.superuserUrl());
            url.setUserName(QStringLiteral("wall_display"));
            url.setPassword(QString());
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
            query.addQueryItem(QStringLiteral("sslrootcert"),
                               m_dir.filePath(QStringLiteral("ca.crt")));
            query.addQueryItem(QStringLiteral("sslcert"),
                               m_dir.filePath(name + QStringLiteral(".crt")));
            query.addQueryItem(QStringLiteral("sslkey"),
                               m_dir.filePath(name + QStringLiteral(".key")));
            url.setQuery(query);
            return url.toString();
        };

        const auto tls = connectsWithTls(withCertificate(QStringLiteral("wall_display")), &error);
        QVERIFY2(tls, qPrintable(error));
        QVERIFY(*tls);
        // A certificate of the same authority for another name does not open the role.
        QVERIFY(!connectsWithTls(withCertificate(QStringLiteral("intruder")), &error));
        QVERIFY2(error.contains(QStringLiteral("certificate authentication failed")),
                 qPrintable(error));

        // The sign-in goes ahead without asking anything.
        SignIn signIn(withCertificate(QStringLiteral("wall_display")), false);
        QSignalSpy finished(&signIn, &SignIn::finished);
        QSignalSpy asked(&signIn, &SignIn::inputNeeded);
        signIn.start();
        // Waits for the sign-in check, which runs on a thread of its own.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(asked.size(), 0);
        QCOMPARE(finished.first().at(3).toBool(), false); // not offline
    }

    void unknownSettingsNamed()
    {
        QString error;
        QUrl url(m_cluster.superuserUrl());
        url.setQuery(QStringLiteral("sslmode=strict"));
        QVERIFY(!connectsWithTls(url.toString(), &error));
        QVERIFY2(error.contains(QStringLiteral("invalid sslmode \"strict\"")), qPrintable(error));
        url.setQuery(QStringLiteral("sslmod=require"));
        QVERIFY(!connectsWithTls(url.toString(), &error));
        QVERIFY2(error.contains(QStringLiteral("unknown setting \"sslmod\"")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(PgTlsTest)
#include "tst_pgtls.moc"
