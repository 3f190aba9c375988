#pragma once

#include "map/labelplacement.h"
#include "map/mapareaset.h"
#include "map/triangulation.h"

#include <QList>
#include <QString>

namespace CivicDesk {

// An area converted once to normalised Web Mercator positions, so that redrawing at another
// zoom level only scales points and never triangulates again.
struct PreparedArea
{
    QString name;
    QList<QList<QPointF>> rings; // every ring of every polygon, without the closing point
    Triangulation fill;          // triangles of every polygon
    LabelAnchor label;           // in the largest polygon, for an ellipse of the label's aspect
};

QList<PreparedArea> prepareAreas(const QList<MapArea> &areas);

} // namespace CivicDesk
