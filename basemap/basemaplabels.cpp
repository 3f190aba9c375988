#include "basemap/basemaplabels.h"

#include "map/labelplacement.h"
#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QLineF>
#include <QPainterPathStroker>

namespace CivicDesk::Basemap {
namespace {

const QString fontFolder = QStringLiteral("/usr/share/fonts/truetype/noto/");
// Letters of Vietnamese that Latin fonts without Vietnamese support tend to lack.
const QString vietnameseSample = QStringLiteral(
    "ĐđƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẶặẸẹẺẻẼẽẾếỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ");

QFont labelFont(const QString &family, const Style::LabelStyle &style)
{
    QFont font(family);
    font.setPixelSize(style.pixelSize);
    font.setBold(style.bold);
    // No other font fills in a missing letter: a label is drawn in Noto Sans or not at all.
    font.setStyleStrategy(QFont::NoFontMerging);
    return font;
}

bool fontHasLetters(const QFont &font, const QString &text)
{
    const QFontMetricsF metrics(font);
    for (const char32_t letter : text.toUcs4()) {
        if (letter != U' ' && !metrics.inFontUcs4(letter))
            return false;
    }
    return true;
}

bool polygonContains(const QList<QPolygonF> &polygon, const QPointF &point)
{
    bool inside = false;
    for (const QPolygonF &ring : polygon)
        inside ^= ring.containsPoint(point, Qt::OddEvenFill);
    return inside;
}

// Whether the rectangle lies wholly inside the polygon: its corners inside, and no edge of the
// polygon crossing or entering it.
bool rectInside(const QList<QPolygonF> &polygon, const QRectF &rect)
{
    for (const QPointF &corner :
         {rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()}) {
        if (!polygonContains(polygon, corner))
            return false;
    }
    const QLineF sides[] = {
        QLineF(rect.topLeft(), rect.topRight()), QLineF(rect.topRight(), rect.bottomRight()),
        QLineF(rect.bottomRight(), rect.bottomLeft()), QLineF(rect.bottomLeft(), rect.topLeft())};
    for (const QPolygonF &ring : polygon) {
        for (qsizetype i = 1; i < ring.size(); ++i) {
            const QLineF edge(ring.at(i - 1), ring.at(i));
            if (rect.contains(edge.p1()))
                return false;
            for (const QLineF &side : sides) {
                if (edge.intersects(side) == QLineF::BoundedIntersection)
                    return false;
            }
        }
    }
    return true;
}

double boxArea(const QList<QPolygonF> &polygon)
{
    const QRectF box = polygon.constFirst().boundingRect();
    return box.width() * box.height();
}

// A grid of the rectangles placed so far, to find collisions without comparing every pair.
class CollisionGrid
{
public:
    bool collides(const QRectF &rect) const
    {
        bool hit = false;
        forEachCell(rect, [&](quint64 cell) {
            for (const QRectF &other : m_cells.value(cell))
                hit = hit || other.intersects(rect);
        });
        return hit;
    }

    void insert(const QRectF &rect)
    {
        forEachCell(rect, [&](quint64 cell) { m_cells[cell].append(rect); });
    }

private:
    static constexpr double CellSize = 256;

    template<typename Function> static void forEachCell(const QRectF &rect, Function function)
    {
        const qint64 left = std::floor(rect.left() / CellSize);
        const qint64 right = std::floor(rect.right() / CellSize);
        const qint64 top = std::floor(rect.top() / CellSize);
        const qint64 bottom = std::floor(rect.bottom() / CellSize);
        for (qint64 y = top; y <= bottom; ++y) {
            for (qint64 x = left; x <= right; ++x)
                function(quint64(y) << 32 | quint32(x));
        }
    }

