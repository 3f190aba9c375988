#pragma once

#include <QString>

namespace CivicDesk {

// Resource folder holding the reference data of the Hue deployment (see reference/SOURCE.md).
inline QString builtInReferenceDirectory()
{
    return QStringLiteral(":/civicdesk/reference");
}

// Resource file of the named places of Hue that the base map labels (see basemap/SOURCE.md),
// an Overpass JSON file of place nodes.
inline QString builtInPlacesFile()
{
    return QStringLiteral(":/civicdesk/basemap/hue_places_osm_2017.json");
}

// Resource folder holding the demo reports of Hue and their media (see demo/SOURCE.md).
inline QString builtInDemoDirectory()
{
    return QStringLiteral(":/civicdesk/demo");
}

} // namespace CivicDesk
