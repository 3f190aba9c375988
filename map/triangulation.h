#pragma once

#include <QList>
#include <QPointF>

namespace CivicDesk {

// Triangles covering one polygon with holes.
struct Triangulation
{
    QList<QPointF> vertices; // the rings' points without closing or repeated points
    QList<quint32> indices;  // three vertex indices per triangle
};

// Triangulates a polygon (outer ring first, then holes) by ear clipping, so concave rings are
// covered exactly. Holes are joined to the outer ring by bridge edges first. Either winding
// order is accepted. Self-intersecting rings still give triangles, but some of them may lie
// outside the ring.
Triangulation triangulatePolygon(const QList<QList<QPointF>> &rings);

// Returns the ring without consecutive repeated points and without the closing point.
QList<QPointF> openRing(const QList<QPointF> &ring);

// Returns twice the signed area of the ring: positive when it turns counter-clockwise in a
// frame whose y axis points up.
double doubleSignedArea(const QList<QPointF> &ring);

} // namespace CivicDesk
