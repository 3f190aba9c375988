#pragma once

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>

// What the base map draws, in Web Mercator's normalised units (map/mercator.h): x grows east and
// y grows south, and the world is the unit square.
namespace CivicDesk::Basemap {

// Kinds of drawn features, in the order they are painted: later kinds cover earlier ones. The
// road kinds run from the least to the most important, so that major roads cross over minor
// ones.
enum class FeatureKind : quint8
{
    Green, // parks, grass, forest
    Water, // lakes, rivers drawn as areas, reservoirs
    Building,
    River,    // waterway=river, as a line
    Canal,    // waterway=canal
    Stream,   // waterway=stream, ditch, drain
    Boundary, // administrative boundaries, drawn as outlines
    Path,     // footway, path, cycleway, steps, track
    Service,
    Minor, // residential, unclassified, living_street, road
    Tertiary,
    Secondary,
    Primary,
    Trunk,
    Motorway,
    Railway,   // railway=rail, narrow_gauge
    LightRail, // tram, light_rail, subway, sidings and yards
};

bool isArea(FeatureKind kind);
bool isRoad(FeatureKind kind);

// The drawing class of a feature: its kind and the zoom levels that show it.
struct FeatureClass
{
    FeatureKind kind = FeatureKind::Minor;
    int minZoom = 0;
    int maxZoom = 30;
};

// Classifies a feature by its OpenStreetMap tags, or by the properties of a GeoJSON feature
// read as tags. `area` is true for a polygon. Nothing for features the base
// map does not draw, such as bus stops, shops or land use without a colour of its own.
std::optional<FeatureClass> classifyFeature(const QJsonObject &tags, bool area);

// One drawn feature. Areas hold every ring of their polygons (outer rings and holes, filled with
// the even-odd rule); lines and boundaries hold their runs of points.
struct MapFeature
{
    FeatureClass featureClass;
    QList<QPolygonF> parts;
    QRectF bounds;
};

// Rank of a place label: a smaller rank is placed first and drawn larger.
enum class PlaceRank : quint8
{
    City,
    Town,
    Suburb,
    Village,
    Hamlet,
};

std::optional<PlaceRank> placeRank(const QString &placeTag);

// A named point: OpenStreetMap place=* nodes.
struct PlaceLabelSource
{
    QString name;
    QPointF position;
    PlaceRank rank = PlaceRank::Village;
    int maxZoom = 30; // the highest zoom its input is drawn at
};

// The name of an administrative area, placed inside its largest polygon.
struct AreaLabelSource
{
    QString name;
    QList<QPolygonF> polygon;         // outer ring first, then holes
    std::optional<QPointF> labelNode; // the relation's "label" member, when it has one
    int maxZoom = 30;
};

} // namespace CivicDesk::Basemap
