#pragma once

#include "basemap/basemapfeature.h"

#include <QColor>
#include <QList>

// The look of the base map: light, low-contrast colours, so that coloured report markers drawn
// over it stand out, and text with a halo that stays readable over lines.
namespace CivicDesk::Basemap::Style {

constexpr QRgb Land = 0xfff4f2ee;
constexpr QRgb Water = 0xffb9d3e8;
constexpr QRgb Green = 0xffdfe9d5;
constexpr QRgb Building = 0xffe3ded6;
constexpr QRgb BuildingOutline = 0xffd2cbc1;
constexpr QRgb BoundaryLine = 0xffa396b8;
constexpr QRgb MajorRoadFill = 0xfffae3b0; // motorway, trunk
constexpr QRgb MajorRoadCasing = 0xffd6b57f;
constexpr QRgb MainRoadFill = 0xfffcedc8; // primary, secondary
constexpr QRgb MainRoadCasing = 0xffd8c49d;
constexpr QRgb MinorRoadFill = 0xffffffff; // tertiary and below
constexpr QRgb MinorRoadCasing = 0xffd8d2c8;
constexpr QRgb PathLine = 0xffc4b29a;
constexpr QRgb RailLine = 0xff9a9a9a;
constexpr QRgb RailDash = 0xffffffff;

// One pen of a line: colour, width in pixels, and a dash pattern in multiples of the width
// (empty for a solid line).
struct Stroke
{
    QRgb color = 0;
    double width = 0;
    QList<qreal> dashes;
};

// A line is drawn as up to two passes: the casing under every line of its layer first, then
// the fill, so that crossing roads merge instead of cutting each other.
struct LineStyle
{
    std::optional<Stroke> casing;
    Stroke fill;
};

LineStyle lineStyle(FeatureKind kind, int zoom);

// Half the widest stroke of a kind at a zoom, in pixels: how far a line reaches beyond its
// geometry.
double reach(FeatureKind kind, int zoom);

QRgb areaColor(FeatureKind kind);

// The smallest bounding box edge, in pixels, of an area drawn at a zoom: smaller areas would be
// specks.
constexpr double MinAreaEdge = 2;

// The look of a label.
struct LabelStyle
{
    int pixelSize = 12;
    bool bold = false;
    QRgb text = 0xff333333;
    QRgb halo = 0xfff8f7f4;
    double haloWidth = 3; // pixels, around the glyphs' outline
    int minZoom = 0;
    int maxZoom = 30;
};

LabelStyle placeLabelStyle(PlaceRank rank);
LabelStyle areaLabelStyle();

// Free space kept around each label, in pixels, so that neighbours do not touch.
constexpr double LabelPadding = 4;

} // namespace CivicDesk::Basemap::Style
