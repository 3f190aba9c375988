#include "basemap/basemaprender.h"

#include "basemap/basemapstyle.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QPainter>
#include <QPainterPath>

namespace CivicDesk::Basemap {
namespace {

constexpr int TilePixels = int(Mercator::TileSize);
constexpr qsizetype ChunkPoints = 32;
// Points closer than this to the previous drawn point, in pixels, add nothing visible.
constexpr double ThinningDistance = 0.4;

quint64 tileKey(int x, int y)
{
    return quint64(quint32(y)) << 32 | quint32(x);
}

// Dashes restart at the first point of each run, so dashed lines stay whole instead of being cut
// into chunks whose dashes would not line up.
bool isDashed(FeatureKind kind)
{
    return kind == FeatureKind::Path || kind == FeatureKind::Railway ||
           kind == FeatureKind::LightRail;
}

QPen strokePen(const Style::Stroke &stroke)
{
    QPen pen(QColor::fromRgb(stroke.color), stroke.width, Qt::SolidLine, Qt::RoundCap,
             Qt::RoundJoin);
    if (!stroke.dashes.isEmpty()) {
        pen.setCapStyle(Qt::FlatCap);
        pen.setDashPattern(stroke.dashes);
    }
    return pen;
}

// Calls function(x, y) for every tile of `tiles` that `rect` (world pixels) touches.
template<typename Function>
void forEachTile(const QRectF &rect, const QRect &tiles, Function function)
{
    const int left = std::max(tiles.left(), int(std::floor(rect.left() / TilePixels)));
    const int right = std::min(tiles.right(), int(std::floor(rect.right() / TilePixels)));
    const int top = std::max(tiles.top(), int(std::floor(rect.top() / TilePixels)));
    const int bottom = std::min(tiles.bottom(), int(std::floor(rect.bottom() / TilePixels)));
    for (int y = top; y <= bottom; ++y) {
        for (int x = left; x <= right; ++x)
            function(x, y);
    }
}

} // namespace

TileRenderer::TileRenderer(const QList<MapFeature> &features, const LabelSet &labels)
    : m_features(features)
    , m_labels(labels)
{
    for (qsizetype i = 0; i < features.size(); ++i) {
        const MapFeature &feature = features.at(i);
        const FeatureKind kind = feature.featureClass.kind;
        if (isArea(kind)) {
            m_items.append({int(i), {}, feature.bounds, kind});
            continue;
        }
        for (const QPolygonF &part : feature.parts) {
            const qsizetype step = isDashed(kind) ? part.size() : ChunkPoints - 1;
            for (qsizetype start = 0; start + 1 < part.size(); start += step) {
                const QPolygonF chunk = part.mid(start, step + 1);
                m_items.append({int(i), chunk, chunk.boundingRect(), kind});
            }
        }
    }
    // Paint order: by kind, then in input order.
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const Item &a, const Item &b) { return a.kind < b.kind; });
}

void TileRenderer::prepareZoom(int zoom, const QRect &tiles)
{
    m_zoom = zoom;
    m_world = Mercator::worldSize(zoom);
    m_tileItems.clear();
    m_tileLabels.clear();

    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        const FeatureClass &featureClass = m_features.at(item.feature).featureClass;
        if (zoom < featureClass.minZoom || zoom > featureClass.maxZoom)
            continue;
        const QRectF pixels(item.bounds.topLeft() * m_world, item.bounds.size() * m_world);
        if (isArea(item.kind) && std::max(pixels.width(), pixels.height()) < Style::MinAreaEdge) {
            continue;
        }
        const double margin = isArea(item.kind) ? 1 : Style::reach(item.kind, zoom);
        forEachTile(pixels.adjusted(-margin, -margin, margin, margin), tiles,
                    [&](int x, int y) { m_tileItems[tileKey(x, y)].append(int(i)); });
    }

    const QRectF covered(tiles.left() * TilePixels, tiles.top() * TilePixels,
                         tiles.width() * TilePixels, tiles.height() * TilePixels);
    m_placed = m_labels.place(zoom, covered);
    for (qsizetype i = 0; i < m_placed.size(); ++i) {
        forEachTile(m_placed.at(i).rect, tiles,
                    [&](int x, int y) { m_tileLabels[tileKey(x, y)].append(int(i)); });
    }
}

