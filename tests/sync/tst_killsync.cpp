#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// civicdeskctl sync killed at random moments while two workstations keep working: after a
// restart nothing is lost, nothing is applied twice, and the replica is intact.
class KillSyncTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomKillsLoseNothing()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo() << "seed" << seed;
        QRandomGenerator random(seed);

        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        QVERIFY(central);
        QVERIFY(Test::importFile(
            *central, Test::dataPath(QStringLiteral("open311/bloomington_requests.json"))));
        QString error;
        const QStringList ids = central->reportIds(&error).value_or(QStringList());
        QCOMPARE(ids.size(), 21);

        const QString replicaPath = dir.filePath(QStringLiteral("replica.sqlite"));
        const QStringList sync{QStringLiteral("sync"), QStringLiteral("--central"), central->url(),
                               QStringLiteral("--replica"), replicaPath, QStringLiteral("--once"),
                               // Pages of two reports, committed ten at a time: kills land
                               // inside transactions that span several pages too.
                               QStringLiteral("--page-size"), QStringLiteral("2")};
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(Test::runCtl(sync).exitCode, 0);
        // Kill delays spread over the length of a whole run, process start included. A run
        // that ends before its delay updates the length, since later runs move less data.
        int runMs = std::max(20, int(clock.elapsed()));
        qInfo() << "a first sync run takes" << runMs << "ms";

        int notesHere = 0;
        int notesThere = 0;
        int classified = 0;
        int killed = 0;
        int crashedAfterStep = 0;
        const QStringList steps{QStringLiteral("send"), QStringLiteral("apply"),
                                QStringLiteral("ack")};
        // Rounds go on until at least 50 runs were killed; the ceiling names what it waited for.
        constexpr int minimumKills = 50;
        constexpr int maximumRounds = 400;
        int round = 0;
        for (; round < 80 || killed < minimumKills; ++round) {
            QVERIFY2(round < maximumRounds,
                     qPrintable(QStringLiteral("only %1 of %2 sync runs were killed in %3 rounds")
                                    .arg(killed)
                                    .arg(minimumKills)
                                    .arg(round)));
            // This workstation queues notes and classifies some new reports.
            {
                Replica replica(replicaPath);
                QVERIFY2(replica.open(&error), qPrintable(error));
                for (int i = 0; i < 4; ++i) {
                    const QString id = ids.at(random.bounded(int(ids.size())));
                    const auto report = replica.report(id, &error);
                    QVERIFY2(report, qPrintable(error));
                    if (report->status == Status::New) {
                        QVERIFY2(replica.submit(OperationKind::Classify, id,
                                                Test::classifyPayload(), QStringLiteral("lan"),
                                                Role::Operator, &error),
                                 qPrintable(error));
                        classified += 1;
                    } else {
                        QVERIFY2(
                            replica.submit(OperationKind::AddNote, id,
                                           {{QStringLiteral("text"),
                                             QStringLiteral("Ghi chú %1-%2").arg(round).arg(i)}},
                                           QStringLiteral("lan"), Role::Operator, &error),
                            qPrintable(error));
                        notesHere += 1;
                    }
                }
            }
            // A colleague adds notes on the central, so that the feed has work too.
            for (int i = 0; i < 2; ++i) {
                const QString id = ids.at(random.bounded(int(ids.size())));
                const auto snapshots = central->snapshotsOf({id}, &error);
                QVERIFY2(snapshots && snapshots->size() == 1, qPrintable(error));
                const auto decided = central->submit(
                    {Test::makeOperation(OperationKind::AddNote, snapshots->first().report,
                                         {{QStringLiteral("text"), QStringLiteral("Đã gọi lại")}},
                                         QStringLiteral("minh"))},
                    &error);
                QVERIFY2(decided && decided->first().accepted(), qPrintable(error));
                notesThere += 1;
            }

            if (round % 10 == 9) {
                const QString step = steps.at(random.bounded(int(steps.size())));
                const Test::CtlRun run =
                    Test::runCtl(sync + QStringList{QStringLiteral("--fail-after"), step});
                QVERIFY2(run.exitCode == 70 || run.exitCode == 0, qPrintable(run.err));
                crashedAfterStep += 1;
                continue;
            }

            QProcess process;
            process.setProgram(
                QDir(QStringLiteral(CIVICDESK_BIN_DIR)).filePath(QStringLiteral("civicdeskctl")));
            process.setArguments(sync);
            QElapsedTimer runClock;
            runClock.start();
            process.start();
            QVERIFY(process.waitForStarted(10000)); // waits for civicdeskctl to start
            const int delayMs = random.bounded(runMs);
            // Waits at most the random delay; a run still going then is killed.
            if (!process.waitForFinished(delayMs)) {
                process.kill();
                QVERIFY(process.waitForFinished(10000)); // waits for the killed process to end
                killed += 1;
            } else {
                QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
                runMs = std::max(20, int(runClock.elapsed()));
            }
        }
        qInfo() << round << "rounds, killed" << killed << "times, stopped after a step"
                << crashedAfterStep << "times," << notesHere << "notes and" << classified
                << "classifications here," << notesThere << "notes by a colleague";

        const Test::CtlRun finalRun = Test::runCtl(sync);
        QVERIFY2(finalRun.exitCode == 0, qPrintable(finalRun.err));

        QCOMPARE(
            Test::centralScalar(replicaPath, QStringLiteral("PRAGMA integrity_check")).toString(),
            QStringLiteral("ok"));
        QCOMPARE(
            Test::centralScalar(replicaPath, QStringLiteral("SELECT count(*) FROM outbox")).toInt(),
            0);
        // Every operation decided once, and each left exactly one event.
        QCOMPARE(Test::centralScalar(central->url(),
                                     QStringLiteral("SELECT count(*) FROM applied_operation"))
                     .toInt(),
                 notesHere + notesThere + classified);
        QCOMPARE(Test::centralScalar(central->url(),
                                     QStringLiteral("SELECT count(*) FROM event WHERE kind = "
                                                    "'note'"))
                     .toInt(),
                 notesHere + notesThere);
        QCOMPARE(Test::centralScalar(central->url(),
                                     QStringLiteral("SELECT count(*) FROM event WHERE kind = "
                                                    "'classified'"))
                     .toInt(),
                 classified);

        const Test::CtlRun verified =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"), central->url(),
                          QStringLiteral("--replica"), replicaPath});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    }
};

QTEST_GUILESS_MAIN(KillSyncTest)
#include "tst_killsync.moc"
