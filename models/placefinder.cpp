#include "models/placefinder.h"

#include "central/referencedata.h"
#include "core/textfold.h"

#include <algorithm>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace CivicDesk {
namespace {

// Folds a unit's name without the word for its kind, so that "xuan" ranks "Phường Xuân Phú"
// as a name that starts with the text.
QString foldedName(const QString &name)
{
    static const QRegularExpression kind(
        QStringLiteral("^(phuong|xa|thi tran|thanh pho|thi xa|huyen) "));
    QString folded = foldText(name);
    folded.remove(kind);
    return folded;
}

QGeoRectangle rectangleOf(const MultiPolygon &shape)
{
    const QRectF bounds = boundsOf(shape);
    if (bounds.isNull())
        return {};
    return QGeoRectangle(QGeoCoordinate(bounds.bottom(), bounds.left()),
                         QGeoCoordinate(bounds.top(), bounds.right()));
}

} // namespace

void PlaceFinder::setCurrentUnits(const QList<AdminUnit> &units, bool english)
{
    m_current.clear();
    for (const AdminUnit &unit : units) {
        if (unit.minLatitude >= unit.maxLatitude || unit.minLongitude >= unit.maxLongitude)
            continue;
        Entry entry;
        entry.place.name = english && !unit.nameEn.isEmpty() ? unit.nameEn : unit.nameVi;
        entry.place.detail =
            unit.kind == QLatin1String("commune")
                ? QCoreApplication::translate("CivicDesk", "Commune", "kind of place")
                : QCoreApplication::translate("CivicDesk", "Ward", "kind of place");
        entry.place.area = QGeoRectangle(QGeoCoordinate(unit.maxLatitude, unit.minLongitude),
                                         QGeoCoordinate(unit.minLatitude, unit.maxLongitude));
        // Both names find the unit, whichever language the interface speaks.
        entry.folded = foldedName(unit.nameVi) + QLatin1Char('\n') + foldText(unit.nameEn);
        m_current.append(entry);
    }
}

void PlaceFinder::setFormerUnits(const QList<FormerUnit> &units)
{
    m_former.clear();
    for (const FormerUnit &unit : units) {
        const QGeoRectangle area = rectangleOf(unit.boundary);
        if (!area.isValid())
            continue;
        Entry entry;
        entry.place.name = unit.nameVi;
        entry.place.detail =
            unit.district.isEmpty()
                ? QCoreApplication::translate("CivicDesk", "Former unit, before 2025")
                : QCoreApplication::translate("CivicDesk", "Former unit of %1, before 2025")
                      .arg(unit.district);
        entry.place.area = area;
        entry.folded = foldedName(unit.nameVi);
        entry.group = 2;
        m_former.append(entry);
    }
}

bool PlaceFinder::readPlaces(const QString &path, QString *error)
{
    const std::optional<QJsonObject> document = readJsonObjectFile(path, error);
    if (!document)
        return false;
    // Half the side of the square shown for a place, in degrees: a city needs more room.
    static const QHash<QString, double> reach{{QStringLiteral("city"), 0.03},
                                              {QStringLiteral("town"), 0.015}};
    m_places.clear();
    for (const QJsonValue &element : document->value(QLatin1String("elements")).toArray()) {
        const QJsonObject node = element.toObject();
        const QJsonObject tags = node.value(QLatin1String("tags")).toObject();
        const QString name = tags.value(QLatin1String("name")).toString().trimmed();
        const QString kind = tags.value(QLatin1String("place")).toString();
        const QJsonValue latitude = node.value(QLatin1String("lat"));
        const QJsonValue longitude = node.value(QLatin1String("lon"));
        if (name.isEmpty() || kind.isEmpty() || !latitude.isDouble() || !longitude.isDouble())
            continue;
        const double half = reach.value(kind, 0.008);
        Entry entry;
        entry.place.name = name;
        entry.place.detail = QCoreApplication::translate("CivicDesk", "Place");
        entry.place.area =
            QGeoRectangle(QGeoCoordinate(latitude.toDouble() + half, longitude.toDouble() - half),
                          QGeoCoordinate(latitude.toDouble() - half, longitude.toDouble() + half));
        entry.folded = foldedName(name);
        entry.group = 1;
        m_places.append(entry);
    }
    return true;
}

QList<Place> PlaceFinder::find(const QString &text, int limit) const
{
    const QString query = foldText(text).simplified();
    if (query.isEmpty() || limit <= 0)
        return {};
    struct Match
    {
        int rank;
        const Entry *entry;
    };
    QList<Match> matches;
    for (const QList<Entry> *entries : {&m_current, &m_places, &m_former}) {
        for (const Entry &entry : *entries) {
            const qsizetype at = entry.folded.indexOf(query);
            if (at < 0)
                continue;
            int rank = 2;
            if (at == 0 || entry.folded.at(at - 1) == QLatin1Char('\n'))
                rank = 0;
            else if (entry.folded.at(at - 1) == QLatin1Char(' '))
                rank = 1;
            matches.append({rank * 3 + entry.group, &entry});
        }
    }
    std::sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return a.entry->folded < b.entry->folded;
    });
    QList<Place> result;
    for (const Match &match : std::as_const(matches)) {
        if (result.size() == limit)
            break;
        result.append(match.entry->place);
    }
    return result;
}

} // namespace CivicDesk