    QHash<quint64, QList<QRectF>> m_cells;
};

} // namespace

std::optional<QString> loadLabelFont(QString *error)
{
    QString family;
    for (const char *file : {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"}) {
        const QString path = fontFolder + QLatin1String(file);
        const int id = QFontDatabase::addApplicationFont(path);
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        if (id < 0 || families.isEmpty()) {
            *error = QStringLiteral("cannot load the label font %1; install the Debian package "
                                    "fonts-noto-core")
                         .arg(path);
            return std::nullopt;
        }
        family = families.constFirst();
    }
    if (!fontHasLetters(labelFont(family, Style::areaLabelStyle()), vietnameseSample)) {
        *error = QStringLiteral("the label font %1 lacks letters of Vietnamese").arg(family);
        return std::nullopt;
    }
    return family;
}

LabelSet::LabelSet(const QString &fontFamily, const QList<PlaceLabelSource> &places,
                   const QList<AreaLabelSource> &areas)
    : m_family(fontFamily)
{
    // Cities first, then the names of areas, larger areas first, then smaller places.
    QList<PlaceLabelSource> sortedPlaces = places;
    std::stable_sort(sortedPlaces.begin(), sortedPlaces.end(),
                     [](const auto &a, const auto &b) { return a.rank < b.rank; });
    QList<AreaLabelSource> sortedAreas = areas;
    std::stable_sort(sortedAreas.begin(), sortedAreas.end(), [](const auto &a, const auto &b) {
        return boxArea(a.polygon) > boxArea(b.polygon);
    });

    auto addPlaces = [&](bool cities) {
        for (const PlaceLabelSource &place : std::as_const(sortedPlaces)) {
            if ((place.rank == PlaceRank::City) != cities)
                continue;
            if (const auto shape = addShape(place.name, Style::placeLabelStyle(place.rank))) {
                m_candidates.append({*shape, {place.position}, {}, place.maxZoom});
                ++m_placeCount;
            }
        }
    };
    addPlaces(true);
    for (const AreaLabelSource &area : std::as_const(sortedAreas)) {
        const auto shape = addShape(area.name, Style::areaLabelStyle());
        if (!shape)
            continue;
        Candidate candidate{*shape, {}, area.polygon, area.maxZoom};
        if (area.labelNode)
            candidate.positions.append(*area.labelNode);
        // The anchor is searched in Mercator units, where the label keeps its shape at every
        // zoom, with the aspect of the label's box.
        const QRectF box = m_shapes.at(*shape).box;
        const QList<QList<QPointF>> rings(area.polygon.cbegin(), area.polygon.cend());
        const LabelAnchor anchor = findLabelAnchor(rings, box.width() / box.height());
        if (anchor.clearance > 0)
            candidate.positions.append(anchor.position);
        if (!candidate.positions.isEmpty()) {
            m_candidates.append(candidate);
            ++m_areaCount;
        }
    }
    addPlaces(false);
}

std::optional<int> LabelSet::addShape(const QString &text, const Style::LabelStyle &style)
{
    const QFont font = labelFont(m_family, style);
    if (!fontHasLetters(font, text)) {
        ++m_unsupported;
        return std::nullopt;
    }
    LabelShape shape;
    shape.text = text;
    shape.style = style;
    QPainterPath glyphs;
    glyphs.addText(QPointF(0, 0), font, text);
    const QRectF bounds = glyphs.boundingRect();
    shape.glyphs =
        glyphs.translated(-std::round(bounds.center().x()), -std::round(bounds.center().y()));
    QPainterPathStroker stroker;
    stroker.setWidth(style.haloWidth * 2);
    stroker.setJoinStyle(Qt::RoundJoin);
    stroker.setCapStyle(Qt::RoundCap);
    shape.halo = stroker.createStroke(shape.glyphs).united(shape.glyphs);
    // Computing the bounds here fills the paths' caches before worker threads share them.
    shape.box = shape.halo.boundingRect();
    shape.glyphs.boundingRect();
    m_shapes.append(shape);
    return int(m_shapes.size() - 1);
}

std::optional<QPoint> LabelSet::fit(const Candidate &candidate, int zoom,
                                    const QRectF &covered) const
{
    const LabelShape &shape = m_shapes.at(candidate.shape);
    if (zoom < shape.style.minZoom || zoom > std::min(shape.style.maxZoom, candidate.maxZoom))
        return std::nullopt;
    const double world = Mercator::worldSize(zoom);
    for (const QPointF &position : candidate.positions) {
        const QPoint centre((position * world).toPoint());
        const QRectF rect = shape.box.translated(centre);
        if (!covered.contains(rect))
            continue;
        if (!candidate.area.isEmpty()) {
            const QRectF padded = rect.adjusted(-Style::LabelPadding, -Style::LabelPadding,
                                                Style::LabelPadding, Style::LabelPadding);
            const QRectF normalised(padded.topLeft() / world, padded.size() / world);
            if (!rectInside(candidate.area, normalised))
                continue;
        }
        return centre;
    }
    return std::nullopt;
}

QList<PlacedLabel> LabelSet::place(int zoom, const QRectF &covered) const
{
    QList<PlacedLabel> placed;
    CollisionGrid grid;
    for (const Candidate &candidate : m_candidates) {
        const auto centre = fit(candidate, zoom, covered);
        if (!centre)
            continue;
        const QRectF rect = m_shapes.at(candidate.shape).box.translated(*centre);
        const QRectF padded = rect.adjusted(-Style::LabelPadding, -Style::LabelPadding,
                                            Style::LabelPadding, Style::LabelPadding);
        if (grid.collides(padded))
            continue;
        grid.insert(padded);
        placed.append({candidate.shape, *centre, rect});
    }
    return placed;
}

} // namespace CivicDesk::Basemap
