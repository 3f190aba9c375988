// Initial sync of a large PostgreSQL central into an empty replica, against the raw limit of
// the same machine measured in the same run. The raw limit is a COPY of the same rows out of
// PostgreSQL plus inserting them into the same replica schema in one transaction through the
// SQLite C API.
//
//   syncbench --pg postgresql://USER@127.0.0.1:PORT/postgres --reports 100000
//
// The program creates a database of its own on that server and drops it at the end. With
// --smoke it also compares the replica with the central and exits with 1 on a difference.

#include "benchsupport.h"
#include "central/central.h"
#include "central/referencedata.h"
#include "core/rows.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "resources/resources.h"
#include "storage/replica.h"
#include "sync/syncengine.h"
#include "sync/verify.h"

#include <cstdio>
#include <libpq-fe.h>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <sqlite3.h>

using namespace CivicDesk;
using namespace CivicDesk::Bench;

namespace {

// Fills the central with `count` reports, each with its "imported" event, in one statement
// per table. Texts are Vietnamese and of a realistic length.
void generateReports(Central &central, const QString &url, int count)
{
    Q_UNUSED(central);
    SqlConnection connection(QStringLiteral("bench-fill"));
    QString error;
    if (!connection.openPostgres(url, &error))
        fail(error);
    const QString reports = QStringLiteral(
        "INSERT INTO report (id, public_code, source, source_id, channel, description, category, "
        "priority, status, latitude, longitude, address, received_at, updated_at, due_at, "
        "version, revision) "
        "SELECT md5(g::text)::uuid::text, 'HUE-250101-' || lpad(g::text, 7, '0'), 'bench', "
        "g::text, 'app', 'Đèn đường hỏng trước nhà số ' || g || ' đường Lê Lợi, phường Phú "
        "Hội; người dân phản ánh đã nhiều ngày không được sửa, buổi tối rất tối và nguy hiểm.', "
        "(ARRAY['urban_infrastructure','environmental_sanitation','traffic_infrastructure'])"
        "[1 + g % 3], 'normal', (ARRAY['new','triaged','closed'])[1 + g % 3], "
        "16.40 + (g % 997) * 0.0001, 107.55 + (g % 991) * 0.0001, 'Số ' || g || ' Lê Lợi', "
        "timestamptz '2025-01-01 00:00Z' + g * interval '1 minute', "
        "timestamptz '2025-01-01 00:00Z' + g * interval '1 minute', "
        "timestamptz '2025-01-11 00:00Z' + g * interval '1 minute', 1, "
        "nextval('report_revision_seq') FROM generate_series(1, %1) g");
    const QString events = QStringLiteral(
        "INSERT INTO event (id, report_id, kind, actor, at, data) "
        "SELECT md5('e' || g)::uuid::text, md5(g::text)::uuid::text, 'imported', 'bench', "
        "timestamptz '2025-01-01 00:00Z' + g * interval '1 minute', "
        "'{\"source\":\"bench\",\"source_status\":\"open\"}' FROM generate_series(1, %1) g");
    if (!execSql(connection.database(), reports.arg(count), &error) ||
        !execSql(connection.database(), events.arg(count), &error) ||
        !execSql(connection.database(), QStringLiteral("ANALYZE"), &error))
        fail(error);
}

// One row of COPY's text format split into fields; \N is NULL.
QList<QByteArray> copyFields(const char *data, int size, QList<bool> *nulls)
{
    QList<QByteArray> fields;
    nulls->clear();
    QByteArray field;
    for (int i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '\t' || c == '\n') {
            nulls->append(field == "\\N");
            fields.append(field);
            field.clear();
            continue;
        }
        if (c == '\\' && i + 1 < size && data[i + 1] != 'N') {
            static const QHash<char, char> escapes{{'t', '\t'}, {'n', '\n'}, {'r', '\r'}};
            const char next = data[++i];
            field.append(escapes.value(next, next));
            continue;
        }
        field.append(c);
    }
    return fields;
}

