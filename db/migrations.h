#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace CivicDesk {

// One step of a schema: SQL from a resource file, then an optional C++ step for what SQL
// cannot compute (text folding, collation keys).
struct Migration
{
    int version;
    QString resourcePath;
    std::function<bool(const QSqlDatabase &, QString *)> afterSql;
};

// Brings an SQLite database to the latest version of `migrations`, each step in its own
// transaction, recording the version in PRAGMA user_version. Refuses a database whose
// version is newer than the newest migration, naming both versions and what to do.
// `what` names the database in messages ("replica", "central database").
bool migrateSqlite(const QSqlDatabase &database, const QList<Migration> &migrations,
                   const QString &what, QString *error);

int sqliteUserVersion(const QSqlDatabase &database);

} // namespace CivicDesk
