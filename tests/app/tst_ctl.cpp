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

    // Writes `rows` as a CSV file with every field quoted as RFC 4180 describes (each quote
    // doubled), and a mapping from its columns to the fields of the same names.
    QString writeCsv(const QString &name, const QList<QStringList> &rows)
    {
        QByteArray data;
        for (const QStringList &row : rows) {
            QByteArrayList fields;
            for (QString field : row)
                fields.append(
                    '"' + field.replace(QLatin1Char('"'), QStringLiteral("\"\"")).toUtf8() + '"');
            data += fields.join(',') + "\r\n";
        }
        const QString path = m_dir.filePath(name + QStringLiteral(".csv"));
        QFile csv(path);
        if (!csv.open(QIODevice::WriteOnly) || csv.write(data) != data.size())
            return {};
        QJsonObject columns;
        for (const QString &field : rows.constFirst())
            columns.insert(field, field);
        QFile mapping(path + QStringLiteral(".mapping.json"));
        if (!mapping.open(QIODevice::WriteOnly))
            return {};
        mapping.write(QJsonDocument(QJsonObject{{QStringLiteral("columns"), columns}}).toJson());
        return path;
    }

    // Imports a small Open311 file into the central and syncs it into a new replica `name`.
    // Returns the replica's path, or an empty string when a step failed.
    QString syncedReplica(const QString &name)
    {
        const QString replica = m_dir.filePath(name);
        const Test::CtlRun imported =
            Test::runCtl({QStringLiteral("import"),
                          Test::dataPath(QStringLiteral("open311/bloomington_requests.json")),
                          QStringLiteral("--central"), m_central});
        const Test::CtlRun synced =
            Test::runCtl({QStringLiteral("sync"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--replica"), replica, QStringLiteral("--once")});
        return imported.exitCode == 0 && synced.exitCode == 0 ? replica : QString();
    }

    // Runs `sql` on the replica file behind the sync's back.
    static bool tamperReplica(const QString &replica, const QString &sql, QString *error)
    {
        bool done = false;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(replica);
            done = db.open() && execSql(db, sql, error);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return done;
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
        const QString replica = syncedReplica(QStringLiteral("verify-replica.sqlite"));
        QVERIFY(!replica.isEmpty());
        const QStringList verify{QStringLiteral("verify"), QStringLiteral("--central"), m_central,
                                 QStringLiteral("--replica"), replica};
        QCOMPARE(Test::runCtl(verify).exitCode, 0);

        QString error;
        QVERIFY2(tamperReplica(replica,
                               QStringLiteral("UPDATE report SET description = 'sửa tay' "
                                              "WHERE id = (SELECT min(id) FROM report)"),
                               &error),
                 qPrintable(error));
        const Test::CtlRun run = Test::runCtl(verify);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("sửa tay")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("differs in description")), qPrintable(run.out));

        QVERIFY2(tamperReplica(
                     replica,
                     QStringLiteral("DELETE FROM report WHERE id = (SELECT max(id) FROM report)"),
                     &error),
                 qPrintable(error));
        const Test::CtlRun missing = Test::runCtl(verify);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.out.contains(QStringLiteral("the replica lacks report")),
                 qPrintable(missing.out));
    }

    void verifyDifferenceEscaped()
    {
        // A difference that contains terminal escapes and a bidirectional override is printed
        // escaped, on one line per side.
        const QString replica = syncedReplica(QStringLiteral("escaped-replica.sqlite"));
        QVERIFY(!replica.isEmpty());
        QString error;
        QVERIFY2(tamperReplica(replica,
                               QStringLiteral("UPDATE report SET description = 'a' || char(27) || "
                                              "'[2J' || char(8238) || 'b' || char(10) || "
                                              "'replica matches the central' WHERE id = "
                                              "(SELECT min(id) FROM report)"),
                               &error),
                 qPrintable(error));

        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--replica"), replica});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.out.contains(QChar(0x1b)), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QChar(0x202E)), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("\\u{202e}")), qPrintable(run.out));
        for (const QString &line : run.out.split(QLatin1Char('\n')))
            QVERIFY2(!line.startsWith(QLatin1String("replica matches")), qPrintable(run.out));
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

    void hostileCsvStoredLiterally()
    {
        // SQL, QML and HTML, format placeholders, terminal escapes, line breaks of every kind
        // inside quoted fields and a 100 KB field reach the central and the replica unchanged.
        QString huge;
        while (huge.size() < 100 * 1024)
            huge += QStringLiteral("Nước ngập, \"sâu\" '; DROP TABLE event; --\r\n<b>x</b> ");
        huge += QStringLiteral("hết");
        const QStringList texts{
            QStringLiteral("x'); DROP TABLE report; --"),
            QStringLiteral("<img src=x onerror=alert(1)> import QtQuick; Qt.quit()"),
            QStringLiteral("%1 %2 ${1+1} {{7*7}} \\N"),
            QStringLiteral("chuông\u0007 \u001b[31mđỏ\u001b[0m \u202Eđảo"),
            QStringLiteral("dòng 1\r\ndòng 2\ndòng 3\rdòng 4"),
            huge};
        const QStringList header{QStringLiteral("source_id"), QStringLiteral("received_at"),
                                 QStringLiteral("title"),     QStringLiteral("description"),
                                 QStringLiteral("address"),   QStringLiteral("public_response"),
                                 QStringLiteral("status")};
        QList<QStringList> rows{header};
        for (qsizetype i = 0; i < texts.size(); ++i) {
            rows.append({QStringLiteral("csv-%1'\"; --").arg(i),
                         QStringLiteral("2026-12-04T08:00:00+07:00"), texts.at(i).left(400),
                         texts.at(i), texts.at(i).left(400), texts.at(i), QStringLiteral("new")});
        }
        // A status that is no code rejects its row; its text must not forge a second line.
        rows.append({QStringLiteral("csv-bad"), QStringLiteral("2026-12-04T08:00:00+07:00"),
                     QString(), QStringLiteral("mô tả"), QString(), QString(),
                     QStringLiteral("\u001b[2J\u202Enew\nrejected: forged")});
        const QString file = writeCsv(QStringLiteral("hostile"), rows);
        QVERIFY(!file.isEmpty());

        const Test::CtlRun imported = Test::runCtl(
            {QStringLiteral("import"), file, QStringLiteral("--mapping"),
             file + QStringLiteral(".mapping.json"), QStringLiteral("--central"), m_central});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("6 imported, 0 updated, 0 unchanged, "
                                                      "1 rejected")),
                 qPrintable(imported.out));
        QVERIFY2(!imported.err.contains(QChar(0x1b)), qPrintable(imported.err));
        QVERIFY2(!imported.err.contains(QChar(0x202E)), qPrintable(imported.err));
        QVERIFY2(imported.err.contains(QStringLiteral("\\u{001b}[2J\\u{202e}new\\u{000a}")),
                 qPrintable(imported.err));
        int rejectedLines = 0;
        for (const QString &line : imported.err.split(QLatin1Char('\n')))
            rejectedLines += line.startsWith(QLatin1String("rejected:")) ? 1 : 0;
        QCOMPARE(rejectedLines, 1);

        const QString replica = m_dir.filePath(QStringLiteral("hostile-csv-replica.sqlite"));
        const Test::CtlRun synced =
            Test::runCtl({QStringLiteral("sync"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--replica"), replica, QStringLiteral("--once")});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        for (qsizetype i = 0; i < texts.size(); ++i) {
            const QVariantMap id{{QStringLiteral("id"), QStringLiteral("csv-%1'\"; --").arg(i)}};
            const QString where = QStringLiteral(" FROM report WHERE source_id = :id");
            for (const QString &database : {m_central, replica}) {
                const auto stored = [&](const QString &column) {
                    return Test::centralScalar(database, QStringLiteral("SELECT ") + column + where,
                                               id)
                        .toString();
                };
                QCOMPARE(stored(QStringLiteral("description")), texts.at(i));
                QCOMPARE(stored(QStringLiteral("public_response")), texts.at(i));
                // Cells other than description and public_response lose surrounding spaces.
                QCOMPARE(stored(QStringLiteral("title")), texts.at(i).left(400).trimmed());
                QCOMPARE(stored(QStringLiteral("address")), texts.at(i).left(400).trimmed());
            }
        }
        QCOMPARE(
            Test::centralScalar(m_central, QStringLiteral("SELECT count(*) FROM report")).toInt(),
            6);
        const Test::CtlRun verified =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"), m_central,
                          QStringLiteral("--replica"), replica});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
    }

    void hostileCsvLoggedEscaped()
    {
        // With the intake log on, a strict import that fails logs the rejected value escaped
        // like the command's own output.
        const QString file =
            writeCsv(QStringLiteral("hostile-strict"),
                     {{QStringLiteral("source_id"), QStringLiteral("received_at"),
                       QStringLiteral("description"), QStringLiteral("status")},
                      {QStringLiteral("csv-1"), QStringLiteral("2026-12-04T08:00:00+07:00"),
                       QStringLiteral("mô tả"), QStringLiteral("\u001b[2J\u202Eclosed\nforged")}});
        QVERIFY(!file.isEmpty());
        qputenv("QT_LOGGING_RULES", "civicdesk.intake.info=true");
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("import"), file, QStringLiteral("--mapping"),
                          file + QStringLiteral(".mapping.json"), QStringLiteral("--strict"),
                          QStringLiteral("--central"), m_central});
        qunsetenv("QT_LOGGING_RULES");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("import failed:")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QChar(0x1b)), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QChar(0x202E)), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("\nforged")), qPrintable(run.err));
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
