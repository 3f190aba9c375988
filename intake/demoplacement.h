#pragma once

#include "core/incoming.h"
#include "core/reference.h"
#include "intake/wardplacer.h"

#include <optional>
#include <QList>
#include <QString>

namespace CivicDesk {

// Files of the reference folder that placement reads (see resources/reference/SOURCE.md).
inline constexpr char currentUnitsFileName[] = "hue_wards_osm_2025.json";
inline constexpr char formerUnitsFileName[] = "vietnam63_tth_communes_2008-2016_DERIVED.geojson";
inline constexpr char unitMergersFileName[] = "hue_ward_mergers_2025.json";

// Import source name of the demo reports of Hue.
inline constexpr char demoSourceName[] = "hue-tuongtac";

// Reads former communes and wards from a GeoJSON FeatureCollection whose features carry the
// Vietnamese name in `commune_vn` and the district in `district_vn`. A feature without a name
// or a (Multi)Polygon geometry is an error naming its index.
std::optional<QList<FormerUnit>> readFormerUnits(const QString &path, QString *error);

// Reads which former units each current unit took in, from a JSON object
// {"units": [{"name": "Phường Vỹ Dạ", "merged": ["Phường Thủy Vân", ...]}, ...]}.
// The former units come back without boundary, with the current unit as successor.
std::optional<QList<FormerUnit>> readUnitMergers(const QString &path, QString *error);

struct PlacementSummary
{
    int placed = 0;        // records given a point in the ward they name
    int alreadyPlaced = 0; // records that came with a position, left as they were
    int withoutWard = 0;   // records that name no ward
    int unresolved = 0;    // records whose ward could not be found or drawn in
};

// Gives every record without a position a pseudo-random point inside the ward or commune that
// its Report::adminUnit names, marks the position approximate and replaces the name by the code
// of the current unit containing the point. A former ward's name is kept in the address. The
// point depends only on `seed` and the record's source id (its record number without one).
// Records whose ward cannot be resolved keep no position and their ward text.
PlacementSummary placeReportsByWard(QList<IncomingReport> &records, const WardPlacer &placer,
                                    quint32 seed);
PlacementSummary placeReportsByWard(QList<IncomingReport> &records, const QList<AdminUnit> &units,
                                    const QList<FormerUnit> &formerUnits, quint32 seed);

// Reads the current units, the former communes of 2008-2016 and the merger list from the
// reference folder, as a WardPlacer needs them.
std::optional<WardPlacer> readWardPlacer(const QString &referenceDirectory, QString *error);

// Reads hue_reports.csv of the demo folder with its mapping (times in Asia/Ho_Chi_Minh) and
// places its reports with readWardPlacer and placeReportsByWard. Records that the CSV importer
// rejects are logged and left out. Returns an empty list and sets `error` when a file cannot
// be read.
QList<IncomingReport> loadDemoReports(const QString &demoDirectory,
                                      const QString &referenceDirectory, quint32 seed,
                                      QString *error);

} // namespace CivicDesk
