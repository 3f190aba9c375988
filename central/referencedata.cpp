#include "central/referencedata.h"

#include "core/geo.h"
#include "core/logging.h"
#include "core/textfold.h"

#include <limits>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace CivicDesk {
namespace {

QList<Category> categoriesFrom(const QJsonObject &root)
{
    QList<Category> categories;
    int order = 0;
    for (const QJsonValue &value : root.value(QLatin1String("categories")).toArray()) {
        const QJsonObject object = value.toObject();
        categories.append({object.value(QLatin1String("code")).toString(),
                           object.value(QLatin1String("vi")).toString(),
                           object.value(QLatin1String("en")).toString(), ++order});
    }
    return categories;
}

QList<Agency> agenciesFrom(const QJsonObject &root)
{
    QList<Agency> agencies;
    for (const QJsonValue &value : root.value(QLatin1String("agencies")).toArray()) {
        const QJsonObject object = value.toObject();
        Agency agency;
        agency.id = object.value(QLatin1String("id")).toString();
        agency.nameVi = object.value(QLatin1String("vi")).toString();
        agency.nameEn = object.value(QLatin1String("en")).toString();
        agency.active = object.value(QLatin1String("active")).toBool(true);
        for (const QJsonValue &alias : object.value(QLatin1String("aliases")).toArray())
            agency.aliases.append(alias.toString());
        agencies.append(agency);
    }
    return agencies;
}

Agency peoplesCommitteeOf(const AdminUnit &unit)
{
    // "Phường Phú Xuân" -> "UBND phường Phú Xuân"; "Phú Xuân Ward" -> "People's Committee of ..."
    QString lowerPrefix = unit.nameVi;
    if (!lowerPrefix.isEmpty())
        lowerPrefix[0] = lowerPrefix.at(0).toLower();
    Agency agency;
    agency.id = QStringLiteral("ubnd-") + unit.code;
    agency.nameVi = QStringLiteral("UBND ") + lowerPrefix;
    agency.nameEn = QStringLiteral("People's Committee of ") + unit.nameEn;
    agency.adminUnit = unit.code;
    agency.aliases = {QStringLiteral("Ủy ban nhân dân ") + lowerPrefix, unit.nameVi};
    return agency;
}

std::optional<AdminUnit> unitFromRelation(const QJsonObject &relation, const QString &fileName,
                                          QString *error)
{
    const QJsonObject tags = relation.value(QLatin1String("tags")).toObject();
    AdminUnit unit;
    unit.nameVi =
        tags.value(QLatin1String("name:vi")).toString(tags.value(QLatin1String("name")).toString());
    unit.nameEn = tags.value(QLatin1String("name:en")).toString();
    unit.code = adminUnitCode(unit.nameVi);
    unit.kind = unit.nameVi.startsWith(QStringLiteral("Xã")) ? QStringLiteral("commune")
                                                             : QStringLiteral("ward");

    const auto ways = overpassRelationWays(relation, QLatin1String("outer"));
    if (!ways) {
        *error = QStringLiteral("%1: the boundary of relation %2 (%3) has an invalid coordinate")
                     .arg(fileName)
                     .arg(relation.value(QLatin1String("id")).toVariant().toLongLong())
                     .arg(unit.nameVi);
        return std::nullopt;
    }

    int unclosed = 0;
    const QList<Ring> rings = joinWaysIntoRings(*ways, &unclosed);
    if (rings.isEmpty() || unclosed > 0) {
        *error = QStringLiteral("%1: the boundary of relation %2 (%3) does not close into rings")
                     .arg(fileName)
                     .arg(relation.value(QLatin1String("id")).toVariant().toLongLong())
                     .arg(unit.nameVi);
        return std::nullopt;
    }

    MultiPolygon shape;
    unit.minLatitude = unit.minLongitude = std::numeric_limits<double>::max();
    unit.maxLatitude = unit.maxLongitude = std::numeric_limits<double>::lowest();
    for (const Ring &ring : rings) {
        shape.append(Rings{ring});
        for (const QPointF &point : ring) {
            unit.minLongitude = std::min(unit.minLongitude, point.x());
            unit.maxLongitude = std::max(unit.maxLongitude, point.x());
            unit.minLatitude = std::min(unit.minLatitude, point.y());
            unit.maxLatitude = std::max(unit.maxLatitude, point.y());
        }
    }
    unit.boundaryGeoJson = QString::fromUtf8(multiPolygonToGeoJson(shape));
    return unit;
}

} // namespace

