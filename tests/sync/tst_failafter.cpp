#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

namespace {

int countRows(const QString &url, const QString &sql, const QVariantMap &values = {})
{
    return Test::centralScalar(url, sql, values).value<int>();
}

} // namespace

class FailAfterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashThenRetry_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("send") << QStringLiteral("send");
        QTest::newRow("apply") << QStringLiteral("apply");
        QTest::newRow("ack") << QStringLiteral("ack");
    }

    void crashThenRetry()
    {
        QFETCH(QString, step);
        QTemporaryDir dir;
        const QString centralUrl = Test::centralUrl(dir);
        const QString replicaPath = dir.filePath(QStringLiteral("replica.sqlite"));
        {
            auto central = Test::createCentral(dir);
            QVERIFY(central);
            QVERIFY(Test::importFile(
                *central, Test::dataPath(QStringLiteral("open311/bloomington_requests.json"))));
        }
        const QStringList syncArguments{QStringLiteral("sync"),
                                        QStringLiteral("--central"),
                                        centralUrl,
                                        QStringLiteral("--replica"),
                                        replicaPath,
                                        QStringLiteral("--once")};
        QCOMPARE(Test::runCtl(syncArguments).exitCode, 0);

        // Two new reports: the first is classified and annotated here; the second is also
        // classified on the central meanwhile, so this workstation's change is refused.
        QString kept;
        QString contested;
        {
            auto replica = std::make_unique<Replica>(replicaPath);
            QString error;
            QVERIFY(replica->open(&error));
            const auto snapshots = replica->snapshots(&error);
            for (const ReportSnapshot &snapshot : *snapshots) {
                if (snapshot.report.status != Status::New)
                    continue;
                (kept.isEmpty() ? kept : contested) = snapshot.report.id;
                if (!contested.isEmpty())
                    break;
            }
            QVERIFY(!contested.isEmpty());
            QVERIFY(replica->submit(OperationKind::Classify, kept, Test::classifyPayload(),
                                    QStringLiteral("lan"), Role::Operator, &error));
            QVERIFY(replica->submit(OperationKind::AddNote, kept,
                                    {{QStringLiteral("text"), QStringLiteral("Đã xác minh")}},
                                    QStringLiteral("lan"), Role::Operator, &error));
            QVERIFY(replica->submit(OperationKind::Classify, contested, Test::classifyPayload(),
                                    QStringLiteral("lan"), Role::Operator, &error));

            // A colleague classifies the contested report first, from the central's state.
            auto central = Central::open(centralUrl, false, &error);
            const auto stored = central->snapshotsOf({contested}, &error);
            QVERIFY2(stored && stored->size() == 1, qPrintable(error));
            const Report original = stored->first().report;
            QVERIFY(
                central->submit({Test::makeOperation(OperationKind::Classify, original,
                                                     Test::classifyPayload(QStringLiteral("other")),
                                                     QStringLiteral("minh"))},
                                &error));
        }

        const Test::CtlRun crashed =
            Test::runCtl(syncArguments + QStringList{QStringLiteral("--fail-after"), step});
        QCOMPARE(crashed.exitCode, 70);
        QVERIFY2(QString(crashed.out + crashed.err).contains(step),
                 qPrintable(crashed.out + crashed.err));

        const Test::CtlRun retried = Test::runCtl(syncArguments);
        QVERIFY2(retried.exitCode == 0, qPrintable(retried.out + retried.err));
        const Test::CtlRun verified =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"), centralUrl,
                          QStringLiteral("--replica"), replicaPath});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));

        // Each operation was decided once and left one event.
        QCOMPARE(countRows(centralUrl, QStringLiteral("SELECT count(*) FROM applied_operation")),
                 4);
        QCOMPARE(
            countRows(
                centralUrl,
                QStringLiteral(
                    "SELECT count(*) FROM event WHERE report_id = :id AND kind = 'classified'"),
                {{QStringLiteral("id"), kept}}),
            1);
        QCOMPARE(
            countRows(centralUrl,
                      QStringLiteral(
                          "SELECT count(*) FROM event WHERE report_id = :id AND kind = 'note'"),
                      {{QStringLiteral("id"), kept}}),
            1);
        QCOMPARE(countRows(centralUrl, QStringLiteral("SELECT version FROM report WHERE id = :id"),
                           {{QStringLiteral("id"), kept}}),
                 2);
        QCOMPARE(countRows(
                     centralUrl,
                     QStringLiteral(
                         "SELECT count(*) FROM applied_operation WHERE refusal = 'stale_version'")),
                 1);

        // The refusal is listed once for the operator, and the outbox is empty.
        QCOMPARE(countRows(replicaPath,
                           QStringLiteral("SELECT count(*) FROM attention WHERE report_id = :id"),
                           {{QStringLiteral("id"), contested}}),
                 1);
        QCOMPARE(countRows(replicaPath, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QVERIFY2(QString(retried.out + retried.err).contains(QStringLiteral("needs attention")),
                 qPrintable(retried.out + retried.err));
    }
};

QTEST_GUILESS_MAIN(FailAfterTest)
#include "tst_failafter.moc"
