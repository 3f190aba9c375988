#include "map/mercator.h"

#include <algorithm>
#include <cmath>
#include <QtMath>

namespace CivicDesk::Mercator {

QPointF project(double latitude, double longitude)
{
    const double clampedLatitude = std::clamp(latitude, -MaxLatitude, MaxLatitude);
    const double x = (longitude + 180.0) / 360.0;
    const double y = 0.5 - std::asinh(std::tan(qDegreesToRadians(clampedLatitude))) / (2 * M_PI);
    return {x, y};
}

QPointF project(const QGeoCoordinate &coordinate)
{
    return project(coordinate.latitude(), coordinate.longitude());
}

QGeoCoordinate unproject(const QPointF &position)
{
    double longitude = position.x() * 360.0 - 180.0;
    if (longitude < -180.0 || longitude > 180.0)
        longitude = std::remainder(longitude, 360.0);
    const double latitude = qRadiansToDegrees(std::atan(std::sinh(M_PI * (1 - 2 * position.y()))));
    return QGeoCoordinate(latitude, longitude);
}

double worldSize(double zoomLevel)
{
    return TileSize * std::exp2(zoomLevel);
}

double fromMetres(double metres, double latitude)
{
    // The length of the equator on the WGS84 ellipsoid, which Web Mercator projects onto the
    // unit width. A parallel is shorter by the cosine of its latitude.
    constexpr double EquatorLength = 40075016.686;
    return metres / (EquatorLength * std::cos(qDegreesToRadians(latitude)));
}

} // namespace CivicDesk::Mercator
