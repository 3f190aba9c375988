#include "storage/replicamigrations.h"

#include "core/textfold.h"
#include "db/sqlquery.h"

#include <algorithm>
#include <QCollator>
#include <QLocale>
#include <QRegularExpression>

namespace CivicDesk {
namespace {

bool fillSearchText(const QSqlDatabase &database, QString *error)
{
    const auto rows =
        SqlStatement(
            database,
            QStringLiteral("SELECT id, public_code, title, description, address FROM report"))
            .rows(error);
    if (!rows)
        return false;
    for (const QVariantMap &row : *rows) {
        const QString text = reportSearchText(row[QStringLiteral("public_code")].toString(),
                                              row[QStringLiteral("title")].toString(),
                                              row[QStringLiteral("description")].toString(),
                                              row[QStringLiteral("address")].toString());
        SqlStatement update(database,
                            QStringLiteral("UPDATE report SET search_text = :text WHERE id = :id"));
        update.bind(QStringLiteral(":text"), text)
            .bind(QStringLiteral(":id"), row[QStringLiteral("id")]);
        if (!update.exec(error))
            return false;
    }
    return true;
}

} // namespace

bool rankNames(const QSqlDatabase &database, QString *error)
{
    struct Table
    {
        const char *name;
        const char *key;
    };
    const Table tables[] = {{"category", "code"}, {"agency", "id"}, {"admin_unit", "code"}};
    QCollator collator(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    for (const Table &table : tables) {
        const QString select = QStringLiteral("SELECT %1 AS key, name_vi FROM %2")
                                   .arg(QLatin1String(table.key), QLatin1String(table.name));
        auto rows = SqlStatement(database, select).rows(error);
        if (!rows)
            return false;
        // Names sort without "Phường"/"Xã", as the queue shows them.
        static const QRegularExpression unitWord(QStringLiteral("^(Phường|Xã) "));
        const auto sortName = [](const QVariantMap &row) {
            return row.value(QStringLiteral("name_vi")).toString().remove(unitWord);
        };
        std::sort(rows->begin(), rows->end(), [&](const QVariantMap &a, const QVariantMap &b) {
            return collator.compare(sortName(a), sortName(b)) < 0;
        });
        const QString update = QStringLiteral("UPDATE %1 SET sort_rank = :rank WHERE %2 = :key")
                                   .arg(QLatin1String(table.name), QLatin1String(table.key));
        for (qsizetype rank = 0; rank < rows->size(); ++rank) {
            SqlStatement statement(database, update);
            statement.bind(QStringLiteral(":rank"), rank)
                .bind(QStringLiteral(":key"), rows->at(rank).value(QStringLiteral("key")));
            if (!statement.exec(error))
                return false;
        }
    }
    return true;
}

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
        {3, QStringLiteral(":/civicdesk/replica/0003_sort_rank.sql"), rankNames},
        {4, QStringLiteral(":/civicdesk/replica/0004_attention_resolution.sql"), {}},
        {5, QStringLiteral(":/civicdesk/replica/0005_workflow.sql"), {}},
    };
    return migrations;
}

} // namespace CivicDesk
