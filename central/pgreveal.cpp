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
    // Each statement outside a transaction commits on its own, so the audit event and the
    // rows returned belong to one transaction: the function's.
    QSqlQuery query(database);
    query.setForwardOnly(true);
    bool ok = query.prepare(QStringLiteral("SELECT reporter_id, name, phone FROM "
                                           "reveal_reporter(CAST(? AS text), CAST(? AS text))"));
    if (ok) {
        query.addBindValue(reportId);
        query.addBindValue(reason);
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
