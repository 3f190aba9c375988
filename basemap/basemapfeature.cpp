#include "basemap/basemapfeature.h"

#include <QHash>

namespace CivicDesk::Basemap {
namespace {

QString tag(const QJsonObject &tags, const char *key)
{
    return tags.value(QLatin1String(key)).toVariant().toString();
}

// Minimum zooms of road classes follow the common practice of web maps: the network of main
// roads from the lowest zooms, the streets of a town from zoom 13-14, footways last.
std::optional<FeatureClass> roadClass(const QString &highway)
{
    static const QHash<QString, FeatureClass> classes{
        {QStringLiteral("motorway"), {FeatureKind::Motorway, 5}},
        {QStringLiteral("trunk"), {FeatureKind::Trunk, 5}},
        {QStringLiteral("primary"), {FeatureKind::Primary, 8}},
        {QStringLiteral("secondary"), {FeatureKind::Secondary, 10}},
        {QStringLiteral("tertiary"), {FeatureKind::Tertiary, 11}},
        {QStringLiteral("motorway_link"), {FeatureKind::Motorway, 12}},
        {QStringLiteral("trunk_link"), {FeatureKind::Trunk, 12}},
        {QStringLiteral("primary_link"), {FeatureKind::Primary, 12}},
        {QStringLiteral("secondary_link"), {FeatureKind::Secondary, 13}},
        {QStringLiteral("tertiary_link"), {FeatureKind::Tertiary, 13}},
        {QStringLiteral("unclassified"), {FeatureKind::Minor, 13}},
        {QStringLiteral("residential"), {FeatureKind::Minor, 14}},
        {QStringLiteral("living_street"), {FeatureKind::Minor, 14}},
        {QStringLiteral("road"), {FeatureKind::Minor, 14}},
        {QStringLiteral("pedestrian"), {FeatureKind::Minor, 14}},
        {QStringLiteral("service"), {FeatureKind::Service, 15}},
        {QStringLiteral("track"), {FeatureKind::Path, 14}},
        {QStringLiteral("footway"), {FeatureKind::Path, 15}},
        {QStringLiteral("path"), {FeatureKind::Path, 15}},
        {QStringLiteral("cycleway"), {FeatureKind::Path, 15}},
        {QStringLiteral("bridleway"), {FeatureKind::Path, 15}},
        {QStringLiteral("steps"), {FeatureKind::Path, 16}},
    };
    const auto found = classes.constFind(highway);
    if (found == classes.cend())
        return std::nullopt;
    return *found;
}

std::optional<FeatureClass> railwayClass(const QJsonObject &tags)
{
    const QString railway = tag(tags, "railway");
    if (railway == QLatin1String("rail") || railway == QLatin1String("narrow_gauge")) {
        // Sidings, yards and spurs belong to stations, not to the network seen from afar.
        if (tags.contains(QLatin1String("service")))
            return FeatureClass{FeatureKind::LightRail, 14};
        return FeatureClass{FeatureKind::Railway, 8};
    }
    if (railway == QLatin1String("light_rail") || railway == QLatin1String("subway") ||
        railway == QLatin1String("tram") || railway == QLatin1String("monorail")) {
        return FeatureClass{FeatureKind::LightRail, 12};
    }
    return std::nullopt;
}

// The national road layer of Vietnam names its classes in Vietnamese: "loai_duong" (kind of
// road: main, secondary, railway) and "cap_duong" (who runs it: the state, ASEAN highway,
// province, district).
std::optional<FeatureClass> vietnameseRoadClass(const QJsonObject &tags)
{
    const QString kind = tag(tags, "loai_duong");
    const QString level = tag(tags, "cap_duong");
    if (kind == QStringLiteral("Đường sắt"))
        return FeatureClass{FeatureKind::Railway, 8};
    if (kind.isEmpty() && level.isEmpty())
        return std::nullopt;
    if (level == QStringLiteral("Quốc Gia") || level == QStringLiteral("Asean"))
        return FeatureClass{FeatureKind::Trunk, 5};
    if (level == QStringLiteral("Cấp Tỉnh"))
        return FeatureClass{FeatureKind::Primary, 8};
    if (kind == QStringLiteral("Đường chính"))
        return FeatureClass{FeatureKind::Primary, 8};
    return FeatureClass{FeatureKind::Secondary, 10};
}

std::optional<FeatureClass> waterClass(const QJsonObject &tags, bool area)
{
    const QString natural = tag(tags, "natural");
    const QString waterway = tag(tags, "waterway");
    const QString landuse = tag(tags, "landuse");
    if (area && (natural == QLatin1String("water") || waterway == QLatin1String("riverbank") ||
                 waterway == QLatin1String("dock") || landuse == QLatin1String("reservoir") ||
                 landuse == QLatin1String("basin"))) {
        return FeatureClass{FeatureKind::Water, 0};
    }
    if (area)
        return std::nullopt;
    if (waterway == QLatin1String("river"))
        return FeatureClass{FeatureKind::River, 8};
    if (waterway == QLatin1String("canal"))
        return FeatureClass{FeatureKind::Canal, 11};
    if (waterway == QLatin1String("stream"))
        return FeatureClass{FeatureKind::Stream, 13};
    if (waterway == QLatin1String("ditch") || waterway == QLatin1String("drain"))
        return FeatureClass{FeatureKind::Stream, 15};
    // NOTE: The sea is not filled. OpenStreetMap maps it as coastline ways with the land on
    // their left, and closing them into sea polygons needs the coastline of a whole region, so
    // the coast is drawn as a line in the water's colour.
    if (natural == QLatin1String("coastline"))
        return FeatureClass{FeatureKind::Stream, 0};
    return std::nullopt;
}

std::optional<FeatureClass> greenClass(const QJsonObject &tags)
{
    static const QStringList green{QStringLiteral("park"),   QStringLiteral("garden"),
                                   QStringLiteral("grass"),  QStringLiteral("forest"),
                                   QStringLiteral("wood"),   QStringLiteral("recreation_ground"),
                                   QStringLiteral("meadow"), QStringLiteral("village_green")};
    for (const char *key : {"leisure", "landuse", "natural"}) {
        if (green.contains(tag(tags, key)))
            return FeatureClass{FeatureKind::Green, 0};
    }
    return std::nullopt;
}

} // namespace

bool isArea(FeatureKind kind)
{
    return kind == FeatureKind::Green || kind == FeatureKind::Water ||
           kind == FeatureKind::Building;
}

bool isRoad(FeatureKind kind)
{
    return kind >= FeatureKind::Path && kind <= FeatureKind::Motorway;
}

std::optional<FeatureClass> classifyFeature(const QJsonObject &tags, bool area)
{
    if (area && tags.contains(QLatin1String("building")) &&
        tag(tags, "building") != QLatin1String("no"))
        return FeatureClass{FeatureKind::Building, 15};
    if (auto water = waterClass(tags, area))
        return water;
    if (area) {
        if (tag(tags, "boundary") == QLatin1String("administrative"))
            return FeatureClass{FeatureKind::Boundary, 0};
        if (auto green = greenClass(tags))
            return green;
    }
    // A closed way tagged highway=pedestrian or area=yes is a square, which is drawn as a road.
    if (auto road = roadClass(tag(tags, "highway")))
        return road;
    if (auto railway = railwayClass(tags))
        return railway;
    if (!area && tag(tags, "boundary") == QLatin1String("administrative"))
        return FeatureClass{FeatureKind::Boundary, 0};
    return vietnameseRoadClass(tags);
}

std::optional<PlaceRank> placeRank(const QString &placeTag)
{
    static const QHash<QString, PlaceRank> ranks{
        {QStringLiteral("city"), PlaceRank::City},
        {QStringLiteral("town"), PlaceRank::Town},
        {QStringLiteral("suburb"), PlaceRank::Suburb},
        {QStringLiteral("quarter"), PlaceRank::Suburb},
        {QStringLiteral("village"), PlaceRank::Village},
        {QStringLiteral("hamlet"), PlaceRank::Hamlet},
        {QStringLiteral("neighbourhood"), PlaceRank::Hamlet},
        {QStringLiteral("isolated_dwelling"), PlaceRank::Hamlet},
    };
    const auto found = ranks.constFind(placeTag);
    if (found == ranks.cend())
        return std::nullopt;
    return *found;
}

} // namespace CivicDesk::Basemap
