#!/usr/bin/env python3
"""Derive the inputs of the Hue base map from larger source files.

Usage: make_basemap_data.py ROADS_GEOJSON PLACES_OVERPASS_JSON [OUTPUT_DIR]

OUTPUT_DIR defaults to the folder of this script. The script reads the ward boundaries of
2025 and the communes of 2008-2016 from ../reference and writes two files:

hue_roads_rail_legocity.geojson
    The features of ROADS_GEOJSON (the national road and railway layer of Vietnam) that have
    a vertex or a segment inside the bounding box of Thành phố Huế, the union of its 40 wards
    and communes. Features are kept whole, with their properties and coordinates unchanged.

hue_places_osm_2017.json
    The place nodes of PLACES_OVERPASS_JSON that lie inside Thành phố Huế and whose name
    agrees with an administrative unit that contains them. Many place nodes of that file come
    from an old bulk import and lie kilometres away from the place they name, so a node is
    kept only when a second source confirms its position: after dropping the unit type
    ("Phường", "Xã", "Thị trấn", "Thị xã", "Huyện", "Thành phố"), its name equals the name of
    the city (for a node tagged place=city), of the ward or commune of 2025 that contains it,
    or of the commune of 2008-2016 that contains it. Elements are copied unchanged, and the
    file keeps the source's version, generator and osm3s members.
"""

import json
import os
import sys

UNIT_PREFIXES = ("Thành phố ", "Thị trấn ", "Thị xã ", "Phường ", "Huyện ", "Xã ")
CITY_NAME = "Thành phố Huế"


def short_name(name):
    for prefix in UNIT_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def ring_contains(ring, x, y):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        ax, ay = ring[i]
        bx, by = ring[j]
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
        j = i
    return inside


def polygons_contain(polygons, x, y):
    """Return whether a polygon (outer ring, then holes) contains the point, by the even-odd rule."""
    for rings in polygons:
        if sum(ring_contains(ring, x, y) for ring in rings) % 2 == 1:
            return True
    return False


def join_ways(ways):
    """Chain open ways end to end into closed rings, reversing ways where needed."""
    ways = [list(way) for way in ways]
    rings = []
    while ways:
        ring = ways.pop(0)
        while ring[0] != ring[-1]:
            for i, way in enumerate(ways):
                if way[-1] == ring[-1]:
                    way = way[::-1]
                if way[0] == ring[-1]:
                    ring += way[1:]
                    ways.pop(i)
                    break
            else:
                raise ValueError("boundary ways do not close")
        rings.append(ring)
    return rings


def read_wards(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    wards = []
    for relation in document["elements"]:
        ways = [[(node["lon"], node["lat"]) for node in member["geometry"]]
                for member in relation["members"]
                if member["type"] == "way" and member["role"] == "outer"]
        wards.append((relation["tags"]["name"], [[ring] for ring in join_ways(ways)]))
    return wards


def read_communes(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    communes = []
    for feature in document["features"]:
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"]
        polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
        communes.append((feature["properties"]["commune_vn"], polygons))
    return communes


def bounding_box(units):
    xs = [x for _, polygons in units for rings in polygons for ring in rings for x, _ in ring]
    ys = [y for _, polygons in units for rings in polygons for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def segment_meets_box(a, b, box):
    """Return whether segment ab has a point inside box (west, south, east, north)."""
    west, south, east, north = box
    # Liang-Barsky clipping of the segment against the box.
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def line_parts(geometry):
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return geometry["coordinates"]
    return []


def roads_subset(path, box):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    kept = []
    for feature in document["features"]:
        parts = line_parts(feature["geometry"])
        if any(segment_meets_box(a, b, box) for part in parts for a, b in zip(part, part[1:])):
            kept.append(feature)
    document["features"] = kept
    return document


def places_subset(path, wards, communes):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    kept = []
    for element in document["elements"]:
        tags = element.get("tags", {})
        if element["type"] != "node" or "place" not in tags or "name" not in tags:
            continue
        x, y = element["lon"], element["lat"]
        containing_wards = [name for name, polygons in wards if polygons_contain(polygons, x, y)]
        if not containing_wards:
            continue
        names = {short_name(name) for name in containing_wards}
        names |= {short_name(name) for name, polygons in communes
                  if polygons_contain(polygons, x, y)}
        if tags["place"] == "city":
            names.add(short_name(CITY_NAME))
        if tags["name"] in names:
            kept.append(element)
    document["elements"] = kept
    return document


def write_json(document, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    output = sys.argv[3] if len(sys.argv) == 4 else here
    reference = os.path.join(here, "..", "reference")
    wards = read_wards(os.path.join(reference, "hue_wards_osm_2025.json"))
    communes = read_communes(
        os.path.join(reference, "vietnam63_tth_communes_2008-2016_DERIVED.geojson"))

    roads = roads_subset(sys.argv[1], bounding_box(wards))
    print(f"roads and railways: {len(roads['features'])} features kept")
    write_json(roads, os.path.join(output, "hue_roads_rail_legocity.geojson"))

    places = places_subset(sys.argv[2], wards, communes)
    print("places kept: " + ", ".join(e["tags"]["name"] for e in places["elements"]))
    write_json(places, os.path.join(output, "hue_places_osm_2017.json"))


if __name__ == "__main__":
    main()
