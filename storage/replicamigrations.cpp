#include "storage/replicamigrations.h"

#include "core/textfold.h"
#include "db/sqlquery.h"

namespace CivicDesk {
namespace {

bool fillSearchText(const QSqlDatabase &database, QString *error)
{
    const auto rows = SqlStatement(database, QStringLiteral(
        "SELECT id, public_code, title, description, address FROM report")).rows(error);
    if (!rows)
        return false;
    for (const QVariantMap &row : *rows) {
        const QString text = reportSearchText(row[QStringLiteral("public_code")].toString(),
                                              row[QStringLiteral("title")].toString(),
                                              row[QStringLiteral("description")].toString(),
                                              row[QStringLiteral("address")].toString());
        SqlStatement update(database,
                            QStringLiteral("UPDATE report SET search_text = :text WHERE id = :id"));
        update.bind(QStringLiteral(":text"), text).bind(QStringLiteral(":id"), row[QStringLiteral("id")]);
        if (!update.exec(error))
            return false;
    }
    return true;
}

} // namespace

QString reportSearchText(const QString &code, const QString &title, const QString &description,
                         const QString &address)
{
    return foldText(QStringList{code, title, description, address}.join(QLatin1Char(' ')));
}

const QList<Migration> &replicaMigrations()
{
    static const QList<Migration> migrations{
        {1, QStringLiteral(":/civicdesk/replica/0001_initial.sql"), {}},
        {2, QStringLiteral(":/civicdesk/replica/0002_search_text.sql"), fillSearchText},
    };
    return migrations;
}

} // namespace CivicDesk
