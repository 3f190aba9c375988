#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace CivicDesk {

// One named Qt SQL connection, removed again when the object goes. Qt ties a connection to the
// thread that opened it.
class SqlConnection
{
public:
    explicit SqlConnection(const QString &prefix);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    // Opens an SQLite file with a busy timeout for writers of other processes; migrateSqlite()
    // then checks the file and sets WAL mode. `what` names the file in messages
    // ("replica /path"). Without `create`, a missing file is an error instead of a new empty
    // database.
    bool open(const QString &path, int busyTimeoutMs, bool create, const QString &what,
              QString *error);
    // Opens a PostgreSQL database; see openPostgres().
    bool openPostgres(const QString &url, QString *error);

    QSqlDatabase database() const;
    const QString &name() const { return m_name; }

private:
    QString m_name;
};

// Parses a postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE URL and opens a Qt SQL
// connection with that name. The session's time zone is UTC. A connection that stops
// responding is noticed by TCP keepalives within about 15 s. The error names the URL without
// its password.
bool openPostgres(const QString &url, const QString &connectionName, QString *error);

// Creates a database named `prefix` and a random number on the server of `adminUrl`, a role
// allowed to create databases, and returns its URL; an empty string on failure. For tests and
// benchmarks, which work on databases of their own.
QString createPostgresDatabase(const QString &adminUrl, const QString &prefix, QString *error);

// Returns the first line of the server's message in a PostgreSQL error without the severity
// ("ERROR:") and the SQLSTATE that Qt's driver adds: "permission denied for table reporter".
QString postgresErrorSentence(const QSqlError &error);

// Returns the URL with its password replaced by "***", for messages and logs.
QString redactedUrl(const QString &url);

} // namespace CivicDesk
