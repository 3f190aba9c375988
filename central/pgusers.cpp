#include "central/pgusers.h"

#include "core/logging.h"
#include "db/nativesql.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"

#include <libpq-fe.h>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace CivicDesk {
namespace {

// Runs a statement that PostgreSQL cannot prepare, such as CREATE ROLE, as plain text.
bool runUtility(const QSqlDatabase &database, const QString &sql, QString *error)
{
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        *error = postgresErrorSentence(query.lastError());
        return false;
    }
    return true;
}

// Runs one statement with bound values and leaves the query on its first row, if any.
std::optional<QSqlQuery> runQuery(const QSqlDatabase &database, const QString &sql,
                                  const QVariantList &values, QString *error)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = postgresErrorSentence(query.lastError());
        return std::nullopt;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = postgresErrorSentence(query.lastError());
        return std::nullopt;
    }
    query.next();
    return query;
}

// Builds a statement whose identifiers and literal the server quotes itself with format(),
// from values bound as parameters, so that no name can break out of its quotes.
std::optional<QString> formatStatement(const QSqlDatabase &database, const QString &pattern,
                                       const QVariantList &values, QString *error)
{
    QStringList marks;
    for (qsizetype i = 0; i < values.size(); ++i)
        marks.append(QStringLiteral("CAST(? AS text)"));
    // Typed, because format() takes its arguments as "any" and cannot infer a type.
    auto query = runQuery(
        database,
        QStringLiteral("SELECT format(CAST(? AS text), %1)").arg(marks.join(QStringLiteral(", "))),
        QVariantList{pattern} + values, error);
    if (!query)
        return std::nullopt;
    return query->value(0).toString();
}

// Computes the verifier that CREATE ROLE ... PASSWORD stores, in the algorithm the server's
// password_encryption setting names, through libpq on the driver's own connection.
std::optional<QByteArray> passwordVerifier(const QSqlDatabase &database, const QString &name,
                                           const QString &password, QString *error)
{
    PGconn *connection = postgresConnection(database);
    if (!connection) {
        *error = QStringLiteral("the connection is not a PostgreSQL connection");
        return std::nullopt;
    }
    char *verifier = PQencryptPasswordConn(connection, password.toUtf8().constData(),
                                           name.toUtf8().constData(), nullptr);
    if (!verifier) {
        *error = QStringLiteral("computing the password verifier failed: %1")
                     .arg(QString::fromUtf8(PQerrorMessage(connection)).trimmed());
        return std::nullopt;
    }
    QByteArray result(verifier);
    PQfreemem(verifier);
    return result;
}

std::optional<QString> groupOf(const QSqlDatabase &database, Role role, QString *error)
{
    auto query =
        runQuery(database, QStringLiteral("SELECT group_name FROM app_role WHERE role = ?"),
                 {roleCode(role)}, error);
    if (!query)
        return std::nullopt;
    if (!query->isValid()) {
        *error = QStringLiteral("the central has no group role for \"%1\"; an administrator runs "
                                "civicdeskctl central migrate --central URL")
                     .arg(roleCode(role));
        return std::nullopt;
    }
    return query->value(0).toString();
}

bool checkAgency(const QSqlDatabase &database, const NewUser &user, QString *error)
{
    if (user.role != Role::Agency) {
        if (!user.agency.isEmpty()) {
            *error = QStringLiteral("--agency is for users of role agency, not %1")
                         .arg(roleCode(user.role));
            return false;
        }
        return true;
    }
    if (user.agency.isEmpty()) {
        *error = QStringLiteral("a user of role agency needs --agency ID, the agency it "
                                "answers for");
        return false;
    }
    auto query = runQuery(database, QStringLiteral("SELECT active FROM agency WHERE id = ?"),
                          {user.agency}, error);
    if (!query)
        return false;
    if (!query->isValid()) {
        *error = QStringLiteral("agency \"%1\" not found in the central; the ids are those of "
                                "agencies.json in the reference data")
                     .arg(user.agency);
        return false;
    }
    if (!query->value(0).toBool()) {
        *error = QStringLiteral("agency \"%1\" is no longer active; its reports go to other "
                                "agencies")
                     .arg(user.agency);
        return false;
    }
    return true;
}

bool checkNameFree(const QSqlDatabase &database, const QString &name, QString *error)
{
    auto query = runQuery(database, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"),
                          {name}, error);
    if (!query)
        return false;
    if (query->isValid()) {
        *error = QStringLiteral("the name \"%1\" is already taken by a role of this PostgreSQL "
                                "server; role names are shared by all its databases, so choose "
                                "another")
                     .arg(name);
        return false;
    }
    return true;
}

} // namespace

QString userNameProblem(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_.-]{0,62}$"));
    static const QStringList reserved{
        QStringLiteral("public"),       QStringLiteral("none"),
        QStringLiteral("current_user"), QStringLiteral("session_user"),
        QStringLiteral("current_role"), QStringLiteral("user")};
    if (name.isEmpty())
        return QStringLiteral("the user name is empty");
    if (!pattern.match(name).hasMatch()) {
        return QStringLiteral("invalid user name \"%1\": use 1 to 63 lower-case letters a-z, "
                              "digits, \"_\", \".\" or \"-\", starting with a letter")
            .arg(name);
    }
    if (name.startsWith(QLatin1String("pg_")) || reserved.contains(name))
        return QStringLiteral("invalid user name \"%1\": PostgreSQL reserves it").arg(name);
    return QString();
}

