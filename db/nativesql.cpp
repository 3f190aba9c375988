#include "db/nativesql.h"

#include "core/timeutil.h"

#include <algorithm>
#include <cstdlib>
#include <libpq-fe.h>
#include <QJsonDocument>
#include <QSqlDriver>
#include <sqlite3.h>

namespace CivicDesk {
namespace {

QString shortSql(const QString &sql)
{
    const QString statement = sql.simplified();
    return statement.size() > 160 ? statement.left(157) + QStringLiteral("...") : statement;
}

// The handle under a Qt driver, when its type is one of those named (the PostgreSQL driver's
// type name is the typedef's or the struct's, depending on how Qt registered it).
template<typename Handle>
Handle *driverHandle(const QSqlDatabase &database, std::initializer_list<const char *> types)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid() || std::none_of(types.begin(), types.end(), [&](const char *type) {
            return qstrcmp(handle.typeName(), type) == 0;
        })) {
        return nullptr;
    }
    return *static_cast<Handle *const *>(handle.constData());
}

} // namespace

pg_conn *postgresConnection(const QSqlDatabase &database)
{
    return driverHandle<PGconn>(database, {"PGconn*", "pg_conn*"});
}

void PgResult::Free::operator()(pg_result *result) const
{
    PQclear(result);
}

std::optional<PgResult> PgResult::exec(const QSqlDatabase &database, const QByteArray &sql,
                                       const QList<QByteArray> &parameters, QString *error)
{
    PGconn *connection = postgresConnection(database);
    if (!connection) {
        *error = QStringLiteral("not a PostgreSQL connection (in: %1)")
                     .arg(shortSql(QString::fromUtf8(sql)));
        return std::nullopt;
    }
    QList<const char *> values;
    QList<int> lengths;
    for (const QByteArray &parameter : parameters) {
        values.append(parameter.isNull() ? nullptr : parameter.constData());
        lengths.append(int(parameter.size()));
    }
    PgResult result;
    result.m_result.reset(PQexecParams(connection, sql.constData(), int(parameters.size()), nullptr,
                                       values.constData(), lengths.constData(), nullptr, 0),
                          Free());
    const ExecStatusType status =
        result.m_result ? PQresultStatus(result.m_result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        // A closed connection fails with an empty message.
        QString message = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
        if (message.isEmpty())
            message = QStringLiteral("the database connection is closed");
        // The SQLSTATE in parentheses, as Qt's driver writes it (see isPermissionError()).
        if (const char *state = result.m_result
                                    ? PQresultErrorField(result.m_result.get(), PG_DIAG_SQLSTATE)
                                    : nullptr) {
            message += QStringLiteral("(%1)").arg(QString::fromLatin1(state));
        }
        *error = QStringLiteral("%1 (in: %2)").arg(message, shortSql(QString::fromUtf8(sql)));
        return std::nullopt;
    }
    return result;
}

int PgResult::rowCount() const
{
    return PQntuples(m_result.get());
}

