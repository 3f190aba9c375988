#include "map/mapgeometry.h"

#include <algorithm>
#include <cmath>
#include <QLineF>
#include <QtMath>

namespace CivicDesk::MapGeometry {
namespace {

// Segments per circle. Eight keep a 10-pixel marker round after edge smoothing with 24
// vertices per marker, and the single selected marker can afford more.
constexpr int MarkerSegments = 8;
constexpr int SelectionSegments = 32;
// A cluster's face is round enough with 24 segments up to its largest radius of about 30
// pixels. Its ring takes one step per 15 degrees of each category's share.
constexpr int ClusterSegments = 24;
constexpr double RingStep = M_PI / 12;
// Width of the coloured ring around a cluster, in pixels.
constexpr double RingWidth = 4;
// Width of the band over which an edge fades to transparent, in pixels.
constexpr double FringeWidth = 1;
// Outline points closer than this to the previous kept point are dropped, in pixels.
constexpr double OutlineMinimumStep = 0.75;
// A miter join grows at most to this multiple of the line's half width at sharp corners.
constexpr double MiterLimit = 2;

struct Rgba
{
    uchar r = 0;
    uchar g = 0;
    uchar b = 0;
    uchar a = 0;
};

constexpr Rgba Transparent{};

Rgba premultiplied(const QColor &color)
{
    const QRgb rgb = qPremultiply(color.rgba());
    return {uchar(qRed(rgb)), uchar(qGreen(rgb)), uchar(qBlue(rgb)), uchar(qAlpha(rgb))};
}

// A marker's outline: the same hue at 55 % of its brightness, cheap enough for every marker.
Rgba darkened(const Rgba &color)
{
    return {uchar(color.r * 11 / 20), uchar(color.g * 11 / 20), uchar(color.b * 11 / 20), color.a};
}

int ringSteps(quint32 share, quint32 count)
{
    const double span = 2 * M_PI * share / count;
    return std::max(1, int(std::ceil(span / RingStep)));
}

QList<QPointF> unitCircle(int segments)
{
    QList<QPointF> directions;
    directions.reserve(segments);
    for (int i = 0; i < segments; ++i) {
        const double angle = 2 * M_PI * i / segments;
        directions.append(QPointF(std::cos(angle), std::sin(angle)));
    }
    return directions;
}

// Vertices and indices of one disk with outline and fringe.
constexpr int diskVertexCount(int segments)
{
    return 3 * segments;
}
constexpr int diskIndexCount(int segments)
{
    return 3 * (segments - 2 + 4 * segments);
}

// Writes vertices and indices in place into an allocated geometry, so that building a hundred
// thousand markers allocates nothing per marker.
class Writer
{
public:
    explicit Writer(QSGGeometry *geometry)
        : m_vertices(geometry->vertexDataAsColoredPoint2D())
        , m_indices(geometry->indexDataAsUInt())
    {}

    quint32 vertex(const QPointF &position, const Rgba &color)
    {
        m_vertices[m_vertexCount].set(float(position.x()), float(position.y()), color.r, color.g,
                                      color.b, color.a);
        return m_vertexCount++;
    }

    void triangle(quint32 a, quint32 b, quint32 c)
    {
        m_indices[m_indexCount++] = a;
        m_indices[m_indexCount++] = b;
        m_indices[m_indexCount++] = c;
    }

    void quad(quint32 a, quint32 b, quint32 c, quint32 d)
    {
        triangle(a, b, c);
        triangle(a, c, d);
    }

    quint32 rim(const QPointF &centre, const QList<QPointF> &circle, double radius,
                const Rgba &color)
    {
        const quint32 first = m_vertexCount;
        for (const QPointF &direction : circle)
            vertex(centre + direction * radius, color);
        return first;
    }

    // A convex polygon needs no centre vertex: a fan from its first vertex covers it.
    void fan(quint32 first, int count)
    {
        for (int i = 1; i + 1 < count; ++i)
            triangle(first, first + i, first + i + 1);
    }

    // Covers the closed band between two rims of the same vertex count.
    void band(quint32 inner, quint32 outer, int count)
    {
        for (int i = 0; i < count; ++i) {
            const int j = (i + 1) % count;
            quad(inner + i, outer + i, outer + j, inner + j);
        }
    }

