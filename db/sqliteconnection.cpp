#include "db/sqliteconnection.h"

#include <atomic>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>

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

bool SqliteConnection::open(const QString &path, int busyTimeoutMs, bool create,
                            const QString &what, QString *error)
{
    const QFileInfo file(path);
    if (!create && !file.exists()) {
        *error = QStringLiteral("the %1 does not exist").arg(what);
        return false;
    }
    if (!file.absoluteDir().exists()) {
        *error = QStringLiteral("cannot create the %1: the folder %2 does not exist")
                     .arg(what, file.absolutePath());
        return false;
    }
    if (file.isDir()) {
        *error = QStringLiteral("cannot open the %1: it is a folder").arg(what);
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        *error = QStringLiteral("cannot open the %1: %2").arg(what, db.lastError().text());
        return false;
    }
    return true;
}

} // namespace CivicDesk
