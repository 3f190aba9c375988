#include "basemap/basemapinput.h"

#include "core/geo.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace CivicDesk::Basemap {
namespace {

const QString invalidCoordinate =
    QStringLiteral("coordinate missing, not a number or out of range");
const QString shortLine = QStringLiteral("line with fewer than 2 points");
const QString badRing = QStringLiteral("polygon ring not closed or with fewer than 4 points");
const QString openRings = QStringLiteral("multipolygon ways do not close into rings");
const QString noGeometry = QStringLiteral("no inline geometry; fetch the data with \"out geom\"");

// Geometry as read, in degrees: x is the longitude, y the latitude.
struct Geometry
{
    QList<Ring> parts; // every line, or every ring of every polygon
    bool area = false;
    QList<Rings> polygons; // the rings of each polygon of an area, outer ring first
};

// Collects the features of one file while it is read.
class Reader
{
public:
    explicit Reader(InputFile &input)
        : m_input(input)
    {}

    void skip(const QString &reason, const QString &where)
    {
        SkippedFeatures &skipped = m_input.skipped[reason];
        if (skipped.count++ == 0)
            skipped.first = where;
    }

    void addFeature(const FeatureClass &featureClass, const Geometry &geometry)
    {
        MapFeature feature;
        feature.featureClass = featureClass;
        for (const Ring &part : geometry.parts) {
            feature.parts.append(projected(part));
            feature.bounds |= feature.parts.constLast().boundingRect();
            measure(part);
        }
        m_input.features.append(feature);
    }

    void addPlace(const QString &name, const QPointF &position, PlaceRank rank)
    {
        extend(position);
        m_input.places.append({name, Mercator::project(position.y(), position.x()), rank});
    }

    void addAreaLabel(const QString &name, const QList<Rings> &polygons,
                      std::optional<QPointF> labelNode)
    {
        // The largest polygon of a multipolygon carries the name; islands stay unnamed.
        const Rings *largest = nullptr;
        double largestArea = -1;
        for (const Rings &polygon : polygons) {
            const QRectF box = QPolygonF(polygon.first()).boundingRect();
            if (box.width() * box.height() > largestArea) {
                largestArea = box.width() * box.height();
                largest = &polygon;
            }
        }
        if (!largest)
            return;
        AreaLabelSource label;
        label.name = name;
        for (const Ring &ring : *largest)
            label.polygon.append(projected(ring));
        if (labelNode)
            label.labelNode = Mercator::project(labelNode->y(), labelNode->x());
        m_input.areaLabels.append(label);
    }

    void finish()
    {
        if (m_spacings.size() >= CoarseMinSegments) {
            auto middle = m_spacings.begin() + m_spacings.size() / 2;
            std::nth_element(m_spacings.begin(), middle, m_spacings.end());
            m_input.medianSpacing = *middle;
        }
    }

private:
    void extend(const QPointF &point)
    {
        if (!m_hasExtent) {
            m_input.extent = QRectF(point, QSizeF(0, 0));
            m_hasExtent = true;
            return;
        }
        // QRectF::united() ignores rectangles of zero size, so the edges are moved one by one.
        QRectF &extent = m_input.extent;
        extent.setLeft(std::min(extent.left(), point.x()));
        extent.setRight(std::max(extent.right(), point.x()));
        extent.setTop(std::min(extent.top(), point.y()));
        extent.setBottom(std::max(extent.bottom(), point.y()));
    }

    QPolygonF projected(const Ring &part)
    {
        QPolygonF result;
        result.reserve(part.size());
        for (const QPointF &point : part) {
            extend(point);
            result.append(Mercator::project(point.y(), point.x()));
        }
        return result;
    }

    // Distances on an equirectangular projection, close enough over one segment.
    void measure(const Ring &part)
    {
        constexpr double metresPerDegree = 111320;
        for (qsizetype i = 1; i < part.size(); ++i) {
            const QPointF &a = part.at(i - 1);
            const QPointF &b = part.at(i);
            const double dx = (b.x() - a.x()) * std::cos(a.y() * M_PI / 180) * metresPerDegree;
            const double dy = (b.y() - a.y()) * metresPerDegree;
            m_spacings.append(std::hypot(dx, dy));
        }
    }

