#include "central/pgschema.h"
#include "db/sqlquery.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace CivicDesk;

namespace {

// A report row with only the required columns, as an older client or a script would write it.
const QString insertBareReport =
    QStringLiteral("INSERT INTO report (id, channel, priority, status, received_at, version, "
                   "revision) VALUES ('r1', 'hotline', 'normal', 'new', now(), 1, 1)");

} // namespace

// The PostgreSQL schema, applied by civicdeskctl central migrate on the private cluster that
// scripts/test starts (its URL is in CIVICDESK_TEST_PG).
class PgMigrateTest : public QObject
{
    Q_OBJECT

private:
    QString m_adminUrl;
    QString m_url; // a database of this test function's own
    QString m_database;

    bool adminExec(const QString &sql)
    {
        bool ok = false;
        {
            QString error;
            if (openPostgres(m_adminUrl, QStringLiteral("admin"), &error))
                ok = execSql(QSqlDatabase::database(QStringLiteral("admin")), sql, &error);
            if (!ok)
                qWarning() << error;
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return ok;
    }

    QVariant scalar(const QString &sql) { return Test::centralScalar(m_url, sql); }

private Q_SLOTS:
    void initTestCase()
    {
        m_adminUrl = qEnvironmentVariable("CIVICDESK_TEST_PG");
        if (m_adminUrl.isEmpty())
            QSKIP("CIVICDESK_TEST_PG is not set; scripts/test starts a PostgreSQL cluster and sets "
                  "it");
    }

    void init()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        m_database = QStringLiteral("civicdesk_%1").arg(seed);
        qInfo() << "database" << m_database;
        QVERIFY(adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_database)));
        QUrl url(m_adminUrl);
        url.setPath(QLatin1Char('/') + m_database);
        m_url = url.toString();
    }

    void cleanup()
    {
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
    }

    void migrateAppliesOnce()
    {
        const QStringList migrate{QStringLiteral("central"), QStringLiteral("migrate"),
                                  QStringLiteral("--central"), m_url};
        Test::CtlRun run = Test::runCtl(migrate);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("applied schema version(s) 1, 2, 3, 4, 5")),
                 qPrintable(run.out));
        run = Test::runCtl(migrate);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("nothing to apply")), qPrintable(run.out));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_migration")).toInt(),
                 latestPostgresSchemaVersion());
        QCOMPARE(scalar(QStringLiteral("SELECT to_regclass('report') IS NOT NULL")).toBool(), true);
        QCOMPARE(scalar(QStringLiteral("SELECT length(value) FROM meta WHERE key = 'central_id'"))
                     .toInt(),
                 36);
    }

    void concurrentMigrationsApplyOnce()
    {
        QList<int> appliedA;
        QList<int> appliedB;
        QString errorA;
        QString errorB;
        const auto migrate = [this](const QString &name, QList<int> *applied, QString *error) {
            {
                if (openPostgres(m_url, name, error))
                    migratePostgres(QSqlDatabase::database(name), applied, error);
            }
            QSqlDatabase::removeDatabase(name);
        };
        QThread *a = QThread::create(migrate, QStringLiteral("a"), &appliedA, &errorA);
        QThread *b = QThread::create(migrate, QStringLiteral("b"), &appliedB, &errorB);
        a->start();
        b->start();
        QVERIFY(a->wait(60000)); // waits for the first migration to finish
        QVERIFY(b->wait(60000)); // waits for the second migration to finish
        delete a;
        delete b;
        QVERIFY2(errorA.isEmpty(), qPrintable(errorA));
        QVERIFY2(errorB.isEmpty(), qPrintable(errorB));
        QCOMPARE(appliedA.size() + appliedB.size(), latestPostgresSchemaVersion());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM schema_migration")).toInt(),
                 latestPostgresSchemaVersion());
    }

    void olderSchemaNeedsMigrate()
    {
        // A database left at schema version 1, holding a report written then.
        {
            QString error;
            QVERIFY(openPostgres(m_url, QStringLiteral("old"), &error));
            const QSqlDatabase db = QSqlDatabase::database(QStringLiteral("old"));
            QFile first(QStringLiteral(":/civicdesk/central/postgresql/0001_initial.sql"));
            QVERIFY(first.open(QIODevice::ReadOnly));
            QVERIFY2(
                execScript(db,
                           QStringLiteral("CREATE TABLE schema_migration (version integer "
                                          "PRIMARY KEY, applied_at timestamptz NOT NULL);\n"
                                          "INSERT INTO schema_migration VALUES (1, now());\n") +
                               QString::fromUtf8(first.readAll()),
                           &error),
                qPrintable(error));
            QVERIFY2(execSql(db, insertBareReport, &error), qPrintable(error));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        QString error;
        QVERIFY(!Central::open(m_url, false, &error));
        QVERIFY2(error.contains(QStringLiteral("schema version 1")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("central migrate")), qPrintable(error));

        const Test::CtlRun run = Test::runCtl({QStringLiteral("central"), QStringLiteral("migrate"),
                                               QStringLiteral("--central"), m_url});
        QVERIFY2(run.out.contains(QStringLiteral("applied schema version(s) 2, 3, 4, 5")),
                 qPrintable(run.out + run.err));
        auto central = Central::open(m_url, false, &error);
        QVERIFY2(central, qPrintable(error));
        const auto changes = central->changesSince({}, 100, &error);
        QVERIFY2(changes, qPrintable(error));
        QCOMPARE(changes->reports.size(), 1);
        QCOMPARE(changes->reports.first().report.id, QStringLiteral("r1"));
    }

    void newerSchemaRefused()
    {
        const QStringList migrate{QStringLiteral("central"), QStringLiteral("migrate"),
                                  QStringLiteral("--central"), m_url};
        QCOMPARE(Test::runCtl(migrate).exitCode, 0);
        QVERIFY(adminExec(QStringLiteral("SELECT 1"))); // the cluster still accepts connections
        {
            QString error;
            QVERIFY(openPostgres(m_url, QStringLiteral("future"), &error));
            QVERIFY(execSql(QSqlDatabase::database(QStringLiteral("future")),
                            QStringLiteral("INSERT INTO schema_migration VALUES (99, now())"),
                            &error));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        const Test::CtlRun run = Test::runCtl(migrate);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("schema version 99")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("update CivicDesk")), qPrintable(run.err));
    }

    void eventsAppendOnly()
    {
        QCOMPARE(Test::runCtl({QStringLiteral("central"), QStringLiteral("migrate"),
                               QStringLiteral("--central"), m_url})
                     .exitCode,
                 0);
        {
            QString error;
            QVERIFY(openPostgres(m_url, QStringLiteral("events"), &error));
            const QSqlDatabase db = QSqlDatabase::database(QStringLiteral("events"));
            QVERIFY2(execSql(db, insertBareReport, &error), qPrintable(error));
            QVERIFY2(execSql(db,
                             QStringLiteral("INSERT INTO event (id, report_id, kind, at) VALUES "
                                            "('e1', 'r1', 'note', now())"),
                             &error),
                     qPrintable(error));
            QVERIFY(!execSql(db, QStringLiteral("UPDATE event SET kind = 'rated' WHERE id = 'e1'"),
                             &error));
            QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
            QVERIFY(!execSql(db, QStringLiteral("DELETE FROM event WHERE id = 'e1'"), &error));
            QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("events"));
    }

    void passwordNeverPrinted()
    {
        QUrl url(m_url);
        url.setUserName(QStringLiteral("nobody"));
        url.setPassword(QStringLiteral("s3cr3t-word"));
        const Test::CtlRun run = Test::runCtl({QStringLiteral("central"), QStringLiteral("migrate"),
                                               QStringLiteral("--central"), url.toString()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.err.contains(QStringLiteral("s3cr3t-word")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("***")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(PgMigrateTest)
#include "tst_pgmigrate.moc"
