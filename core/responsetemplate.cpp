#include "core/responsetemplate.h"

#include <algorithm>
#include <QJsonArray>
#include <QRegularExpression>

namespace CivicDesk {

std::optional<QList<ResponseTemplate>> responseTemplatesFromJson(const QJsonObject &json,
                                                                 QString *error)
{
    const QJsonValue list = json.value(QLatin1String("templates"));
    if (!list.isArray()) {
        *error = QStringLiteral("templates: expected a list of response templates");
        return std::nullopt;
    }
    QList<ResponseTemplate> templates;
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject vi = entry.value(QLatin1String("vi")).toObject();
        const QJsonObject en = entry.value(QLatin1String("en")).toObject();
        ResponseTemplate item{entry.value(QLatin1String("id")).toString(),
                              entry.value(QLatin1String("category")).toString(),
                              entry.value(QLatin1String("agency")).toString(),
                              vi.value(QLatin1String("title")).toString(),
                              vi.value(QLatin1String("text")).toString(),
                              en.value(QLatin1String("title")).toString(),
                              en.value(QLatin1String("text")).toString()};
        const QString where = QStringLiteral("templates[%1]").arg(i);
        if (item.id.isEmpty()) {
            *error = where + QStringLiteral(".id: missing");
            return std::nullopt;
        }
        if (item.titleVi.isEmpty() || item.textVi.isEmpty()) {
            *error = QStringLiteral("%1 (%2).vi: a Vietnamese title and text are required")
                         .arg(where, item.id);
            return std::nullopt;
        }
        const bool repeated =
            std::any_of(templates.cbegin(), templates.cend(),
                        [&](const ResponseTemplate &other) { return other.id == item.id; });
        if (repeated) {
            *error = QStringLiteral("%1.id: \"%2\" is listed twice").arg(where, item.id);
            return std::nullopt;
        }
        templates.append(item);
    }
    return templates;
}

QJsonObject responseTemplatesToJson(const QList<ResponseTemplate> &templates)
{
    QJsonArray entries;
    for (const ResponseTemplate &item : templates) {
        QJsonObject entry{{QLatin1String("id"), item.id},
                          {QLatin1String("vi"), QJsonObject{{QLatin1String("title"), item.titleVi},
                                                            {QLatin1String("text"), item.textVi}}},
                          {QLatin1String("en"), QJsonObject{{QLatin1String("title"), item.titleEn},
                                                            {QLatin1String("text"), item.textEn}}}};
        if (!item.category.isEmpty())
            entry.insert(QLatin1String("category"), item.category);
        if (!item.agency.isEmpty())
            entry.insert(QLatin1String("agency"), item.agency);
        entries.append(entry);
    }
    return {{QLatin1String("templates"), entries}};
}

QList<ResponseTemplate> templatesFor(const QList<ResponseTemplate> &templates,
                                     const QString &category, const QString &agency)
{
    // Rank 0 fits both the field and the agency; rank 3 is a general template.
    const auto rank = [&](const ResponseTemplate &item) -> int {
        const bool fieldFits = item.category.isEmpty() || item.category == category;
        const bool agencyFits = item.agency.isEmpty() || item.agency == agency;
        if (!fieldFits || !agencyFits)
            return -1;
        return (item.category.isEmpty() ? 2 : 0) + (item.agency.isEmpty() ? 1 : 0);
    };
    QList<ResponseTemplate> fitting;
    for (const ResponseTemplate &item : templates) {
        if (rank(item) >= 0)
            fitting.append(item);
    }
    std::stable_sort(
        fitting.begin(), fitting.end(),
        [&](const ResponseTemplate &a, const ResponseTemplate &b) { return rank(a) < rank(b); });
    return fitting;
}

QString fillTemplate(const QString &text, const QMap<QString, QString> &values)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
    QString filled;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const auto value = values.constFind(match.captured(1));
        if (value == values.cend())
            continue;
        filled += QStringView(text).mid(last, match.capturedStart() - last);
        filled += *value;
        last = match.capturedEnd();
    }
    filled += QStringView(text).mid(last);
    return filled;
}

} // namespace CivicDesk
