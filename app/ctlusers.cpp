#include "app/ctlusers.h"

#include "app/ctlcommands.h"
#include "central/pgschema.h"
#include "central/pgusers.h"
#include "core/timeutil.h"
#include "db/sqlconnection.h"

#include <cstdio>
#include <iostream>
#include <QFile>
#include <QSqlDatabase>
#include <termios.h>
#include <unistd.h>

namespace CivicDesk {
namespace {

const QString connectionName = QStringLiteral("civicdeskctl-users");

int usage(QTextStream &err, const QString &message)
{
    err << "civicdeskctl: " << message
        << "\nRun civicdeskctl --help for the commands and their options.\n";
    return ExitUsage;
}

// Reads one line from standard input; on a terminal, prompts on standard error and turns the
// echo off while the password is typed.
std::optional<QString> readPasswordLine(const QString &prompt, QTextStream &err)
{
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        err << prompt;
        err.flush();
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << '\n';
    }
    if (!read)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

// Returns the new user's password from --password-file (its first line) or standard input,
// never from the command line, where other users of the machine could read it.
std::optional<QString> newPassword(const QCommandLineParser &parser, const QString &name,
                                   QTextStream &err)
{
    if (parser.isSet(QStringLiteral("password-file"))) {
        QFile file(parser.value(QStringLiteral("password-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "civicdeskctl: cannot read the password file " << file.fileName() << ": "
                << file.errorString() << '\n';
            return std::nullopt;
        }
        QString password = QString::fromUtf8(file.readLine());
        while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
            password.chop(1);
        return password;
    }
    const auto password = readPasswordLine(QStringLiteral("Password for %1: ").arg(name), err);
    if (!password) {
        err << "civicdeskctl: no password given; type it when asked, pipe it to standard input "
               "or give --password-file FILE\n";
        return std::nullopt;
    }
    if (::isatty(STDIN_FILENO)) {
        const auto again = readPasswordLine(QStringLiteral("Repeat the password: "), err);
        if (!again || *again != *password) {
            err << "civicdeskctl: the two passwords differ; nothing changed\n";
            return std::nullopt;
        }
    }
    return password;
}

int addUser(const QCommandLineParser &parser, const QSqlDatabase &database, QTextStream &out,
            QTextStream &err)
{
    const QString name = parser.positionalArguments().value(2);
    if (name.isEmpty() || !parser.isSet(QStringLiteral("role")))
        return usage(err, QStringLiteral("expected: user add NAME --role ROLE [--agency ID] "
                                         "[--password-file FILE] --central URL"));
    const QString roleText = parser.value(QStringLiteral("role"));
    const auto role = roleFromCode(roleText);
    if (!role || *role == Role::System)
        return usage(err, QStringLiteral("unknown role \"%1\"; expected operator, supervisor, "
                                         "agency, admin or kiosk")
                              .arg(roleText));
    if (const QString problem = userNameProblem(name); !problem.isEmpty())
        return usage(err, problem);

    const auto password = newPassword(parser, name, err);
    if (!password)
        return ExitFailure;
    NewUser user{name, *role, parser.value(QStringLiteral("agency")), *password};
    QString error;
    if (!addPostgresUser(database, user, &error)) {
        err << "civicdeskctl: user add " << name << ": " << error << '\n';
        return ExitFailure;
    }
    out << "added user " << name << " with role " << roleText
        << (user.agency.isEmpty() ? QString() : QStringLiteral(" for agency ") + user.agency)
        << '\n';
    return ExitOk;
}

int disableUser(const QCommandLineParser &parser, const QSqlDatabase &database, QTextStream &out,
                QTextStream &err)
{
    const QString name = parser.positionalArguments().value(2);
    if (name.isEmpty())
        return usage(err, QStringLiteral("expected: user disable NAME --central URL"));
    QString error;
    const auto sessions = disablePostgresUser(database, name, &error);
    if (!sessions) {
        err << "civicdeskctl: user disable " << name << ": " << error << '\n';
        return ExitFailure;
    }
    out << "disabled user " << name << "; ended " << sessions->ended
        << (sessions->ended == 1 ? " open session\n" : " open sessions\n");
    if (sessions->stillOpen > 0) {
        err << "warning: " << sessions->stillOpen << " session(s) of " << name
            << " stay open until they end: " << sessions->reason
            << "; a superuser or a member of pg_signal_backend can end them\n";
    }
    return ExitOk;
}

int listUsers(const QSqlDatabase &database, QTextStream &out, QTextStream &err)
{
    QString error;
    const auto users = postgresUsers(database, &error);
    if (!users) {
        err << "civicdeskctl: user list: " << error << '\n';
        return ExitFailure;
    }
    out << qSetFieldWidth(20) << Qt::left << "name"
        << "role"
        << "agency"
        << "state" << qSetFieldWidth(0) << "created\n";
    for (const UserRecord &user : *users) {
        out << qSetFieldWidth(20) << user.name << user.role
            << (user.agency.isEmpty() ? QStringLiteral("-") : user.agency)
            << (user.disabled ? "disabled" : "enabled") << qSetFieldWidth(0)
            << toStorageTime(user.createdAt) << " by " << user.createdBy << '\n';
    }
    return ExitOk;
}

int runOnDatabase(const QCommandLineParser &parser, const QString &url, QTextStream &out,
                  QTextStream &err)
{
    QString error;
    if (!openPostgres(url, connectionName, &error)) {
        err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    const QSqlDatabase database = QSqlDatabase::database(connectionName);
    const int version = postgresSchemaVersion(database, &error);
    if (version < 0) {
        err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    if (version != latestPostgresSchemaVersion()) {
        err << "civicdeskctl: the central database " << redactedUrl(url) << " has schema version "
            << version << " and users need version " << latestPostgresSchemaVersion()
            << "; the database owner runs civicdeskctl central migrate --central URL\n";
        return ExitFailure;
    }
    const QString command = parser.positionalArguments().value(1);
    if (command == QLatin1String("add"))
        return addUser(parser, database, out, err);
    if (command == QLatin1String("disable"))
        return disableUser(parser, database, out, err);
    return listUsers(database, out, err);
}

} // namespace

int runUserCommand(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    const QString command = parser.positionalArguments().value(1);
    if (command != QLatin1String("add") && command != QLatin1String("disable") &&
        command != QLatin1String("list")) {
        return usage(err, QStringLiteral("expected: user add|disable|list ... --central URL"));
    }
    const QString url = parser.value(QStringLiteral("central"));
    if (url.isEmpty())
        return usage(err, QStringLiteral("user %1 needs --central postgresql://...").arg(command));
    if (url.startsWith(QLatin1String("sqlite:"))) {
        return usage(err, QStringLiteral("users exist only on a PostgreSQL central; the embedded "
                                         "central %1 has no users and no sign-in")
                              .arg(url));
    }
    int status = ExitOk;
    {
        status = runOnDatabase(parser, url, out, err);
    }
    QSqlDatabase::removeDatabase(connectionName);
    return status;
}

} // namespace CivicDesk
