#include "map/maparealayer.h"

#include "map/maplabels.h"
#include "map/maplogging.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QElapsedTimer>

namespace CivicDesk {
namespace {

QList<QList<QPointF>> projectPolygon(const Rings &polygon)
{
    QList<QList<QPointF>> projected;
    projected.reserve(polygon.size());
    for (const Ring &ring : polygon) {
        QList<QPointF> points;
        points.reserve(ring.size());
        for (const QPointF &point : ring)
            points.append(Mercator::project(point.y(), point.x()));
        projected.append(openRing(points));
    }
    return projected;
}

void appendTriangulation(Triangulation &target, const Triangulation &part)
{
    const auto offset = quint32(target.vertices.size());
    target.vertices.append(part.vertices);
    target.indices.reserve(target.indices.size() + part.indices.size());
    for (quint32 index : part.indices)
        target.indices.append(index + offset);
}

PreparedArea prepareArea(const MapArea &area)
{
    PreparedArea prepared;
    prepared.name = area.name;
    const QSizeF labelSize = MapLabels::size(area.name);
    const double labelAspect = labelSize.width() / labelSize.height();
    double largestArea = 0;
    for (const Rings &polygon : area.shape) {
        const QList<QList<QPointF>> projected = projectPolygon(polygon);
        if (projected.isEmpty() || projected.first().size() < 3)
            continue;
        prepared.rings.append(projected);
        appendTriangulation(prepared.fill, triangulatePolygon(projected));

        const double size = std::abs(doubleSignedArea(projected.first()));
        if (size > largestArea) {
            largestArea = size;
            prepared.label = findLabelAnchor(projected, labelAspect);
        }
    }
    return prepared;
}

} // namespace

QList<PreparedArea> prepareAreas(const QList<MapArea> &areas)
{
    QElapsedTimer timer;
    timer.start();
    QList<PreparedArea> prepared;
    prepared.reserve(areas.size());
    for (const MapArea &area : areas)
        prepared.append(prepareArea(area));
    qCDebug(lcMap) << "Prepared" << prepared.size() << "areas in" << timer.elapsed() << "ms";
    return prepared;
}

} // namespace CivicDesk
