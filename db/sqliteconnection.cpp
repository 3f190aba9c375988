#include "db/sqliteconnection.h"

#include "db/sqlquery.h"

#include <QSqlError>
#include <QStringList>

#include <atomic>

namespace CivicDesk {

SqliteConnection::SqliteConnection(const QString &prefix)
{
    static std::atomic<int> counter{0};
    m_name = QStringLiteral("%1-%2").arg(prefix).arg(++counter);
}

SqliteConnection::~SqliteConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase SqliteConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SqliteConnection::open(const QString &path, int busyTimeoutMs, const QString &what,
                            QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        *error = QStringLiteral("cannot open the %1: %2").arg(what, db.lastError().text());
        return false;
    }
    const QStringList pragmas{QStringLiteral("PRAGMA journal_mode = WAL"),
                              QStringLiteral("PRAGMA synchronous = NORMAL"),
                              QStringLiteral("PRAGMA foreign_keys = ON")};
    for (const QString &pragma : pragmas) {
        if (!execSql(db, pragma, error))
            return false;
    }
    return true;
}

} // namespace CivicDesk
