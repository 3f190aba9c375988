#pragma once

#include "db/sqlconnection.h"

#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

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
