#pragma once

#include "map/maparealayer.h"
#include "map/mapmarkerset.h"

#include <optional>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QSGGeometry>

// Builders of the map's scene-graph geometry. Every builder writes triangles with premultiplied
// per-vertex colours (for QSGVertexColorMaterial) in the item's pixels, and fades each edge out
// over one pixel so that shapes look smooth without multisampling.
namespace CivicDesk::MapGeometry {

// Maps normalised Web Mercator positions to the item's pixels at one zoom level.
struct ScreenTransform
{
    QPointF origin;   // normalised position drawn at offset
    double scale = 1; // world width in pixels
    QPointF offset;   // pixel position of origin

    QPointF map(const QPointF &position) const { return (position - origin) * scale + offset; }
};

// Marker sizes in pixels.
constexpr double MarkerFillRadius = 4;
constexpr double MarkerOutlineRadius = 5;
constexpr double SelectedFillRadius = 6;
constexpr double SelectedOutlineRadius = 7.5;
constexpr double SelectionGapRadius = 10;
constexpr double SelectionRingRadius = 11.5;

// Returns an empty geometry of coloured points with 32-bit indices, drawn as triangles.
QSGGeometry *createColoredGeometry();

// Fills geometry with one disk per marker: fill in the marker's colour, a darker outline.
void buildMarkers(QSGGeometry *geometry, const QList<QPointF> &positions,
                  const QList<MapMarker> &markers, const ScreenTransform &transform);

// Fills geometry with a larger disk inside a white gap and a dark ring at the position, or
// empties it when there is no position.
void buildSelection(QSGGeometry *geometry, const std::optional<QPointF> &position,
                    const QColor &color);

void buildAreaFills(QSGGeometry *geometry, const QList<PreparedArea> &areas,
                    const ScreenTransform &transform, const QColor &color);

// Fills geometry with every ring's outline, width in pixels. Points less than 0.75 pixels from
// the previous kept point are dropped first, so a zoomed-out view skips invisible detail.
void buildAreaOutlines(QSGGeometry *geometry, const QList<PreparedArea> &areas,
                       const ScreenTransform &transform, const QColor &color, double width);

} // namespace CivicDesk::MapGeometry
