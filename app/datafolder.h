#pragma once

#include <QString>

namespace CivicDesk {

// Where the program keeps its files when no central is configured: an embedded central
// database and a replica in the user's data folder.
struct DemoPaths
{
    QString folder;
    QString centralUrl;
    QString replicaPath;
};

DemoPaths demoPaths(const QString &folder = QString());

// Creates the embedded demo central when it does not exist yet: reference data, then the
// demo reports of Hue through the same importer as any other file. Must not run on the GUI
// thread. Returns false with a message when a step fails.
bool prepareDemoCentral(const DemoPaths &paths, QString *error);

} // namespace CivicDesk
