#include "core/report.h"

#include <cmath>

namespace CivicDesk {

bool isUsablePosition(const GeoPoint &point)
{
    if (!std::isfinite(point.latitude) || !std::isfinite(point.longitude))
        return false;
    if (std::abs(point.latitude) > 90 || std::abs(point.longitude) > 180)
        return false;
    return !(point.latitude == 0 && point.longitude == 0);
}

} // namespace CivicDesk