bool TileRenderer::hasContent(const QPoint &tile) const
{
    const quint64 key = tileKey(tile.x(), tile.y());
    return m_tileItems.contains(key) || m_tileLabels.contains(key);
}

QImage TileRenderer::emptyTile()
{
    QImage image(TilePixels, TilePixels, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(Style::Land));
    return image;
}

QImage TileRenderer::render(const QPoint &tile) const
{
    QImage image = emptyTile();
    const quint64 key = tileKey(tile.x(), tile.y());
    const QPointF origin(tile.x() * TilePixels, tile.y() * TilePixels);
    const QList<int> items = m_tileItems.value(key);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int index : items) {
        const Item &item = m_items.at(index);
        if (isArea(item.kind))
            drawArea(painter, item, origin);
        else if (!isRoad(item.kind) || item.kind == FeatureKind::Path)
            drawLine(painter, item, origin, false);
    }
    // Roads: every casing first, then the fills from minor to major, so that junctions merge.
    for (bool casing : {true, false}) {
        for (int index : items) {
            const Item &item = m_items.at(index);
            if (isRoad(item.kind) && item.kind != FeatureKind::Path)
                drawLine(painter, item, origin, casing);
        }
    }
    for (int index : items) {
        const Item &item = m_items.at(index);
        if (item.kind == FeatureKind::Railway || item.kind == FeatureKind::LightRail) {
            drawLine(painter, item, origin, true);
            drawLine(painter, item, origin, false);
        }
    }
    drawLabels(painter, m_tileLabels.value(key), origin);
    painter.end();
    return image;
}

QPolygonF TileRenderer::toTile(const QPolygonF &points, const QPointF &origin) const
{
    QPolygonF result;
    result.reserve(points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF point = points.at(i) * m_world - origin;
        const bool last = i + 1 == points.size();
        if (!result.isEmpty() && !last &&
            QLineF(result.constLast(), point).length() < ThinningDistance) {
            continue;
        }
        result.append(point);
    }
    return result;
}

void TileRenderer::drawArea(QPainter &painter, const Item &item, const QPointF &origin) const
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF &ring : m_features.at(item.feature).parts)
        path.addPolygon(toTile(ring, origin));
    painter.setPen(Qt::NoPen);
    if (item.kind == FeatureKind::Building && m_zoom >= 16)
        painter.setPen(QPen(QColor::fromRgb(Style::BuildingOutline), 1));
    painter.setBrush(QColor::fromRgb(Style::areaColor(item.kind)));
    painter.drawPath(path);
}

void TileRenderer::drawLine(QPainter &painter, const Item &item, const QPointF &origin,
                            bool casing) const
{
    const Style::LineStyle style = Style::lineStyle(item.kind, m_zoom);
    if (casing && !style.casing)
        return;
    painter.setPen(strokePen(casing ? *style.casing : style.fill));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(toTile(item.points, origin));
}

void TileRenderer::drawLabels(QPainter &painter, const QList<int> &labels,
                              const QPointF &origin) const
{
    painter.setPen(Qt::NoPen);
    for (int index : labels) {
        const PlacedLabel &label = m_placed.at(index);
        const LabelShape &shape = m_labels.shapes().at(label.shape);
        const QPointF offset = QPointF(label.centre) - origin;
        // translated() copies the shared paths, so that threads never touch the same one.
        painter.fillPath(shape.halo.translated(offset), QColor::fromRgb(shape.style.halo));
        painter.fillPath(shape.glyphs.translated(offset), QColor::fromRgb(shape.style.text));
    }
}

} // namespace CivicDesk::Basemap