// Reads `query` with COPY ... TO STDOUT and inserts each row into `table` of the SQLite file
// through one prepared statement. Returns the rows copied.
qint64 copyTable(PGconn *pg, sqlite3 *lite, const QString &query, const QString &table,
                 const QStringList &columns)
{
    QStringList marks;
    for (int i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    const QByteArray insert =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))
            .toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(lite, insert.constData(), -1, &statement, nullptr) != SQLITE_OK)
        fail(QString::fromUtf8(sqlite3_errmsg(lite)));

    PGresult *result = PQexec(pg, QStringLiteral("COPY (%1) TO STDOUT").arg(query).toUtf8());
    if (PQresultStatus(result) != PGRES_COPY_OUT)
        fail(QString::fromUtf8(PQerrorMessage(pg)));
    PQclear(result);
    qint64 rows = 0;
    char *buffer = nullptr;
    int size = 0;
    QList<bool> nulls;
    while ((size = PQgetCopyData(pg, &buffer, 0)) > 0) {
        const QList<QByteArray> fields = copyFields(buffer, size, &nulls);
        for (int i = 0; i < fields.size(); ++i) {
            if (nulls.at(i))
                sqlite3_bind_null(statement, i + 1);
            else
                sqlite3_bind_text(statement, i + 1, fields.at(i).constData(),
                                  int(fields.at(i).size()), SQLITE_TRANSIENT);
        }
        if (sqlite3_step(statement) != SQLITE_DONE)
            fail(QString::fromUtf8(sqlite3_errmsg(lite)));
        sqlite3_reset(statement);
        PQfreemem(buffer);
        ++rows;
    }
    result = PQgetResult(pg);
    if (PQresultStatus(result) != PGRES_COMMAND_OK)
        fail(QString::fromUtf8(PQerrorMessage(pg)));
    PQclear(result);
    sqlite3_finalize(statement);
    return rows;
}

