#include "intake/demoplacement.h"

#include "central/referencedata.h"
#include "core/logging.h"
#include "core/textfold.h"
#include "core/timeutil.h"
#include "intake/importfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace CivicDesk {
namespace {

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<FormerUnit> formerUnitFromFeature(const QJsonObject &feature, const QString &path,
                                                qsizetype index, QString *error)
{
    const QJsonObject properties = feature.value(QLatin1String("properties")).toObject();
    const QJsonObject geometry = feature.value(QLatin1String("geometry")).toObject();
    FormerUnit unit;
    unit.nameVi = properties.value(QLatin1String("commune_vn")).toString().trimmed();
    unit.district = properties.value(QLatin1String("district_vn")).toString().trimmed();
    unit.boundary = multiPolygonFromGeoJson(QJsonDocument(geometry).toJson(QJsonDocument::Compact));
    if (unit.nameVi.isEmpty()) {
        *error = QStringLiteral("%1: feature %2 has no commune_vn name").arg(path).arg(index);
        return std::nullopt;
    }
    if (unit.boundary.isEmpty()) {
        *error = QStringLiteral("%1: feature %2 (%3) has no Polygon or MultiPolygon geometry")
                     .arg(path)
                     .arg(index)
                     .arg(unit.nameVi);
        return std::nullopt;
    }
    return unit;
}

// Keeps a former ward's name readable in the address once adminUnit contains today's code.
void keepFormerName(Report &report, const QString &ward)
{
    if (foldText(report.address).contains(parseUnitName(ward).folded))
        return;
    report.address = report.address.isEmpty() ? ward : report.address + QStringLiteral(", ") + ward;
}

enum class Placement
{
    Placed,
    AlreadyPlaced,
    WithoutWard,
    Unresolved
};

Placement placeRecord(IncomingReport &record, const WardPlacer &placer, quint32 seed)
{
    Report &report = record.report;
    if (report.position)
        return Placement::AlreadyPlaced;
    const QString ward = report.adminUnit.trimmed();
    if (ward.isEmpty())
        return Placement::WithoutWard;

    QString reason;
    const auto area = placer.resolve(ward, &reason);
    if (!area) {
        qCInfo(lcIntake).noquote()
            << "record" << record.recordNumber << "(" << printableText(report.sourceId)
            << ") keeps no position:" << printableText(reason);
        return Placement::Unresolved;
    }
    const QString key =
        report.sourceId.isEmpty() ? QString::number(record.recordNumber) : report.sourceId;
    QRandomGenerator random = WardPlacer::generatorFor(seed, key);
    const auto point = WardPlacer::randomPoint(*area, random);
    if (!point) {
        qCInfo(lcIntake).noquote()
            << "record" << record.recordNumber << "(" << printableText(report.sourceId)
            << ") keeps no position: no point found inside" << printableText(area->matchedName);
        return Placement::Unresolved;
    }

    report.position = *point;
    report.approximate = true;
    if (area->former)
        keepFormerName(report, ward);
    report.adminUnit = area->unitCode;
    return Placement::Placed;
}

} // namespace

std::optional<QList<FormerUnit>> readFormerUnits(const QString &path, QString *error)
{
    const auto root = readJsonObjectFile(path, error);
    if (!root)
        return std::nullopt;
    if (root->value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection")) {
        *error = QStringLiteral("%1: not a GeoJSON FeatureCollection").arg(path);
        return std::nullopt;
    }

    QList<FormerUnit> units;
    const QJsonArray features = root->value(QLatin1String("features")).toArray();
    for (qsizetype i = 0; i < features.size(); ++i) {
        auto unit = formerUnitFromFeature(features.at(i).toObject(), path, i, error);
        if (!unit)
            return std::nullopt;
        units.append(*unit);
    }
    return units;
}

std::optional<QList<FormerUnit>> readUnitMergers(const QString &path, QString *error)
{
    const auto root = readJsonObjectFile(path, error);
    if (!root)
        return std::nullopt;

    QList<FormerUnit> units;
    for (const QJsonValue &value : root->value(QLatin1String("units")).toArray()) {
        const QJsonObject merger = value.toObject();
        const QString successor = merger.value(QLatin1String("name")).toString().trimmed();
        if (successor.isEmpty()) {
            *error = QStringLiteral("%1: a unit has no name").arg(path);
            return std::nullopt;
        }
        for (const QJsonValue &merged : merger.value(QLatin1String("merged")).toArray()) {
            FormerUnit unit;
            unit.nameVi = merged.toString().trimmed();
            unit.successorName = successor;
            units.append(unit);
        }
    }
    return units;
}

PlacementSummary placeReportsByWard(QList<IncomingReport> &records, const WardPlacer &placer,
                                    quint32 seed)
{
    PlacementSummary summary;
    for (IncomingReport &record : records) {
        switch (placeRecord(record, placer, seed)) {
        case Placement::Placed:
            ++summary.placed;
            break;
        case Placement::AlreadyPlaced:
            ++summary.alreadyPlaced;
            break;
        case Placement::WithoutWard:
            ++summary.withoutWard;
            break;
        case Placement::Unresolved:
            ++summary.unresolved;
            break;
        }
    }
    qCInfo(lcIntake) << "placed" << summary.placed << "records in the ward they name;"
                     << summary.alreadyPlaced << "had a position," << summary.withoutWard
                     << "name no ward," << summary.unresolved << "could not be placed";
    return summary;
}

PlacementSummary placeReportsByWard(QList<IncomingReport> &records, const QList<AdminUnit> &units,
                                    const QList<FormerUnit> &formerUnits, quint32 seed)
{
    return placeReportsByWard(records, WardPlacer(units, formerUnits), seed);
}

std::optional<WardPlacer> readWardPlacer(const QString &referenceDirectory, QString *error)
{
    const QDir dir(referenceDirectory);
    const QString unitsPath = dir.filePath(QLatin1String(currentUnitsFileName));
    const auto unitsJson = readFile(unitsPath, error);
    if (!unitsJson)
        return std::nullopt;
    const auto units = adminUnitsFromOverpass(*unitsJson, unitsPath, error);
    if (!units)
        return std::nullopt;

    auto formerUnits = readFormerUnits(dir.filePath(QLatin1String(formerUnitsFileName)), error);
    if (!formerUnits)
        return std::nullopt;
    const auto mergers = readUnitMergers(dir.filePath(QLatin1String(unitMergersFileName)), error);
    if (!mergers)
        return std::nullopt;
    formerUnits->append(*mergers);
    return WardPlacer(*units, *formerUnits);
}

QList<IncomingReport> loadDemoReports(const QString &demoDirectory,
                                      const QString &referenceDirectory, quint32 seed,
                                      QString *error)
{
    const QDir dir(demoDirectory);
    ImportOptions options;
    options.source = QLatin1String(demoSourceName);
    options.timeZone = zoneOrUtc(QLatin1String(defaultTimeZoneId));
    options.mappingPath = dir.filePath(QStringLiteral("hue_reports.mapping.json"));
    ParsedFile parsed = readImportFile(dir.filePath(QStringLiteral("hue_reports.csv")), options);
    if (!parsed.ok()) {
        *error = parsed.error;
        return {};
    }
    for (const Rejection &rejection : parsed.rejections)
        qCDebug(lcIntake).noquote() << "demo record left out:" << rejection.toString();

    const auto placer = readWardPlacer(referenceDirectory, error);
    if (!placer)
        return {};
    placeReportsByWard(parsed.reports, *placer, seed);
    return parsed.reports;
}

} // namespace CivicDesk
