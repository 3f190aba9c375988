#pragma once

#include "map/maparealayer.h"

#include <QHash>
#include <QImage>
#include <QRectF>
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

// The characters of cluster counts, drawn once into one image that every count shares.
struct CountGlyphs
{
    QImage image;                 // carries the device pixel ratio
    QHash<QChar, QRectF> source;  // each character's rectangle in the image, in image pixels
    QHash<QChar, double> advance; // in item pixels
    double height = 0;            // in item pixels

    // Returns the width in item pixels of a text made of these characters.
    double width(const QString &text) const;
};

// Renders the digits, the decimal point, "k" and "M" in 11-pixel bold dark text.
CountGlyphs renderCountGlyphs(qreal devicePixelRatio);

// Returns a count as a cluster shows it: up to 999 in full, then 1.2k, 12k, 123k and 1.2M.
QString countText(quint32 count);

} // namespace CivicDesk::MapLabels