    void disk(const QPointF &centre, const QList<QPointF> &circle, double fillRadius,
              double outlineRadius, const Rgba &fill, const Rgba &outline)
    {
        const int count = int(circle.size());
        const quint32 fillRim = rim(centre, circle, fillRadius, fill);
        const quint32 outlineRim = rim(centre, circle, outlineRadius, outline);
        const quint32 fringeRim = rim(centre, circle, outlineRadius + FringeWidth, Transparent);
        fan(fillRim, count);
        band(fillRim, outlineRim, count);
        band(outlineRim, fringeRim, count);
    }

private:
    QSGGeometry::ColoredPoint2D *m_vertices;
    quint32 *m_indices;
    quint32 m_vertexCount = 0;
    qsizetype m_indexCount = 0;
};

QList<QPointF> simplifiedScreenRing(const QList<QPointF> &ring, const ScreenTransform &transform)
{
    QList<QPointF> points;
    for (const QPointF &position : ring) {
        const QPointF point = transform.map(position);
        if (points.isEmpty() || QLineF(points.last(), point).length() >= OutlineMinimumStep)
            points.append(point);
    }
    while (points.size() > 1 && QLineF(points.last(), points.first()).length() < OutlineMinimumStep)
        points.removeLast();
    return points;
}

QPointF normalOf(const QPointF &from, const QPointF &to)
{
    const QPointF direction = to - from;
    const double length = std::hypot(direction.x(), direction.y());
    if (length == 0)
        return {};
    return QPointF(-direction.y(), direction.x()) / length;
}

// Returns the offset direction at a joint scaled so that both adjoining edges keep their width.
QPointF miterAt(const QPointF &previous, const QPointF &point, const QPointF &next)
{
    const QPointF incoming = normalOf(previous, point);
    const QPointF outgoing = normalOf(point, next);
    const QPointF sum = incoming + outgoing;
    const double length = std::hypot(sum.x(), sum.y());
    if (length < 1e-6)
        return outgoing;
    const QPointF miter = sum / length;
    const double cosine = QPointF::dotProduct(miter, outgoing);
    return miter / std::max(cosine, 1 / MiterLimit);
}

// Writes a closed line as four rows of vertices per point: transparent, solid, solid,
// transparent across the line, joined by three quads per segment.
void writeOutline(Writer &writer, const QList<QPointF> &points, double width, const Rgba &color)
{
    const double solid = std::max(width / 2 - FringeWidth / 2, 0.0);
    const double outer = solid + FringeWidth;
    const qsizetype count = points.size();
    quint32 first = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const QPointF &point = points.at(i);
        const QPointF miter =
            miterAt(points.at((i + count - 1) % count), point, points.at((i + 1) % count));
        const quint32 row = writer.vertex(point + miter * outer, Transparent);
        writer.vertex(point + miter * solid, color);
        writer.vertex(point - miter * solid, color);
        writer.vertex(point - miter * outer, Transparent);
        if (i == 0)
            first = row;
    }
    for (qsizetype i = 0; i < count; ++i) {
        const quint32 a = first + quint32(4 * i);
        const quint32 b = first + quint32(4 * ((i + 1) % count));
        for (quint32 lane = 0; lane < 3; ++lane)
            writer.quad(a + lane, b + lane, b + lane + 1, a + lane + 1);
    }
}

} // namespace

QSGGeometry *createColoredGeometry()
{
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0, 0,
                                     QSGGeometry::UnsignedIntType);
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    return geometry;
}

double clusterRadius(quint32 count)
{
    if (count <= 1)
        return MarkerOutlineRadius;
    return ClusterBaseRadius + ClusterRadiusPerDecade * std::log10(double(count));
}

QSGGeometry *createTexturedGeometry()
{
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_TexturedPoint2D(), 0, 0,
                                     QSGGeometry::UnsignedIntType);
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    return geometry;
}