    InputFile &m_input;
    QList<double> m_spacings;
    bool m_hasExtent = false;
};

QString lineAndColumn(const QByteArray &data, int offset)
{
    const QByteArray before = data.left(offset);
    const int line = before.count('\n') + 1;
    const int column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("line %1, column %2 (byte %3)").arg(line).arg(column).arg(offset);
}

// ---- GeoJSON ----

std::optional<QPointF> geoJsonPosition(const QJsonValue &value)
{
    const QJsonArray position = value.toArray();
    if (position.size() < 2 || !position.at(0).isDouble() || !position.at(1).isDouble())
        return std::nullopt;
    const QPointF point(position.at(0).toDouble(), position.at(1).toDouble());
    if (std::abs(point.x()) > 180 || std::abs(point.y()) > 90)
        return std::nullopt;
    return point;
}

// Reads an array of positions; sets *reason and returns nothing when one is invalid.
std::optional<Ring> geoJsonLine(const QJsonValue &value, QString *reason)
{
    Ring line;
    for (const QJsonValue &position : value.toArray()) {
        const auto point = geoJsonPosition(position);
        if (!point) {
            *reason = invalidCoordinate;
            return std::nullopt;
        }
        line.append(*point);
    }
    if (line.size() < 2) {
        *reason = shortLine;
        return std::nullopt;
    }
    return line;
}

bool appendGeoJsonPolygon(const QJsonValue &value, Geometry &geometry, QString *reason)
{
    Rings polygon;
    for (const QJsonValue &ringValue : value.toArray()) {
        auto ring = geoJsonLine(ringValue, reason);
        if (ring && (ring->size() < 4 || ring->constFirst() != ring->constLast()))
            *reason = badRing;
        if (!ring || !reason->isEmpty())
            return false;
        polygon.append(*ring);
    }
    if (polygon.isEmpty()) {
        *reason = badRing;
        return false;
    }
    geometry.parts.append(polygon);
    geometry.polygons.append(polygon);
    return true;
}

// Reads a line or polygon geometry. Returns nothing with an empty reason for geometry types
// the base map does not draw as lines or areas (points, collections).
std::optional<Geometry> geoJsonGeometry(const QJsonObject &object, QString *reason)
{
    const QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue coordinates = object.value(QLatin1String("coordinates"));
    Geometry geometry;
    if (type == QLatin1String("LineString") || type == QLatin1String("MultiLineString")) {
        const QJsonArray lines =
            type == QLatin1String("LineString") ? QJsonArray{coordinates} : coordinates.toArray();
        for (const QJsonValue &line : lines) {
            auto part = geoJsonLine(line, reason);
            if (!part)
                return std::nullopt;
            geometry.parts.append(*part);
        }
        if (geometry.parts.isEmpty()) {
            *reason = shortLine;
            return std::nullopt;
        }
        return geometry;
    }
    if (type == QLatin1String("Polygon") || type == QLatin1String("MultiPolygon")) {
        geometry.area = true;
        const QJsonArray polygons =
            type == QLatin1String("Polygon") ? QJsonArray{coordinates} : coordinates.toArray();
        for (const QJsonValue &polygon : polygons) {
            if (!appendGeoJsonPolygon(polygon, geometry, reason))
                return std::nullopt;
        }
        return geometry;
    }
    return std::nullopt;
}

QString geoJsonName(const QJsonObject &properties)
{
    // "ten" and "tenXa" are the name fields of Vietnamese government layers.
    for (const char *key : {"name", "name:vi", "ten", "tenXa"}) {
        const QString name = properties.value(QLatin1String(key)).toString().trimmed();
        if (!name.isEmpty())
            return name;
    }
    return {};
}

void readGeoJsonPoint(Reader &reader, InputFile &input, const QJsonObject &geometry,
                      const QJsonObject &properties, const QString &where)
{
    const auto rank = placeRank(properties.value(QLatin1String("place")).toString());
    const QString name = geoJsonName(properties);
    if (!rank || name.isEmpty()) {
        ++input.ignored;
        return;
    }
    const auto point = geoJsonPosition(geometry.value(QLatin1String("coordinates")));
    if (!point)
        reader.skip(invalidCoordinate, where);
    else
        reader.addPlace(name, *point, *rank);
}

void readGeoJsonFeature(Reader &reader, InputFile &input, const QJsonObject &feature,
                        const QString &where)
{
    const QJsonObject geometryObject = feature.value(QLatin1String("geometry")).toObject();
    const QJsonObject properties = feature.value(QLatin1String("properties")).toObject();
    if (geometryObject.value(QLatin1String("type")).toString() == QLatin1String("Point")) {
        readGeoJsonPoint(reader, input, geometryObject, properties, where);
        return;
    }
    QString reason;
    const auto geometry = geoJsonGeometry(geometryObject, &reason);
    if (!geometry) {
        if (reason.isEmpty())
            ++input.ignored;
        else
            reader.skip(reason, where);
        return;
    }
    auto featureClass = classifyFeature(properties, geometry->area);
    // A polygon with no other meaning is an administrative unit, such as a ward of a
    // government boundary layer: drawn as an outline, never filled.
    if (!featureClass && geometry->area)
        featureClass = FeatureClass{FeatureKind::Boundary, 0};
    if (!featureClass) {
        ++input.ignored;
        return;
    }
    reader.addFeature(*featureClass, *geometry);
    const QString name = geoJsonName(properties);
    if (featureClass->kind == FeatureKind::Boundary && !name.isEmpty())
        reader.addAreaLabel(name, geometry->polygons, std::nullopt);
}

void readGeoJson(InputFile &input, const QJsonObject &root)
{
    Reader reader(input);
    input.format = QStringLiteral("GeoJSON");
    input.attribution = root.value(QLatin1String("attribution")).toString().trimmed();
    const QJsonArray features =
        root.value(QLatin1String("type")).toString() == QLatin1String("Feature")
            ? QJsonArray{root}
            : root.value(QLatin1String("features")).toArray();
    for (qsizetype i = 0; i < features.size(); ++i)
        readGeoJsonFeature(reader, input, features.at(i).toObject(),
                           QStringLiteral("feature %1").arg(i + 1));
    reader.finish();
}

// ---- Overpass JSON ----

QString elementName(const QJsonObject &element)
{
    return QStringLiteral("%1 %2").arg(element.value(QLatin1String("type")).toString(),
                                       element.value(QLatin1String("id")).toVariant().toString());
}

void readOverpassNode(Reader &reader, InputFile &input, const QJsonObject &node)
{
    const QJsonObject tags = node.value(QLatin1String("tags")).toObject();
    const auto rank = placeRank(tags.value(QLatin1String("place")).toString());
    const QString name = tags.value(QLatin1String("name")).toString().trimmed();
    if (!rank || name.isEmpty()) {
        if (!tags.isEmpty())
            ++input.ignored;
        return;
    }
    const auto point = overpassPoint(node);
    if (!point)
        reader.skip(invalidCoordinate, elementName(node));
    else
        reader.addPlace(name, *point, *rank);
}

void readOverpassWay(Reader &reader, InputFile &input, const QJsonObject &way)
{
    const QJsonObject tags = way.value(QLatin1String("tags")).toObject();
    if (tags.isEmpty())
        return; // an untagged way is part of a relation, which draws it
    if (!way.value(QLatin1String("geometry")).isArray()) {
        reader.skip(noGeometry, elementName(way));
        return;
    }
    Ring points;
    for (const QJsonValue &node : way.value(QLatin1String("geometry")).toArray()) {
        const auto point = overpassPoint(node);
        if (!point) {
            reader.skip(invalidCoordinate, elementName(way));
            return;
        }
        points.append(*point);
    }
    if (points.size() < 2) {
        reader.skip(shortLine, elementName(way));
        return;
    }
    const bool closed = points.size() >= 4 && points.constFirst() == points.constLast() &&
                        tags.value(QLatin1String("area")).toString() != QLatin1String("no");
    if (closed) {
        const auto areaClass = classifyFeature(tags, true);
        if (areaClass && isArea(areaClass->kind)) {
            reader.addFeature(*areaClass, Geometry{{points}, true, {Rings{points}}});
            return;
        }
    }
    const auto lineClass = classifyFeature(tags, false);
    if (!lineClass) {
        ++input.ignored;
        return;
    }
    reader.addFeature(*lineClass, Geometry{{points}, false, {}});
}

bool hasWayGeometry(const QJsonObject &relation)
{
    for (const QJsonValue &member : relation.value(QLatin1String("members")).toArray()) {
        const QJsonObject object = member.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("way") &&
            !object.value(QLatin1String("geometry")).isArray()) {
            return false;
        }
    }
    return true;
}

