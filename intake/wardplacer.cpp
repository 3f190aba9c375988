#include "intake/wardplacer.h"

#include "core/logging.h"

#include <algorithm>
#include <array>
#include <limits>
#include <QCryptographicHash>
#include <QStringList>
#include <QtEndian>

namespace CivicDesk {
namespace {

bool insideAll(const QList<MultiPolygon> &shapes, const GeoPoint &point)
{
    return std::all_of(shapes.cbegin(), shapes.cend(),
                       [&point](const MultiPolygon &shape) { return contains(shape, point); });
}

GeoPoint geoPoint(const QPointF &lonLat)
{
    return GeoPoint{lonLat.y(), lonLat.x()};
}

// Side of the grid laid over a former unit to find the current unit that contains most of it.
constexpr int successorGridSize = 16;

} // namespace

WardPlacer::WardPlacer(const QList<AdminUnit> &units, const QList<FormerUnit> &formerUnits)
{
    for (const AdminUnit &unit : units) {
        const MultiPolygon polygons = multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8());
        m_units.append({unit.code, unit.nameVi, {polygons, boundsOf(polygons)}});
        NameEntry entry;
        entry.kind = unit.kind;
        entry.unit = int(m_units.size() - 1);
        addNames(unit.nameVi, entry);
    }

    for (const FormerUnit &unit : formerUnits) {
        Former former{unit.nameVi, {unit.boundary, boundsOf(unit.boundary)}, -1};
        NameEntry entry;
        entry.kind = parseUnitName(unit.nameVi).kind;
        entry.rank = 1;
        if (unit.boundary.isEmpty()) {
            const auto successor = resolve(unit.successorName);
            former.successor = successor ? unitIndexOf(successor->unitCode) : -1;
            if (former.successor < 0) {
                qCWarning(lcIntake)
                    << "ignoring the former unit" << unit.nameVi << "because its successor"
                    << unit.successorName << "is not a current unit";
                continue;
            }
            entry.rank = 2;
        }
        m_formerUnits.append(former);
        entry.former = int(m_formerUnits.size() - 1);
        addNames(unit.nameVi, entry);
    }
}

void WardPlacer::addNames(const QString &nameVi, NameEntry entry)
{
    entry.name = parseUnitName(nameVi);
    m_names.append(entry);

    // A ward whose own name starts with a prefix word ("Phường Phường Đúc", the ward called
    // Phường Đúc) is also found without it.
    const UnitName inner = parseUnitName(entry.name.spelling);
    if (inner.hasPrefix()) {
        entry.name = inner;
        m_names.append(entry);
    }
}

QList<const WardPlacer::NameEntry *> WardPlacer::matches(const UnitName &query,
                                                         QString UnitName::*key) const
{
    QList<const NameEntry *> found;
    for (const NameEntry &entry : m_names) {
        if (entry.name.*key == query.*key)
            found.append(&entry);
    }

    QList<const NameEntry *> sameKind;
    for (const NameEntry *entry : found) {
        if (entry->kind == query.kind)
            sameKind.append(entry);
    }
    if (query.hasPrefix() && !sameKind.isEmpty())
        found = sameKind;

    int bestRank = std::numeric_limits<int>::max();
    for (const NameEntry *entry : found)
        bestRank = std::min(bestRank, entry->rank);

    QList<const NameEntry *> best;
    for (const NameEntry *entry : found) {
        const bool seen = std::any_of(best.cbegin(), best.cend(), [entry](const NameEntry *other) {
            return other->unit == entry->unit && other->former == entry->former;
        });
        if (entry->rank == bestRank && !seen)
            best.append(entry);
    }
    return best;
}

