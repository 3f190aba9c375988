#include "map/maplabels.h"

#include <cmath>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace CivicDesk::MapLabels {
namespace {

constexpr int FontPixelSize = 13;
constexpr double HaloWidth = 3; // pixels, the stroke around each glyph
const QColor TextColor(0x1f, 0x2a, 0x36);
const QColor HaloColor(255, 255, 255, 230);

QFont labelFont()
{
    QFont font;
    font.setPixelSize(FontPixelSize);
    font.setWeight(QFont::DemiBold);
    return font;
}

} // namespace

QSizeF size(const QString &text)
{
    const QFontMetricsF metrics(labelFont());
    return QSizeF(std::ceil(metrics.horizontalAdvance(text) + 2 * HaloWidth),
                  std::ceil(metrics.height() + 2 * HaloWidth));
}

QImage render(const QString &text, qreal devicePixelRatio)
{
    const QFont font = labelFont();
    const QFontMetricsF metrics(font);
    const double margin = HaloWidth;
    QImage image((size(text) * devicePixelRatio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QPointF baseline(margin, margin + metrics.ascent());
    QPainterPath outline;
    outline.addText(baseline, font, text);
    painter.strokePath(outline,
                       QPen(HaloColor, HaloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setFont(font);
    painter.setPen(TextColor);
    painter.drawText(baseline, text);
    return image;
}

bool fits(const QSizeF &size, const PreparedArea &area, double scale)
{
    // A w x h rectangle fits in an ellipse of the same aspect when the ellipse's semi-minor
    // axis is at least h / sqrt(2).
    return area.label.clearance * scale * M_SQRT2 >= size.height();
}

double CountGlyphs::width(const QString &text) const
{
    double total = 0;
    for (QChar c : text)
        total += advance.value(c);
    return total;
}

CountGlyphs renderCountGlyphs(qreal devicePixelRatio)
{
    static const QString characters = QStringLiteral("0123456789.kM");
    QFont font;
    font.setPixelSize(11);
    font.setWeight(QFont::Bold);
    const QFontMetricsF metrics(font);
    // Each glyph gets a cell one pixel wider on both sides, so linear filtering at the cell's
    // edge never reads a neighbour.
    const double cellHeight = std::ceil(metrics.height());
    double cellsWidth = 0;
    for (QChar c : characters)
        cellsWidth += std::ceil(metrics.horizontalAdvance(c)) + 2;

    CountGlyphs glyphs;
    glyphs.height = cellHeight;
    glyphs.image = QImage(QSize(int(std::ceil(cellsWidth * devicePixelRatio)),
                                int(std::ceil(cellHeight * devicePixelRatio))),
                          QImage::Format_ARGB32_Premultiplied);
    glyphs.image.setDevicePixelRatio(devicePixelRatio);
    glyphs.image.fill(Qt::transparent);
    QPainter painter(&glyphs.image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setFont(font);
    painter.setPen(TextColor);
    double x = 0;
    for (QChar c : characters) {
        const double advance = metrics.horizontalAdvance(c);
        const double cell = std::ceil(advance) + 2;
        painter.drawText(QPointF(x + 1, metrics.ascent()), QString(c));
        glyphs.source.insert(c, QRectF(x + 1, 0, advance, cellHeight));
        glyphs.advance.insert(c, advance);
        x += cell;
    }
    // Source rectangles in image pixels, as texture coordinates need.
    for (QRectF &rect : glyphs.source) {
        rect = QRectF(rect.topLeft() * devicePixelRatio, rect.size() * devicePixelRatio);
    }
    return glyphs;
}

QString countText(quint32 count)
{
    if (count < 1000)
        return QString::number(count);
    if (count < 10000)
        return QString::number(std::floor(count / 100.0) / 10, 'f', 1) + QLatin1Char('k');
    if (count < 1000000)
        return QString::number(count / 1000) + QLatin1Char('k');
    return QString::number(std::floor(count / 100000.0) / 10, 'f', 1) + QLatin1Char('M');
}

} // namespace CivicDesk::MapLabels
