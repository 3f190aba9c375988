#include "db/sqlquery.h"

#include "core/logging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QStringList>

namespace CivicDesk {
namespace {

QString describe(const QString &sql, const QSqlError &error)
{
    QString statement = sql.simplified();
    if (statement.size() > 160)
        statement = statement.left(157) + QStringLiteral("...");
    // A closed connection fails without a message of its own.
    const QString text = error.text().trimmed().isEmpty()
                             ? QStringLiteral("the database connection is closed")
                             : error.text().trimmed();
    return QStringLiteral("%1 (in: %2)").arg(text, statement);
}

} // namespace

bool isPermissionError(const QString &error)
{
    return error.contains(QLatin1String("(42501)"));
}

SqlStatement::SqlStatement(const QSqlDatabase &database, const QString &sql)
    : m_sql(sql)
    , m_query(database)
{
    m_prepared = m_query.prepare(sql);
}

SqlStatement &SqlStatement::bind(const QString &placeholder, const QVariant &value)
{
    m_query.bindValue(placeholder, value);
    return *this;
}

SqlStatement &SqlStatement::bindAll(const QVariantMap &row)
{
    for (auto it = row.cbegin(); it != row.cend(); ++it)
        m_query.bindValue(QLatin1Char(':') + it.key(), it.value());
    return *this;
}

SqlStatement &SqlStatement::bindInOrder(const QStringList &columns, const QVariantMap &row)
{
    for (int i = 0; i < columns.size(); ++i)
        m_query.bindValue(i, row.value(columns.at(i)));
    return *this;
}

bool SqlStatement::exec(QString *error)
{
    if (!m_prepared || !m_query.exec()) {
        if (error)
            *error = describe(m_sql, m_query.lastError());
        return false;
    }
    return true;
}

std::optional<QList<QVariantMap>> SqlStatement::rows(QString *error)
{
    m_query.setForwardOnly(true);
    if (!exec(error))
        return std::nullopt;

    // The column names once per result: QSqlQuery::record() builds new field objects per call.
    const QSqlRecord record = m_query.record();
    QStringList names;
    for (int i = 0; i < record.count(); ++i)
        names.append(record.fieldName(i));
    QList<QVariantMap> result;
    while (m_query.next()) {
        QVariantMap row;
        for (int i = 0; i < names.size(); ++i)
            row.insert(names.at(i), m_query.value(i));
        result.append(row);
    }
    // next() returns false both at the end and on a failure (a dropped connection, a second
    // query on a PostgreSQL connection ending this result); only lastError() distinguishes them.
    if (m_query.lastError().isValid()) {
        if (error)
            *error = describe(m_sql, m_query.lastError());
        return std::nullopt;
    }
    return result;
}

std::optional<QVariant> SqlStatement::scalar(QString *error)
{
    if (!exec(error))
        return std::nullopt;
    if (!m_query.next())
        return QVariant();
    return m_query.value(0);
}

QVariantMap recordToMap(const QSqlQuery &query)
{
    QVariantMap row;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i)
        row.insert(record.fieldName(i), query.value(i));
    return row;
}

bool execSql(const QSqlDatabase &database, const QString &sql, QString *error)
{
    QSqlQuery query(database);
    if (query.exec(sql))
        return true;
    if (error)
        *error = describe(sql, query.lastError());
    return false;
}

bool execScript(const QSqlDatabase &database, const QString &script, QString *error)
{
    QStringList statements;
    QString current;
    bool inDollarQuote = false; // inside a PostgreSQL $$ ... $$ function body
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) && !inDollarQuote)
            continue;
        current += line + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2 == 1)
            inDollarQuote = !inDollarQuote;
        if (!inDollarQuote && trimmed.endsWith(QLatin1Char(';'))) {
            statements.append(current);
            current.clear();
        }
    }
    statements.append(current);

    for (const QString &statement : std::as_const(statements)) {
        if (statement.trimmed().isEmpty())
            continue;
        if (!execSql(database, statement, error))
            return false;
    }
    return true;
}

SqlTransaction::SqlTransaction(QSqlDatabase database, bool immediate)
    : m_database(std::move(database))
{
    // SQLite's deferred BEGIN takes the write lock only at the first write, which can fail with
    // SQLITE_BUSY in the middle of a transaction; IMMEDIATE takes it at once and waits for it
    // within the busy timeout.
    if (m_database.driverName() == QLatin1String("QSQLITE")) {
        const QString begin =
            immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
        m_active = execSql(m_database, begin, &m_error);
    } else {
        m_active = m_database.transaction();
        if (!m_active)
            m_error = m_database.lastError().text();
    }
}

SqlTransaction::~SqlTransaction()
{
    if (!m_active)
        return;
    if (m_database.driverName() == QLatin1String("QSQLITE"))
        execSql(m_database, QStringLiteral("ROLLBACK"), nullptr);
    else
        m_database.rollback();
}

bool SqlTransaction::commit(QString *error)
{
    if (!m_active) {
        if (error)
            *error = QStringLiteral("no transaction is open: %1").arg(m_error);
        return false;
    }
    m_active = false;
    bool ok;
    if (m_database.driverName() == QLatin1String("QSQLITE")) {
        ok = execSql(m_database, QStringLiteral("COMMIT"), error);
    } else {
        ok = m_database.commit();
        if (!ok && error)
            *error = m_database.lastError().text();
    }
    if (!ok)
        qCWarning(lcStorage) << "commit failed:" << (error ? *error : QString());
    return ok;
}

} // namespace CivicDesk
