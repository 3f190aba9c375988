#include "core/stats.h"

#include "core/rows.h"

#include <algorithm>
#include <QJsonDocument>

namespace CivicDesk {
namespace {

QJsonObject countsToJson(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString rowLine(const QString &prefix, const QStringList &columns, const QVariantMap &row)
{
    QJsonObject object;
    for (const QString &column : columns)
        object.insert(column, QJsonValue::fromVariant(row.value(column)));
    return prefix + QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject ReportStats::toJson() const
{
    return {{QLatin1String("total"), total},
            {QLatin1String("with_position"), withPosition},
            {QLatin1String("by_status"), countsToJson(byStatus)},
            {QLatin1String("by_category"), countsToJson(byCategory)}};
}

QStringList canonicalLines(const ReportSnapshot &snapshot)
{
    const QString id = snapshot.report.id;
    QStringList lines;
    lines.append(rowLine(QStringLiteral("report %1 ").arg(id), reportColumns(),
                         reportToRow(snapshot.report)));

    QList<Event> events = snapshot.events;
    std::sort(events.begin(), events.end(),
              [](const Event &a, const Event &b) { return a.id < b.id; });
    for (const Event &event : std::as_const(events))
        lines.append(
            rowLine(QStringLiteral("report %1 event ").arg(id), eventColumns(), eventToRow(event)));

    QList<Media> media = snapshot.media;
    std::sort(media.begin(), media.end(),
              [](const Media &a, const Media &b) { return a.id < b.id; });
    for (const Media &item : std::as_const(media))
        lines.append(
            rowLine(QStringLiteral("report %1 media ").arg(id), mediaColumns(), mediaToRow(item)));
    return lines;
}

} // namespace CivicDesk
