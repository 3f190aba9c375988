#pragma once

#include "core/geo.h"
#include "core/reference.h"
#include "intake/unitname.h"

#include <optional>
#include <QList>
#include <QRandomGenerator>
#include <QRectF>
#include <QString>

namespace CivicDesk {

// A ward or commune from before a merger. Units of 2008-2016 come with their boundary. Units
// known only from a merger list, such as the wards of 2021-2025, come with the name of the
// current unit that took them in.
struct FormerUnit
{
    QString nameVi;        // "Phường Xuân Phú"
    QString district;      // "Thành phố Huế"; empty when the source names none
    MultiPolygon boundary; // empty for a unit known only by name
    QString successorName; // current unit's Vietnamese name, for a unit without boundary
};

// The part of the map that a ward name stands for, and the current unit that contains it.
struct WardArea
{
    QString unitCode;           // code of the current unit that contains every point of the area
    QString matchedName;        // Vietnamese name of the unit that the text matched
    bool former = false;        // the text named a unit from before a merger
    QList<MultiPolygon> shapes; // a point of the area lies inside every one of them
    QRectF bounds;              // longitude (x) and latitude (y) range of the area
};

// Finds where a ward or commune named in free text lies, and draws random points inside it.
// Names are compared first with their tone marks and then folded. At each step a current unit
// wins over a former one, a former unit with a boundary wins over one known only by name, and a
// prefix such as "xã" picks among units that share a name.
class WardPlacer
{
public:
    explicit WardPlacer(const QList<AdminUnit> &units, const QList<FormerUnit> &formerUnits = {});

    // Returns the area named by `text`. Returns nothing and sets `reason` when no unit or more
    // than one unit has that name.
    std::optional<WardArea> resolve(const QString &text, QString *reason = nullptr) const;

    // Draws points uniformly in the area's bounds until one lies inside it (rejection
    // sampling). Returns nothing after `maxAttempts` misses.
    static std::optional<GeoPoint> randomPoint(const WardArea &area, QRandomGenerator &random,
                                               int maxAttempts = 10000);

    // Returns the code of the current unit that contains `point`, or an empty string.
    QString unitAt(const GeoPoint &point) const;

    // Returns a generator that depends only on `seed` and `key`, the same on every platform.
    static QRandomGenerator generatorFor(quint32 seed, const QString &key);

private:
    struct Shape
    {
        MultiPolygon polygons;
        QRectF bounds;
    };
    struct Unit
    {
        QString code;
        QString nameVi;
        Shape shape;
    };
    struct NameEntry
    {
        UnitName name;
        QString kind;
        int unit = -1;   // index into m_units for a current unit
        int former = -1; // index into m_formerUnits otherwise
        int rank = 0;    // 0 current, 1 former with boundary, 2 former known by name only
    };
    struct Former
    {
        QString nameVi;
        Shape shape;
        int successor = -1; // index into m_units, for a former unit without boundary
    };

    void addNames(const QString &nameVi, NameEntry entry);
    QList<const NameEntry *> matches(const UnitName &query, QString UnitName::*key) const;
    std::optional<WardArea> areaOf(const NameEntry &entry, QString *reason) const;
    int majorityUnit(const Shape &shape) const;
    int unitIndexAt(const QPointF &point) const;
    int unitIndexOf(const QString &code) const;

    QList<Unit> m_units;
    QList<Former> m_formerUnits;
    QList<NameEntry> m_names;
};

} // namespace CivicDesk
