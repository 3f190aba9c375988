#include "central/pgschema.h"

#include "core/logging.h"
#include "db/sqlquery.h"

#include <QFile>
#include <QSqlError>

namespace CivicDesk {
namespace {

// Key of the advisory lock held while migrating ("civicdsk" in ASCII).
constexpr qint64 migrationLockKey = 0x636976696364736bLL;

struct PostgresMigration
{
    int version;
    const char *resource;
};

constexpr PostgresMigration postgresMigrations[] = {
    {1, ":/civicdesk/central/postgresql/0001_initial.sql"},
    {2, ":/civicdesk/central/postgresql/0002_change_feed.sql"},
    {3, ":/civicdesk/central/postgresql/0003_media_file.sql"},
    {4, ":/civicdesk/central/postgresql/0004_roles.sql"},
    {5, ":/civicdesk/central/postgresql/0005_admin_audit.sql"},
    {6, ":/civicdesk/central/postgresql/0006_row_security.sql"},
    {7, ":/civicdesk/central/postgresql/0007_server_checks.sql"},
    {8, ":/civicdesk/central/postgresql/0008_workflow.sql"},
    {9, ":/civicdesk/central/postgresql/0009_claims.sql"},
    {10, ":/civicdesk/central/postgresql/0010_intake.sql"},
    {11, ":/civicdesk/central/postgresql/0011_role_checks.sql"},
};

bool applyMigration(const QSqlDatabase &database, const PostgresMigration &migration,
                    QString *error)
{
    QFile file(QString::fromLatin1(migration.resource));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read migration %1").arg(file.fileName());
        return false;
    }
    SqlTransaction transaction(database);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    if (!execScript(database, QString::fromUtf8(file.readAll()), error))
        return false;
    SqlStatement record(
        database,
        QStringLiteral(
            "INSERT INTO schema_migration (version, applied_at) VALUES (:version, now())"));
    if (!record.bind(QStringLiteral(":version"), migration.version).exec(error))
        return false;
    return transaction.commit(error);
}

} // namespace

int latestPostgresSchemaVersion()
{
    return std::end(postgresMigrations)[-1].version;
}

int postgresSchemaVersion(const QSqlDatabase &database, QString *error)
{
    const auto exists =
        SqlStatement(database, QStringLiteral("SELECT to_regclass('schema_migration') IS NOT NULL"))
            .scalar(error);
    if (!exists)
        return -1;
    if (!exists->toBool())
        return 0;
    const auto version =
        SqlStatement(database,
                     QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migration"))
            .scalar(error);
    return version ? version->toInt() : -1;
}

bool migratePostgres(const QSqlDatabase &database, QList<int> *applied, QString *error)
{
    const QString lock = QStringLiteral("SELECT pg_advisory_lock(%1)").arg(migrationLockKey);
    const QString unlock = QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(migrationLockKey);
    if (!execSql(database, lock, error))
        return false;

    // Created only when missing: a user without rights to create tables (an administrator
    // running init) may open a database that is already up to date.
    int current = postgresSchemaVersion(database, error);
    bool ok = current >= 0;
    if (ok && current == 0) {
        ok = execSql(database,
                     QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migration (version integer "
                                    "PRIMARY KEY, applied_at timestamptz NOT NULL)"),
                     error);
        current = ok ? postgresSchemaVersion(database, error) : -1;
        ok = ok && current >= 0;
    }
    if (ok && current > latestPostgresSchemaVersion()) {
        *error = QStringLiteral("the central database has schema version %1, newer than the %2 "
                                "this version of CivicDesk knows; update CivicDesk")
                     .arg(current)
                     .arg(latestPostgresSchemaVersion());
        ok = false;
    }
    for (const PostgresMigration &migration : postgresMigrations) {
        if (!ok || migration.version <= current)
            continue;
        qCInfo(lcCentral) << "applying PostgreSQL migration" << migration.version;
        ok = applyMigration(database, migration, error);
        if (ok && applied)
            applied->append(migration.version);
    }

    QString unlockError;
    execSql(database, unlock, &unlockError);
    return ok;
}

} // namespace CivicDesk
