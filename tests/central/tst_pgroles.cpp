#include "central/pgusers.h"
#include "core/reportcreate.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "sync/syncsession.h"
#include "sync/verify.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

Q_DECLARE_METATYPE(CivicDesk::OperationKind)

using namespace CivicDesk;

namespace {

const QString database = QStringLiteral("civicdesk_roles");
const QString phone = QStringLiteral("+84912345678");
const QString reporterName = QStringLiteral("Nguyễn Văn A");

struct PsqlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

// Users, group roles and reporter privacy on a PostgreSQL central of the test's own server,
// which checks passwords. The central is made by a database owner that is not a superuser,
// as the README tells administrators to, and each kind of user is checked through psql, the
// client classes and civicdeskctl.
class PgRolesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::TestCluster m_cluster;
    QString m_ownerUrl;
    QString m_reportId;
    QHash<QString, QString> m_passwords; // user name -> password
    // Reports of the row-level security tests: assigned to hepco, to so-xd, and unassigned.
    QString m_hepcoReport;
    QString m_transportReport;
    QString m_openReport;

    QString urlAs(const QString &user, const QString &password,
                  const QString &name = database) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("postgresql"));
        url.setUserName(user);
        url.setPassword(password);
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_cluster.port());
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }

    QString userUrl(const QString &user) const { return urlAs(user, m_passwords.value(user)); }

    QString superuserUrl() const
    {
        QUrl url(m_cluster.superuserUrl());
        url.setPath(QLatin1Char('/') + database);
        return url.toString();
    }

    PsqlRun psql(const QString &user, const QString &sql)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), m_passwords.value(user));
        process.setProcessEnvironment(environment);
        process.start(QStandardPaths::findExecutable(QStringLiteral("psql")),
                      {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                       QString::number(m_cluster.port()), QStringLiteral("-U"), user,
                       QStringLiteral("-d"), database, QStringLiteral("-X"), QStringLiteral("-A"),
                       QStringLiteral("-t"), QStringLiteral("-v"),
                       QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
        PsqlRun run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        run.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return run;
    }

    Test::CtlRun addUser(const QString &adminUrl, const QString &name, const QString &role,
                         const QStringList &extra = {})
    {
        const QString password =
            QStringLiteral("pw-%1-%2").arg(name).arg(QRandomGenerator::global()->generate());
        m_passwords.insert(name, password);
        return Test::runCtl(QStringList{QStringLiteral("user"), QStringLiteral("add"), name,
                                        QStringLiteral("--role"), role, QStringLiteral("--central"),
                                        adminUrl} +
                                extra,
                            password.toUtf8() + '\n');
    }

    QVariant superuserScalar(const QString &sql, const QVariantMap &values = {})
    {
        return Test::centralScalar(superuserUrl(), sql, values);
    }

    // Imports a report as the owner; operator1 classifies it and forwards it to `agency`
    // unless that is empty. Returns its id.
    QString assignedReport(const QString &sourceId, const QString &agency)
    {
        QString error;
        auto owner = Central::open(m_ownerUrl, false, &error);
        if (!owner)
            return {};
        IncomingReport call;
        call.recordNumber = 1;
        call.report.source = QStringLiteral("hotline");
        call.report.sourceId = sourceId;
        call.report.channel = Channel::Hotline;
        call.report.title = QStringLiteral("Tiêu đề %1").arg(sourceId);
        call.report.description = QStringLiteral("Mô tả riêng của %1").arg(sourceId);
        call.report.address = QStringLiteral("12 Lê Lợi");
        call.report.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(2, 0), QTimeZone::utc());
        call.reporters = {{QString(), reporterName, phone}};
        if (!owner->importReports({call}, &error))
            return {};
        const QString id =
            superuserScalar(QStringLiteral("SELECT id FROM report WHERE source_id = :source"),
                            {{QStringLiteral("source"), sourceId}})
                .toString();
        auto center = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        if (!center || !submitAs(*center, OperationKind::Classify, id, Test::classifyPayload(),
                                 Role::Operator)) {
            return {};
        }
        if (!agency.isEmpty() && !submitAs(*center, OperationKind::Assign, id,
                                           Test::assignPayload(agency), Role::Operator)) {
            return {};
        }
        return id;
    }

    // Imports a report that operator1 forwards to hepco and resolves on the agency's behalf.
    // Returns its id, or an empty string when a step fails.
    QString resolvedReport(const QString &sourceId)
    {
        QString error;
        auto center = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        if (!center)
            return {};
        const QString id = assignedReport(sourceId, QStringLiteral("hepco"));
        const auto taken = submitAs(*center, OperationKind::Acknowledge, id, {}, Role::Operator);
        const auto answered = submitAs(
            *center, OperationKind::Resolve, id,
            {{QStringLiteral("response"), QStringLiteral("Đã xử lý xong.")}}, Role::Operator);
        return taken && taken->accepted() && answered && answered->accepted() ? id : QString();
    }

    QString statusOf(const QString &reportId)
    {
        return superuserScalar(QStringLiteral("SELECT status FROM report WHERE id = :id"),
                               {{QStringLiteral("id"), reportId}})
            .toString();
    }

    // Status and assignment of a report as the owner reads them.
    std::optional<AssignmentState> assignmentOnCentral(const QString &reportId)
    {
        QString error;
        auto owner = Central::open(m_ownerUrl, false, &error);
        if (!owner)
            return std::nullopt;
        const auto snapshots = owner->snapshotsOf({reportId}, &error);
        if (!snapshots || snapshots->size() != 1)
            return std::nullopt;
        return assignmentStateOf(snapshots->first().report);
    }

    // Submits one operation that `user` makes, as that user's client builds it, and returns
    // its result. Returns nullopt when the report cannot be read or the submit fails.
    std::optional<OperationResult> submitAsUser(const QString &user, OperationKind kind,
                                                const QString &reportId, const QJsonObject &payload,
                                                Role role, const QString &actor = {})
    {
        QString error;
        auto central = Central::open(userUrl(user), false, &error);
        if (!central)
            return std::nullopt;
        const auto snapshots = central->snapshotsOf({reportId}, &error);
        if (!snapshots || snapshots->size() != 1)
            return std::nullopt;
        Operation operation = Test::makeOperation(kind, snapshots->first().report, payload,
                                                  actor.isEmpty() ? user : actor);
        operation.actorRole = role;
        const auto results = central->submit({operation}, &error);
        if (!results || results->size() != 1)
            return std::nullopt;
        return results->first();
    }

    // Submits one operation on the central's current version of the report and returns its
    // result. Returns nullopt when the report cannot be read or the submit fails.
    static std::optional<OperationResult> submitAs(Central &central, OperationKind kind,
                                                   const QString &reportId,
                                                   const QJsonObject &payload, Role role,
                                                   const Report *base = nullptr)
    {
        QString error;
        Report report;
        if (base) {
            report = *base;
        } else {
            const auto snapshots = central.snapshotsOf({reportId}, &error);
            if (!snapshots || snapshots->size() != 1)
                return std::nullopt;
            report = snapshots->first().report;
        }
        Operation operation =
            Test::makeOperation(kind, report, payload, QStringLiteral("name-sent-by-client"));
        operation.actorRole = role;
        const auto results = central.submit({operation}, &error);
        if (!results || results->size() != 1) {
            qWarning("submitting %s failed: %s", qPrintable(operationKindCode(kind)),
                     qPrintable(error));
            return std::nullopt;
        }
        return results->first();
    }

    QStringList replicaIds(Replica &replica)
    {
        QString error;
        const auto ids = replica.reportIds(&error);
        return ids ? *ids : QStringList{QStringLiteral("error: ") + error};
    }

    // Whether a user may open a session at all.
    bool canLogIn(const QString &user, QString *error)
    {
        const QString name = QStringLiteral("login-check");
        bool open = false;
        {
            open = openPostgres(userUrl(user), name, error);
        }
        QSqlDatabase::removeDatabase(name);
        return open;
    }

    // Returns the id of the event that rejected report `id`.
    QString rejectionOf(const QString &id)
    {
        return superuserScalar(QStringLiteral("SELECT id FROM event WHERE report_id = :id AND "
                                              "kind = 'status_changed' AND data ->> 'to' = "
                                              "'rejected'"),
                               {{QStringLiteral("id"), id}})
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty(),
                 "psql not found (package postgresql-client)");
        m_cluster.setSuperuserPassword(QStringLiteral("superuser-secret"));
        QString error;
        QVERIFY2(m_cluster.create(&error), qPrintable(error));

        // The owner of the central is not a superuser: it may create roles, nothing more.
        m_passwords.insert(QStringLiteral("owner"), QStringLiteral("owner-secret"));
        const QString adminConnection = QStringLiteral("superuser");
        {
            QVERIFY2(openPostgres(m_cluster.superuserUrl(), adminConnection, &error),
                     qPrintable(error));
            const QSqlDatabase admin = QSqlDatabase::database(adminConnection);
            QVERIFY2(execSql(admin,
                             QStringLiteral("CREATE ROLE owner LOGIN CREATEROLE "
                                            "PASSWORD 'owner-secret'"),
                             &error),
                     qPrintable(error));
            QVERIFY2(execSql(admin, QStringLiteral("CREATE DATABASE %1 OWNER owner").arg(database),
                             &error),
                     qPrintable(error));
        }
        QSqlDatabase::removeDatabase(adminConnection);
        m_ownerUrl = userUrl(QStringLiteral("owner"));

        const Test::CtlRun init =
            Test::runCtl({QStringLiteral("init"), QStringLiteral("--central"), m_ownerUrl});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));

        // One report with a reporter, imported by the owner, as imports are for now.
        auto central = Central::open(m_ownerUrl, false, &error);
        QVERIFY2(central, qPrintable(error));
        IncomingReport call;
        call.recordNumber = 1;
        call.report.source = QStringLiteral("hotline");
        call.report.sourceId = QStringLiteral("call-1");
        call.report.channel = Channel::Hotline;
        call.report.description = QStringLiteral("Cây đổ chắn đường Lê Lợi");
        call.report.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc());
        call.reporters = {{QString(), reporterName, phone}};
        QVERIFY2(central->importReports({call}, &error), qPrintable(error));
        const auto ids = central->reportIds(&error);
        QVERIFY2(ids && ids->size() == 1, qPrintable(error));
        m_reportId = ids->first();

        const QList<QPair<QString, QStringList>> users{
            {QStringLiteral("operator"), {}},
            {QStringLiteral("supervisor"), {}},
            {QStringLiteral("agency"), {QStringLiteral("--agency"), QStringLiteral("hepco")}},
            {QStringLiteral("admin"), {}},
            {QStringLiteral("kiosk"), {}},
        };
        for (const auto &[role, extra] : users) {
            const Test::CtlRun run = addUser(m_ownerUrl, role + QStringLiteral("1"), role, extra);
            QVERIFY2(run.exitCode == 0, qPrintable(role + QStringLiteral(": ") + run.err));
        }
    }

    void groupRolesNamedAfterDatabase()
    {
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN "
                                                "(SELECT group_name FROM app_role) AND NOT "
                                                "rolcanlogin"))
                     .toInt(),
                 5);
        QCOMPARE(superuserScalar(QStringLiteral("SELECT group_name FROM app_role WHERE role = "
                                                "'operator'"))
                     .toString(),
                 database + QStringLiteral("_operator"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN "
                                                "pg_roles g ON g.oid = m.roleid JOIN pg_roles u "
                                                "ON u.oid = m.member WHERE g.rolname = "
                                                ":group AND u.rolname = 'agency1'"),
                                 QVariantMap{{QStringLiteral("group"),
                                              QString(database + QStringLiteral("_agency"))}})
                     .toInt(),
                 1);
    }

    void revealFunctionsRunAsOwner()
    {
        for (const QString &function :
             {QStringLiteral("request_reveal"), QStringLiteral("reveal_reporter")}) {
            const QVariantMap name{{QStringLiteral("name"), function}};
            QCOMPARE(superuserScalar(QStringLiteral("SELECT r.rolname FROM pg_proc p JOIN "
                                                    "pg_roles r ON r.oid = p.proowner WHERE "
                                                    "p.proname = :name"),
                                     name)
                         .toString(),
                     QStringLiteral("owner"));
            QCOMPARE(superuserScalar(QStringLiteral("SELECT prosecdef FROM pg_proc WHERE "
                                                    "proname = :name"),
                                     name)
                         .toBool(),
                     true);
            QVERIFY(superuserScalar(QStringLiteral("SELECT array_to_string(proconfig, ',') FROM "
                                                   "pg_proc WHERE proname = :name"),
                                    name)
                        .toString()
                        .startsWith(QStringLiteral("search_path=")));
        }
    }

    void passwordStoredAsVerifier()
    {
        const QString stored = superuserScalar(QStringLiteral("SELECT rolpassword FROM pg_authid "
                                                              "WHERE rolname = 'operator1'"))
                                   .toString();
        QVERIFY2(stored.startsWith(QStringLiteral("SCRAM-SHA-256$")), qPrintable(stored));
        QVERIFY(!stored.contains(m_passwords.value(QStringLiteral("operator1"))));
    }

    void psqlRights_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");

        const char *reveal = "SELECT request_reveal((SELECT min(id) FROM report), "
                             "'kiểm tra quyền')";
        const auto right = [](const char *name, const char *user, const char *sql, bool allowed) {
            QTest::newRow(name) << QString::fromUtf8(user) << QString::fromUtf8(sql) << allowed;
        };
        right("operator reads reports", "operator1", "SELECT count(*) FROM report", true);
        right("operator reads reporter", "operator1", "SELECT phone FROM reporter", false);
        right("operator reads links", "operator1", "SELECT * FROM report_reporter", false);
        right("operator reads users", "operator1", "SELECT * FROM app_user", false);
        right("operator edits fields", "operator1", "UPDATE category SET sort_order = sort_order",
              false);
        right("operator edits import snapshot", "operator1",
              "UPDATE report SET import_snapshot = NULL", false);
        right("supervisor reads events", "supervisor1", "SELECT count(*) FROM event", true);
        right("supervisor reads reporter", "supervisor1", "SELECT name FROM reporter", false);
        right("agency reads reports", "agency1", "SELECT count(*) FROM report", true);
        right("agency reads reporter", "agency1", "SELECT phone FROM reporter", false);
        right("agency changes its reports' status", "agency1",
              "UPDATE report SET status = status WHERE agency = 'hepco'", true);
        right("agency changes title", "agency1", "UPDATE report SET title = 'x'", false);
        right("agency changes deadline", "agency1", "UPDATE report SET due_at = now()", false);
        right("agency inserts report", "agency1",
              "INSERT INTO report (id, channel, priority, status, received_at) VALUES ('x', "
              "'hotline', 'normal', 'new', now())",
              false);
        right("operator sets day counter", "operator1", "UPDATE day_counter SET last = 0", false);
        right("operator takes code number", "operator1", "SELECT next_day_number('2026-03-02')",
              true);
        right("kiosk takes code number", "kiosk1", "SELECT next_day_number('2026-03-02')", false);
        right("agency links reporter", "agency1", "SELECT link_reporter('x', 'An', NULL)", false);
        right("operator writes reporter", "operator1",
              "INSERT INTO reporter (id, phone) VALUES ('x', '+84905000000')", false);
        right("kiosk reads event actors", "kiosk1", "SELECT actor FROM event", false);
        right("kiosk calls feed", "kiosk1",
              "SELECT count(*) FROM report_changes(pg_current_snapshot()::text, NULL, 0, 0, 10)",
              true);
        right("agency calls assigned_agency", "agency1", "SELECT assigned_agency()", true);
        right("operator releases", "operator1", "SELECT release_report('x')", false);
        right("kiosk reads public response", "kiosk1", "SELECT public_response FROM report", false);

        right("kiosk releases", "kiosk1", "SELECT release_report('x')", false);
        right("agency reveals", "agency1", reveal, false);
        right("kiosk reads positions", "kiosk1",
              "SELECT status, latitude, longitude, category FROM report", true);
        right("kiosk counts reports", "kiosk1",
              "SELECT status, count(*) FROM report GROUP BY status", true);
        right("kiosk reads phone", "kiosk1", "SELECT phone FROM reporter", false);
        right("kiosk reads description", "kiosk1", "SELECT description FROM report", false);
        right("kiosk reads address", "kiosk1", "SELECT address FROM report", false);
        right("kiosk reads note texts", "kiosk1", "SELECT data FROM event", false);
        right("kiosk reads event kinds", "kiosk1", "SELECT kind, count(*) FROM event GROUP BY kind",
              true);
        right("kiosk reads media", "kiosk1", "SELECT count(*) FROM media", false);
        right("kiosk reveals", "kiosk1", reveal, false);
        right("admin reveals", "admin1", reveal, false);
        right("admin reads reporter", "admin1", "SELECT phone FROM reporter", false);
        right("admin reads users", "admin1", "SELECT count(*) FROM app_user", true);
        right("admin edits fields", "admin1", "UPDATE category SET sort_order = sort_order", true);
        right("operator reads audit", "operator1", "SELECT count(*) FROM admin_audit", false);
        right("kiosk reads audit", "kiosk1", "SELECT count(*) FROM admin_audit", false);
        right("supervisor reads audit", "supervisor1", "SELECT count(*) FROM admin_audit", true);
        right("admin reads audit", "admin1", "SELECT count(*) FROM admin_audit", true);
        right("admin edits audit", "admin1", "UPDATE admin_audit SET actor = 'someone'", false);
        right("admin writes audit", "admin1",
              "INSERT INTO admin_audit (entity, entity_key, action) VALUES ('x', 'y', 'insert')",
              false);
    }

    void psqlRights()
    {
        QFETCH(QString, user);
        QFETCH(QString, sql);
        QFETCH(bool, allowed);
        const PsqlRun run = psql(user, sql);
        if (allowed) {
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        } else {
            QVERIFY2(run.exitCode != 0, qPrintable(run.out));
            QVERIFY2(run.err.contains(QStringLiteral("permission denied")), qPrintable(run.err));
        }
    }

    void truncateRejected()
    {
        for (const char *table : {"event", "admin_audit"}) {
            const PsqlRun run = psql(QStringLiteral("owner"),
                                     QStringLiteral("TRUNCATE %1").arg(QLatin1String(table)));
            QVERIFY(run.exitCode != 0);
            QVERIFY2(run.err.contains(QStringLiteral("append-only")), qPrintable(run.err));
        }
    }

    void psqlRevealAudited()
    {
        const qint64 eventsBefore =
            superuserScalar(QStringLiteral("SELECT count(*) FROM event")).toLongLong();
        const PsqlRun request = psql(QStringLiteral("supervisor1"),
                                     QStringLiteral("SELECT request_reveal('%1', 'xác minh qua "
                                                    "điện thoại')")
                                         .arg(m_reportId));
        QVERIFY2(request.exitCode == 0, qPrintable(request.err));
        const PsqlRun run =
            psql(QStringLiteral("supervisor1"),
                 QStringLiteral("SELECT name || '|' || phone FROM reveal_reporter('%1', '%2')")
                     .arg(m_reportId, request.out));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, reporterName + QLatin1Char('|') + phone);
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM event")).toLongLong(),
                 eventsBefore + 1);
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor FROM event WHERE kind = "
                                                "'reporter_revealed' ORDER BY at DESC LIMIT 1"))
                     .toString(),
                 QStringLiteral("supervisor1"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT data->>'reason' FROM event WHERE kind = "
                                                "'reporter_revealed' ORDER BY at DESC LIMIT 1"))
                     .toString(),
                 QStringLiteral("xác minh qua điện thoại"));
    }

    void psqlRevealNeedsReason()
    {
        for (const QString &reason :
             {QStringLiteral("''"), QStringLiteral("'  \t '"), QStringLiteral("NULL"),
              QStringLiteral("E'\\u00A0\\u200B'")}) {
            const PsqlRun run =
                psql(QStringLiteral("operator1"),
                     QStringLiteral("SELECT request_reveal('%1', %2)").arg(m_reportId, reason));
            QVERIFY2(run.exitCode != 0, qPrintable(reason));
            QVERIFY2(run.err.contains(QStringLiteral("needs a reason")), qPrintable(run.err));
        }
    }

    void psqlRevealNeedsCommittedRequest()
    {
        // Names and phones come only for a request whose audit event has committed: not one of
        // the same transaction, which could still be rolled back, and not another user's.
        const PsqlRun sameTransaction =
            psql(QStringLiteral("operator1"),
                 QStringLiteral("BEGIN; SELECT phone FROM reveal_reporter('%1', "
                                "request_reveal('%1', 'đọc rồi hoàn tác')); ROLLBACK;")
                     .arg(m_reportId));
        QVERIFY(sameTransaction.exitCode != 0);
        QVERIFY2(sameTransaction.err.contains(QStringLiteral("no committed request")),
                 qPrintable(sameTransaction.err));
        QVERIFY2(!sameTransaction.out.contains(QStringLiteral("912345678")),
                 qPrintable(sameTransaction.out));

        const PsqlRun request =
            psql(QStringLiteral("operator1"),
                 QStringLiteral("SELECT request_reveal('%1', 'gọi lại')").arg(m_reportId));
        QVERIFY2(request.exitCode == 0, qPrintable(request.err));
        const PsqlRun borrowed =
            psql(QStringLiteral("supervisor1"),
                 QStringLiteral("SELECT phone FROM reveal_reporter('%1', '%2')")
                     .arg(m_reportId, request.out));
        QVERIFY(borrowed.exitCode != 0);
        QVERIFY2(borrowed.err.contains(QStringLiteral("no committed request")),
                 qPrintable(borrowed.err));
    }

    void clientRevealAsOperator()
    {
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        QVERIFY2(central, qPrintable(error));
        QVERIFY(!central->revealReporters(m_reportId, QStringLiteral("someone-else"),
                                          QStringLiteral(" "), &error));
        QVERIFY2(error.contains(QStringLiteral("needs a reason")), qPrintable(error));

        const auto reporters = central->revealReporters(m_reportId, QStringLiteral("someone-else"),
                                                        QStringLiteral("gọi lại"), &error);
        QVERIFY2(reporters, qPrintable(error));
        QCOMPARE(reporters->size(), 1);
        QCOMPARE(reporters->first().phone, phone);
        QCOMPARE(reporters->first().name, reporterName);

        // The actor is the signed-in role, not the name the client sent.
        const auto snapshots = central->snapshotsOf({m_reportId}, &error);
        QVERIFY2(snapshots, qPrintable(error));
        const Event last = snapshots->first().events.last();
        QCOMPARE(last.kind, EventKind::ReporterRevealed);
        QCOMPARE(last.actor, QStringLiteral("operator1"));
        QCOMPARE(last.data.value(QLatin1String("reason")).toString(), QStringLiteral("gọi lại"));
    }

    void clientRevealRejectedForKiosk()
    {
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("kiosk1")), false, &error);
        QVERIFY2(central, qPrintable(error));
        QVERIFY(!central->revealReporters(m_reportId, QString(), QStringLiteral("tò mò"), &error));
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    }

    void operatorSyncsAndOperates()
    {
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        QVERIFY2(central, qPrintable(error));
        const auto snapshots = central->snapshotsOf({m_reportId}, &error);
        QVERIFY2(snapshots && snapshots->size() == 1, qPrintable(error));
        const auto results = central->submit(
            {Test::makeOperation(OperationKind::Classify, snapshots->first().report,
                                 Test::classifyPayload(), QStringLiteral("operator1"))},
            &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY2(results->first().accepted(), qPrintable(results->first().reason));

        // The replica gets the report and the reveal events, never the names and phones.
        {
            auto replica = Test::openReplica(m_dir, QStringLiteral("operator.db"));
            QVERIFY(replica);
            SyncSession session(*replica, *central);
            const auto summary = session.run(&error);
            QVERIFY2(summary, qPrintable(error));
            QCOMPARE(summary->received, 1);
            QVERIFY(
                central->revealReporters(m_reportId, QString(), QStringLiteral("gọi lại"), &error));
            QVERIFY2(session.run(&error), qPrintable(error));
        }
        QDir folder(m_dir.path());
        const QStringList files = folder.entryList({QStringLiteral("operator.db*")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("912345678"), qPrintable(name));
            QVERIFY2(!bytes.contains(reporterName.toUtf8()), qPrintable(name));
        }
        QVERIFY(Test::centralScalar(m_dir.filePath(QStringLiteral("operator.db")),
                                    QStringLiteral("SELECT count(*) FROM event WHERE kind = "
                                                   "'reporter_revealed'"))
                    .toInt() >= 1);
    }

    void userAddErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");

        QTest::newRow("unknown role")
            << QStringList{QStringLiteral("new1"), QStringLiteral("--role"),
                           QStringLiteral("mayor")}
            << 2 << QStringLiteral("unknown role \"mayor\"");
        QTest::newRow("agency missing")
            << QStringList{QStringLiteral("new1"), QStringLiteral("--role"),
                           QStringLiteral("agency")}
            << 1 << QStringLiteral("needs --agency");
        QTest::newRow("agency not found")
            << QStringList{QStringLiteral("new1"), QStringLiteral("--role"),
                           QStringLiteral("agency"), QStringLiteral("--agency"),
                           QStringLiteral("no-such-agency")}
            << 1 << QStringLiteral("agency \"no-such-agency\" not found");
        QTest::newRow("agency inactive")
            << QStringList{QStringLiteral("new1"), QStringLiteral("--role"),
                           QStringLiteral("agency"), QStringLiteral("--agency"),
                           QStringLiteral("so-gtvt")}
            << 1 << QStringLiteral("agency \"so-gtvt\" is no longer active");
        QTest::newRow("agency for operator")
            << QStringList{QStringLiteral("new1"), QStringLiteral("--role"),
                           QStringLiteral("operator"), QStringLiteral("--agency"),
                           QStringLiteral("hepco")}
            << 1 << QStringLiteral("--agency is for users of role agency");
        QTest::newRow("name taken")
            << QStringList{QStringLiteral("operator1"), QStringLiteral("--role"),
                           QStringLiteral("operator")}
            << 1 << QStringLiteral("\"operator1\" is already taken");
        QTest::newRow("group name taken")
            << QStringList{database + QStringLiteral("_admin"), QStringLiteral("--role"),
                           QStringLiteral("operator")}
            << 1 << QStringLiteral("is already taken");
        QTest::newRow("upper case") << QStringList{QStringLiteral("Lan"), QStringLiteral("--role"),
                                                   QStringLiteral("operator")}
                                    << 2 << QStringLiteral("invalid user name \"Lan\"");
        QTest::newRow("quote") << QStringList{QStringLiteral("x\"; DROP ROLE owner; --"),
                                              QStringLiteral("--role"), QStringLiteral("operator")}
                               << 2 << QStringLiteral("invalid user name");
        QTest::newRow("reserved") << QStringList{QStringLiteral("pg_admin"),
                                                 QStringLiteral("--role"),
                                                 QStringLiteral("operator")}
                                  << 2 << QStringLiteral("PostgreSQL reserves it");
        QTest::newRow("password on command line")
            << QStringList{QStringLiteral("new1"), QStringLiteral("--role"),
                           QStringLiteral("operator"), QStringLiteral("--password"),
                           QStringLiteral("secret")}
            << 2 << QStringLiteral("Unknown option 'password'");
    }

    void userAddErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Test::CtlRun run =
            Test::runCtl(QStringList{QStringLiteral("user"), QStringLiteral("add")} + arguments +
                             QStringList{QStringLiteral("--central"), m_ownerUrl},
                         "long-enough-password\n");
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                                "'new1'"))
                     .toInt(),
                 0);
    }

    void userAddShortPasswordRejected()
    {
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("new2"),
                          QStringLiteral("--role"), QStringLiteral("operator"),
                          QStringLiteral("--central"), m_ownerUrl},
                         "short\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("shorter than 8")), qPrintable(run.err));
    }

    void userAddOnEmbeddedCentral()
    {
        const Test::CtlRun run = Test::runCtl(
            {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("lan"),
             QStringLiteral("--role"), QStringLiteral("operator"), QStringLiteral("--central"),
             QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("embedded.db"))},
            "long-enough-password\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("users exist only on a PostgreSQL central")),
                 qPrintable(run.err));
    }

    void userAddByNonAdminRejected()
    {
        const Test::CtlRun run = addUser(userUrl(QStringLiteral("operator1")),
                                         QStringLiteral("sneaky1"), QStringLiteral("admin"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("permission denied to create role")),
                 qPrintable(run.err));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                                "'sneaky1'"))
                     .toInt(),
                 0);
    }

    void userAddByAdmin()
    {
        const QString file = m_dir.filePath(QStringLiteral("password.txt"));
        QFile passwordFile(file);
        QVERIFY(passwordFile.open(QIODevice::WriteOnly));
        passwordFile.write("from-a-file-1\n");
        passwordFile.close();
        m_passwords.insert(QStringLiteral("operator2"), QStringLiteral("from-a-file-1"));
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("add"),
                          QStringLiteral("operator2"), QStringLiteral("--role"),
                          QStringLiteral("operator"), QStringLiteral("--password-file"), file,
                          QStringLiteral("--central"), userUrl(QStringLiteral("admin1"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("from-a-file")), qPrintable(run.out));
        const PsqlRun check =
            psql(QStringLiteral("operator2"), QStringLiteral("SELECT session_user"));
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QCOMPARE(check.out, QStringLiteral("operator2"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT created_by FROM app_user WHERE name = "
                                                "'operator2'"))
                     .toString(),
                 QStringLiteral("admin1"));
    }

    void wrongPasswordRejected()
    {
        QString error;
        const QString name = QStringLiteral("wrong-password");
        {
            QVERIFY(!openPostgres(urlAs(QStringLiteral("operator1"), QStringLiteral("not-it")),
                                  name, &error));
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY2(error.contains(QStringLiteral("password authentication failed")),
                 qPrintable(error));
    }

    void sessionRoleOfEachUser()
    {
        for (const QString &role :
             {QStringLiteral("operator"), QStringLiteral("supervisor"), QStringLiteral("agency"),
              QStringLiteral("admin"), QStringLiteral("kiosk")}) {
            const QString name = QStringLiteral("role-check");
            QString error;
            std::optional<QString> code;
            {
                QVERIFY2(openPostgres(userUrl(role + QStringLiteral("1")), name, &error),
                         qPrintable(error));
                code = sessionRoleCode(QSqlDatabase::database(name), &error);
            }
            QSqlDatabase::removeDatabase(name);
            QVERIFY2(code, qPrintable(error));
            QCOMPARE(*code, role);
        }
    }

    void disabledUserCannotLogIn()
    {
        QVERIFY(
            addUser(m_ownerUrl, QStringLiteral("leaving1"), QStringLiteral("operator")).exitCode ==
            0);
        const QString open = QStringLiteral("leaving-session");
        QString error;
        QVERIFY2(openPostgres(userUrl(QStringLiteral("leaving1")), open, &error),
                 qPrintable(error));

        // The owner may not end another role's session: the user is disabled all the same.
        Test::CtlRun run =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("disable"),
                          QStringLiteral("leaving1"), QStringLiteral("--central"), m_ownerUrl});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("1 session(s) of leaving1 stay open")),
                 qPrintable(run.err));
        QVERIFY(!canLogIn(QStringLiteral("leaving1"), &error));
        QVERIFY2(error.contains(QStringLiteral("not permitted to log in")), qPrintable(error));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT disabled FROM app_user WHERE name = "
                                                "'leaving1'"))
                     .toBool(),
                 true);

        // A superuser ends the open session as well.
        run =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("disable"),
                          QStringLiteral("leaving1"), QStringLiteral("--central"), superuserUrl()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("ended 1 open session")), qPrintable(run.out));
        QVERIFY(!execSql(QSqlDatabase::database(open), QStringLiteral("SELECT 1"), &error));
        QSqlDatabase::removeDatabase(open);
    }

    void disableUnknownUser()
    {
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("disable"),
                          QStringLiteral("nobody"), QStringLiteral("--central"), m_ownerUrl});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no user \"nobody\"")), qPrintable(run.err));
    }

    void userListShowsRoles()
    {
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("list"),
                          QStringLiteral("--central"), userUrl(QStringLiteral("admin1"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        bool agencyListed = false;
        for (const QString &line : lines) {
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            if (fields.value(0) == QLatin1String("agency1")) {
                agencyListed = true;
                QCOMPARE(fields.value(1), QStringLiteral("agency"));
                QCOMPARE(fields.value(2), QStringLiteral("hepco"));
                QCOMPARE(fields.value(3), QStringLiteral("enabled"));
            }
        }
        QVERIFY2(agencyListed, qPrintable(run.out));

        const Test::CtlRun denied =
            Test::runCtl({QStringLiteral("user"), QStringLiteral("list"),
                          QStringLiteral("--central"), userUrl(QStringLiteral("operator1"))});
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains(QStringLiteral("permission denied")), qPrintable(denied.err));
    }

    void adminChangesAudited()
    {
        const auto auditCount = [this] {
            return superuserScalar(QStringLiteral("SELECT count(*) FROM admin_audit")).toInt();
        };
        // The users added so far, each recorded with who added them.
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor FROM admin_audit WHERE entity = "
                                                "'app_user' AND entity_key = 'kiosk1' AND "
                                                "action = 'insert'"))
                     .toString(),
                 QStringLiteral("owner"));

        // An admin renames an agency: one entry with the row before and after.
        const int before = auditCount();
        const PsqlRun rename =
            psql(QStringLiteral("admin1"),
                 QStringLiteral("UPDATE agency SET name_en = 'Power company (renamed)' WHERE id = "
                                "'hepco'"));
        QVERIFY2(rename.exitCode == 0, qPrintable(rename.err));
        QCOMPARE(auditCount(), before + 1);
        const QString last = QStringLiteral("FROM admin_audit ORDER BY id DESC LIMIT 1");
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor ") + last).toString(),
                 QStringLiteral("admin1"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT entity || ' ' || entity_key || ' ' || "
                                                "action ") +
                                 last)
                     .toString(),
                 QStringLiteral("agency hepco update"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT after ->> 'name_en' ") + last).toString(),
                 QStringLiteral("Power company (renamed)"));
        const QString originalName =
            superuserScalar(QStringLiteral("SELECT before ->> 'name_en' ") + last).toString();
        QVERIFY(!originalName.isEmpty());
        QVERIFY(originalName != QStringLiteral("Power company (renamed)"));

        // Refreshing the reference data writes only what differs: the one renamed agency.
        const Test::CtlRun init =
            Test::runCtl({QStringLiteral("init"), QStringLiteral("--central"), m_ownerUrl});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QCOMPARE(auditCount(), before + 2);
        QCOMPARE(superuserScalar(QStringLiteral("SELECT after ->> 'name_en' ") + last).toString(),
                 originalName);
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor ") + last).toString(),
                 QStringLiteral("owner"));

        // The trail rejects edits, from a superuser too.
        const QUrl superuser(m_cluster.superuserUrl());
        m_passwords.insert(superuser.userName(), superuser.password());
        const PsqlRun edit = psql(superuser.userName(), QStringLiteral("DELETE FROM admin_audit"));
        QVERIFY(edit.exitCode != 0);
        QVERIFY2(edit.err.contains(QStringLiteral("append-only")), qPrintable(edit.err));
    }
    void agencySeesOnlyItsReports()
    {
        QVERIFY(addUser(m_ownerUrl, QStringLiteral("agency2"), QStringLiteral("agency"),
                        {QStringLiteral("--agency"), QStringLiteral("so-xd")})
                    .exitCode == 0);
        m_hepcoReport = assignedReport(QStringLiteral("rls-hepco"), QStringLiteral("hepco"));
        m_transportReport = assignedReport(QStringLiteral("rls-gtvt"), QStringLiteral("so-xd"));
        m_openReport = assignedReport(QStringLiteral("rls-open"), QString());
        QVERIFY(!m_hepcoReport.isEmpty() && !m_transportReport.isEmpty() &&
                !m_openReport.isEmpty());

        const auto psqlOut = [this](const QString &user, const QString &sql) {
            const PsqlRun run = psql(user, sql);
            return run.exitCode == 0 ? run.out : QStringLiteral("error: ") + run.err;
        };
        QCOMPARE(psqlOut(QStringLiteral("agency1"), QStringLiteral("SELECT string_agg(id, ',') "
                                                                   "FROM report")),
                 m_hepcoReport);
        QCOMPARE(psqlOut(QStringLiteral("agency2"), QStringLiteral("SELECT string_agg(id, ',') "
                                                                   "FROM report")),
                 m_transportReport);
        const QString total =
            superuserScalar(QStringLiteral("SELECT count(*) FROM report")).toString();
        for (const char *user : {"operator1", "supervisor1", "admin1", "kiosk1"})
            QCOMPARE(
                psqlOut(QString::fromLatin1(user), QStringLiteral("SELECT count(*) FROM report")),
                total);

        // The timeline of another agency's report is as invisible as the report.
        const QString eventsOf =
            QStringLiteral("SELECT count(*) FROM event WHERE report_id = '%1'");
        QCOMPARE(psqlOut(QStringLiteral("agency1"), eventsOf.arg(m_transportReport)),
                 QStringLiteral("0"));
        QVERIFY(psqlOut(QStringLiteral("agency1"), eventsOf.arg(m_hepcoReport)).toInt() >= 3);

        // Row-level security filters rows instead of raising: the other agency's report is not
        // there to change.
        QCOMPARE(psqlOut(QStringLiteral("agency1"),
                         QStringLiteral("WITH changed AS (UPDATE report SET status = "
                                        "'in_progress' WHERE id = '%1' RETURNING id) SELECT "
                                        "count(*) FROM changed")
                             .arg(m_transportReport)),
                 QStringLiteral("0"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT status FROM report WHERE id = :id"),
                                 {{QStringLiteral("id"), m_transportReport}})
                     .toString(),
                 QStringLiteral("assigned"));
        // An agency may not hand its report to another agency, nor note on another's report.
        PsqlRun handOver = psql(QStringLiteral("agency1"),
                                QStringLiteral("UPDATE report SET agency = 'so-xd' WHERE id = "
                                               "'%1'")
                                    .arg(m_hepcoReport));
        QVERIFY(handOver.exitCode != 0);
        QVERIFY2(handOver.err.contains(QStringLiteral("permission denied")),
                 qPrintable(handOver.err));
        // The server limits agency users to the workflow's steps, whatever client they run.
        const QList<QPair<QString, QString>> outOfStep{
            {QStringLiteral("UPDATE report SET status = 'zzz' WHERE id = '%1'"),
             QStringLiteral("may not move report")},
            {QStringLiteral("UPDATE report SET status = 'closed' WHERE id = '%1'"),
             QStringLiteral("may not move report")},
            {QStringLiteral("UPDATE report SET version = version + 5 WHERE id = '%1'"),
             QStringLiteral("may not set the version")},
            {QStringLiteral("BEGIN; UPDATE report SET status = 'triaged' WHERE id = '%1'; "
                            "SELECT release_report('%1'); COMMIT;"),
             QStringLiteral("only with a status change to triage recorded")},
        };
        for (const auto &[sql, message] : outOfStep) {
            const PsqlRun run = psql(QStringLiteral("agency1"), sql.arg(m_hepcoReport));
            QVERIFY2(run.exitCode != 0, qPrintable(sql));
            QVERIFY2(run.err.contains(message), qPrintable(run.err));
        }
        // No user may set a status outside the workflow, the owner included.
        const PsqlRun unknown = psql(QStringLiteral("owner"),
                                     QStringLiteral("UPDATE report SET status = 'zzz' WHERE id = "
                                                    "'%1'")
                                         .arg(m_hepcoReport));
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(QStringLiteral("report_status_known")),
                 qPrintable(unknown.err));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT status || ' ' || agency FROM report "
                                                "WHERE id = :id"),
                                 {{QStringLiteral("id"), m_hepcoReport}})
                     .toString(),
                 QStringLiteral("assigned hepco"));

        // It gives a report back only once it moved the report back to triage.
        const PsqlRun early =
            psql(QStringLiteral("agency1"),
                 QStringLiteral("SELECT release_report('%1')").arg(m_hepcoReport));
        QVERIFY(early.exitCode != 0);
        QVERIFY2(early.err.contains(QStringLiteral("goes back to the center only with a status "
                                                   "change to triage")),
                 qPrintable(early.err));
        PsqlRun note = psql(QStringLiteral("agency1"),
                            QStringLiteral("INSERT INTO event (id, report_id, kind, at) VALUES "
                                           "('agency-note', '%1', 'note', now())")
                                .arg(m_transportReport));
        QVERIFY(note.exitCode != 0);
        QVERIFY2(note.err.contains(QStringLiteral("violates row-level security policy")),
                 qPrintable(note.err));
    }

    void agencyReplicaFollowsAssignment()
    {
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("agency1")), false, &error);
        QVERIFY2(central, qPrintable(error));
        auto replica = Test::openReplica(m_dir, QStringLiteral("agency1.db"));
        QVERIFY(replica);
        SyncSession session(*replica, *central);
        auto summary = session.run(&error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(replicaIds(*replica), QStringList{m_hepcoReport});
        QCOMPARE(summary->removed, 0); // the reports it never had are not counted
        auto verified = verifyReplica(*replica, *central, &error);
        QVERIFY2(verified, qPrintable(error));
        QVERIFY2(verified->matches(), qPrintable(verified->firstDifference));
        QCOMPARE(verified->reportsCompared, 1);

        // The agency writes a note on its own report, and the server records who wrote it.
        auto noted = submitAs(*central, OperationKind::AddNote, m_hepcoReport,
                              {{QStringLiteral("text"), QStringLiteral("Đã cử đội sửa chữa")}},
                              Role::Agency);
        QVERIFY(noted);
        QVERIFY2(noted->accepted(), qPrintable(noted->reason));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor FROM event WHERE data ->> 'text' = "
                                                "'Đã cử đội sửa chữa'"))
                     .toString(),
                 QStringLiteral("agency1"));

        // Another agency's report, even with its content known, is refused as unknown.
        const auto other = superuserScalar(QStringLiteral("SELECT version FROM report WHERE id = "
                                                          ":id"),
                                           {{QStringLiteral("id"), m_transportReport}});
        Report guessed;
        guessed.id = m_transportReport;
        guessed.status = Status::Assigned;
        guessed.agency = QStringLiteral("so-xd");
        guessed.version = other.toInt();
        auto refused = submitAs(*central, OperationKind::AddNote, m_transportReport,
                                {{QStringLiteral("text"), QStringLiteral("chen ngang")}},
                                Role::Agency, &guessed);
        QVERIFY(refused);
        QCOMPARE(refused->refusal, Refusal::UnknownReport);
        QVERIFY2(refused->reason.contains(QStringLiteral("not visible")),
                 qPrintable(refused->reason));

        // The center moves the report to another agency: back to the center, then forwarded.
        auto center = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        QVERIFY2(center, qPrintable(error));
        auto returned = submitAs(*center, OperationKind::ReturnToCenter, m_hepcoReport,
                                 {{QStringLiteral("reason"), QStringLiteral("thuộc giao thông")}},
                                 Role::Operator);
        QVERIFY(returned && returned->accepted());
        auto forwarded = submitAs(*center, OperationKind::Assign, m_hepcoReport,
                                  Test::assignPayload(QStringLiteral("so-xd")), Role::Operator);
        QVERIFY(forwarded && forwarded->accepted());

        // The first agency's next sync removes the report, its timeline with it.
        summary = session.run(&error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->removed, 1);
        QVERIFY(replicaIds(*replica).isEmpty());
        QCOMPARE(Test::centralScalar(m_dir.filePath(QStringLiteral("agency1.db")),
                                     QStringLiteral("SELECT count(*) FROM event"))
                     .toInt(),
                 0);
        verified = verifyReplica(*replica, *central, &error);
        QVERIFY2(verified, qPrintable(error));
        QVERIFY2(verified->matches(), qPrintable(verified->firstDifference));
        QCOMPARE(verified->reportsCompared, 0);
    }

    void agencyReturnsReport()
    {
        // so-xd now has both reports. It returns one, which then leaves its replica.
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("agency2")), false, &error);
        QVERIFY2(central, qPrintable(error));
        auto replica = Test::openReplica(m_dir, QStringLiteral("agency2.db"));
        QVERIFY(replica);
        SyncSession session(*replica, *central);
        QVERIFY2(session.run(&error), qPrintable(error));
        QStringList expected{m_hepcoReport, m_transportReport};
        expected.sort();
        QCOMPARE(replicaIds(*replica), expected);

        auto returned = submitAs(*central, OperationKind::ReturnToCenter, m_hepcoReport,
                                 {{QStringLiteral("reason"), QStringLiteral("không phải đường "
                                                                            "của sở")}},
                                 Role::Agency);
        QVERIFY(returned);
        QVERIFY2(returned->accepted(), qPrintable(returned->reason));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT status || ' ' || coalesce(agency, '-') "
                                                "FROM report WHERE id = :id"),
                                 {{QStringLiteral("id"), m_hepcoReport}})
                     .toString(),
                 QStringLiteral("triaged -"));
        const auto summary = session.run(&error);
        QVERIFY2(summary, qPrintable(error));
        QCOMPARE(summary->removed, 1);
        QCOMPARE(replicaIds(*replica), QStringList{m_transportReport});
        const auto verified = verifyReplica(*replica, *central, &error);
        QVERIFY2(verified && verified->matches(),
                 qPrintable(verified ? verified->firstDifference : error));
    }

    void replicaKeptToItsUser()
    {
        // A replica filled for one user is refused to another, who may see other reports.
        QString error;
        const QString copy = m_dir.filePath(QStringLiteral("borrowed.db"));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("agency2.db")), copy));
        const Test::CtlRun borrowed =
            Test::runCtl({QStringLiteral("sync"), QStringLiteral("--central"),
                          userUrl(QStringLiteral("agency1")), QStringLiteral("--replica"), copy,
                          QStringLiteral("--once")});
        QCOMPARE(borrowed.exitCode, 1);
        QVERIFY2(borrowed.err.contains(QStringLiteral("holds what user agency2 may see, not user "
                                                      "agency1")),
                 qPrintable(borrowed.err));
        const Test::CtlRun verified =
            Test::runCtl({QStringLiteral("verify"), QStringLiteral("--central"),
                          userUrl(QStringLiteral("agency1")), QStringLiteral("--replica"), copy});
        QCOMPARE(verified.exitCode, 1);
        QVERIFY2(verified.out.contains(QStringLiteral("filled for agency2, not for agency1")) ||
                     verified.err.contains(QStringLiteral("filled for agency2, not for agency1")),
                 qPrintable(verified.out + verified.err));

        // An agency user moved to another agency gets that agency's reports, and only those.
        auto center = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        QVERIFY2(center, qPrintable(error));
        const auto forwarded =
            submitAs(*center, OperationKind::Assign, m_openReport,
                     Test::assignPayload(QStringLiteral("hepco")), Role::Operator);
        QVERIFY(forwarded && forwarded->accepted());
        QVERIFY(psql(QStringLiteral("owner"),
                     QStringLiteral("UPDATE app_user SET agency = 'hepco' WHERE name = 'agency2'"))
                    .exitCode == 0);
        auto central = Central::open(userUrl(QStringLiteral("agency2")), false, &error);
        QVERIFY2(central, qPrintable(error));
        auto replica = Test::openReplica(m_dir, QStringLiteral("agency2.db"));
        QVERIFY(replica);
        SyncSession session(*replica, *central);
        QVERIFY2(session.run(&error), qPrintable(error));
        const QString hepco =
            superuserScalar(QStringLiteral("SELECT string_agg(id, ',' ORDER BY id) FROM report "
                                           "WHERE agency = 'hepco'"))
                .toString();
        QCOMPARE(replicaIds(*replica).join(QLatin1Char(',')), hepco);
        QVERIFY(replicaIds(*replica).contains(m_openReport));
        QVERIFY(!replicaIds(*replica).contains(m_transportReport));
        const auto result = verifyReplica(*replica, *central, &error);
        QVERIFY2(result && result->matches(), qPrintable(result ? result->firstDifference : error));
        QVERIFY(psql(QStringLiteral("owner"),
                     QStringLiteral("UPDATE app_user SET agency = 'so-xd' WHERE name = 'agency2'"))
                    .exitCode == 0);
    }

    void kioskSyncsWithoutTexts()
    {
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("kiosk1")), false, &error);
        QVERIFY2(central, qPrintable(error));
        {
            auto replica = Test::openReplica(m_dir, QStringLiteral("kiosk.db"));
            QVERIFY(replica);
            SyncSession session(*replica, *central);
            const auto summary = session.run(&error);
            QVERIFY2(summary, qPrintable(error));
            QCOMPARE(summary->received,
                     superuserScalar(QStringLiteral("SELECT count(*) FROM report")).toInt());
            const auto verified = verifyReplica(*replica, *central, &error);
            QVERIFY2(verified && verified->matches(),
                     qPrintable(verified ? verified->firstDifference : error));
        }
        const QString path = m_dir.filePath(QStringLiteral("kiosk.db"));
        QCOMPARE(Test::centralScalar(path, QStringLiteral("SELECT count(*) FROM report WHERE "
                                                          "coalesce(title, '') <> '' OR "
                                                          "coalesce(description, '') <> '' OR "
                                                          "coalesce(address, '') <> ''"))
                     .toInt(),
                 0);
        QCOMPARE(Test::centralScalar(path, QStringLiteral("SELECT count(*) FROM event WHERE "
                                                          "actor <> '' OR data <> '{}'"))
                     .toInt(),
                 0);
        // What the wall display shows is there: states, fields and agencies.
        for (const QString &shown :
             {QStringLiteral("SELECT count(*) FROM report WHERE status = 'assigned'"),
              QStringLiteral("SELECT count(*) FROM report WHERE category = 'urban_infrastructure'"),
              QStringLiteral("SELECT count(*) FROM report WHERE agency = 'so-xd'")}) {
            QCOMPARE(Test::centralScalar(path, shown).toInt(), superuserScalar(shown).toInt());
        }
        QDir folder(m_dir.path());
        for (const QString &name : folder.entryList({QStringLiteral("kiosk.db*")}, QDir::Files)) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(QStringLiteral("Mô tả riêng").toUtf8()), qPrintable(name));
            QVERIFY2(!bytes.contains("12 L"), qPrintable(name));
        }
    }
    void serverRejectsModifiedClient()
    {
        // Clients that claim to be operators get the server's refusal, one operation at a time:
        // the submission goes on and nothing changes.
        QString error;
        auto agency = Central::open(userUrl(QStringLiteral("agency2")), false, &error);
        QVERIFY2(agency, qPrintable(error));
        const auto transport = agency->snapshotsOf({m_transportReport}, &error);
        QVERIFY2(transport && transport->size() == 1, qPrintable(error));
        const Report &report = transport->first().report;
        Operation retitle = Test::makeOperation(
            OperationKind::EditText, report,
            {{QStringLiteral("fields"),
              QJsonObject{{QStringLiteral("title"),
                           QJsonObject{{QStringLiteral("from"), report.title},
                                       {QStringLiteral("to"), QStringLiteral("Đổi tiêu đề")}}}}}},
            QStringLiteral("agency2"));
        auto results = agency->submit({retitle}, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->first().refusal, Refusal::NotPermitted);
        QVERIFY2(results->first().reason.contains(QStringLiteral("permission denied")),
                 qPrintable(results->first().reason));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT title FROM report WHERE id = :id"),
                                 {{QStringLiteral("id"), m_transportReport}})
                     .toString(),
                 report.title);
        // Delivered again, it gets the recorded refusal.
        results = agency->submit({retitle}, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->first().refusal, Refusal::NotPermitted);

        auto kiosk = Central::open(userUrl(QStringLiteral("kiosk1")), false, &error);
        QVERIFY2(kiosk, qPrintable(error));
        const qint64 events =
            superuserScalar(QStringLiteral("SELECT count(*) FROM event")).toLongLong();
        QList<Operation> notes;
        for (const QString &id : {m_openReport, m_transportReport}) {
            Report known;
            known.id = id;
            known.status = Status::Triaged;
            notes.append(Test::makeOperation(OperationKind::AddNote, known,
                                             {{QStringLiteral("text"), QStringLiteral("xin chào")}},
                                             QStringLiteral("kiosk1")));
        }
        results = kiosk->submit(notes, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->size(), 2);
        for (const OperationResult &result : std::as_const(*results))
            QCOMPARE(result.refusal, Refusal::NotPermitted);
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM event")).toLongLong(),
                 events);
    }

    void linkReporterOnlyForNewReport()
    {
        // An operator may not attach a caller to a report that this transaction did not create.
        const PsqlRun run =
            psql(QStringLiteral("operator1"), QStringLiteral("SELECT link_reporter('%1', 'Kẻ lạ', "
                                                             "'+84905000111')")
                                                  .arg(m_reportId));
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QStringLiteral("was not created in this transaction")),
                 qPrintable(run.err));
        QCOMPARE(Test::centralScalar(m_ownerUrl, QStringLiteral("SELECT count(*) FROM reporter "
                                                                "WHERE phone = '+84905000111'"))
                     .toInt(),
                 0);
    }

    void operatorCreatesHotlineReport()
    {
        QString error;
        auto central = Central::open(userUrl(QStringLiteral("operator1")), false, &error);
        QVERIFY2(central, qPrintable(error));
        const QString waiting = m_dir.filePath(QStringLiteral("hotline.jpg"));
        QVERIFY(QFile::copy(
            Test::dataPath(QStringLiteral("media/recurser_landscape_orientation6.jpg")), waiting));
        QFile photo(waiting);
        QVERIFY(photo.open(QIODevice::ReadOnly));
        const AttachedFile file{
            waiting,
            QStringLiteral("hotline.jpg"),
            QString::fromLatin1(
                QCryptographicHash::hash(photo.readAll(), QCryptographicHash::Sha256).toHex()),
            photo.size(),
            QStringLiteral("image/jpeg"),
            MediaKind::Photo};

        Report report;
        report.title = QStringLiteral("Ngập nước ở kiệt 12");
        report.channel = Channel::Hotline;
        report.receivedAt = QDateTime::currentDateTimeUtc();
        Report empty;
        empty.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const Operation create = Test::makeOperation(
            OperationKind::Create, empty,
            createPayload(
                report, {{}, QStringLiteral("Hồ Thị Mai"), QStringLiteral("+84905000222")}, {file}),
            QStringLiteral("operator1"));
        const auto results = central->submit({create}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY2(results->first().accepted(), qPrintable(results->first().reason));

        const auto snapshots = central->snapshotsOf({empty.id}, &error);
        QVERIFY2(snapshots && snapshots->size() == 1, qPrintable(error));
        QVERIFY(!snapshots->first().report.publicCode.isEmpty());
        QCOMPARE(snapshots->first().report.reporterCount, 1);
        QCOMPARE(snapshots->first().media.size(), 1);
        QCOMPARE(Test::centralScalar(m_ownerUrl,
                                     QStringLiteral("SELECT p.phone FROM reporter p JOIN "
                                                    "report_reporter l ON l.reporter_id = p.id "
                                                    "WHERE l.report_id = :id"),
                                     {{QStringLiteral("id"), empty.id}})
                     .toString(),
                 QStringLiteral("+84905000222"));
    }

    // An administrator's workstation runs the time-based steps and records ratings: it closes,
    // reopens and reminds through the central's decisions, with its own rights.
    void adminRunsMaintenanceAndRates()
    {
        const QString old = resolvedReport(QStringLiteral("maint-old"));
        const QString rated = resolvedReport(QStringLiteral("maint-rated"));
        const QString waiting = assignedReport(QStringLiteral("maint-urgent"), QString());
        QVERIFY(!old.isEmpty() && !rated.isEmpty() && !waiting.isEmpty());
        superuserScalar(QStringLiteral("UPDATE report SET resolved_at = now() - interval '8 days' "
                                       "WHERE id = :id RETURNING id"),
                        {{QStringLiteral("id"), old}});
        superuserScalar(QStringLiteral("UPDATE report SET priority = 'urgent', received_at = now() "
                                       "- interval '25 minutes' WHERE id = :id RETURNING id"),
                        {{QStringLiteral("id"), waiting}});

        const QString code =
            superuserScalar(QStringLiteral("SELECT public_code FROM report WHERE id = :id"),
                            {{QStringLiteral("id"), rated}})
                .toString();
        const Test::CtlRun rating =
            Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("unsatisfied"),
                          QStringLiteral("--comment"), QStringLiteral("Vẫn còn rác"),
                          QStringLiteral("--central"), userUrl(QStringLiteral("admin1"))});
        QVERIFY2(rating.exitCode == 0, qPrintable(rating.err));
        const Test::CtlRun run =
            Test::runCtl({QStringLiteral("maintenance"), QStringLiteral("--central"),
                          userUrl(QStringLiteral("admin1"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("rating period: 1")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("urgent reminders: 1")), qPrintable(run.out));

        const auto state = [&](const QString &id) {
            return superuserScalar(QStringLiteral("SELECT status FROM report WHERE id = :id"),
                                   {{QStringLiteral("id"), id}})
                .toString();
        };
        QCOMPARE(state(old), QStringLiteral("closed"));
        QCOMPARE(state(rated), QStringLiteral("assigned"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor FROM event WHERE report_id = :id "
                                                "AND kind = 'reminded'"),
                                 {{QStringLiteral("id"), waiting}})
                     .toString(),
                 QStringLiteral("admin1"));

        // The report reopened to its agency has no answer left to rate.
        const Test::CtlRun again =
            Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("satisfied"),
                          QStringLiteral("--central"), userUrl(QStringLiteral("admin1"))});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("refused")), qPrintable(again.err));
    }

    // The rating steps are the system's, run from an administrator's workstation. An operator's
    // client that declares the role system is refused by the server, and the report stays
    // resolved and unrated.
    void operatorSystemStepsRejected_data()
    {
        QTest::addColumn<OperationKind>("kind");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("move");

        QTest::newRow("rate satisfied")
            << OperationKind::Rate
            << QJsonObject{{QStringLiteral("rating"), QStringLiteral("satisfied")}}
            << QStringLiteral("from resolved to closed");
        QTest::newRow("rate unsatisfied")
            << OperationKind::Rate
            << QJsonObject{{QStringLiteral("rating"), QStringLiteral("unsatisfied")},
                           {QStringLiteral("comment"), QStringLiteral("Vẫn còn ngập")}}
            << QStringLiteral("from resolved to assigned");
        QTest::newRow("close unrated") << OperationKind::CloseUnrated << QJsonObject{}
                                       << QStringLiteral("from resolved to closed");
    }

    void operatorSystemStepsRejected()
    {
        QFETCH(OperationKind, kind);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, move);

        const QString id =
            resolvedReport(QStringLiteral("system-") + QString::fromUtf8(QTest::currentDataTag()));
        QVERIFY(!id.isEmpty());
        // Past the rating period, so that the client's own rules let close_unrated through.
        superuserScalar(QStringLiteral("UPDATE report SET resolved_at = now() - interval '8 days' "
                                       "WHERE id = :id RETURNING id"),
                        {{QStringLiteral("id"), id}});

        const auto result =
            submitAsUser(QStringLiteral("operator1"), kind, id, payload, Role::System);
        QVERIFY(result);
        QCOMPARE(result->refusal, Refusal::NotPermitted);
        QVERIFY2(result->reason.contains(QStringLiteral("report ") + id),
                 qPrintable(result->reason));
        QVERIFY2(result->reason.contains(move), qPrintable(result->reason));
        QCOMPARE(statusOf(id), QStringLiteral("resolved"));
        QVERIFY(superuserScalar(QStringLiteral("SELECT rating FROM report WHERE id = :id"),
                                {{QStringLiteral("id"), id}})
                    .isNull());
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM event WHERE report_id = :id "
                                                "AND kind = 'rated'"),
                                 {{QStringLiteral("id"), id}})
                     .toInt(),
                 0);
    }

    // The same columns and events written through psql, as a client of one's own would.
    void psqlSystemColumnsRejected_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("sql");

        const QString report = superuserScalar(QStringLiteral("SELECT min(id) FROM report WHERE "
                                                              "status = 'resolved'"))
                                   .toString();
        QVERIFY(!report.isEmpty());
        QTest::newRow("operator sets rating")
            << QStringLiteral("operator1")
            << QStringLiteral("UPDATE report SET rating = 1 WHERE id = '%1'").arg(report);
        QTest::newRow("supervisor sets closed_at")
            << QStringLiteral("supervisor1")
            << QStringLiteral("UPDATE report SET closed_at = now() WHERE id = '%1'").arg(report);
        QTest::newRow("supervisor closes")
            << QStringLiteral("supervisor1")
            << QStringLiteral("UPDATE report SET status = 'closed' WHERE id = '%1'").arg(report);
        QTest::newRow("operator records rating")
            << QStringLiteral("operator1")
            << QStringLiteral("INSERT INTO event (id, report_id, kind, at, data) VALUES "
                              "('forged-rating', '%1', 'rated', now(), '{\"rating\": "
                              "\"satisfied\"}')")
                   .arg(report);
        QTest::newRow("operator inserts rated report")
            << QStringLiteral("operator1")
            << QStringLiteral("INSERT INTO report (id, channel, priority, status, received_at, "
                              "version, revision, rating) VALUES ('forged-report', 'hotline', "
                              "'normal', 'new', now(), 1, nextval('report_revision_seq'), 3)");
    }

    void psqlSystemColumnsRejected()
    {
        QFETCH(QString, user);
        QFETCH(QString, sql);

        const qint64 events =
            superuserScalar(QStringLiteral("SELECT count(*) FROM event")).toLongLong();
        const PsqlRun run = psql(user, sql);
        QVERIFY2(run.exitCode != 0, qPrintable(run.out));
        QVERIFY2(run.err.contains(user + QStringLiteral(" may not")), qPrintable(run.err));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM event")).toLongLong(),
                 events);
    }

    void operatorCannotReopenClosedReport()
    {
        const QString id = resolvedReport(QStringLiteral("reopen-closed"));
        QVERIFY(!id.isEmpty());
        const QString code =
            superuserScalar(QStringLiteral("SELECT public_code FROM report WHERE id = :id"),
                            {{QStringLiteral("id"), id}})
                .toString();
        const Test::CtlRun rating =
            Test::runCtl({QStringLiteral("rate"), code, QStringLiteral("satisfied"),
                          QStringLiteral("--central"), userUrl(QStringLiteral("admin1"))});
        QVERIFY2(rating.exitCode == 0, qPrintable(rating.err));
        QCOMPARE(statusOf(id), QStringLiteral("closed"));

        const QJsonObject reason{{QStringLiteral("reason"), QStringLiteral("Người dân gọi lại")}};
        const auto refused = submitAsUser(QStringLiteral("operator1"), OperationKind::Reopen, id,
                                          reason, Role::Supervisor);
        QVERIFY(refused);
        QCOMPARE(refused->refusal, Refusal::NotPermitted);
        QVERIFY2(
            refused->reason.contains(QStringLiteral("report %1 from closed to triaged").arg(id)),
            qPrintable(refused->reason));
        QCOMPARE(statusOf(id), QStringLiteral("closed"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT count(*) FROM event WHERE report_id = :id "
                                                "AND kind = 'reopened'"),
                                 {{QStringLiteral("id"), id}})
                     .toInt(),
                 0);

        // A supervisor reopens it, which clears the rating and the closing time.
        const auto reopened = submitAsUser(QStringLiteral("supervisor1"), OperationKind::Reopen, id,
                                           reason, Role::Supervisor);
        QVERIFY(reopened);
        QVERIFY2(reopened->accepted(), qPrintable(reopened->reason));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT status || ' ' || coalesce(rating::text, "
                                                "'-') || ' ' || coalesce(closed_at::text, '-') "
                                                "FROM report WHERE id = :id"),
                                 {{QStringLiteral("id"), id}})
                     .toString(),
                 QStringLiteral("triaged - -"));
    }

    // Undoing a bulk rejection is the operator's own step back, which the server allows
    // without a supervisor.
    void operatorUndoesOwnRejection()
    {
        const QString id = assignedReport(QStringLiteral("undo-reject"), QString());
        QVERIFY(!id.isEmpty());
        const auto triaged = assignmentOnCentral(id);
        QVERIFY(triaged);
        QCOMPARE(triaged->status, Status::Triaged);

        const auto rejected =
            submitAsUser(QStringLiteral("operator1"), OperationKind::Reject, id,
                         {{QStringLiteral("reason"), QStringLiteral("Tin rác")}}, Role::Operator);
        QVERIFY(rejected);
        QVERIFY2(rejected->accepted(), qPrintable(rejected->reason));
        const QString step = rejectionOf(id);
        QVERIFY(!step.isEmpty());

        const auto undone = submitAsUser(
            QStringLiteral("operator1"), OperationKind::Undo, id,
            {{QStringLiteral("undoes"), step}, {QStringLiteral("restore"), triaged->toJson()}},
            Role::Operator);
        QVERIFY(undone);
        QVERIFY2(undone->accepted(), qPrintable(undone->reason));
        QCOMPARE(statusOf(id), QStringLiteral("triaged"));
        QCOMPARE(superuserScalar(QStringLiteral("SELECT actor FROM event WHERE report_id = :id "
                                                "AND kind = 'undone'"),
                                 {{QStringLiteral("id"), id}})
                     .toString(),
                 QStringLiteral("operator1"));
    }

    // An operator's client that signs an undo with a supervisor's name cannot take back the
    // supervisor's rejection: the server compares the signed-in users.
    void operatorCannotUndoSupervisorsRejection()
    {
        const QString id = assignedReport(QStringLiteral("undo-other"), QString());
        QVERIFY(!id.isEmpty());
        const auto triaged = assignmentOnCentral(id);
        QVERIFY(triaged);
        const auto rejected =
            submitAsUser(QStringLiteral("supervisor1"), OperationKind::Reject, id,
                         {{QStringLiteral("reason"), QStringLiteral("Trùng")}}, Role::Supervisor);
        QVERIFY(rejected);
        QVERIFY2(rejected->accepted(), qPrintable(rejected->reason));
        const QString step = rejectionOf(id);

        const auto undone = submitAsUser(
            QStringLiteral("operator1"), OperationKind::Undo, id,
            {{QStringLiteral("undoes"), step}, {QStringLiteral("restore"), triaged->toJson()}},
            Role::Operator, QStringLiteral("supervisor1"));
        QVERIFY(undone);
        QCOMPARE(undone->refusal, Refusal::NotPermitted);
        QVERIFY2(
            undone->reason.contains(QStringLiteral("report %1 from rejected to triaged").arg(id)),
            qPrintable(undone->reason));
        QCOMPARE(statusOf(id), QStringLiteral("rejected"));
    }
};

QTEST_GUILESS_MAIN(PgRolesTest)
#include "tst_pgroles.moc"
