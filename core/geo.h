#pragma once

#include "core/report.h"

#include <QList>
#include <QPointF>
#include <QRectF>

namespace CivicDesk {

// A polygon with holes: the first ring is the outer boundary. Points are (longitude,
// latitude) in degrees, as in GeoJSON.
using Ring = QList<QPointF>;
using Rings = QList<Ring>;
using MultiPolygon = QList<Rings>;

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

} // namespace CivicDesk
