#pragma once

#include "core/reference.h"
#include "intake/wardplacer.h"

#include <QGeoRectangle>
#include <QList>
#include <QString>

namespace CivicDesk {

// A named place the map can go to.
struct Place
{
    QString name;   // "Phường Phú Xuân"
    QString detail; // what kind of place it is, in the interface language
    QGeoRectangle area;
};

// Finds wards, communes and other named places by a part of their name, typed with or without
// Vietnamese marks, so that the map can go there.
class PlaceFinder
{
public:
    // Replaces the current wards and communes.
    void setCurrentUnits(const QList<AdminUnit> &units, bool english);
    // Replaces the units from before the mergers of 2025, which citizens still name.
    void setFormerUnits(const QList<FormerUnit> &units);
    bool hasFormerUnits() const { return !m_former.isEmpty(); }
    // Replaces the named places (towns, villages) with those of an Overpass JSON file of nodes
    // tagged place=* and name, and skips nodes without a name or a position. Returns false with
    // an error naming the file when the file cannot be read.
    bool readPlaces(const QString &path, QString *error);
    bool hasPlaces() const { return !m_places.isEmpty(); }

    // Returns at most limit places whose name contains the text, best matches first. Names
    // that start with the text come first, then names with a word that starts with it. Within
    // each, current units come before named places and former units, then the order is by name.
    QList<Place> find(const QString &text, int limit) const;

private:
    struct Entry
    {
        Place place;
        QString folded; // name without its "phuong"/"xa" prefix, folded
        int group = 0;  // 0 for current units, 1 for named places, 2 for former units
    };

    QList<Entry> m_current;
    QList<Entry> m_places;
    QList<Entry> m_former;
};

} // namespace CivicDesk