void buildClusters(QSGGeometry *geometry, const std::vector<ClusterIndex::Cluster> &clusters,
                   const QList<QColor> &colors, const ScreenTransform &transform)
{
    const QList<QPointF> markerCircle = unitCircle(MarkerSegments);
    const QList<QPointF> clusterCircle = unitCircle(ClusterSegments);
    // Counts first, so that the geometry is allocated once.
    int vertexCount = 0;
    int indexCount = 0;
    for (const ClusterIndex::Cluster &cluster : clusters) {
        if (cluster.count == 1) {
            vertexCount += diskVertexCount(MarkerSegments);
            indexCount += diskIndexCount(MarkerSegments);
            continue;
        }
        vertexCount += diskVertexCount(ClusterSegments);
        indexCount += diskIndexCount(ClusterSegments);
        for (quint32 share : cluster.categories) {
            if (share == 0)
                continue;
            const int steps = ringSteps(share, cluster.count);
            vertexCount += 3 * (steps + 1);
            indexCount += 12 * steps;
        }
    }
    geometry->allocate(vertexCount, indexCount);

    Writer writer(geometry);
    const Rgba white = premultiplied(QColor(255, 255, 255, 242));
    for (const ClusterIndex::Cluster &cluster : clusters) {
        const QPointF centre = transform.map(cluster.position);
        if (cluster.count == 1) {
            int category = 0;
            while (category + 1 < ClusterIndex::MaxCategories && cluster.categories[category] == 0)
                ++category;
            const Rgba fill = premultiplied(colors.value(category, QColor(0x5d, 0x6d, 0x7e)));
            writer.disk(centre, markerCircle, MarkerFillRadius, MarkerOutlineRadius, fill,
                        darkened(fill));
            continue;
        }
        const double radius = clusterRadius(cluster.count);
        // The ring starts at the top and runs clockwise through the categories in their order.
        double angle = -M_PI / 2;
        for (int category = 0; category < ClusterIndex::MaxCategories; ++category) {
            const quint32 share = cluster.categories[category];
            if (share == 0)
                continue;
            const int steps = ringSteps(share, cluster.count);
            const double span = 2 * M_PI * share / cluster.count;
            const Rgba color = premultiplied(colors.value(category, QColor(0x5d, 0x6d, 0x7e)));
            quint32 previous = 0;
            for (int step = 0; step <= steps; ++step) {
                const double a = angle + span * step / steps;
                const QPointF direction(std::cos(a), std::sin(a));
                const quint32 inner =
                    writer.vertex(centre + direction * (radius - RingWidth), color);
                writer.vertex(centre + direction * radius, color);
                writer.vertex(centre + direction * (radius + FringeWidth), Transparent);
                if (step > 0) {
                    writer.quad(previous, previous + 1, inner + 1, inner);
                    writer.quad(previous + 1, previous + 2, inner + 2, inner + 1);
                }
                previous = inner;
            }
            angle += span;
        }
        // The white face overlaps the ring's inner edge by half a pixel to hide the seam.
        const double face = radius - RingWidth + 0.5;
        writer.disk(centre, clusterCircle, face, face, white, white);
    }
}

void buildCountLabels(QSGGeometry *geometry, const std::vector<ClusterIndex::Cluster> &clusters,
                      const MapLabels::CountGlyphs &glyphs, const ScreenTransform &transform)
{
    int glyphCount = 0;
    std::vector<QString> texts;
    texts.reserve(clusters.size());
    for (const ClusterIndex::Cluster &cluster : clusters) {
        texts.push_back(cluster.count > 1 ? MapLabels::countText(cluster.count) : QString());
        glyphCount += int(texts.back().size());
    }
    if (glyphs.image.isNull())
        glyphCount = 0;
    geometry->allocate(4 * glyphCount, 6 * glyphCount);
    if (glyphCount == 0)
        return;
    QSGGeometry::TexturedPoint2D *vertices = geometry->vertexDataAsTexturedPoint2D();
    quint32 *indices = geometry->indexDataAsUInt();
    const double imageWidth = glyphs.image.width();
    const double imageHeight = glyphs.image.height();
    const double ratio = glyphs.image.devicePixelRatio();
    quint32 vertex = 0;
    int index = 0;
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const QString &text = texts[i];
        if (text.isEmpty())
            continue;
        const QPointF centre = transform.map(clusters[i].position);
        // Whole device pixels keep the glyphs sharp.
        double x = std::round((centre.x() - glyphs.width(text) / 2) * ratio) / ratio;
        const double y = std::round((centre.y() - glyphs.height / 2) * ratio) / ratio;
        for (QChar c : text) {
            const QRectF source = glyphs.source.value(c);
            const QRectF target(x, y, source.width() / ratio, source.height() / ratio);
            const float s0 = float(source.left() / imageWidth);
            const float s1 = float(source.right() / imageWidth);
            const float t0 = float(source.top() / imageHeight);
            const float t1 = float(source.bottom() / imageHeight);
            vertices[vertex].set(float(target.left()), float(target.top()), s0, t0);
            vertices[vertex + 1].set(float(target.right()), float(target.top()), s1, t0);
            vertices[vertex + 2].set(float(target.right()), float(target.bottom()), s1, t1);
            vertices[vertex + 3].set(float(target.left()), float(target.bottom()), s0, t1);
            for (quint32 corner : {0u, 1u, 2u, 0u, 2u, 3u})
                indices[index++] = vertex + corner;
            vertex += 4;
            x += glyphs.advance.value(c);
        }
    }
}

