#include "db/sqlconnection.h"

#include "core/logging.h"
#include "db/sqlquery.h"

#include <atomic>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

namespace CivicDesk {

SqlConnection::SqlConnection(const QString &prefix)
{
    static std::atomic<int> counter{0};
    m_name = QStringLiteral("%1-%2").arg(prefix).arg(++counter);
}

SqlConnection::~SqlConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase SqlConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool SqlConnection::open(const QString &path, int busyTimeoutMs, bool create, const QString &what,
                         QString *error)
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

bool SqlConnection::openPostgres(const QString &url, QString *error)
{
    return CivicDesk::openPostgres(url, m_name, error);
}

QString createPostgresDatabase(const QString &adminUrl, const QString &prefix, QString *error)
{
    const QString name =
        QStringLiteral("%1_%2").arg(prefix).arg(QRandomGenerator::global()->generate());
    const QString connection = QStringLiteral("civicdesk-admin-") + name;
    bool created = false;
    {
        created = openPostgres(adminUrl, connection, error) &&
                  execSql(QSqlDatabase::database(connection),
                          QStringLiteral("CREATE DATABASE %1").arg(name), error);
    }
    QSqlDatabase::removeDatabase(connection);
    if (!created)
        return QString();
    QUrl url(adminUrl);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

QString postgresErrorSentence(const QSqlError &error)
{
    static const QRegularExpression severity(QStringLiteral("^(ERROR|FATAL|PANIC|WARNING):\\s*"));
    static const QRegularExpression sqlState(QStringLiteral("\\s*\\([0-9A-Z]{5}\\)$"));
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    text = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    return text.remove(severity).remove(sqlState);
}

QString redactedUrl(const QString &url)
{
    // On the text as written rather than through QUrl, which drops an invalid port: the
    // message must show the value that was wrong.
    static const QRegularExpression password(QStringLiteral("^([a-z]+://[^:@/]*):[^@/]*@"));
    QString redacted = url;
    return redacted.replace(password, QStringLiteral("\\1:***@"));
}

bool openPostgres(const QString &url, const QString &connectionName, QString *error)
{
    const QUrl parsed(url);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() ||
        (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres")) ||
        parsed.path().size() < 2) {
        *error = QStringLiteral("invalid PostgreSQL URL \"%1\"; expected "
                                "postgresql://USER@HOST:PORT/DATABASE")
                     .arg(redactedUrl(url));
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setDatabaseName(parsed.path().mid(1));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    // Keepalives make a connection to a server that vanished without closing the socket fail
    // after 5 + 3 * 3 s instead of waiting for the system's two hours.
    QStringList options{QStringLiteral("connect_timeout=10"), QStringLiteral("keepalives=1"),
                        QStringLiteral("keepalives_idle=5"),
                        QStringLiteral("keepalives_interval=3"),
                        QStringLiteral("keepalives_count=3")};
    // TLS settings of the connection come in the URL's query, as libpq names them. A value is
    // quoted for libpq, so that a file path may contain spaces.
    const QUrlQuery query(parsed);
    static const QStringList tlsKeys{QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                     QStringLiteral("sslcert"), QStringLiteral("sslkey")};
    static const QStringList sslModes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!tlsKeys.contains(key)) {
            *error = QStringLiteral("unknown setting \"%1\" in the PostgreSQL URL %2; expected %3")
                         .arg(key, redactedUrl(url), tlsKeys.join(QStringLiteral(", ")));
            return false;
        }
        if (key == QLatin1String("sslmode") && !sslModes.contains(value)) {
            *error = QStringLiteral("invalid sslmode \"%1\" in the PostgreSQL URL %2; expected %3")
                         .arg(value, redactedUrl(url), sslModes.join(QStringLiteral(", ")));
            return false;
        }
        // Qt's driver splits its options at ";".
        if (value.contains(QLatin1Char(';'))) {
            *error = QStringLiteral("the %1 \"%2\" in the PostgreSQL URL contains \";\", which "
                                    "the connection options cannot carry; rename the file")
                         .arg(key, value);
            return false;
        }
        QString quoted = value;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        quoted.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        options.append(QStringLiteral("%1='%2'").arg(key, quoted));
    }
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open()) {
        // The server's own message; the driver's "Unable to connect" adds nothing to it.
        const QSqlError failure = db.lastError();
        const QString reason = failure.databaseText().trimmed().isEmpty()
                                   ? failure.text().trimmed()
                                   : failure.databaseText().trimmed();
        *error = QStringLiteral("cannot connect to %1: %2").arg(redactedUrl(url), reason);
        return false;
    }
    // Times cross the boundary as UTC; the driver would otherwise hand them back in the
    // process's local zone.
    if (!execSql(db, QStringLiteral("SET TIME ZONE 'UTC'"), error))
        return false;
    // Notices such as "relation already exists, skipping" are not for the operator.
    if (!execSql(db, QStringLiteral("SET client_min_messages = warning"), error))
        return false;
    qCInfo(lcStorage) << "connected to" << redactedUrl(url);
    return true;
}

} // namespace CivicDesk
