#include "db/migrations.h"

#include "core/logging.h"
#include "db/sqlquery.h"

#include <QFile>
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

bool runMigration(const QSqlDatabase &database, const Migration &migration, QString *error)
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
    if (!execScript(database, script, error))
        return false;
    if (migration.afterSql && !migration.afterSql(database, error))
        return false;
    const QString setVersion = QStringLiteral("PRAGMA user_version = %1").arg(migration.version);
    if (!execSql(database, setVersion, error))
        return false;
    return transaction.commit(error);
}

} // namespace

bool migrateSqlite(const QSqlDatabase &database, const QList<Migration> &migrations,
                   const QString &what, QString *error)
{
    const int current = sqliteUserVersion(database);
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current < 0) {
        *error = QStringLiteral("cannot read the schema version of the %1").arg(what);
        return false;
    }
    if (current > latest) {
        *error = QStringLiteral("the %1 has schema version %2, newer than the %3 this version of "
                                "CivicDesk knows; update CivicDesk, or open another %1")
                     .arg(what)
                     .arg(current)
                     .arg(latest);
        return false;
    }

    for (const Migration &migration : migrations) {
        if (migration.version <= current)
            continue;
        qCInfo(lcStorage) << "migrating the" << what << "to schema version" << migration.version;
        QString stepError;
        if (!runMigration(database, migration, &stepError)) {
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
