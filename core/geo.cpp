#include "core/geo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace CivicDesk {
namespace {

Ring ringFromJson(const QJsonArray &coordinates)
{
    Ring ring;
    ring.reserve(coordinates.size());
    for (const QJsonValue &position : coordinates) {
        const QJsonArray pair = position.toArray();
        if (pair.size() >= 2)
            ring.append(QPointF(pair.at(0).toDouble(), pair.at(1).toDouble()));
    }
    return ring;
}

Rings polygonFromJson(const QJsonArray &rings)
{
    Rings polygon;
    for (const QJsonValue &ring : rings)
        polygon.append(ringFromJson(ring.toArray()));
    return polygon;
}

QJsonArray ringToJson(const Ring &ring)
{
    QJsonArray coordinates;
    for (const QPointF &point : ring)
        coordinates.append(QJsonArray{point.x(), point.y()});
    return coordinates;
}

bool samePoint(const QPointF &a, const QPointF &b)
{
    return qFuzzyCompare(a.x(), b.x()) && qFuzzyCompare(a.y(), b.y());
}

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180;
}

} // namespace

double distanceMeters(const GeoPoint &a, const GeoPoint &b)
{
    const double sinHalfLatitude = std::sin(radians(b.latitude - a.latitude) / 2);
    const double sinHalfLongitude = std::sin(radians(b.longitude - a.longitude) / 2);
    const double h = sinHalfLatitude * sinHalfLatitude + std::cos(radians(a.latitude)) *
                                                             std::cos(radians(b.latitude)) *
                                                             sinHalfLongitude * sinHalfLongitude;
    // Rounding can push h a little past 1 for antipodal points.
    return 2 * earthMeanRadiusMeters * std::asin(std::sqrt(std::min(h, 1.0)));
}

bool ringContains(const Ring &ring, const QPointF &point)
{
    // Even-odd rule: count the edges that a ray towards +x crosses.
    bool inside = false;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const QPointF &a = ring.at(i);
        const QPointF &b = ring.at(j);
        if ((a.y() > point.y()) == (b.y() > point.y()))
            continue;
        const double crossX = a.x() + (point.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
        if (point.x() < crossX)
            inside = !inside;
    }
    return inside;
}

bool contains(const MultiPolygon &shape, const GeoPoint &point)
{
    const QPointF p(point.longitude, point.latitude);
    for (const Rings &polygon : shape) {
        if (polygon.isEmpty() || !ringContains(polygon.first(), p))
            continue;
        bool inHole = false;
        for (qsizetype i = 1; i < polygon.size() && !inHole; ++i)
            inHole = ringContains(polygon.at(i), p);
        if (!inHole)
            return true;
    }
    return false;
}

MultiPolygon multiPolygonFromGeoJson(const QByteArray &geometryJson)
{
    const QJsonObject geometry = QJsonDocument::fromJson(geometryJson).object();
    const QString type = geometry.value(QLatin1String("type")).toString();
    const QJsonArray coordinates = geometry.value(QLatin1String("coordinates")).toArray();

    MultiPolygon shape;
    if (type == QLatin1String("Polygon")) {
        shape.append(polygonFromJson(coordinates));
    } else if (type == QLatin1String("MultiPolygon")) {
        for (const QJsonValue &polygon : coordinates)
            shape.append(polygonFromJson(polygon.toArray()));
    }
    return shape;
}

QByteArray multiPolygonToGeoJson(const MultiPolygon &shape)
{
    QJsonArray polygons;
    for (const Rings &polygon : shape) {
        QJsonArray rings;
        for (const Ring &ring : polygon)
            rings.append(ringToJson(ring));
        polygons.append(rings);
    }
    const QJsonObject geometry{{QLatin1String("type"), QLatin1String("MultiPolygon")},
                               {QLatin1String("coordinates"), polygons}};
    return QJsonDocument(geometry).toJson(QJsonDocument::Compact);
}

QList<Ring> joinWaysIntoRings(QList<Ring> ways, int *unclosed)
{
    QList<Ring> rings;
    int open = 0;
    while (!ways.isEmpty()) {
        Ring ring = ways.takeFirst();
        bool extended = true;
        while (!samePoint(ring.first(), ring.last()) && extended) {
            extended = false;
            for (qsizetype i = 0; i < ways.size(); ++i) {
                Ring way = ways.at(i);
                if (samePoint(way.last(), ring.last()))
                    std::reverse(way.begin(), way.end());
                if (!samePoint(way.first(), ring.last()))
                    continue;
                ring.append(way.mid(1));
                ways.removeAt(i);
                extended = true;
                break;
            }
        }
        if (samePoint(ring.first(), ring.last()) && ring.size() >= 4)
            rings.append(ring);
        else
            ++open;
    }
    if (unclosed)
        *unclosed = open;
    return rings;
}

QRectF boundsOf(const MultiPolygon &shape)
{
    double minX = std::numeric_limits<double>::max();
    double minY = minX;
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = maxX;
    for (const Rings &polygon : shape) {
        if (polygon.isEmpty())
            continue;
        for (const QPointF &point : polygon.first()) {
            minX = std::min(minX, point.x());
            minY = std::min(minY, point.y());
            maxX = std::max(maxX, point.x());
            maxY = std::max(maxY, point.y());
        }
    }
    if (minX > maxX)
        return {};
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

std::optional<QPointF> overpassPoint(const QJsonValue &node)
{
    const QJsonObject object = node.toObject();
    const QJsonValue latitude = object.value(QLatin1String("lat"));
    const QJsonValue longitude = object.value(QLatin1String("lon"));
    if (!latitude.isDouble() || !longitude.isDouble())
        return std::nullopt;
    const QPointF point(longitude.toDouble(), latitude.toDouble());
    if (std::abs(point.y()) > 90 || std::abs(point.x()) > 180)
        return std::nullopt;
    return point;
}

std::optional<QList<Ring>> overpassRelationWays(const QJsonObject &relation, QLatin1String role)
{
    QList<Ring> ways;
    for (const QJsonValue &member : relation.value(QLatin1String("members")).toArray()) {
        const QJsonObject object = member.toObject();
        if (object.value(QLatin1String("type")).toString() != QLatin1String("way") ||
            object.value(QLatin1String("role")).toString() != role) {
            continue;
        }
        Ring way;
        for (const QJsonValue &node : object.value(QLatin1String("geometry")).toArray()) {
            const auto point = overpassPoint(node);
            if (!point)
                return std::nullopt;
            way.append(*point);
        }
        if (way.size() >= 2)
            ways.append(way);
    }
    return ways;
}

} // namespace CivicDesk
