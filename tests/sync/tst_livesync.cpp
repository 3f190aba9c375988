#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "sync/syncengine.h"
#include "sync/verify.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace CivicDesk;

namespace {

const QString bloomington = QStringLiteral("open311/bloomington_requests.json");

IncomingReport newReport(const QString &sourceId, const QString &description)
{
    IncomingReport record;
    record.recordNumber = 1;
    Report &report = record.report;
    report.source = QStringLiteral("hotline-log");
    report.sourceId = sourceId;
    report.channel = Channel::Hotline;
    report.description = description;
    report.receivedAt = QDateTime::currentDateTimeUtc();
    report.status = Status::New;
    report.priority = Priority::Normal;
    return record;
}

// A writer of its own on the central, as another workstation or an integration would be.
class Writer
{
public:
    explicit Writer(const QString &url)
        : m_connection(QStringLiteral("test-writer"))
    {
        QString error;
        if (!m_connection.openPostgres(url, &error))
            qWarning() << "writer:" << error;
    }

    QSqlDatabase database() const { return m_connection.database(); }

    bool setDescription(const QString &id, const QString &text, QString *error)
    {
        SqlStatement update(database(),
                            QStringLiteral("UPDATE report SET description = :text, revision = "
                                           "nextval('report_revision_seq') WHERE id = :id"));
        return update.bind(QStringLiteral(":text"), text)
            .bind(QStringLiteral(":id"), id)
            .exec(error);
    }

private:
    SqlConnection m_connection;
};

// A transaction that changes one report, then stays open until its latch is released.
class HeldTransaction : public QThread
{
public:
    HeldTransaction(QString url, QString reportId, QString text)
        : m_url(std::move(url))
        , m_reportId(std::move(reportId))
        , m_text(std::move(text))
    {}

    QSemaphore holding; // released once the change is written and not yet committed
    QSemaphore latch;   // the test releases it to let the transaction commit
    QString error;

protected:
    void run() override
    {
        Writer writer(m_url);
        if (!writer.database().transaction()) {
            error = QStringLiteral("cannot begin");
            holding.release();
            return;
        }
        writer.setDescription(m_reportId, m_text, &error);
        holding.release();
        latch.acquire();
        if (!writer.database().commit())
            error = QStringLiteral("commit failed");
    }

private:
    QString m_url;
    QString m_reportId;
    QString m_text;
};

} // namespace

