#include "benchsupport.h"

#include "db/sqlconnection.h"
#include "db/sqlquery.h"

#include <cstdio>
#include <cstdlib>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QUrl>

namespace CivicDesk::Bench {
namespace {

// Runs one statement on the server's administration database.
bool adminExec(const QString &adminUrl, const QString &sql, QString *error)
{
    const QString connection = QStringLiteral("bench-admin");
    bool ok = false;
    {
        ok = openPostgres(adminUrl, connection, error) &&
             execSql(QSqlDatabase::database(connection), sql, error);
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 message.toUtf8().constData());
    std::exit(1);
}

QString createDatabase(const QString &adminUrl)
{
    QString error;
    const QString url = createPostgresDatabase(adminUrl, QStringLiteral("civicdesk_bench"), &error);
    if (url.isEmpty())
        fail(error);
    return url;
}

void dropDatabase(const QString &adminUrl, const QString &url)
{
    const QString name = QUrl(url).path().mid(1);
    QString error;
    if (!adminExec(adminUrl, QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name), &error))
        std::fprintf(stderr, "%s\n", error.toUtf8().constData());
}

qint64 memoryPeakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    // Files in /proc report a size of 0, so the whole file is read at once.
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (!line.startsWith("VmHWM:"))
            continue;
        // "VmHWM:     123456 kB"
        const QList<QByteArray> fields = line.simplified().split(' ');
        return fields.size() >= 2 ? fields.at(1).toLongLong() / 1024 : -1;
    }
    return -1;
}

void restartMemoryPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

} // namespace CivicDesk::Bench
