#pragma once

#include <QList>
#include <QPointF>

namespace CivicDesk {

// A point to centre an area's label on.
struct LabelAnchor
{
    QPointF position;
    // Semi-minor axis of the largest ellipse of the requested aspect centred on position that
    // stays inside the polygon, in input units. Zero when no such point was found.
    double clearance = 0;
};

// Finds an interior point of a polygon (outer ring first, then holes) where an ellipse that is
// aspect times wider than tall has the most room. A label of that shape centred there stays
// inside, even in concave or ring-shaped areas. The search samples a grid and refines it around
// the best sample, so the result is an approximation. Where the room is about equal, points
// near the centre of the bounding box win.
LabelAnchor findLabelAnchor(const QList<QList<QPointF>> &polygon, double aspect = 1);

} // namespace CivicDesk
