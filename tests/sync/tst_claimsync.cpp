#include "core/timeutil.h"
#include "sync/syncengine.h"
#include "testsupport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <sys/socket.h>
#include <unistd.h>

using namespace CivicDesk;

namespace {

// A port on 127.0.0.1 that nothing listens on: one the system handed out and that was closed
// again at once.
int closedPort()
{
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(socket, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(socket, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(socket);
    return port;
}

// The arguments of one claimAnswered signal.
struct Answer
{
    QString reportId;
    bool granted = false;
    QString holder;
    QDateTime expiresAt;
    QString message;
    bool offline = false;
};

Answer answerAt(const QSignalSpy &spy, int index)
{
    const QList<QVariant> arguments = spy.at(index);
    return {arguments.at(0).toString(),   arguments.at(1).toBool(),   arguments.at(2).toString(),
            arguments.at(3).toDateTime(), arguments.at(4).toString(), arguments.at(5).toBool()};
}

} // namespace

// Claims through the sync engine: the request waits for the central's reply, and a granted
// claim reaches the replica before the next sync does.
class ClaimSyncTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Central> m_central;
    QString m_replicaPath;
    const ClaimActor m_lan{QStringLiteral("lan"), Role::Operator};

    // The holder the central records for m_lan: on PostgreSQL the signed-in role instead.
    QString expectedHolder() const
    {
        return Test::testingPostgres() ? QUrl(m_central->url()).userName() : m_lan.name;
    }

    QString firstNewReport()
    {
        QString error;
        const auto snapshots = m_central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New)
                return snapshot.report.id;
        }
        return QString();
    }

    QVariant replicaValue(const QString &sql, const QString &reportId)
    {
        return Test::centralScalar(m_replicaPath, sql, {{QStringLiteral("id"), reportId}});
    }

private Q_SLOTS:
    void init()
    {
        const QString name = QLatin1String(QTest::currentTestFunction());
        m_central = Test::createCentral(m_dir, name + QStringLiteral("-central.sqlite"));
        QVERIFY(m_central);
        QVERIFY(Test::importFile(
            *m_central, Test::dataPath(QStringLiteral("open311/bloomington_requests.json"))));
        m_replicaPath = m_dir.filePath(name + QStringLiteral("-replica.sqlite"));
    }

    void cleanup() { m_central.reset(); }

    void grantedClaimReachesReplica()
    {
        SyncEngine engine(m_central->url(), m_replicaPath);
        QSignalSpy synced(&engine, &SyncEngine::synced);
        QSignalSpy answers(&engine, &SyncEngine::claimAnswered);
        engine.start(60000);
        QTRY_VERIFY2_WITH_TIMEOUT(!synced.isEmpty(), "the first sync pass", 20000);

        const QString id = firstNewReport();
        engine.requestClaim(id, m_lan);
        QTRY_VERIFY2_WITH_TIMEOUT(!answers.isEmpty(), "the answer to the claim", 20000);
        const Answer answer = answerAt(answers, 0);
        QCOMPARE(answer.reportId, id);
        QVERIFY2(answer.granted, qPrintable(answer.message));
        QVERIFY(!answer.offline);
        QCOMPARE(answer.holder, expectedHolder());
        QVERIFY(answer.expiresAt.isValid());

        // Written before the reply was sent, whether or not a sync has run since.
        QCOMPARE(replicaValue(QStringLiteral("SELECT claim_holder FROM report WHERE id = :id"), id)
                     .toString(),
                 expectedHolder());
        QCOMPARE(fromStorageTime(
                     replicaValue(QStringLiteral("SELECT claim_expires_at FROM report WHERE id = "
                                                 ":id"),
                                  id)
                         .toString()),
                 answer.expiresAt);
        // The sync that follows brings the claim's event into the timeline.
        QTRY_VERIFY2_WITH_TIMEOUT(replicaValue(QStringLiteral("SELECT count(*) FROM event WHERE "
                                                              "report_id = :id AND kind = "
                                                              "'claimed'"),
                                               id)
                                          .toInt() == 1,
                                  "the claimed event in the replica", 20000);
        engine.stop();
    }

    void releaseClearsReplica()
    {
        SyncEngine engine(m_central->url(), m_replicaPath);
        QSignalSpy synced(&engine, &SyncEngine::synced);
        QSignalSpy answers(&engine, &SyncEngine::claimAnswered);
        engine.start(60000);
        QTRY_VERIFY2_WITH_TIMEOUT(!synced.isEmpty(), "the first sync pass", 20000);

        const QString id = firstNewReport();
        engine.requestClaim(id, m_lan);
        QTRY_VERIFY2_WITH_TIMEOUT(answers.size() == 1, "the answer to the claim", 20000);
        QVERIFY(answerAt(answers, 0).granted);
        engine.releaseClaim(id, m_lan, QString());
        QTRY_VERIFY2_WITH_TIMEOUT(answers.size() == 2, "the answer to the release", 20000);

        const Answer answer = answerAt(answers, 1);
        QCOMPARE(answer.reportId, id);
        QVERIFY2(answer.granted, qPrintable(answer.message));
        QVERIFY(answer.holder.isEmpty());
        QVERIFY(replicaValue(QStringLiteral("SELECT claim_holder FROM report WHERE id = :id"), id)
                    .isNull());
        engine.stop();
    }

    void claimNextNamesReport()
    {
        SyncEngine engine(m_central->url(), m_replicaPath);
        QSignalSpy synced(&engine, &SyncEngine::synced);
        QSignalSpy answers(&engine, &SyncEngine::claimAnswered);
        engine.start(60000);
        QTRY_VERIFY2_WITH_TIMEOUT(!synced.isEmpty(), "the first sync pass", 20000);

        engine.claimNext(ClaimCriteria(), m_lan);
        QTRY_VERIFY2_WITH_TIMEOUT(!answers.isEmpty(), "the answer to claim next", 20000);
        const Answer answer = answerAt(answers, 0);
        QVERIFY2(answer.granted, qPrintable(answer.message));
        QVERIFY(!answer.reportId.isEmpty());
        QCOMPARE(replicaValue(QStringLiteral("SELECT claim_holder FROM report WHERE id = :id"),
                              answer.reportId)
                     .toString(),
                 expectedHolder());
        engine.stop();
    }

    void unreachableCentralAnswersOffline()
    {
        const int port = closedPort();
        QVERIFY(port > 0);
        const QString url =
            QStringLiteral("postgresql://civicdesk@127.0.0.1:%1/civicdesk").arg(port);
        SyncEngine engine(url, m_replicaPath);
        QSignalSpy opened(&engine, &SyncEngine::replicaOpened);
        QSignalSpy answers(&engine, &SyncEngine::claimAnswered);
        engine.start(60000);
        QTRY_VERIFY2_WITH_TIMEOUT(!opened.isEmpty(), "the replica opened", 20000);

        engine.requestClaim(QStringLiteral("any-report"), m_lan);
        QTRY_VERIFY2_WITH_TIMEOUT(!answers.isEmpty(), "the answer to the claim", 20000);
        const Answer answer = answerAt(answers, 0);
        QCOMPARE(answer.reportId, QStringLiteral("any-report"));
        QVERIFY(!answer.granted);
        QVERIFY(answer.offline);
        QVERIFY(answer.holder.isEmpty());
        QVERIFY2(answer.message.contains(QStringLiteral("cannot be reached")),
                 qPrintable(answer.message));
        engine.stop();
    }
};

QTEST_GUILESS_MAIN(ClaimSyncTest)
#include "tst_claimsync.moc"
