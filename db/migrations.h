#pragma once

#include <functional>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// One step of a schema: SQL from a resource file, then an optional C++ step for what SQL
// cannot compute (text folding, collation keys).
struct Migration
{
    int version;
    QString resourcePath;
    std::function<bool(const QSqlDatabase &, QString *)> afterSql;
};

// SQLite application ids (PRAGMA application_id) that tell CivicDesk's files apart, so that a
// central database is never opened as a replica, nor the other way round.
inline constexpr int replicaApplicationId = 0x43445250; // "CDRP"
inline constexpr int centralApplicationId = 0x43444345; // "CDCE"

// Migrates an SQLite file to the latest version of `migrations`. It first checks, without
// writing, that the file is the kind of database expected (by its application id) and not
// newer than this build. Then it sets WAL mode and applies each step in its own write
// transaction, recording the version in PRAGMA user_version. Two processes migrating the same
// new file at once are safe, because each step re-reads the version under the write lock.
// `what` names the file in messages ("replica /path").
bool migrateSqlite(const QSqlDatabase &database, const QList<Migration> &migrations,
                   int applicationId, const QString &what, QString *error);

int sqliteUserVersion(const QSqlDatabase &database);

} // namespace CivicDesk
