#include "map/labelplacement.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QLineF>
#include <QRectF>

namespace CivicDesk {
namespace {

// Samples per side of the first grid, and refinement passes around the best sample.
constexpr int GridSamples = 16;
constexpr int RefineSamples = 8;
constexpr int RefinePasses = 4;
// Rings are thinned to points this fraction of the bounding box diagonal apart before the
// search, because a label needs no finer detail and every sample measures every edge.
constexpr double ThinningStep = 1.0 / 256;
// Clearance traded for each unit of distance from the bounding box centre: enough to pick the
// middle of a band of equal clearance, too little to leave a clearly roomier spot.
constexpr double CentreWeight = 0.02;

struct Sample
{
    QPointF position;
    double clearance = 0;
    double score = 0;
};

double squaredDistanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    double t = 0;
    if (lengthSquared > 0)
        t = std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0);
    const QPointF nearest = a + ab * t;
    const QPointF offset = p - nearest;
    return QPointF::dotProduct(offset, offset);
}

// Even-odd rule over all rings, so holes count as outside.
bool polygonContains(const QList<QList<QPointF>> &polygon, const QPointF &p)
{
    bool inside = false;
    for (const QList<QPointF> &ring : polygon) {
        for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const QPointF &a = ring.at(i);
            const QPointF &b = ring.at(j);
            if ((a.y() > p.y()) != (b.y() > p.y()) &&
                p.x() < a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y()))
                inside = !inside;
        }
    }
    return inside;
}

// Returns the distance from p to the nearest edge, or stops early with a value no larger than
// floor once an edge closer than floor is found.
double edgeDistance(const QList<QList<QPointF>> &polygon, const QPointF &p, double floor)
{
    const double floorSquared = floor * floor;
    double nearest = std::numeric_limits<double>::max();
    for (const QList<QPointF> &ring : polygon) {
        for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            nearest = std::min(nearest, squaredDistanceToSegment(p, ring.at(i), ring.at(j)));
            if (nearest <= floorSquared)
                return std::sqrt(nearest);
        }
    }
    return std::sqrt(nearest);
}

QRectF ringBounds(const QList<QPointF> &ring)
{
    double left = std::numeric_limits<double>::max();
    double top = left;
    double right = std::numeric_limits<double>::lowest();
    double bottom = right;
    for (const QPointF &point : ring) {
        left = std::min(left, point.x());
        right = std::max(right, point.x());
        top = std::min(top, point.y());
        bottom = std::max(bottom, point.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

// Samples samples x samples cell centres of area and keeps the best inside point in best.
void sampleGrid(const QList<QList<QPointF>> &polygon, const QRectF &area, int samples,
                const QPointF &centre, Sample &best)
{
    const double stepX = area.width() / samples;
    const double stepY = area.height() / samples;
    for (int row = 0; row < samples; ++row) {
        for (int column = 0; column < samples; ++column) {
            const QPointF p(area.left() + (column + 0.5) * stepX, area.top() + (row + 0.5) * stepY);
            if (!polygonContains(polygon, p))
                continue;
            // The clearance that p needs to beat the best score so far.
            const double penalty = CentreWeight * QLineF(p, centre).length();
            const double needed = best.clearance > 0 ? best.score + penalty : 0;
            const double clearance = edgeDistance(polygon, p, needed);
            if (clearance <= needed)
                continue;
            best = Sample{p, clearance, clearance - penalty};
        }
    }
}

// Returns the polygon with x divided by aspect, where an ellipse becomes a circle, and with
// points closer than step to the previous kept point left out. Rings left with fewer than
// three points are dropped.
QList<QList<QPointF>> squeezedAndThinned(const QList<QList<QPointF>> &polygon, double aspect,
                                         double step)
{
    QList<QList<QPointF>> result;
    for (const QList<QPointF> &ring : polygon) {
        QList<QPointF> thinned;
        for (const QPointF &point : ring) {
            const QPointF squeezed(point.x() / aspect, point.y());
            if (thinned.isEmpty() || QLineF(thinned.last(), squeezed).length() >= step)
                thinned.append(squeezed);
        }
        if (thinned.size() >= 3)
            result.append(thinned);
    }
    return result;
}

} // namespace

LabelAnchor findLabelAnchor(const QList<QList<QPointF>> &polygon, double aspect)
{
    if (polygon.isEmpty() || polygon.first().isEmpty() || aspect <= 0)
        return {};
    const QRectF outerBounds = ringBounds(polygon.first());
    const double diagonal = std::hypot(outerBounds.width() / aspect, outerBounds.height());
    const QList<QList<QPointF>> shape =
        squeezedAndThinned(polygon, aspect, diagonal * ThinningStep);
    if (shape.isEmpty())
        return {};
    const QRectF bounds = ringBounds(shape.first());
    Sample best{bounds.center(), 0, 0};
    sampleGrid(shape, bounds, GridSamples, bounds.center(), best);

    // Each pass samples a window two cells wide around the best point so far.
    QSizeF window(bounds.width() * 2 / GridSamples, bounds.height() * 2 / GridSamples);
    for (int pass = 0; pass < RefinePasses && best.clearance > 0; ++pass) {
        QRectF area(QPointF(0, 0), window);
        area.moveCenter(best.position);
        sampleGrid(shape, area, RefineSamples, bounds.center(), best);
        window *= 2.0 / RefineSamples;
    }
    return LabelAnchor{QPointF(best.position.x() * aspect, best.position.y()), best.clearance};
}

} // namespace CivicDesk
