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

} // namespace CivicDesk::MapLabels
