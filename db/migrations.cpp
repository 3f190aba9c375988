#include "db/migrations.h"

#include "core/logging.h"
#include "db/sqlquery.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace CivicDesk {

int sqliteUserVersion(const QSqlDatabase &database)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

namespace {

bool runMigration(const QSqlDatabase &database, const Migration &migration, int applicationId,
                  QString *error)
{
    QFile file(migration.resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read migration %1").arg(migration.resourcePath);
        return false;
    }
    const QString script = QString::fromUtf8(file.readAll());

    SqlTransaction transaction(database, true);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    if (sqliteUserVersion(database) >= migration.version)
        return true; // another process applied it while this one waited for the lock
    if (!execScript(database, script, error))
        return false;
    if (migration.afterSql && !migration.afterSql(database, error))
        return false;
    const QString setVersion = QStringLiteral("PRAGMA user_version = %1").arg(migration.version);
    const QString setApplication = QStringLiteral("PRAGMA application_id = %1").arg(applicationId);
    if (!execSql(database, setVersion, error) || !execSql(database, setApplication, error))
        return false;
    return transaction.commit(error);
}

int pragmaValue(const QSqlDatabase &database, const QString &pragma)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString kindOf(int applicationId)
{
    if (applicationId == replicaApplicationId)
        return QStringLiteral("a CivicDesk replica");
    if (applicationId == centralApplicationId)
        return QStringLiteral("an embedded CivicDesk central database");
    return QStringLiteral("not a CivicDesk database");
}

// Rejects, without writing to it, a file that contains something other than what is expected.
bool checkIdentity(const QSqlDatabase &database, int applicationId, const QString &what,
                   QString *error)
{
    const int found = pragmaValue(database, QStringLiteral("application_id"));
    const int version = sqliteUserVersion(database);
    const int tables = pragmaValue(database, QStringLiteral("schema_version"));
    if (found < 0 || version < 0 || tables < 0) {
        *error = QStringLiteral("cannot read the %1: %2").arg(what, database.lastError().text());
        return false;
    }
    const bool empty = version == 0 && database.tables().isEmpty();
    if (empty || found == applicationId)
        return true;
    // Files written before application ids were set carry 0; their tables tell them apart.
    const QString markerTable = applicationId == replicaApplicationId
                                    ? QStringLiteral("outbox")
                                    : QStringLiteral("applied_operation");
    if (found == 0 && version > 0 && database.tables().contains(markerTable))
        return true;
    *error = QStringLiteral("cannot open the %1: the file is %2; check the path")
                 .arg(what, kindOf(found));
    return false;
}

} // namespace

bool migrateSqlite(const QSqlDatabase &database, const QList<Migration> &migrations,
                   int applicationId, const QString &what, QString *error)
{
    if (!checkIdentity(database, applicationId, what, error))
        return false;
    const int current = sqliteUserVersion(database);
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current > latest) {
        *error = QStringLiteral("the %1 has schema version %2, newer than the %3 this version of "
                                "CivicDesk knows; update CivicDesk, or open another %1")
                     .arg(what)
                     .arg(current)
                     .arg(latest);
        return false;
    }

    // Switching to WAL needs the file to itself, so it is done only once, by the first opener.
    QSqlQuery mode(database);
    const bool wal = mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next() &&
                     mode.value(0).toString() == QLatin1String("wal");
    mode.finish();
    QStringList pragmas{QStringLiteral("PRAGMA synchronous = NORMAL"),
                        QStringLiteral("PRAGMA foreign_keys = ON")};
    if (!wal)
        pragmas.prepend(QStringLiteral("PRAGMA journal_mode = WAL"));
    for (const QString &pragma : std::as_const(pragmas)) {
        if (!execSql(database, pragma, error)) {
            *error = QStringLiteral("cannot open the %1: %2").arg(what, *error);
            return false;
        }
    }

    for (const Migration &migration : migrations) {
        if (migration.version <= current)
            continue;
        qCInfo(lcStorage) << "migrating the" << what << "to schema version" << migration.version;
        QString stepError;
        if (!runMigration(database, migration, applicationId, &stepError)) {
            *error = QStringLiteral("migrating the %1 to schema version %2 failed: %3")
                         .arg(what)
                         .arg(migration.version)
                         .arg(stepError);
            return false;
        }
    }
    return true;
}

} // namespace CivicDesk