void buildSelection(QSGGeometry *geometry, const std::optional<QPointF> &position,
                    const QColor &color, double accuracyRadius)
{
    if (!position) {
        geometry->allocate(0, 0);
        return;
    }
    const QList<QPointF> circle = unitCircle(SelectionSegments);
    const bool showAccuracy = accuracyRadius > SelectionRingRadius + 2;
    const int disks = showAccuracy ? 4 : 3;
    geometry->allocate(disks * diskVertexCount(SelectionSegments),
                       disks * diskIndexCount(SelectionSegments));
    Writer writer(geometry);
    const Rgba fill = premultiplied(color);
    const Rgba white = premultiplied(Qt::white);
    const Rgba dark = premultiplied(QColor(0x26, 0x32, 0x38));
    if (showAccuracy) {
        // A translucent disk with a thin rim of the report's colour marks where the reporter
        // may have stood.
        QColor rim = color;
        rim.setAlpha(170);
        QColor area = color;
        area.setAlpha(36);
        writer.disk(*position, circle, accuracyRadius - 1.5, accuracyRadius, premultiplied(area),
                    premultiplied(rim));
    }
    // A dark disk under a white one leaves a dark ring around a white gap, so the selection is
    // visible on light and dark surroundings alike.
    writer.disk(*position, circle, SelectionRingRadius, SelectionRingRadius, dark, dark);
    writer.disk(*position, circle, SelectionGapRadius, SelectionGapRadius, white, white);
    writer.disk(*position, circle, SelectedFillRadius, SelectedOutlineRadius, fill, darkened(fill));
}

void buildFrames(QSGGeometry *geometry, const QList<QRectF> &rectangles, const QColor &color)
{
    // Per rectangle: a fill of four vertices, and an outline of four rows of four vertices.
    geometry->allocate(int(rectangles.size()) * 20, int(rectangles.size()) * (6 + 4 * 3 * 6));
    Writer writer(geometry);
    QColor fillColor = color;
    fillColor.setAlphaF(0.08f);
    const Rgba fill = premultiplied(fillColor);
    for (const QRectF &rect : rectangles) {
        const quint32 first = writer.vertex(rect.topLeft(), fill);
        writer.vertex(rect.topRight(), fill);
        writer.vertex(rect.bottomRight(), fill);
        writer.vertex(rect.bottomLeft(), fill);
        writer.quad(first, first + 1, first + 2, first + 3);
        writeOutline(writer,
                     {rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft()}, 2,
                     premultiplied(color));
    }
}

void buildAreaFills(QSGGeometry *geometry, const QList<PreparedArea> &areas,
                    const ScreenTransform &transform, const QColor &color)
{
    qsizetype vertexCount = 0;
    qsizetype indexCount = 0;
    for (const PreparedArea &area : areas) {
        vertexCount += area.fill.vertices.size();
        indexCount += area.fill.indices.size();
    }
    geometry->allocate(int(vertexCount), int(indexCount));
    Writer writer(geometry);
    const Rgba fill = premultiplied(color);
    for (const PreparedArea &area : areas) {
        quint32 first = 0;
        for (qsizetype i = 0; i < area.fill.vertices.size(); ++i) {
            const quint32 index = writer.vertex(transform.map(area.fill.vertices.at(i)), fill);
            if (i == 0)
                first = index;
        }
        for (qsizetype i = 0; i + 2 < area.fill.indices.size(); i += 3) {
            writer.triangle(first + area.fill.indices.at(i), first + area.fill.indices.at(i + 1),
                            first + area.fill.indices.at(i + 2));
        }
    }
}

void buildAreaOutlines(QSGGeometry *geometry, const QList<PreparedArea> &areas,
                       const ScreenTransform &transform, const QColor &color, double width)
{
    QList<QList<QPointF>> lines;
    qsizetype pointCount = 0;
    for (const PreparedArea &area : areas) {
        for (const QList<QPointF> &ring : area.rings) {
            QList<QPointF> points = simplifiedScreenRing(ring, transform);
            if (points.size() < 3)
                continue;
            pointCount += points.size();
            lines.append(std::move(points));
        }
    }
    geometry->allocate(int(pointCount * 4), int(pointCount * 18));
    Writer writer(geometry);
    const Rgba stroke = premultiplied(color);
    for (const QList<QPointF> &points : lines)
        writeOutline(writer, points, width, stroke);
}

} // namespace CivicDesk::MapGeometry
