#include "central/pgsignin.h"

#include "central/pgusers.h"
#include "core/logging.h"
#include "db/sqlconnection.h"

#include <atomic>
#include <libpq-fe.h>
#include <QSqlDatabase>
#include <QUrl>

namespace CivicDesk {
namespace {

// Returns whether a server responds at the URL's host and port, whether or not it accepts the
// user.
bool serverAnswers(const QString &url)
{
    const QUrl parsed(url);
    const QByteArray host = parsed.host().toUtf8();
    const QByteArray port = QByteArray::number(parsed.port(5432));
    const QByteArray database = parsed.path().mid(1).toUtf8();
    const char *keys[] = {"host", "port", "dbname", "connect_timeout", nullptr};
    const char *values[] = {host.constData(), port.constData(), database.constData(), "10",
                            nullptr};
    const PGPing ping = PQpingParams(keys, values, 0);
    return ping == PQPING_OK || ping == PQPING_REJECT;
}

// The server's sentence from a connection error such as "cannot connect to URL: connection to
// server at ... failed: FATAL:  password authentication failed for user "lan"".
QString reasonOf(const QString &error)
{
    const qsizetype fatal = error.lastIndexOf(QLatin1String("FATAL:"));
    if (fatal >= 0)
        return error.mid(fatal + qstrlen("FATAL:")).trimmed();
    const qsizetype failed = error.lastIndexOf(QLatin1String("failed:"));
    return failed >= 0 ? error.mid(failed + qstrlen("failed:")).trimmed() : error;
}

} // namespace

SignInCheck checkPostgresSignIn(const QString &url)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("civicdesk-sign-in-%1").arg(++counter);
    SignInCheck check;
    {
        QString error;
        if (openPostgres(url, name, &error)) {
            check.status = SignInCheck::Status::SignedIn;
            QString roleError;
            const auto role = sessionRoleCode(QSqlDatabase::database(name), &roleError);
            if (role)
                check.role = *role;
            else
                qCWarning(lcCentral)
                    << "cannot read the role of" << redactedUrl(url) << ":" << roleError;
        } else {
            check.status = serverAnswers(url) ? SignInCheck::Status::Refused
                                              : SignInCheck::Status::Unreachable;
            check.reason = reasonOf(error);
            qCWarning(lcCentral) << "sign-in failed:" << error;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return check;
}

} // namespace CivicDesk
