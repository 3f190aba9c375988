#include "basemap/basemapstyle.h"

#include <algorithm>
#include <cmath>

namespace CivicDesk::Basemap::Style {
namespace {

// Width of a road's fill at zoom 16, in pixels. It halves every two zoom levels below, which
// keeps the network readable from afar without filling the screen.
double roadWidthAt16(FeatureKind kind)
{
    switch (kind) {
    case FeatureKind::Motorway:
    case FeatureKind::Trunk:
        return 14;
    case FeatureKind::Primary:
        return 12;
    case FeatureKind::Secondary:
        return 11;
    case FeatureKind::Tertiary:
        return 10;
    case FeatureKind::Minor:
        return 8;
    case FeatureKind::Service:
        return 4;
    default:
        return 1.5;
    }
}

double scaledWidth(double widthAt16, int zoom, double minimum)
{
    return std::max(minimum, widthAt16 * std::exp2((zoom - 16) / 2.0));
}

LineStyle roadStyle(FeatureKind kind, int zoom)
{
    QRgb fill = MinorRoadFill;
    QRgb casing = MinorRoadCasing;
    if (kind == FeatureKind::Motorway || kind == FeatureKind::Trunk) {
        fill = MajorRoadFill;
        casing = MajorRoadCasing;
    } else if (kind == FeatureKind::Primary || kind == FeatureKind::Secondary) {
        fill = MainRoadFill;
        casing = MainRoadCasing;
    }
    const double width = scaledWidth(roadWidthAt16(kind), zoom, 0.8);
    // A casing needs room on both sides of a visible fill. Thinner roads are one line in the
    // casing's colour, because a white fill would not show on the light land.
    if (width < 2.5)
        return LineStyle{std::nullopt, Stroke{casing, width + 0.4, {}}};
    return LineStyle{Stroke{casing, width + 2, {}}, Stroke{fill, width, {}}};
}

LineStyle railStyle(FeatureKind kind, int zoom)
{
    const double width = kind == FeatureKind::Railway ? 1.2 : 1;
    if (zoom < 13)
        return LineStyle{std::nullopt, Stroke{RailLine, width, {}}};
    // The classic railway: a grey line with white dashes along its middle.
    const double casing = kind == FeatureKind::Railway ? 4 : 3;
    return LineStyle{Stroke{RailLine, casing, {}}, Stroke{RailDash, casing - 2, {3, 3}}};
}

} // namespace

LineStyle lineStyle(FeatureKind kind, int zoom)
{
    switch (kind) {
    case FeatureKind::River:
        return LineStyle{std::nullopt, Stroke{Water, scaledWidth(12, zoom, 1), {}}};
    case FeatureKind::Canal:
        return LineStyle{std::nullopt, Stroke{Water, scaledWidth(6, zoom, 1), {}}};
    case FeatureKind::Stream:
        return LineStyle{std::nullopt, Stroke{Water, scaledWidth(2.5, zoom, 1), {}}};
    case FeatureKind::Boundary:
        return LineStyle{std::nullopt, Stroke{BoundaryLine,
                                              zoom < 11   ? 0.8
                                              : zoom < 14 ? 1.2
                                                          : 1.6,
                                              {}}};
    case FeatureKind::Path:
        return LineStyle{std::nullopt, Stroke{PathLine, 1.2, {2, 1.5}}};
    case FeatureKind::Railway:
    case FeatureKind::LightRail:
        return railStyle(kind, zoom);
    default:
        return isRoad(kind) ? roadStyle(kind, zoom) : LineStyle{};
    }
}

double reach(FeatureKind kind, int zoom)
{
    const LineStyle style = lineStyle(kind, zoom);
    const double widest = std::max(style.fill.width, style.casing ? style.casing->width : 0.0);
    return widest / 2 + 1;
}

QRgb areaColor(FeatureKind kind)
{
    switch (kind) {
    case FeatureKind::Water:
        return Water;
    case FeatureKind::Green:
        return Green;
    default:
        return Building;
    }
}

LabelStyle placeLabelStyle(PlaceRank rank)
{
    switch (rank) {
    case PlaceRank::City:
        return LabelStyle{17, true, 0xff2b2b2b, 0xfff8f7f4, 3, 0, 12};
    case PlaceRank::Town:
        return LabelStyle{14, false, 0xff333333, 0xfff8f7f4, 3, 9, 15};
    case PlaceRank::Suburb:
        return LabelStyle{13, false, 0xff55506a, 0xfff8f7f4, 3, 12, 15};
    case PlaceRank::Village:
        return LabelStyle{12, false, 0xff444444, 0xfff8f7f4, 3, 12, 30};
    case PlaceRank::Hamlet:
        return LabelStyle{11, false, 0xff4a4a4a, 0xfff8f7f4, 3, 14, 30};
    }
    return {};
}

LabelStyle areaLabelStyle()
{
    // Ward and commune names in the boundaries' violet, a shade darker, so that they read as
    // names of areas and not of places.
    return LabelStyle{12, false, 0xff6b5f85, 0xfff8f7f4, 3, 0, 30};
}

} // namespace CivicDesk::Basemap::Style
