#pragma once

#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// One named Qt SQL connection to an SQLite file, removed again when the object goes, with a
// busy timeout for writers of other processes. migrateSqlite() then checks the file and sets
// WAL mode. Qt ties the connection to the opening thread.
class SqliteConnection
{
public:
    explicit SqliteConnection(const QString &prefix);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // `what` names the file in messages ("replica /path"). Without `create`, a missing file is
    // an error instead of a new empty database.
    bool open(const QString &path, int busyTimeoutMs, bool create, const QString &what,
              QString *error);
    QSqlDatabase database() const;

private:
    QString m_name;
};

} // namespace CivicDesk
