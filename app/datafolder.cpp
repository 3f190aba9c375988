#include "app/datafolder.h"

#include "central/central.h"
#include "central/referencedata.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "intake/demoplacement.h"
#include "resources/resources.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace CivicDesk {

DemoPaths demoPaths(const QString &folder)
{
    DemoPaths paths;
    paths.folder = folder.isEmpty()
                       ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                       : folder;
    paths.centralUrl = QStringLiteral("sqlite:") +
                       QDir(paths.folder).filePath(QStringLiteral("demo-central.sqlite"));
    paths.replicaPath = QDir(paths.folder).filePath(QStringLiteral("replica.sqlite"));
    return paths;
}

bool prepareDemoCentral(const DemoPaths &paths, QString *error)
{
    if (!QDir().mkpath(paths.folder)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(paths.folder);
        return false;
    }
    auto central = Central::open(paths.centralUrl, true, error);
    if (!central)
        return false;
    if (central->isInitialized())
        return true;

    qCInfo(lcApp) << "creating the demo central database in" << paths.folder;
    const auto reference = readReferenceData(builtInReferenceDirectory(), error);
    if (!reference || !central->initialize(*reference, error))
        return false;

    // No street data exists offline, so each demo report is placed at a seeded random point
    // inside the ward it names. The same seed gives the same demo on every machine.
    qCInfo(lcApp) << "placing the demo reports with seed" << demoSeed;
    const QList<IncomingReport> reports =
        loadDemoReports(builtInDemoDirectory(), builtInReferenceDirectory(), demoSeed, error);
    if (reports.isEmpty())
        return false;
    const auto summary = central->importReports(reports, error);
    if (!summary)
        return false;
    qCInfo(lcApp) << "demo reports imported:" << summary->imported
                  << "; rejected:" << summary->rejections.size();
    return true;
}

} // namespace CivicDesk
