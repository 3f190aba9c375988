#pragma once

#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// Parses a postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE URL and opens a Qt SQL
// connection with that name. The error names the URL without its password.
bool openPostgres(const QString &url, const QString &connectionName, QString *error);

// Returns the URL with its password replaced by "***", for messages and logs.
QString redactedUrl(const QString &url);

// Newest schema version of a PostgreSQL central that this build supports.
int latestPostgresSchemaVersion();

// Applies every versioned SQL file of central/sql/postgresql that the database has not
// recorded in schema_migration, each in its own transaction, under an advisory lock so that
// two administrators migrating at once apply each file once. Rejects a database whose
// recorded version is newer than this build supports. Returns the versions it applied.
bool migratePostgres(const QSqlDatabase &database, QList<int> *applied, QString *error);

// Returns the recorded schema version, 0 for a database never migrated, -1 on failure.
int postgresSchemaVersion(const QSqlDatabase &database, QString *error);

} // namespace CivicDesk