std::optional<QJsonObject> readJsonObjectFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1: invalid JSON at byte %2: %3")
                     .arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    return document.object();
}

QString adminUnitCode(const QString &nameVi)
{
    static const QRegularExpression prefix(QStringLiteral("^(phuong|xa) "));
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    QString folded = foldText(nameVi);
    folded.remove(prefix);
    folded.replace(separators, QStringLiteral("-"));
    while (folded.endsWith(QLatin1Char('-')))
        folded.chop(1);
    return folded;
}

std::optional<QList<AdminUnit>> adminUnitsFromOverpass(const QByteArray &json,
                                                       const QString &fileName, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1: invalid JSON at byte %2: %3")
                     .arg(fileName)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    QList<AdminUnit> units;
    for (const QJsonValue &element : document.object().value(QLatin1String("elements")).toArray()) {
        const QJsonObject relation = element.toObject();
        if (relation.value(QLatin1String("type")).toString() != QLatin1String("relation"))
            continue;
        auto unit = unitFromRelation(relation, fileName, error);
        if (!unit)
            return std::nullopt;
        units.append(*unit);
    }
    std::sort(units.begin(), units.end(),
              [](const AdminUnit &a, const AdminUnit &b) { return a.code < b.code; });
    return units;
}

namespace {

// Reads the file `name` of `dir` with `parse` into `value` when the file exists. The error names
// the file and what is wrong in it.
template<typename T, typename Parse>
bool readOptionalFile(const QDir &dir, const QString &name, Parse parse, T *value, QString *error)
{
    const QString path = dir.filePath(name);
    if (!QFile::exists(path))
        return true;
    const auto json = readJsonObjectFile(path, error);
    if (!json)
        return false;
    QString problem;
    const auto parsed = parse(*json, &problem);
    if (!parsed) {
        *error = QStringLiteral("%1: %2").arg(path, problem);
        return false;
    }
    *value = *parsed;
    return true;
}

} // namespace

std::optional<ReferenceData> readReferenceData(const QString &directory, QString *error)
{
    const QDir dir(directory);
    const auto categories =
        readJsonObjectFile(dir.filePath(QStringLiteral("categories.json")), error);
    if (!categories)
        return std::nullopt;
    const auto agencies = readJsonObjectFile(dir.filePath(QStringLiteral("agencies.json")), error);
    if (!agencies)
        return std::nullopt;

    const QString boundaryPath = dir.filePath(QStringLiteral("hue_wards_osm_2025.json"));
    QFile boundaries(boundaryPath);
    if (!boundaries.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(boundaryPath, boundaries.errorString());
        return std::nullopt;
    }
    const auto units = adminUnitsFromOverpass(boundaries.readAll(), boundaryPath, error);
    if (!units)
        return std::nullopt;

    ReferenceData data;
    data.categories = categoriesFrom(*categories);
    data.agencies = agenciesFrom(*agencies);
    data.adminUnits = *units;
    for (const AdminUnit &unit : *units)
        data.agencies.append(peoplesCommitteeOf(unit));

    // The working calendar, the processing times and the response templates are optional: a
    // file that is missing keeps the built-in defaults, and one that is invalid is an error.
    if (!readOptionalFile(dir, QStringLiteral("calendar.json"), &WorkingCalendar::fromJson,
                          &data.calendar, error) ||
        !readOptionalFile(dir, QStringLiteral("deadlines.json"), &DeadlineRules::fromJson,
                          &data.deadlines, error) ||
        !readOptionalFile(dir, QStringLiteral("response_templates.json"),
                          &responseTemplatesFromJson, &data.responseTemplates, error))
        return std::nullopt;
    qCInfo(lcCentral) << "read reference data from" << directory << ":" << data.categories.size()
                      << "fields," << data.agencies.size() << "agencies," << units->size()
                      << "units";
    return data;
}

} // namespace CivicDesk
