#pragma once

#include <memory>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

struct pg_conn;
struct pg_result;
struct sqlite3;
struct sqlite3_stmt;

namespace CivicDesk {

// Reads and writes through the client libraries under Qt's drivers (libpq and SQLite's C API,
// reached with QSqlDriver::handle()), for the bulk paths where QSqlQuery's QVariant per value
// costs more than the database's own work: the pages of the change feed. The statements run
// on the QSqlDatabase's connection, inside its open transaction. No QSqlQuery may be reading a
// result on that connection at the same time, because libpq runs one statement at a time.

// Returns libpq's connection under a Qt PostgreSQL database, or nullptr for another driver.
pg_conn *postgresConnection(const QSqlDatabase &database);

// The result of one PostgreSQL statement with text parameters and text values.
class PgResult
{
public:
    // Runs `sql` with the parameters $1, $2, ... given, a null QByteArray standing for NULL;
    // returns std::nullopt and fills `error` (naming the statement) when the database is not
    // PostgreSQL or the statement fails.
    static std::optional<PgResult> exec(const QSqlDatabase &database, const QByteArray &sql,
                                        const QList<QByteArray> &parameters, QString *error);

    int rowCount() const;
    int columnCount() const;
    bool isNull(int row, int column) const;
    const char *data(int row, int column) const;
    int size(int row, int column) const;

private:
    struct Free
    {
        void operator()(pg_result *result) const;
    };
    std::shared_ptr<pg_result> m_result;
};

// Reads one row of a PgResult column by column, in the shape core/rows.h expects. Times must
// be UTC text in the stored shape ("2025-08-17T07:37:00.000Z").
class PgRowReader
{
public:
    PgRowReader(const PgResult &result, int row, int firstColumn = 0)
        : m_result(result)
        , m_row(row)
        , m_next(firstColumn)
    {}

    QString text();
    std::optional<double> real();
    qint64 integer();
    std::optional<int> optionalInteger();
    QDateTime time();
    QJsonObject json();

private:
    const PgResult &m_result;
    int m_row;
    int m_next;
};

// Formats a PostgreSQL text[] literal of `values`, for a single parameter such as
// "id = ANY($1::text[])".
QByteArray pgTextArray(const QStringList &values);

// A statement prepared once on a SQLite database through the C API. Values are bound by
// position, in the shape core/rows.h writes them (text, code, real, integer, optionalInteger,
// time, json), then step() runs the statement.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &database, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Returns false when the database is not SQLite or the statement did not compile, with the
    // reason in error().
    bool isValid() const { return m_statement != nullptr; }
    const QString &error() const { return m_error; }

    void text(const QString &value);
    void code(const QString &value);
    void real(std::optional<double> value);
    void integer(qint64 value);
    void optionalInteger(std::optional<int> value);
    void time(const QDateTime &value);
    void json(const QJsonObject &value);

    // Runs the statement with the values bound so far, then clears them for the next run.
    // Returns whether it produced a row (for a SELECT), std::nullopt on failure.
    std::optional<bool> step(QString *error);

private:
    sqlite3 *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_sql;
    QString m_error;
    int m_next = 1;
};

} // namespace CivicDesk
