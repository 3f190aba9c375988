#pragma once

#include "core/codes.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// Users of a PostgreSQL central. Each user is a PostgreSQL role that can log in, a member of
// the group role of its kind (see central/sql/postgresql/0004_roles.sql), with a row in
// app_user. Adding and disabling users needs a role with CREATEROLE: an administrator or the
// database owner. The embedded SQLite central has no users.

struct NewUser
{
    QString name;
    Role role = Role::Operator;
    QString agency; // agency id, for Role::Agency only
    QString password;
};

struct UserRecord
{
    QString name;
    QString role; // operator, supervisor, agency, admin or kiosk
    QString agency;
    bool disabled = false;
    QDateTime createdAt;
    QString createdBy;
};

// Outcome for the sessions a disabled user still had open.
struct DisabledSessions
{
    int ended = 0;
    int stillOpen = 0;
    QString reason; // why the open ones could not be ended
};

// Returns why `name` cannot be a user name, or an empty string when it can: lower-case ASCII
// letters, digits, "_", "." and "-", starting with a letter, at most 63 characters, and not
// a name PostgreSQL reserves.
QString userNameProblem(const QString &name);

// Returns why `password` cannot be used, or an empty string when it can.
QString passwordProblem(const QString &password);

// Creates the login role, makes it a member of its group and records it in app_user, in one
// transaction. The server receives only the verifier of the password (SCRAM-SHA-256 unless its
// password_encryption setting names another method), computed here. The password itself therefore
// appears in no statement, log or catalog.
bool addPostgresUser(const QSqlDatabase &database, const NewUser &user, QString *error);

// Sets the role to NOLOGIN, marks the user disabled, then ends the user's sessions in this
// database where the caller may (a superuser, or a member of pg_signal_backend).
std::optional<DisabledSessions> disablePostgresUser(const QSqlDatabase &database,
                                                    const QString &name, QString *error);

std::optional<QList<UserRecord>> postgresUsers(const QSqlDatabase &database, QString *error);

// Returns the kind of user ("operator", ...) whose group the signed-in role belongs to. A role
// in several groups gets the most powerful one. A role in none, such as the database owner,
// gets an empty string.
std::optional<QString> sessionRoleCode(const QSqlDatabase &database, QString *error);

} // namespace CivicDesk
