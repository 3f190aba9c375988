#pragma once

#include "core/report.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QRectF>

namespace CivicDesk {

// A polygon with holes: the first ring is the outer boundary. Points are (longitude,
// latitude) in degrees, as in GeoJSON.
using Ring = QList<QPointF>;
using Rings = QList<Ring>;
using MultiPolygon = QList<Rings>;

// Mean radius of the Earth (IUGG mean radius R1 of the WGS84 ellipsoid), in metres.
inline constexpr double earthMeanRadiusMeters = 6371008.8;

// Returns the great-circle distance between two WGS84 positions in metres (haversine formula
// on a sphere of earthMeanRadiusMeters). It differs from the distance on the ellipsoid by at
// most about 0.5%.
double distanceMeters(const GeoPoint &a, const GeoPoint &b);

// Returns whether the point lies inside the multipolygon (even-odd rule per polygon).
bool contains(const MultiPolygon &shape, const GeoPoint &point);
bool ringContains(const Ring &ring, const QPointF &point);

// Returns the bounding rectangle of the outer rings, (longitude, latitude) as the points are,
// or a null rectangle for a shape without points.
QRectF boundsOf(const MultiPolygon &shape);

// Parses a GeoJSON Polygon or MultiPolygon geometry object.
MultiPolygon multiPolygonFromGeoJson(const QByteArray &geometryJson);
QByteArray multiPolygonToGeoJson(const MultiPolygon &shape);

// Joins boundary ways (each a run of points) into closed rings by matching their ends,
// reversing ways where needed. Ways that do not close are returned in `unclosed`.
QList<Ring> joinWaysIntoRings(QList<Ring> ways, int *unclosed = nullptr);

// Returns the position of an OpenStreetMap Overpass JSON node or geometry entry,
// {"lat": ..., "lon": ...}, as (longitude, latitude); nothing when either is missing, not a
// number or outside the WGS84 range.
std::optional<QPointF> overpassPoint(const QJsonValue &node);

// Returns the inline geometry ("out geom") of a relation's way members that have the given role,
// one run of points per way, without ways of fewer than two points. Returns nothing when a
// point is invalid (see overpassPoint).
std::optional<QList<Ring>> overpassRelationWays(const QJsonObject &relation, QLatin1String role);

} // namespace CivicDesk