std::optional<WardArea> WardPlacer::resolve(const QString &text, QString *reason) const
{
    QString ignored;
    QString &why = reason ? *reason : ignored;
    const UnitName query = parseUnitName(text);
    if (query.folded.isEmpty()) {
        why = QStringLiteral("the ward name is empty");
        return std::nullopt;
    }

    for (QString UnitName::*key : {&UnitName::spelling, &UnitName::folded}) {
        const QList<const NameEntry *> found = matches(query, key);
        if (found.isEmpty())
            continue;
        if (found.size() > 1) {
            QStringList names;
            for (const NameEntry *entry : found)
                names.append(entry->unit >= 0 ? m_units.at(entry->unit).nameVi
                                              : m_formerUnits.at(entry->former).nameVi);
            why = QStringLiteral("\"%1\" is ambiguous: it names %2")
                      .arg(text, names.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        return areaOf(*found.first(), &why);
    }
    why = QStringLiteral("no current or former ward or commune is called \"%1\"").arg(text);
    return std::nullopt;
}

std::optional<WardArea> WardPlacer::areaOf(const NameEntry &entry, QString *reason) const
{
    WardArea area;
    if (entry.unit >= 0) {
        const Unit &unit = m_units.at(entry.unit);
        area.unitCode = unit.code;
        area.matchedName = unit.nameVi;
        area.shapes = {unit.shape.polygons};
        area.bounds = unit.shape.bounds;
        return area;
    }

    const Former &former = m_formerUnits.at(entry.former);
    area.matchedName = former.nameVi;
    area.former = true;
    if (former.shape.polygons.isEmpty()) {
        const Unit &successor = m_units.at(former.successor);
        area.unitCode = successor.code;
        area.shapes = {successor.shape.polygons};
        area.bounds = successor.shape.bounds;
        return area;
    }

    // The former polygons are coarse, so a few percent of a former ward's polygon spills into
    // the neighbours of the unit that took it in. Drawing only where the former polygon and
    // that unit overlap keeps every point in the unit the merger put the ward in.
    const int successor = majorityUnit(former.shape);
    if (successor < 0) {
        *reason =
            QStringLiteral("the former unit %1 lies outside every current unit").arg(former.nameVi);
        return std::nullopt;
    }
    const Unit &unit = m_units.at(successor);
    area.unitCode = unit.code;
    area.shapes = {former.shape.polygons, unit.shape.polygons};
    area.bounds = former.shape.bounds.intersected(unit.shape.bounds);
    return area;
}

int WardPlacer::majorityUnit(const Shape &shape) const
{
    QList<int> votes(m_units.size(), 0);
    const QRectF &bounds = shape.bounds;
    for (int row = 0; row < successorGridSize; ++row) {
        for (int column = 0; column < successorGridSize; ++column) {
            const QPointF point(bounds.left() + bounds.width() * (column + 0.5) / successorGridSize,
                                bounds.top() + bounds.height() * (row + 0.5) / successorGridSize);
            if (!contains(shape.polygons, geoPoint(point)))
                continue;
            const int unit = unitIndexAt(point);
            if (unit >= 0)
                ++votes[unit];
        }
    }
    const auto best = std::max_element(votes.cbegin(), votes.cend());
    if (best == votes.cend() || *best == 0)
        return -1;
    return int(best - votes.cbegin());
}

int WardPlacer::unitIndexAt(const QPointF &point) const
{
    for (qsizetype i = 0; i < m_units.size(); ++i) {
        const Shape &shape = m_units.at(i).shape;
        if (shape.bounds.contains(point) && contains(shape.polygons, geoPoint(point)))
            return int(i);
    }
    return -1;
}

int WardPlacer::unitIndexOf(const QString &code) const
{
    for (qsizetype i = 0; i < m_units.size(); ++i) {
        if (m_units.at(i).code == code)
            return int(i);
    }
    return -1;
}

QString WardPlacer::unitAt(const GeoPoint &point) const
{
    const int unit = unitIndexAt(QPointF(point.longitude, point.latitude));
    return unit >= 0 ? m_units.at(unit).code : QString();
}

std::optional<GeoPoint> WardPlacer::randomPoint(const WardArea &area, QRandomGenerator &random,
                                                int maxAttempts)
{
    if (area.bounds.isEmpty() || area.shapes.isEmpty())
        return std::nullopt;

    for (int attempt = 0; attempt < maxAttempts; ++attempt) {
        const double longitude = area.bounds.left() + random.generateDouble() * area.bounds.width();
        const double latitude = area.bounds.top() + random.generateDouble() * area.bounds.height();
        const GeoPoint point{latitude, longitude};
        if (insideAll(area.shapes, point))
            return point;
    }
    return std::nullopt;
}

QRandomGenerator WardPlacer::generatorFor(quint32 seed, const QString &key)
{
    // qHash is salted per process, so the key is hashed with SHA-256 instead.
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    std::array<quint32, 9> words{seed};
    for (int i = 0; i < 8; ++i)
        words[i + 1] = qFromBigEndian<quint32>(digest.constData() + 4 * i);
    return QRandomGenerator(words.data(), qsizetype(words.size()));
}

} // namespace CivicDesk