int PgResult::columnCount() const
{
    return PQnfields(m_result.get());
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

const char *PgResult::data(int row, int column) const
{
    return PQgetvalue(m_result.get(), row, column);
}

int PgResult::size(int row, int column) const
{
    return PQgetlength(m_result.get(), row, column);
}

QString PgRowReader::text()
{
    const int column = m_next++;
    if (m_result.isNull(m_row, column))
        return {};
    return QString::fromUtf8(m_result.data(m_row, column), m_result.size(m_row, column));
}

std::optional<double> PgRowReader::real()
{
    const int column = m_next++;
    if (m_result.isNull(m_row, column))
        return std::nullopt;
    return std::strtod(m_result.data(m_row, column), nullptr);
}

qint64 PgRowReader::integer()
{
    const int column = m_next++;
    if (m_result.isNull(m_row, column))
        return 0;
    return std::strtoll(m_result.data(m_row, column), nullptr, 10);
}

std::optional<int> PgRowReader::optionalInteger()
{
    const int column = m_next++;
    if (m_result.isNull(m_row, column))
        return std::nullopt;
    return int(std::strtol(m_result.data(m_row, column), nullptr, 10));
}

QDateTime PgRowReader::time()
{
    const int column = m_next++;
    if (m_result.isNull(m_row, column))
        return {};
    return fromStorageTime(m_result.data(m_row, column), m_result.size(m_row, column));
}

QJsonObject PgRowReader::json()
{
    const int column = m_next++;
    if (m_result.isNull(m_row, column))
        return {};
    return QJsonDocument::fromJson(
               QByteArray::fromRawData(m_result.data(m_row, column), m_result.size(m_row, column)))
        .object();
}

QByteArray pgTextArray(const QStringList &values)
{
    // Every element quoted, with backslashes and quotes escaped, so that no value can end the
    // literal or be read as NULL.
    QByteArray literal("{");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            literal.append(',');
        literal.append('"');
        for (const char c : values.at(i).toUtf8()) {
            if (c == '"' || c == '\\')
                literal.append('\\');
            literal.append(c);
        }
        literal.append('"');
    }
    literal.append('}');
    return literal;
}

SqliteStatement::SqliteStatement(const QSqlDatabase &database, const QString &sql)
    : m_database(driverHandle<sqlite3>(database, {"sqlite3*"}))
    , m_sql(sql)
{
    if (!m_database) {
        m_error = QStringLiteral("not a SQLite connection (in: %1)").arg(shortSql(sql));
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_database, utf8.constData(), int(utf8.size()), &m_statement, nullptr) !=
        SQLITE_OK) {
        m_error = QStringLiteral("%1 (in: %2)")
                      .arg(QString::fromUtf8(sqlite3_errmsg(m_database)), shortSql(sql));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::text(const QString &value)
{
    if (value.isEmpty())
        sqlite3_bind_null(m_statement, m_next++);
    else
        code(value);
}

void SqliteStatement::code(const QString &value)
{
    sqlite3_bind_text16(m_statement, m_next++, value.utf16(), int(value.size() * 2),
                        SQLITE_TRANSIENT);
}

void SqliteStatement::real(std::optional<double> value)
{
    if (value)
        sqlite3_bind_double(m_statement, m_next++, *value);
    else
        sqlite3_bind_null(m_statement, m_next++);
}

void SqliteStatement::integer(qint64 value)
{
    sqlite3_bind_int64(m_statement, m_next++, value);
}

void SqliteStatement::optionalInteger(std::optional<int> value)
{
    if (value)
        sqlite3_bind_int64(m_statement, m_next++, *value);
    else
        sqlite3_bind_null(m_statement, m_next++);
}

void SqliteStatement::time(const QDateTime &value)
{
    char buffer[32];
    const int length = writeStorageTime(value, buffer);
    if (length == 0)
        sqlite3_bind_null(m_statement, m_next++);
    else
        sqlite3_bind_text(m_statement, m_next++, buffer, length, SQLITE_TRANSIENT);
}

void SqliteStatement::json(const QJsonObject &value)
{
    const QByteArray text = QJsonDocument(value).toJson(QJsonDocument::Compact);
    sqlite3_bind_text(m_statement, m_next++, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

std::optional<bool> SqliteStatement::step(QString *error)
{
    if (!m_statement) {
        *error = m_error;
        return std::nullopt;
    }
    const int status = sqlite3_step(m_statement);
    std::optional<bool> outcome;
    if (status == SQLITE_ROW || status == SQLITE_DONE) {
        outcome = status == SQLITE_ROW;
    } else {
        *error = QStringLiteral("%1 (in: %2)")
                     .arg(QString::fromUtf8(sqlite3_errmsg(m_database)), shortSql(m_sql));
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_next = 1;
    return outcome;
}

} // namespace CivicDesk
