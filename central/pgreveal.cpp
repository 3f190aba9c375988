#include "central/pgreveal.h"

#include "core/logging.h"
#include "db/sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace CivicDesk {

std::optional<QList<Reporter>> revealReportersOnServer(const QSqlDatabase &database,
                                                       const QString &reportId,
                                                       const QString &reason, QString *error)
{
    // Two statements, each committing on its own: the request records the audit event, and
    // the server reveals nothing for a request that has not committed.
    QSqlQuery request(database);
    request.setForwardOnly(true);
    bool ok = request.prepare(QStringLiteral("SELECT request_reveal(CAST(? AS text), "
                                             "CAST(? AS text))"));
    if (ok) {
        request.addBindValue(reportId);
        request.addBindValue(reason);
        ok = request.exec() && request.next();
    }
    if (!ok) {
        *error = postgresErrorSentence(request.lastError());
        return std::nullopt;
    }
    const QString requestId = request.value(0).toString();
    request.finish();

    QSqlQuery query(database);
    query.setForwardOnly(true);
    ok = query.prepare(QStringLiteral("SELECT reporter_id, name, phone FROM "
                                      "reveal_reporter(CAST(? AS text), CAST(? AS text))"));
    if (ok) {
        query.addBindValue(reportId);
        query.addBindValue(requestId);
        ok = query.exec();
    }
    if (!ok) {
        *error = postgresErrorSentence(query.lastError());
        return std::nullopt;
    }
    QList<Reporter> reporters;
    while (query.next())
        reporters.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    qCInfo(lcCentral) << "reporters of report" << reportId << "revealed through the server";
    return reporters;
}

} // namespace CivicDesk