std::optional<QPointF> labelNodeOf(const QJsonObject &relation)
{
    for (const QJsonValue &member : relation.value(QLatin1String("members")).toArray()) {
        const QJsonObject object = member.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("node") &&
            object.value(QLatin1String("role")).toString() == QLatin1String("label")) {
            return overpassPoint(object);
        }
    }
    return std::nullopt;
}

// Sorts the rings of a multipolygon into polygons: each inner ring goes with the first outer
// ring that contains its first point.
QList<Rings> polygonsOf(const QList<Ring> &outer, const QList<Ring> &inner)
{
    QList<Rings> polygons;
    for (const Ring &ring : outer)
        polygons.append(Rings{ring});
    for (const Ring &hole : inner) {
        for (Rings &polygon : polygons) {
            if (ringContains(polygon.constFirst(), hole.constFirst())) {
                polygon.append(hole);
                break;
            }
        }
    }
    return polygons;
}

void readOverpassRelation(Reader &reader, InputFile &input, const QJsonObject &relation)
{
    const QJsonObject tags = relation.value(QLatin1String("tags")).toObject();
    const QString type = tags.value(QLatin1String("type")).toString();
    if (type != QLatin1String("multipolygon") && type != QLatin1String("boundary")) {
        ++input.ignored; // routes, turn restrictions, waterway groups
        return;
    }
    const auto featureClass = classifyFeature(tags, true);
    if (!featureClass ||
        !(isArea(featureClass->kind) || featureClass->kind == FeatureKind::Boundary)) {
        ++input.ignored;
        return;
    }
    if (!hasWayGeometry(relation)) {
        reader.skip(noGeometry, elementName(relation));
        return;
    }
    const auto outerWays = overpassRelationWays(relation, QLatin1String("outer"));
    const auto innerWays = overpassRelationWays(relation, QLatin1String("inner"));
    if (!outerWays || !innerWays) {
        reader.skip(invalidCoordinate, elementName(relation));
        return;
    }
    int unclosedOuter = 0;
    int unclosedInner = 0;
    const QList<Ring> outer = joinWaysIntoRings(*outerWays, &unclosedOuter);
    const QList<Ring> inner = joinWaysIntoRings(*innerWays, &unclosedInner);
    if (outer.isEmpty() || unclosedOuter > 0 || unclosedInner > 0) {
        reader.skip(openRings, elementName(relation));
        return;
    }
    const QList<Rings> polygons = polygonsOf(outer, inner);
    reader.addFeature(*featureClass, Geometry{outer + inner, true, polygons});

    // Units above the ward level (provinces, the country) cover the whole map, so they carry no
    // label. admin_level is 4 for a province or for a city run by the state.
    const QString name = tags.value(QLatin1String("name")).toString().trimmed();
    const int adminLevel = tags.value(QLatin1String("admin_level")).toString().toInt();
    if (featureClass->kind == FeatureKind::Boundary && !name.isEmpty() && adminLevel > 4)
        reader.addAreaLabel(name, polygons, labelNodeOf(relation));
}

