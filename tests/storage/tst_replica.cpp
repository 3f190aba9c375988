#include "core/textfold.h"
#include "db/migrations.h"
#include "db/sqlquery.h"
#include "storage/replica.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

namespace {

const QString firstReport = QStringLiteral("6f1c1d8e-0000-4000-8000-000000000001");

// Writes a SQLite file from SQL text with a connection of its own.
bool writeDatabase(const QString &path, const QString &script)
{
    bool ok = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        QString error;
        ok = db.open() && execScript(db, script, &error);
        if (!ok)
            qWarning() << error;
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    return ok;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class ReplicaTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsLatestSchema()
    {
        QTemporaryDir dir;
        auto replica = Test::openReplica(dir, QStringLiteral("new.sqlite"));
        QVERIFY(replica);
        QCOMPARE(replica->schemaVersion(), Replica::latestSchemaVersion());
        const auto mode = SqlStatement(replica->database(), QStringLiteral("PRAGMA journal_mode"))
                              .scalar(nullptr);
        QCOMPARE(mode->toString(), QStringLiteral("wal"));
        QCOMPARE(replica->feedCursor(), FeedPosition{});
    }

    void migratesFromVersionOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(writeDatabase(path,
                              readText(Test::dataPath(QStringLiteral("replica/replica_v1.sql")))));

        Replica replica(path);
        QString error;
        QVERIFY2(replica.open(&error), qPrintable(error));
        QCOMPARE(replica.schemaVersion(), Replica::latestSchemaVersion());
        QCOMPARE(replica.feedCursor().revision, 2);

        const auto report = replica.report(firstReport, &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->publicCode, QStringLiteral("HUE-250817-0001"));

        // The folded search text finds "Đường" without marks and "đ" as "d".
        SqlStatement search(
            replica.database(),
            QStringLiteral("SELECT id FROM report WHERE search_text LIKE :pattern"));
        const auto rows =
            search.bind(QStringLiteral(":pattern"), QStringLiteral("%duong ho xuan huong%"))
                .rows(&error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().value(QStringLiteral("id")).toString(), firstReport);
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        QVERIFY(writeDatabase(
            path, QStringLiteral("CREATE TABLE outbox (seq INTEGER);\n"
                                 "PRAGMA application_id = %1;\nPRAGMA user_version = 99;")
                      .arg(replicaApplicationId)));

        Replica replica(path);
        QString error;
        QVERIFY(!replica.open(&error));
        QVERIFY2(error.contains(QStringLiteral("99")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("update CivicDesk")), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void submitAppliesAndQueues()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(writeDatabase(path,
                              readText(Test::dataPath(QStringLiteral("replica/replica_v1.sql")))));
        Replica replica(path);
        QString error;
        QVERIFY(replica.open(&error));

        const auto operation =
            replica.submit(OperationKind::Classify, firstReport,
                           {{QStringLiteral("category"), QStringLiteral("traffic_infrastructure")},
                            {QStringLiteral("priority"), QStringLiteral("urgent")}},
                           QStringLiteral("lan"), Role::Operator, &error);
        QVERIFY2(operation, qPrintable(error));
        QCOMPARE(operation->baseVersion, 1);

        const auto report = replica.report(firstReport, &error);
        QCOMPARE(report->status, Status::Triaged);
        QCOMPARE(report->version, 2);
        QCOMPARE(replica.pendingOperationCount(), 1);
        const QList<Operation> pending = replica.pendingOperations(&error);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().id, operation->id);
        QCOMPARE(pending.first().eventId, operation->eventId);
    }

    void refusedLocallyIsNotQueued()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(writeDatabase(path,
                              readText(Test::dataPath(QStringLiteral("replica/replica_v1.sql")))));
        Replica replica(path);
        QString error;
        QVERIFY(replica.open(&error));

        // A new report cannot be forwarded before it is triaged.
        const auto operation = replica.submit(OperationKind::Assign, firstReport,
                                              {{QStringLiteral("agency"), QStringLiteral("hepco")}},
                                              QStringLiteral("lan"), Role::Operator, &error);
        QVERIFY(!operation);
        QVERIFY2(error.contains(QStringLiteral("new")), qPrintable(error));
        QCOMPARE(replica.pendingOperationCount(), 0);
        QCOMPARE(replica.report(firstReport, &error)->status, Status::New);
    }

    void refusesCentralFile()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        QVERIFY(central);
        const QString path = dir.filePath(QStringLiteral("central.sqlite"));
        central.reset();
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();

        Replica replica(path);
        QString error;
        QVERIFY(!replica.open(&error, false));
        QVERIFY2(error.contains(QStringLiteral("central database")), qPrintable(error));
        QFile after(path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void missingReplicaNotCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("typo.sqlite"));
        Replica replica(path);
        QString error;
        QVERIFY(!replica.open(&error, false));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void refusesAnotherCentral()
    {
        QTemporaryDir dir;
        auto replica = Test::openReplica(dir, QStringLiteral("bound.sqlite"));
        QString error;
        QVERIFY(replica->bindToCentral(QStringLiteral("central-a"), {}, {}, &error));
        QVERIFY(replica->bindToCentral(QStringLiteral("central-a"), {}, {}, &error));
        QVERIFY(!replica->bindToCentral(QStringLiteral("central-b"), {}, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("central-a")), qPrintable(error));
    }

    void rejectsAnotherUser()
    {
        QTemporaryDir dir;
        auto replica = Test::openReplica(dir, QStringLiteral("user.sqlite"));
        QString error;
        QVERIFY(replica->bindToCentral(QStringLiteral("central-a"), QStringLiteral("lan"),
                                       QStringLiteral("hepco"), &error));
        QCOMPARE(replica->boundViewer(), QStringLiteral("lan"));
        QVERIFY(!replica->bindToCentral(QStringLiteral("central-a"), QStringLiteral("minh"),
                                        QStringLiteral("hepco"), &error));
        QVERIFY2(error.contains(QStringLiteral("holds what user lan may see, not user minh")),
                 qPrintable(error));

        // The same user in another agency starts the feed over.
        FeedPosition read;
        read.snapshot = QStringLiteral("100:100:");
        QVERIFY2(replica->acknowledge(read, &error), qPrintable(error));
        QCOMPARE(replica->feedCursor(), read);
        QVERIFY2(replica->bindToCentral(QStringLiteral("central-a"), QStringLiteral("lan"),
                                        QStringLiteral("so-xd"), &error),
                 qPrintable(error));
        QCOMPARE(replica->feedCursor(), FeedPosition{});
    }
};

QTEST_GUILESS_MAIN(ReplicaTest)
#include "tst_replica.moc"
