#pragma once

#include <QString>

namespace CivicDesk {

// Files of the program when no central is configured: an embedded central
// database and a replica in the user's data folder.
struct DemoPaths
{
    QString folder;
    QString centralUrl;
    QString replicaPath;
};

// Seed of the demo's random placement of reports in their wards.
inline constexpr quint32 demoSeed = 20250701;

DemoPaths demoPaths(const QString &folder = QString());

// Creates the embedded demo central when it does not exist yet: reference data, then the
// demo reports of Hue through the same importer as any other file. Must not run on the GUI
// thread. Returns false with a message when a step fails.
bool prepareDemoCentral(const DemoPaths &paths, QString *error);

} // namespace CivicDesk
