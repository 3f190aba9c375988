#pragma once

#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// One named Qt SQL connection to an SQLite file, removed again when the object goes. Opened in
// WAL mode, so that readers never block the writer, with foreign keys enforced and a busy
// timeout for writers of other processes. Qt ties the connection to the opening thread.
class SqliteConnection
{
public:
    explicit SqliteConnection(const QString &prefix);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // `what` names the file in messages ("replica /path").
    bool open(const QString &path, int busyTimeoutMs, const QString &what, QString *error);
    QSqlDatabase database() const;

private:
    QString m_name;
};

} // namespace CivicDesk
