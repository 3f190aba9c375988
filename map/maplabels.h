#pragma once

#include "map/maparealayer.h"

#include <QImage>
#include <QSizeF>
#include <QString>

namespace CivicDesk::MapLabels {

// Renders an area's name: 13-pixel semi-bold dark text with a light halo, so it stays legible
// over fills, outlines and markers. The image carries the device pixel ratio.
QImage render(const QString &text, qreal devicePixelRatio);

// Returns the size in pixels of the image that render() makes for the text.
QSizeF size(const QString &text);

// Returns whether a label of size (in pixels) fits inside the area at a world width of scale
// pixels: the label's rectangle must fit in the ellipse found around the area's label anchor,
// whose aspect is the label's own.
bool fits(const QSizeF &size, const PreparedArea &area, double scale);

} // namespace CivicDesk::MapLabels
