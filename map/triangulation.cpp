#include "map/triangulation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QRectF>

namespace CivicDesk {
namespace {

// Twice the signed area of triangle o, a, b: positive for a left turn at a.
double cross(const QPointF &o, const QPointF &a, const QPointF &b)
{
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}

double crossVectors(const QPointF &u, const QPointF &w)
{
    return u.x() * w.y() - u.y() * w.x();
}

// Points on an edge count as inside, for either winding order of the triangle.
bool triangleContains(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &p)
{
    const double ab = cross(a, b, p);
    const double bc = cross(b, c, p);
    const double ca = cross(c, a, p);
    return (ab >= 0 && bc >= 0 && ca >= 0) || (ab <= 0 && bc <= 0 && ca <= 0);
}

QRectF boundsOf(const QList<QPointF> &points)
{
    double left = std::numeric_limits<double>::max();
    double top = left;
    double right = std::numeric_limits<double>::lowest();
    double bottom = right;
    for (const QPointF &point : points) {
        left = std::min(left, point.x());
        right = std::max(right, point.x());
        top = std::min(top, point.y());
        bottom = std::max(bottom, point.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

// One vertex in the circular list of the polygon being clipped. Bridge edges to holes visit
// some positions twice, so two nodes can share one vertex.
struct Node
{
    quint32 vertex = 0;
    int previous = -1;
    int next = -1;
    bool removed = false;
};

// Uniform grid of nodes, so that the ear test only looks at nodes near the candidate ear
// instead of at every node of the polygon.
class NodeGrid
{
public:
    NodeGrid(const QRectF &bounds, qsizetype nodeCount)
        : m_bounds(bounds)
    {
        m_side = std::max(1, int(std::sqrt(double(nodeCount) / 4.0)));
        m_cells.resize(qsizetype(m_side) * m_side);
    }

    void insert(int node, const QPointF &position)
    {
        m_cells[qsizetype(row(position.y())) * m_side + column(position.x())].append(node);
    }

    // Calls visitor(node) for nodes in the cells that overlap area until it returns true.
    template<typename Visitor> bool anyIn(const QRectF &area, Visitor visitor) const
    {
        const int lastRow = row(area.bottom());
        const int lastColumn = column(area.right());
        for (int r = row(area.top()); r <= lastRow; ++r) {
            for (int c = column(area.left()); c <= lastColumn; ++c) {
                for (int node : m_cells.at(qsizetype(r) * m_side + c)) {
                    if (visitor(node))
                        return true;
                }
            }
        }
        return false;
    }

private:
    int cell(double value, double start, double length) const
    {
        if (length <= 0)
            return 0;
        return std::clamp(int((value - start) / length * m_side), 0, m_side - 1);
    }
    int column(double x) const { return cell(x, m_bounds.left(), m_bounds.width()); }
    int row(double y) const { return cell(y, m_bounds.top(), m_bounds.height()); }

    QRectF m_bounds;
    int m_side = 1;
    QList<QList<int>> m_cells;
};

class EarClipper
{
public:
    explicit EarClipper(Triangulation &output)
        : m_output(output)
    {}

    int addRing(const QList<QPointF> &ring, bool counterClockwise);
    bool bridgeHole(int outerNode, int holeNode);
    void clip(int start);
    double rightmostX(int start) const { return position(rightmostNode(start)).x(); }

private:
    const QPointF &position(int node) const
    {
        return m_output.vertices.at(m_nodes.at(node).vertex);
    }
    int previous(int node) const { return m_nodes.at(node).previous; }
    int next(int node) const { return m_nodes.at(node).next; }
    void link(int from, int to);
    int duplicate(int node);
    int rightmostNode(int start) const;
    int findBridgeTarget(int holeNode, int outerStart) const;
    int leastAngleNodeInside(int holeNode, const QPointF &crossing, int candidate,
                             int outerStart) const;
    int nodeFacing(int target, const QPointF &point, int outerStart) const;
    bool sectorContains(int node, const QPointF &point) const;
    bool isEar(int node, const NodeGrid &grid) const;
    void emitTriangle(int node);
    void remove(int node);
    int clipAnyConvex(int start);

    Triangulation &m_output;
    QList<Node> m_nodes;
};

int EarClipper::addRing(const QList<QPointF> &ring, bool counterClockwise)
{
    const bool reverse = (doubleSignedArea(ring) > 0) != counterClockwise;
    const int first = int(m_nodes.size());
    const int count = int(ring.size());
    for (int i = 0; i < count; ++i) {
        const QPointF &point = reverse ? ring.at(count - 1 - i) : ring.at(i);
        Node node;
        node.vertex = quint32(m_output.vertices.size());
        node.previous = first + (i + count - 1) % count;
        node.next = first + (i + 1) % count;
        m_output.vertices.append(point);
        m_nodes.append(node);
    }
    return first;
}

void EarClipper::link(int from, int to)
{
    m_nodes[from].next = to;
    m_nodes[to].previous = from;
}

int EarClipper::duplicate(int node)
{
    m_nodes.append(m_nodes.at(node));
    return int(m_nodes.size() - 1);
}

int EarClipper::rightmostNode(int start) const
{
    int best = start;
    for (int node = next(start); node != start; node = next(node)) {
        if (position(node).x() > position(best).x())
            best = node;
    }
    return best;
}

bool EarClipper::bridgeHole(int outerNode, int holeNode)
{
    const int holeVertex = rightmostNode(holeNode);
    const int target = findBridgeTarget(holeVertex, outerNode);
    if (target < 0)
        return false;

    // Walk from the target into the hole, round the hole and back over the same bridge.
    const int targetNext = next(target);
    const int holePrevious = previous(holeVertex);
    const int holeCopy = duplicate(holeVertex);
    const int targetCopy = duplicate(target);
    link(target, holeVertex);
    link(holePrevious, holeCopy);
    link(holeCopy, targetCopy);
    link(targetCopy, targetNext);
    return true;
}

// Finds an outer node that the hole's rightmost vertex can see: cast a ray towards +x, take the
// nearest edge it crosses, then the visible vertex closest in angle to the ray.
int EarClipper::findBridgeTarget(int holeNode, int outerStart) const
{
    const QPointF hole = position(holeNode);
    double nearestX = std::numeric_limits<double>::max();
    int candidate = -1;
    int node = outerStart;
    do {
        const int following = next(node);
        const QPointF &a = position(node);
        const QPointF &b = position(following);
        const bool spans =
            (a.y() <= hole.y() && b.y() >= hole.y()) || (b.y() <= hole.y() && a.y() >= hole.y());
        if (spans && a.y() != b.y()) {
            const double x = a.x() + (hole.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
            if (x >= hole.x() && x < nearestX) {
                nearestX = x;
                candidate = a.x() > b.x() ? node : following;
            }
        }
        node = following;
    } while (node != outerStart);

    if (candidate < 0)
        return -1;
    const QPointF crossing(nearestX, hole.y());
    if (position(candidate) != crossing)
        candidate = leastAngleNodeInside(holeNode, crossing, candidate, outerStart);
    return nodeFacing(candidate, hole, outerStart);
}

// Returns the node inside triangle (hole vertex, ray crossing, candidate) that makes the
// smallest angle with the ray, or the candidate when the triangle is empty.
int EarClipper::leastAngleNodeInside(int holeNode, const QPointF &crossing, int candidate,
                                     int outerStart) const
{
    const QPointF hole = position(holeNode);
    const QPointF corner = position(candidate);
    int best = candidate;
    double bestTangent = std::numeric_limits<double>::max();
    int node = outerStart;
    do {
        const QPointF &p = position(node);
        const double dx = p.x() - hole.x();
        if (node != candidate && dx > 0 && p != corner &&
            triangleContains(hole, crossing, corner, p) && sectorContains(node, hole)) {
            const double tangent = std::abs(p.y() - hole.y()) / dx;
            if (tangent < bestTangent || (tangent == bestTangent && p.x() < position(best).x())) {
                bestTangent = tangent;
                best = node;
            }
        }
        node = next(node);
    } while (node != outerStart);
    return best;
}

// Earlier bridges leave two nodes at one position, and the bridge must leave from the one
// whose interior angle contains the hole vertex.
int EarClipper::nodeFacing(int target, const QPointF &point, int outerStart) const
{
    int node = outerStart;
    do {
        if (position(node) == position(target) && sectorContains(node, point))
            return node;
        node = next(node);
    } while (node != outerStart);
    return target;
}

bool EarClipper::sectorContains(int node, const QPointF &point) const
{
    const QPointF &v = position(node);
    const QPointF toPrevious = position(previous(node)) - v;
    const QPointF toNext = position(next(node)) - v;
    const QPointF toPoint = point - v;
    if (crossVectors(toNext, toPrevious) >= 0) // convex vertex of a counter-clockwise ring
        return crossVectors(toNext, toPoint) >= 0 && crossVectors(toPoint, toPrevious) >= 0;
    return !(crossVectors(toPrevious, toPoint) > 0 && crossVectors(toPoint, toNext) > 0);
}

bool EarClipper::isEar(int node, const NodeGrid &grid) const
{
    const int before = previous(node);
    const int after = next(node);
    const QPointF &a = position(before);
    const QPointF &b = position(node);
    const QPointF &c = position(after);
    if (cross(a, b, c) <= 0)
        return false;

    const QRectF area = boundsOf({a, b, c});
    const bool blocked = grid.anyIn(area, [&](int other) {
        if (m_nodes.at(other).removed || other == before || other == node || other == after)
            return false;
        const QPointF &p = position(other);
        if (p == a || p == b || p == c)
            return false;
        return triangleContains(a, b, c, p);
    });
    return !blocked;
}

void EarClipper::emitTriangle(int node)
{
    m_output.indices.append(m_nodes.at(previous(node)).vertex);
    m_output.indices.append(m_nodes.at(node).vertex);
    m_output.indices.append(m_nodes.at(next(node)).vertex);
}

void EarClipper::remove(int node)
{
    link(previous(node), next(node));
    m_nodes[node].removed = true;
}

// Clips the first convex vertex without the containment test. Used when a whole pass found no
// ear, which happens only for self-touching or self-intersecting rings. Returns the node after
// it, or -1 when no vertex is convex.
int EarClipper::clipAnyConvex(int start)
{
    int node = start;
    do {
        if (cross(position(previous(node)), position(node), position(next(node))) > 0) {
            const int after = next(node);
            emitTriangle(node);
            remove(node);
            return after;
        }
        node = next(node);
    } while (node != start);
    return -1;
}

void EarClipper::clip(int start)
{
    QList<QPointF> points;
    int remaining = 0;
    int node = start;
    do {
        points.append(position(node));
        ++remaining;
        node = next(node);
    } while (node != start);

    NodeGrid grid(boundsOf(points), remaining);
    do {
        grid.insert(node, position(node));
        node = next(node);
    } while (node != start);

    int stop = node;
    while (remaining > 3) {
        const int after = next(node);
        const double turn = cross(position(previous(node)), position(node), position(after));
        if (turn == 0 || isEar(node, grid)) {
            // A vertex on a straight line adds no area, so it goes without a triangle.
            if (turn != 0)
                emitTriangle(node);
            remove(node);
            --remaining;
            node = stop = after;
            continue;
        }
        node = after;
        if (node == stop) {
            node = stop = clipAnyConvex(node);
            if (node < 0)
                return;
            --remaining;
        }
    }
    if (cross(position(previous(node)), position(node), position(next(node))) != 0)
        emitTriangle(node);
}

} // namespace

QList<QPointF> openRing(const QList<QPointF> &ring)
{
    QList<QPointF> open;
    open.reserve(ring.size());
    for (const QPointF &point : ring) {
        if (open.isEmpty() || open.last() != point)
            open.append(point);
    }
    while (open.size() > 1 && open.first() == open.last())
        open.removeLast();
    return open;
}

double doubleSignedArea(const QList<QPointF> &ring)
{
    double sum = 0;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        sum += ring.at(j).x() * ring.at(i).y() - ring.at(i).x() * ring.at(j).y();
    return sum;
}

Triangulation triangulatePolygon(const QList<QList<QPointF>> &rings)
{
    Triangulation result;
    if (rings.isEmpty())
        return result;
    const QList<QPointF> outer = openRing(rings.first());
    if (outer.size() < 3)
        return result;

    EarClipper clipper(result);
    const int outerStart = clipper.addRing(outer, true);
    QList<int> holes;
    for (qsizetype i = 1; i < rings.size(); ++i) {
        const QList<QPointF> hole = openRing(rings.at(i));
        if (hole.size() >= 3)
            holes.append(clipper.addRing(hole, false));
    }

    // Bridging the rightmost hole first keeps later rays from crossing earlier bridges.
    std::sort(holes.begin(), holes.end(),
              [&clipper](int a, int b) { return clipper.rightmostX(a) > clipper.rightmostX(b); });
    for (int hole : holes)
        clipper.bridgeHole(outerStart, hole);
    clipper.clip(outerStart);
    return result;
}

} // namespace CivicDesk
