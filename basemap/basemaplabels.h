#pragma once

#include "basemap/basemapfeature.h"
#include "basemap/basemapstyle.h"

#include <QPainterPath>
#include <QRect>

namespace CivicDesk::Basemap {

// Registers the label font, Noto Sans (Regular and Bold, Debian package fonts-noto-core), from
// its files, so that labels look the same whatever fonts the machine prefers, and checks that it
// has the letters of Vietnamese. Returns its family name, or nothing with an error that names
// the missing file or letters. Needs a QGuiApplication.
std::optional<QString> loadLabelFont(QString *error);

// A label's text as outlines, centred on (0, 0), with its halo.
struct LabelShape
{
    QString text;
    QPainterPath glyphs;
    QPainterPath halo;
    Style::LabelStyle style;
    QRectF box; // the halo's bounding box around (0, 0)
};

// A label placed at one zoom: its shape, centred on `centre` in world pixels of that zoom.
// Whole pixels keep the glyphs identical on every tile the label covers.
struct PlacedLabel
{
    int shape = 0;
    QPoint centre;
    QRectF rect; // world pixels covered by the halo
};

// The labels of a base map: every candidate is prepared once, then placed at each zoom in
// world pixel coordinates, so that a label crossing a tile border is drawn the same on both
// tiles.
class LabelSet
{
public:
    // Labels whose name has a letter the font lacks are left out and counted.
    LabelSet(const QString &fontFamily, const QList<PlaceLabelSource> &places,
             const QList<AreaLabelSource> &areas);

    // Places the labels for `zoom` inside the world pixels `covered`, most important first. A
    // label is placed only where it collides with none placed before. An area's name must also
    // fit inside its area, at the relation's label node when one is given, else at the point
    // with most room.
    QList<PlacedLabel> place(int zoom, const QRectF &covered) const;

    const QList<LabelShape> &shapes() const { return m_shapes; }
    int placeCount() const { return m_placeCount; }
    int areaCount() const { return m_areaCount; }
    int unsupportedCount() const { return m_unsupported; }

private:
    struct Candidate
    {
        int shape = 0;
        QList<QPointF> positions; // normalised Mercator, tried in order
        QList<QPolygonF> area;    // empty for a place
        int maxZoom = 30;         // the highest zoom its input is drawn at
    };

    std::optional<int> addShape(const QString &text, const Style::LabelStyle &style);
    std::optional<QPoint> fit(const Candidate &candidate, int zoom, const QRectF &covered) const;

    QString m_family;
    QList<LabelShape> m_shapes;
    QList<Candidate> m_candidates; // in the order they are placed
    int m_placeCount = 0;
    int m_areaCount = 0;
    int m_unsupported = 0;
};

} // namespace CivicDesk::Basemap
