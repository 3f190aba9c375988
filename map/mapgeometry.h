#pragma once

#include "map/clusterindex.h"
#include "map/maparealayer.h"
#include "map/maplabels.h"
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
// A cluster of n points has a radius of ClusterBaseRadius + ClusterRadiusPerDecade * log10(n).
constexpr double ClusterBaseRadius = 11;
constexpr double ClusterRadiusPerDecade = 3;

// Returns the radius in pixels of a cluster of count points as the map draws it.
double clusterRadius(quint32 count);

// Returns an empty geometry of coloured points with 32-bit indices, drawn as triangles.
QSGGeometry *createColoredGeometry();
// Returns an empty geometry of textured points with 32-bit indices, drawn as triangles.
QSGGeometry *createTexturedGeometry();

// Fills geometry with the clusters. A single point is a small disk in its category's colour
// with a darker outline. A cluster is a white disk ringed by its categories' colours, each
// taking a share of the ring as large as its share of the points.
void buildClusters(QSGGeometry *geometry, const std::vector<ClusterIndex::Cluster> &clusters,
                   const QList<QColor> &colors, const ScreenTransform &transform);

// Fills textured geometry with the count of every cluster of more than one point, centred on
// the cluster, in glyphs of the image of glyphs.
void buildCountLabels(QSGGeometry *geometry, const std::vector<ClusterIndex::Cluster> &clusters,
                      const MapLabels::CountGlyphs &glyphs, const ScreenTransform &transform);

// Fills geometry with a larger disk inside a white gap and a dark ring at the position, or
// empties it when there is no position. An accuracy radius of more than the ring's, in pixels,
// adds a translucent circle of that radius underneath.
void buildSelection(QSGGeometry *geometry, const std::optional<QPointF> &position,
                    const QColor &color, double accuracyRadius = 0);

// Fills geometry with each rectangle (in pixels) as a translucent fill inside a 2-pixel frame.
void buildFrames(QSGGeometry *geometry, const QList<QRectF> &rectangles, const QColor &color);

void buildAreaFills(QSGGeometry *geometry, const QList<PreparedArea> &areas,
                    const ScreenTransform &transform, const QColor &color);

// Fills geometry with every ring's outline, width in pixels. Points less than 0.75 pixels from
// the previous kept point are dropped first, so a zoomed-out view skips invisible detail.
void buildAreaOutlines(QSGGeometry *geometry, const QList<PreparedArea> &areas,
                       const ScreenTransform &transform, const QColor &color, double width);

} // namespace CivicDesk::MapGeometry
