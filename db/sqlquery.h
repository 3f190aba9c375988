#pragma once

#include <optional>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

namespace CivicDesk {

// A prepared statement whose failures carry the statement and the driver's message, so that a
// log line names what failed. Every value reaches SQL through a bound parameter.
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase &database, const QString &sql);

    SqlStatement &bind(const QString &placeholder, const QVariant &value);
    SqlStatement &bindAll(const QVariantMap &row);
    // Binds the values of `columns` in `row`, in that order, to the statement's placeholders by
    // position: the statement must name them in the same order. Faster than binding by name,
    // which searches the placeholder list for each value.
    SqlStatement &bindInOrder(const QStringList &columns, const QVariantMap &row);

    // Executes the statement; returns false and fills `error` when it fails.
    bool exec(QString *error);

    // Executes and returns all rows as maps from column name to value, or nullopt on failure.
    std::optional<QList<QVariantMap>> rows(QString *error);

    // Executes and returns the first column of the first row; an invalid QVariant when there is
    // no row.
    std::optional<QVariant> scalar(QString *error);

    QSqlQuery &query() { return m_query; }

private:
    QString m_sql;
    QSqlQuery m_query;
    bool m_prepared = false;
};

// Returns whether a statement failed because the user lacks the right: PostgreSQL's SQLSTATE
// 42501, for a missing privilege or a row-level security policy, which Qt's driver and
// PgResult write in parentheses after the message.
bool isPermissionError(const QString &error);

// Runs SQL text without parameters; returns false and fills `error` when it fails.
bool execSql(const QSqlDatabase &database, const QString &sql, QString *error);

// Runs every statement of a script. A statement ends with ";" at the end of a line, except
// inside a PostgreSQL $$ ... $$ body; lines starting with "--" are comments.
bool execScript(const QSqlDatabase &database, const QString &script, QString *error);

// Returns the current row of a query as a map from column name to value.
QVariantMap recordToMap(const QSqlQuery &query);

// Commits or rolls back a transaction when it goes out of scope; commit() must be called
// explicitly, so that an early return rolls back.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase database, bool immediate = false);
    ~SqlTransaction();

    bool isActive() const { return m_active; }
    const QString &error() const { return m_error; }
    bool commit(QString *error);

private:
    QSqlDatabase m_database;
    bool m_active = false;
    QString m_error;
};

} // namespace CivicDesk