void readOverpass(InputFile &input, const QJsonObject &root)
{
    Reader reader(input);
    input.format = QStringLiteral("Overpass JSON");
    // Overpass serves OpenStreetMap data only, under the ODbL, whose attribution this is.
    input.attribution = QStringLiteral("© OpenStreetMap contributors (ODbL)");
    for (const QJsonValue &value : root.value(QLatin1String("elements")).toArray()) {
        const QJsonObject element = value.toObject();
        const QString type = element.value(QLatin1String("type")).toString();
        if (type == QLatin1String("node"))
            readOverpassNode(reader, input, element);
        else if (type == QLatin1String("way"))
            readOverpassWay(reader, input, element);
        else if (type == QLatin1String("relation"))
            readOverpassRelation(reader, input, element);
    }
    reader.finish();
}

} // namespace

std::optional<InputFile> readInputFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: invalid JSON at %2: %3")
                     .arg(path, lineAndColumn(data, parseError.offset), parseError.errorString());
        return std::nullopt;
    }

    InputFile input;
    input.path = path;
    const QJsonObject root = document.object();
    const QString type = root.value(QLatin1String("type")).toString();
    if (root.value(QLatin1String("elements")).isArray()) {
        readOverpass(input, root);
    } else if (type == QLatin1String("FeatureCollection") || type == QLatin1String("Feature")) {
        readGeoJson(input, root);
    } else {
        *error = QStringLiteral("%1: neither GeoJSON (a FeatureCollection or a Feature) nor "
                                "Overpass JSON (an object with \"elements\")")
                     .arg(path);
        return std::nullopt;
    }
    return input;
}

bool isCoarse(const InputFile &input)
{
    return input.medianSpacing > CoarseSpacing;
}

} // namespace CivicDesk::Basemap