// The raw limit: both tables copied out of PostgreSQL and into a replica schema.
qint64 rawCopy(const QString &url, const QString &replicaPath)
{
    {
        Replica replica(replicaPath); // creates the schema with its indexes
        QString error;
        if (!replica.open(&error))
            fail(error);
    }
    QElapsedTimer timer;
    timer.start();
    const QUrl parsed(url);
    const QByteArray conninfo = QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
                                    .arg(parsed.host())
                                    .arg(parsed.port(5432))
                                    .arg(parsed.path().mid(1), parsed.userName())
                                    .toUtf8();
    PGconn *pg = PQconnectdb(conninfo.constData());
    if (PQstatus(pg) != CONNECTION_OK)
        fail(QString::fromUtf8(PQerrorMessage(pg)));
    PQclear(PQexec(pg, "SET TIME ZONE 'UTC'"));
    sqlite3 *lite = nullptr;
    if (sqlite3_open(QFile::encodeName(replicaPath).constData(), &lite) != SQLITE_OK)
        fail(QStringLiteral("cannot open %1").arg(replicaPath));
    sqlite3_exec(lite, "BEGIN", nullptr, nullptr, nullptr);
    const QStringList reportColumnList = reportColumns();
    const QStringList eventColumnList = eventColumns();
    copyTable(pg, lite,
              QStringLiteral("SELECT %1 FROM report ORDER BY txid, revision")
                  .arg(reportColumnList.join(QLatin1Char(','))),
              QStringLiteral("report"), reportColumnList);
    copyTable(pg, lite,
              QStringLiteral("SELECT %1 FROM event").arg(eventColumnList.join(QLatin1Char(','))),
              QStringLiteral("event"), eventColumnList);
    if (sqlite3_exec(lite, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(QString::fromUtf8(sqlite3_errmsg(lite)));
    sqlite3_close(lite);
    PQfinish(pg);
    return timer.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Initial sync from PostgreSQL against the raw copy limit"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("pg"), QStringLiteral("Superuser URL of the server."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("reports"), QStringLiteral("Reports to sync."),
                      QStringLiteral("count"), QStringLiteral("100000")});
    parser.addOption(
        {QStringLiteral("smoke"), QStringLiteral("Also compare the replica with the central.")});
    parser.process(app);
    const QString adminUrl = parser.value(QStringLiteral("pg"));
    const int count = parser.value(QStringLiteral("reports")).toInt();
    if (adminUrl.isEmpty() || count <= 0)
        fail(QStringLiteral("give --pg URL and --reports COUNT"));

    QString error;
    const QString url = createDatabase(adminUrl);
    QTemporaryDir dir;
    int status = 0;
    {
        auto central = Central::open(url, true, &error);
        const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
        if (!central || !reference || !central->initialize(*reference, &error))
            fail(error);
        QElapsedTimer timer;
        timer.start();
        generateReports(*central, url, count);
        say(QStringLiteral("generated %1 reports in %2 ms").arg(count).arg(timer.elapsed()));

        const qint64 rawMs = rawCopy(url, dir.filePath(QStringLiteral("raw.sqlite")));
        say(QStringLiteral("raw limit (COPY out + SQLite C API in): %1 ms").arg(rawMs));

        // The sync runs on the engine's own thread, as in the application. A 10 ms timer on
        // this thread measures how long the event loop waits meanwhile.
        const QString replicaPath = dir.filePath(QStringLiteral("replica.sqlite"));
        SyncEngine engine(url, replicaPath);
        qint64 syncMs = 0;
        qint64 worstTickMs = 0;
        QElapsedTimer sinceTick;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(10);
        QObject::connect(&tick, &QTimer::timeout,
                         [&] { worstTickMs = std::max(worstTickMs, sinceTick.restart()); });
        QObject::connect(&engine, &SyncEngine::synced, &app, [&](const SyncSummary &summary) {
            if (summary.received == 0 || syncMs > 0)
                return;
            syncMs = timer.elapsed();
            app.quit();
        });
        QObject::connect(&engine, &SyncEngine::failed, &app,
                         [](const QString &message) { fail(message); });
        const qint64 memoryBefore = memoryPeakMiB();
        restartMemoryPeak();
        timer.restart();
        sinceTick.start();
        tick.start();
        engine.start(3600 * 1000);
        app.exec();
        tick.stop();
        engine.stop();
        say(QStringLiteral("sync into an empty replica: %1 ms, %2x the raw limit")
                .arg(syncMs)
                .arg(double(syncMs) / double(std::max<qint64>(1, rawMs)), 0, 'f', 2));
        say(QStringLiteral("longest wait of a 10 ms timer on the main thread: %1 ms")
                .arg(worstTickMs));
        say(QStringLiteral("peak resident memory: %1 MiB before the sync, %2 MiB during it")
                .arg(memoryBefore)
                .arg(memoryPeakMiB()));

        if (parser.isSet(QStringLiteral("smoke"))) {
            Replica replica(replicaPath);
            if (!replica.open(&error))
                fail(error);
            const auto result = verifyReplica(replica, *central, &error);
            if (!result)
                fail(error);
            if (!result->matches() || result->reportsCompared != count) {
                std::fprintf(stderr, "syncbench: replica differs after %d reports: %s\n",
                             result->reportsCompared, result->firstDifference.toUtf8().constData());
                status = 1;
            } else {
                say(QStringLiteral("replica matches the central: %1 reports").arg(count));
            }
        }
    }
    dropDatabase(adminUrl, url);
    say(QStringLiteral("machine: %1, %2 cores, Qt %3")
            .arg(QSysInfo::prettyProductName())
            .arg(QThread::idealThreadCount())
            .arg(QString::fromLatin1(qVersion())));
    return status;
}
