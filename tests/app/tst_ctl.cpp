#include "db/sqlquery.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace CivicDesk;

class CtlTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_central;

    QString source(const QString &relative) const
    {
        return QDir(QStringLiteral(CIVICDESK_SOURCE_DIR)).filePath(relative);
    }

private Q_SLOTS:
    void init()
    {
        m_central = Test::centralUrl(m_dir, QLatin1String(QTest::currentTestFunction()) +
                                                QStringLiteral(".sqlite"));
        QVERIFY(!m_central.isEmpty());
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("init"), QStringLiteral("--central"), m_central});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("40 wards and communes")), qPrintable(run.out));
    }

    void importTwiceThenStats()
    {
        const QStringList import{
            QStringLiteral("import"),
            Test::dataPath(QStringLiteral("open311/ServiceRequests_Complete.json")),
            QStringLiteral("--central"),
            m_central,
            QStringLiteral("--timezone"),
            QStringLiteral("America/Los_Angeles")};
        Test::CtlRun run = Test::runCtl(import);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.out.contains(QStringLiteral("1000 imported, 0 updated, 0 unchanged, 1 rejected")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("America/Los_Angeles")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("record 698")), qPrintable(run.err));

        run = Test::runCtl(import);
        QVERIFY2(run.out.contains(QStringLiteral("0 imported, 0 updated, 1000 unchanged")),
                 qPrintable(run.out));

        run = Test::runCtl({QStringLiteral("stats"), QStringLiteral("--central"), m_central,
                            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stats = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(stats.keys(),
                 (QStringList{QStringLiteral("by_category"), QStringLiteral("by_status"),
                              QStringLiteral("total"), QStringLiteral("with_position")}));
        QCOMPARE(stats.value(QStringLiteral("total")).toInt(), 1000);
        QCOMPARE(stats.value(QStringLiteral("with_position")).toInt(), 945);
        QCOMPARE(stats.value(QStringLiteral("by_category"))
                     .toObject()
                     .value(QStringLiteral("unclassified"))
                     .toInt(),
                 1000);
    }

    void truncatedXmlImportsNothing()
    {
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("import"),
                          Test::dataPath(QStringLiteral("open311/service_requests.xml")),
                          QStringLiteral("--central"), m_central});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("service_requests.xml:2:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("nothing imported")), qPrintable(run.err));
        const Test::CtlRun stats =
            Test::runCtl({QStringLiteral("stats"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(stats.out.toUtf8())
                     .object()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 0);
    }

    void hueCsvWithMapping()
    {
        const Test::CtlRun run = Test::runCtl(
            {QStringLiteral("import"), source(QStringLiteral("resources/demo/hue_reports.csv")),
             QStringLiteral("--mapping"),
             source(QStringLiteral("resources/demo/hue_reports.mapping.json")),
             QStringLiteral("--central"), m_central});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.out.contains(QStringLiteral("16 imported, 0 updated, 0 unchanged, 12 rejected")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Asia/Ho_Chi_Minh")), qPrintable(run.out));
    }

    void csvWithoutMappingRefused()
    {
        const Test::CtlRun run = Test::runCtl(
            {QStringLiteral("import"), source(QStringLiteral("resources/demo/hue_reports.csv")),
             QStringLiteral("--central"), m_central});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("--mapping")), qPrintable(run.err));
    }

    void verifyFindsDifference()
    {
        const QString replica = m_dir.filePath(QStringLiteral("verify-replica.sqlite"));
        QCOMPARE(Test::runCtl({QStringLiteral("import"),
                               Test::dataPath(QStringLiteral("open311/bloomington_requests.json")),
                               QStringLiteral("--central"), m_central})
                     .exitCode,
                 0);
        QCOMPARE(Test::runCtl({QStringLiteral("sync"), QStringLiteral("--central"), m_central,
                               QStringLiteral("--replica"), replica, QStringLiteral("--once")})
                     .exitCode,
                 0);
        const QStringList verify{QStringLiteral("verify"), QStringLiteral("--central"), m_central,
                                 QStringLiteral("--replica"), replica};
        QCOMPARE(Test::runCtl(verify).exitCode, 0);

        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(replica);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(execSql(db,
                             QStringLiteral("UPDATE report SET description = 'sửa tay' "
                                            "WHERE id = (SELECT min(id) FROM report)"),
                             &error),
                     qPrintable(error));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

        const Test::CtlRun run = Test::runCtl(verify);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("sửa tay")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("differs in description")), qPrintable(run.out));

        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(replica);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(execSql(db,
                             QStringLiteral(
                                 "DELETE FROM report WHERE id = (SELECT max(id) FROM report)"),
                             &error),
                     qPrintable(error));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const Test::CtlRun missing = Test::runCtl(verify);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.out.contains(QStringLiteral("the replica lacks report")),
                 qPrintable(missing.out));
    }

    void passwordNeverPrinted()
    {
        if (!Test::testingPostgres())
            QSKIP("only PostgreSQL URLs carry a password");
        // The test cluster trusts local connections, so any password is accepted.
        QUrl withPassword(m_central);
        withPassword.setPassword(QStringLiteral("Secret-9d1f"));
        const QString url = withPassword.toString();
        QUrl otherUrl(Test::centralUrl(m_dir, QStringLiteral("other")));
        otherUrl.setPassword(QStringLiteral("Secret-9d1f"));
        const QString replica = m_dir.filePath(QStringLiteral("password-replica.sqlite"));
        const QString empty = otherUrl.toString();
        const QList<QStringList> commands{
            {QStringLiteral("init"), QStringLiteral("--central"), url},
            {QStringLiteral("import"),
             Test::dataPath(QStringLiteral("open311/bloomington_requests.json")),
             QStringLiteral("--central"), url},
            {QStringLiteral("import"),
             Test::dataPath(QStringLiteral("open311/bloomington_requests.json")),
             QStringLiteral("--central"), empty},
            {QStringLiteral("stats"), QStringLiteral("--central"), url},
            {QStringLiteral("sync"), QStringLiteral("--central"), url, QStringLiteral("--replica"),
             replica, QStringLiteral("--once")},
            {QStringLiteral("verify"), QStringLiteral("--central"), url,
             QStringLiteral("--replica"), replica},
            {QStringLiteral("init"), QStringLiteral("--central"), empty},
            // the replica belongs to the first central
            {QStringLiteral("sync"), QStringLiteral("--central"), empty,
             QStringLiteral("--replica"), replica, QStringLiteral("--once")},
            {QStringLiteral("stats"), QStringLiteral("--central"),
             QStringLiteral("mysql://admin:Secret-9d1f@127.0.0.1/x")},
        };
        for (const QStringList &command : commands) {
            const Test::CtlRun run = Test::runCtl(command);
            const QString output = run.out + run.err;
            QVERIFY2(!output.contains(QStringLiteral("Secret-9d1f")), qPrintable(output));
            QVERIFY2(run.exitCode >= 0, qPrintable(command.join(QLatin1Char(' '))));
        }
    }

    void invalidPortNamed()
    {
        const Test::CtlRun run = Test::runCtl(
            {QStringLiteral("stats"), QStringLiteral("--central"),
             QStringLiteral("postgresql://admin:Secret-9d1f@127.0.0.1:abc/civicdesk")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("postgresql://admin:***@127.0.0.1:abc/civicdesk")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("Secret-9d1f")), qPrintable(run.err));
    }

    void missingReplicaNotCreated()
    {
        const QString missing = m_dir.filePath(QStringLiteral("typo-replica.sqlite"));
        for (const QString &command : {QStringLiteral("stats"), QStringLiteral("verify")}) {
            QStringList arguments{command, QStringLiteral("--replica"), missing};
            if (command == QLatin1String("verify"))
                arguments << QStringLiteral("--central") << m_central;
            const Test::CtlRun run = Test::runCtl(arguments);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("does not exist")), qPrintable(run.err));
            QVERIFY(!QFile::exists(missing));
        }
    }

    void centralAsReplicaRefused()
    {
        if (Test::testingPostgres())
            QSKIP("only an embedded central is a file that could be taken for a replica");
        const QString centralPath = m_central.mid(int(qstrlen("sqlite:")));
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("stats"), QStringLiteral("--replica"), centralPath});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("central database")), qPrintable(run.err));
        QCOMPARE(Test::runCtl({QStringLiteral("stats"), QStringLiteral("--central"), m_central})
                     .exitCode,
                 0);
    }

    void controlCharactersEscaped()
    {
        const QString file = m_dir.filePath(QStringLiteral("hostile.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("[{\"service_request_id\": \"x\\u001b[2J\\nrejected: forged\"}]");
        out.close();
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("import"), file, QStringLiteral("--central"), m_central});
        QVERIFY2(!run.err.contains(QChar(0x1b)), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("\\u{001b}")), qPrintable(run.err));
        int rejectedLines = 0;
        for (const QString &line : run.err.split(QLatin1Char('\n')))
            rejectedLines += line.startsWith(QLatin1String("rejected:")) ? 1 : 0;
        QCOMPARE(rejectedLines, 1); // the id's line break did not forge a second line
    }

    void nulCharacterRejected()
    {
        // PostgreSQL cannot store U+0000: the record is rejected with its reason, the rest of
        // the file is imported, on either central.
        const QString file = m_dir.filePath(QStringLiteral("nul.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"([{"service_request_id": "nul-1", "description": "trước\u0000sau",
                       "requested_datetime": "2026-12-04T08:00:00+07:00"},
                      {"service_request_id": "ok-1", "description": "Đèn hỏng",
                       "requested_datetime": "2026-12-04T08:00:00+07:00"}])");
        out.close();
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("import"), file, QStringLiteral("--central"), m_central});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 imported, 0 updated, 0 unchanged, 1 rejected")),
                 qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("record 1")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("description contains a NUL character")),
                 qPrintable(run.err));
    }

    void hostileTextsStoredLiterally()
    {
        // SQL, markup, terminal escapes and a 100 KB text reach the replica unchanged.
        QString huge;
        while (huge.size() < 100 * 1024)
            huge += QStringLiteral("Nước ngập '; DROP TABLE event; -- <script>x</script> ");
        const QStringList texts{QStringLiteral("x'); DROP TABLE report; --"),
                                QStringLiteral("<img src=x onerror=alert(1)> import QtQuick"),
                                QStringLiteral("chuông\u0007 \u001b[31mđỏ\u202E đảo"), huge};
        QJsonArray requests;
        for (qsizetype i = 0; i < texts.size(); ++i) {
            requests.append(QJsonObject{
                {QStringLiteral("service_request_id"), QStringLiteral("hostile-%1").arg(i)},
                {QStringLiteral("description"), texts.at(i)},
                {QStringLiteral("address"), texts.at(i).left(200)},
                {QStringLiteral("requested_datetime"),
                 QStringLiteral("2026-12-04T08:00:00+07:00")}});
        }
        const QString file = m_dir.filePath(QStringLiteral("hostile-texts.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(requests).toJson());
        out.close();
        const Test::CtlRun imported =
            Test::runCtl({QStringLiteral("import"), file, QStringLiteral("--central"), m_central});
        QVERIFY2(imported.out.contains(QStringLiteral("4 imported")), qPrintable(imported.out));

        const QString replica = m_dir.filePath(QStringLiteral("hostile-replica.sqlite"));
        const Test::CtlRun synced =
            Test::runCtl({QStringLiteral("sync"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--replica"), replica, QStringLiteral("--once")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QVariantMap id{{QStringLiteral("id"), QStringLiteral("hostile-%1").arg(i)}};
            for (const QString &database : {m_central, replica}) {
                QCOMPARE(Test::centralScalar(database,
                                             QStringLiteral("SELECT description FROM report "
                                                            "WHERE source_id = :id"),
                                             id)
                             .toString(),
                         texts.at(i));
                QCOMPARE(Test::centralScalar(database,
                                             QStringLiteral("SELECT address FROM report WHERE "
                                                            "source_id = :id"),
                                             id)
                             .toString(),
                         texts.at(i).left(200));
            }
        }
        const Test::CtlRun verified =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--replica"), replica});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("explode")} << QStringLiteral("explode");
        QTest::newRow("sync without --once")
            << QStringList{QStringLiteral("sync"), QStringLiteral("--central"),
                           QStringLiteral("sqlite:x"), QStringLiteral("--replica"),
                           QStringLiteral("y")}
            << QStringLiteral("--once");
        QTest::newRow("bad fail-after") << QStringList{QStringLiteral("sync"),
                                                       QStringLiteral("--central"),
                                                       QStringLiteral("sqlite:x"),
                                                       QStringLiteral("--replica"),
                                                       QStringLiteral("y"),
                                                       QStringLiteral("--once"),
                                                       QStringLiteral("--fail-after"),
                                                       QStringLiteral("later")}
                                        << QStringLiteral("later");
        QTest::newRow("empty time zone")
            << QStringList{QStringLiteral("import"),     QStringLiteral("a.json"),
                           QStringLiteral("--central"),  QStringLiteral("sqlite:x"),
                           QStringLiteral("--timezone"), QString()}
            << QStringLiteral("time zone");
        QTest::newRow("bad time zone")
            << QStringList{QStringLiteral("import"),     QStringLiteral("a.json"),
                           QStringLiteral("--central"),  QStringLiteral("sqlite:x"),
                           QStringLiteral("--timezone"), QStringLiteral("Mars/Olympus")}
            << QStringLiteral("Mars/Olympus");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Test::CtlRun run = Test::runCtl(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void missingCentralNamed()
    {
        if (Test::testingPostgres()) {
            const QString empty = Test::centralUrl(m_dir, QStringLiteral("empty"));
            const Test::CtlRun run =
                Test::runCtl({QStringLiteral("stats"), QStringLiteral("--central"), empty});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("holds no CivicDesk central")),
                     qPrintable(run.err));
            QVERIFY2(run.err.contains(QStringLiteral("civicdeskctl init")), qPrintable(run.err));
            return;
        }
        const QString missing = m_dir.filePath(QStringLiteral("absent.sqlite"));
        const Test::CtlRun run = Test::runCtl({QStringLiteral("stats"), QStringLiteral("--central"),
                                               QStringLiteral("sqlite:") + missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("civicdeskctl init")), qPrintable(run.err));
        QVERIFY(!QFile::exists(missing));
    }

    void unsupportedUrlNamed()
    {
        const Test::CtlRun run = Test::runCtl(
            {QStringLiteral("stats"), QStringLiteral("--central"), QStringLiteral("mysql://db")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("mysql://db")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(CtlTest)
#include "tst_ctl.moc"
