#pragma once

#include <QGeoCoordinate>
#include <QPointF>

// Web Mercator (EPSG:3857) in normalised units: the world is the unit square, x grows east
// from longitude -180 and y grows south from latitude +85.0511. A position in pixels at zoom
// level z is the normalised position times worldSize(z).
namespace CivicDesk::Mercator {

// Edge of a raster tile in pixels, as in the OpenStreetMap tile scheme.
constexpr double TileSize = 256;
// The latitude at which the projected world becomes square. Positions beyond it are clamped.
constexpr double MaxLatitude = 85.051128779806592;

QPointF project(double latitude, double longitude);
QPointF project(const QGeoCoordinate &coordinate);

// Returns the coordinate of a normalised position. Longitudes beyond the world's edges are
// wrapped into [-180, 180] degrees.
QGeoCoordinate unproject(const QPointF &position);

// Returns the width of the whole world in pixels at a (fractional) zoom level.
double worldSize(double zoomLevel);

// Returns a ground distance in metres at a latitude as a distance in normalised units.
double fromMetres(double metres, double latitude);

} // namespace CivicDesk::Mercator