// Sync against PostgreSQL while the central changes: pushed changes, concurrent writers that
// commit out of order, and a server that stops and starts again.
class LiveSyncTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static std::optional<Report> replicaReport(const QString &path, const QString &id)
    {
        Replica replica(path);
        QString error;
        if (!replica.open(&error))
            return std::nullopt;
        return replica.report(id, &error);
    }

    static bool replicaMatches(const QString &path, Central &central)
    {
        Replica replica(path);
        QString error;
        if (!replica.open(&error))
            return false;
        const auto result = verifyReplica(replica, central, &error);
        if (result && !result->matches())
            qInfo() << "not yet in step:" << result->firstDifference.left(200);
        return result && result->matches();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CIVICDESK_TEST_PG"))
            QSKIP("CIVICDESK_TEST_PG is not set; scripts/test starts a PostgreSQL cluster and "
                  "sets it");
        qputenv("CIVICDESK_TEST_CENTRAL", "postgresql");
    }

    void pushReachesIdleClient()
    {
        auto central = Test::createCentral(m_dir, QStringLiteral("push"));
        QVERIFY(central);
        const QString replicaPath = m_dir.filePath(QStringLiteral("push-replica.sqlite"));
        SyncEngine engine(central->url(), replicaPath);
        QSignalSpy synced(&engine, &SyncEngine::synced);
        engine.start(3600 * 1000); // no polling within the test: only a notification can wake it
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000); // waits for the first sync pass

        // Over 8,000 bytes of Vietnamese, more than a notification payload may carry.
        QString description;
        while (description.toUtf8().size() <= 9000)
            description += QStringLiteral("Đường Lê Lợi ngập sâu sau mưa lớn, xe máy chết máy. ");
        QString error;
        const auto summary =
            central->importReports({newReport(QStringLiteral("long-1"), description)}, &error);
        QVERIFY2(summary && summary->imported == 1, qPrintable(error));

        // waits for the notification to make the idle client pull the new report
        QTRY_VERIFY_WITH_TIMEOUT(replicaMatches(replicaPath, *central), 20000);
        engine.stop();
    }

    void outOfOrderCommitsAllRead()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "seed" << seed;
        QRandomGenerator random(seed);

        auto central = Test::createCentral(m_dir, QStringLiteral("order"));
        QVERIFY(central);
        QVERIFY(Test::importFile(*central, Test::dataPath(bloomington)));
        QString error;
        const auto ids = central->reportIds(&error);
        QVERIFY2(ids && ids->size() == 21, qPrintable(error));

        const QString replicaPath = m_dir.filePath(QStringLiteral("order-replica.sqlite"));
        SyncEngine engine(central->url(), replicaPath);
        QSignalSpy synced(&engine, &SyncEngine::synced);
        engine.start(3600 * 1000);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 20000); // waits for the first sync pass

        // 20 rounds of 50 commits. In each round two transactions write first and stay open
        // while 48 later ones commit and the client reads them; they commit three rounds later.
        // Open transactions lock their rows, so they take the first ten reports in turn (at
        // most eight are open at once) and the other commits take the rest.
        const QStringList heldIds = ids->mid(0, 10);
        const QStringList otherIds = ids->mid(10);
        Writer writer(central->url());
        QList<HeldTransaction *> held;
        int commits = 0;
        int heldCount = 0;
        for (int round = 0; round < 20; ++round) {
            for (int i = 0; i < 2; ++i) {
                auto *transaction =
                    new HeldTransaction(central->url(), heldIds.at(heldCount++ % heldIds.size()),
                                        QStringLiteral("giữ lâu %1-%2").arg(round).arg(i));
                transaction->start();
                transaction->holding.acquire();
                QVERIFY2(transaction->error.isEmpty(), qPrintable(transaction->error));
                held.append(transaction);
            }
            QString last;
            QString lastId;
            for (int i = 0; i < 48; ++i) {
                lastId = otherIds.at(random.bounded(int(otherIds.size())));
                last = QStringLiteral("vòng %1 lần %2").arg(round).arg(i);
                QVERIFY2(writer.setDescription(lastId, last, &error), qPrintable(error));
            }
            // waits for the client to read past the transactions still open
            QTRY_COMPARE_WITH_TIMEOUT(
                replicaReport(replicaPath, lastId).value_or(Report{}).description, last, 20000);
            if (round >= 3) {
                for (int i = 0; i < 2; ++i) {
                    HeldTransaction *transaction = held.takeFirst();
                    transaction->latch.release();
                    QVERIFY(transaction->wait(20000)); // waits for the late commit
                    QVERIFY2(transaction->error.isEmpty(), qPrintable(transaction->error));
                    delete transaction;
                    commits += 1;
                }
            }
            commits += 48;
        }
        for (HeldTransaction *transaction : std::as_const(held)) {
            transaction->latch.release();
            QVERIFY(transaction->wait(20000)); // waits for the late commit
            QVERIFY2(transaction->error.isEmpty(), qPrintable(transaction->error));
            delete transaction;
            commits += 1;
        }
        QCOMPARE(commits, 1000);

        // waits for the client to read the late commits too
        QTRY_VERIFY_WITH_TIMEOUT(replicaMatches(replicaPath, *central), 30000);
        engine.stop();
        const Test::CtlRun verified =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"), central->url(),
                          QStringLiteral("--replica"), replicaPath});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    }

    void serverRestartReconnects()
    {
        Test::TestCluster cluster;
        QString error;
        QVERIFY2(cluster.create(&error), qPrintable(error));
        const QString url = cluster.createDatabase(&error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        QStringList reportIds;
        {
            auto central = Test::createCentralAt(url);
            QVERIFY(central);
            QVERIFY(Test::importFile(*central, Test::dataPath(bloomington)));
            reportIds = central->reportIds(&error).value_or(QStringList());
        }

        const QString alphaPath = m_dir.filePath(QStringLiteral("restart-alpha.sqlite"));
        const QString betaPath = m_dir.filePath(QStringLiteral("restart-beta.sqlite"));
        SyncEngine alpha(url, alphaPath);
        SyncEngine beta(url, betaPath);
        QSignalSpy alphaStatus(&alpha, &SyncEngine::statusChanged);
        QSignalSpy betaStatus(&beta, &SyncEngine::statusChanged);
        const auto lastStatus = [](const QSignalSpy &spy) {
            return spy.isEmpty() ? SyncStatus{} : spy.last().first().value<SyncStatus>();
        };
        alpha.start(2000);
        beta.start(2000);
        // waits for both clients to connect and sync
        QTRY_VERIFY_WITH_TIMEOUT(lastStatus(alphaStatus).online && lastStatus(betaStatus).online,
                                 20000);

        QVERIFY2(cluster.stop(&error), qPrintable(error));
        // waits for the probe or the next poll to notice the stopped server
        QTRY_VERIFY_WITH_TIMEOUT(!lastStatus(alphaStatus).online && !lastStatus(betaStatus).online,
                                 20000);
        QVERIFY(lastStatus(alphaStatus).offlineSince.isValid());

        // Both operators go on working while the server is down.
        for (int i = 0; i < 3; ++i) {
            alpha.submit(
                OperationKind::AddNote, reportIds.at(i),
                {{QStringLiteral("text"), QStringLiteral("Ghi chú ngoại tuyến %1").arg(i)}},
                QStringLiteral("lan"), Role::Operator);
            beta.submit(OperationKind::AddNote, reportIds.at(i + 3),
                        {{QStringLiteral("text"), QStringLiteral("Ghi chú của Minh %1").arg(i)}},
                        QStringLiteral("minh"), Role::Operator);
        }
        // waits for the queued operations to be counted
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(alphaStatus).pendingOperations, 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(lastStatus(betaStatus).pendingOperations, 3, 10000);

        QVERIFY2(cluster.start(&error), qPrintable(error));
        // waits for both clients to reconnect by themselves (back-off of at most 30 s) and send
        QTRY_VERIFY_WITH_TIMEOUT(
            lastStatus(alphaStatus).online && lastStatus(alphaStatus).pendingOperations == 0 &&
                lastStatus(betaStatus).online && lastStatus(betaStatus).pendingOperations == 0,
            90000);
        alpha.stop();
        beta.stop();

        auto central = Central::open(url, false, &error);
        QVERIFY2(central, qPrintable(error));
        // One sync pass each brings the other's notes; each note is on the central once.
        for (const QString &path : {alphaPath, betaPath}) {
            Replica replica(path);
            QVERIFY2(replica.open(&error), qPrintable(error));
            QVERIFY2(SyncSession(replica, *central).run(&error), qPrintable(error));
            QVERIFY(replicaMatches(path, *central));
        }
        QCOMPARE(Test::centralScalar(url, QStringLiteral("SELECT count(*) FROM applied_operation"))
                     .toInt(),
                 6);
        QCOMPARE(Test::centralScalar(url, QStringLiteral("SELECT count(*) FROM event WHERE kind = "
                                                         "'note'"))
                     .toInt(),
                 6);
    }
};

QTEST_GUILESS_MAIN(LiveSyncTest)
#include "tst_livesync.moc"