QString passwordProblem(const QString &password)
{
    constexpr int minimumLength = 8;
    constexpr int maximumBytes = 1000;
    if (password.size() < minimumLength)
        return QStringLiteral("the password is shorter than %1 characters").arg(minimumLength);
    if (password.toUtf8().size() > maximumBytes)
        return QStringLiteral("the password is longer than %1 bytes").arg(maximumBytes);
    if (password.contains(QChar(0)))
        return QStringLiteral("the password contains a NUL character");
    return QString();
}

bool addPostgresUser(const QSqlDatabase &database, const NewUser &user, QString *error)
{
    if (const QString problem = userNameProblem(user.name); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (const QString problem = passwordProblem(user.password); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (user.role == Role::System) {
        *error = QStringLiteral("unknown role \"system\"");
        return false;
    }

    SqlTransaction transaction(database);
    if (!transaction.isActive()) {
        *error = transaction.error();
        return false;
    }
    const auto group = groupOf(database, user.role, error);
    if (!group || !checkAgency(database, user, error) || !checkNameFree(database, user.name, error))
        return false;
    const auto verifier = passwordVerifier(database, user.name, user.password, error);
    if (!verifier)
        return false;

    // An administrator adds and disables users, which needs CREATEROLE.
    const QString pattern = user.role == Role::Admin
                                ? QStringLiteral("CREATE ROLE %I LOGIN CREATEROLE PASSWORD %L "
                                                 "IN ROLE %I")
                                : QStringLiteral("CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I");
    const auto create = formatStatement(database, pattern,
                                        {user.name, QString::fromLatin1(*verifier), *group}, error);
    if (!create)
        return false;
    QString failure;
    if (!runUtility(database, *create, &failure)) {
        *error = QStringLiteral("creating the role \"%1\" failed: %2; users are added by an "
                                "administrator or the database owner, with CREATEROLE")
                     .arg(user.name, failure);
        return false;
    }
    if (!runQuery(database,
                  QStringLiteral("INSERT INTO app_user (name, role, agency) VALUES (?, ?, ?)"),
                  {user.name, roleCode(user.role),
                   user.agency.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                         : QVariant(user.agency)},
                  &failure)) {
        *error = QStringLiteral("recording the user \"%1\" failed: %2").arg(user.name, failure);
        return false;
    }
    if (!transaction.commit(error))
        return false;
    qCInfo(lcCentral) << "added user" << user.name << "with role" << roleCode(user.role);
    return true;
}

std::optional<DisabledSessions> disablePostgresUser(const QSqlDatabase &database,
                                                    const QString &name, QString *error)
{
    {
        SqlTransaction transaction(database);
        if (!transaction.isActive()) {
            *error = transaction.error();
            return std::nullopt;
        }
        auto known = runQuery(database, QStringLiteral("SELECT 1 FROM app_user WHERE name = ?"),
                              {name}, error);
        if (!known)
            return std::nullopt;
        if (!known->isValid()) {
            *error = QStringLiteral("no user \"%1\" in this central; civicdeskctl user list "
                                    "shows the users")
                         .arg(name);
            return std::nullopt;
        }
        const auto alter =
            formatStatement(database, QStringLiteral("ALTER ROLE %I NOLOGIN"), {name}, error);
        QString failure;
        if (!alter || !runUtility(database, *alter, &failure)) {
            if (alter)
                *error = QStringLiteral("disabling the role \"%1\" failed: %2").arg(name, failure);
            return std::nullopt;
        }
        if (!runQuery(database,
                      QStringLiteral("UPDATE app_user SET disabled = true WHERE name = ?"), {name},
                      error) ||
            !transaction.commit(error)) {
            return std::nullopt;
        }
    }
    qCInfo(lcCentral) << "disabled user" << name;

    // NOLOGIN keeps new sessions out; the open ones end only when someone ends them.
    auto sessions = runQuery(database,
                             QStringLiteral("SELECT pid FROM pg_stat_activity WHERE usename = ? "
                                            "AND datname = current_database()"),
                             {name}, error);
    if (!sessions)
        return std::nullopt;
    DisabledSessions outcome;
    for (bool row = sessions->isValid(); row; row = sessions->next()) {
        QString failure;
        const auto ended = runQuery(database, QStringLiteral("SELECT pg_terminate_backend(?)"),
                                    {sessions->value(0)}, &failure);
        if (ended && ended->value(0).toBool()) {
            ++outcome.ended;
        } else {
            ++outcome.stillOpen;
            outcome.reason = failure;
        }
    }
    return outcome;
}

std::optional<QList<UserRecord>> postgresUsers(const QSqlDatabase &database, QString *error)
{
    auto query = runQuery(database,
                          QStringLiteral("SELECT name, role, agency, disabled, created_at, "
                                         "created_by FROM app_user ORDER BY name"),
                          {}, error);
    if (!query)
        return std::nullopt;
    QList<UserRecord> users;
    for (bool row = query->isValid(); row; row = query->next()) {
        UserRecord user;
        user.name = query->value(0).toString();
        user.role = query->value(1).toString();
        user.agency = query->value(2).toString();
        user.disabled = query->value(3).toBool();
        user.createdAt = query->value(4).toDateTime().toUTC();
        user.createdBy = query->value(5).toString();
        users.append(user);
    }
    return users;
}

std::optional<QString> sessionRoleCode(const QSqlDatabase &database, QString *error)
{
    auto query = runQuery(
        database,
        QStringLiteral("SELECT role FROM app_role WHERE pg_has_role(session_user, group_name, "
                       "'USAGE') ORDER BY array_position(ARRAY['admin', 'supervisor', "
                       "'operator', 'agency', 'kiosk'], role) LIMIT 1"),
        {}, error);
    if (!query)
        return std::nullopt;
    return query->isValid() ? query->value(0).toString() : QString();
}

} // namespace CivicDesk
