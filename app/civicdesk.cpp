#include "app/datafolder.h"
#include "app/mainwindow.h"
#include "core/logging.h"
#include "sync/syncengine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThread>

using namespace CivicDesk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("civicdesk"));
    QApplication::setOrganizationName(QStringLiteral("CivicDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CIVICDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CivicDesk operator's workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("central"), QStringLiteral("Central database URL (sqlite:PATH)."), QStringLiteral("URL")},
        {QStringLiteral("replica"), QStringLiteral("Replica file."), QStringLiteral("PATH")},
        {QStringLiteral("data-dir"), QStringLiteral("Folder of the embedded demo."), QStringLiteral("DIR")},
    });
    parser.process(app);

    MainWindow window;
    window.show();

    QString centralUrl = parser.value(QStringLiteral("central"));
    QString replicaPath = parser.value(QStringLiteral("replica"));
    const bool demo = centralUrl.isEmpty();
    const DemoPaths paths = demoPaths(parser.value(QStringLiteral("data-dir")));
    if (demo) {
        centralUrl = paths.centralUrl;
        replicaPath = paths.replicaPath;
    } else if (replicaPath.isEmpty()) {
        replicaPath = paths.replicaPath;
    }

    SyncEngine engine(centralUrl, replicaPath);
    QObject::connect(&engine, &SyncEngine::statusChanged, &window, &MainWindow::showStatus);
    QObject::connect(&engine, &SyncEngine::synced, &window, &MainWindow::showSummary);
    QObject::connect(&engine, &SyncEngine::failed, &window, &MainWindow::showError);

    // The demo central is prepared off the GUI thread, like all database work.
    QThread *setup = QThread::create([paths, demo, &window] {
        QString error;
        if (demo && !prepareDemoCentral(paths, &error)) {
            qCCritical(lcApp) << "cannot prepare the demo:" << error;
            QMetaObject::invokeMethod(&window, [&window, error] { window.showError(error); });
        }
    });
    QObject::connect(setup, &QThread::finished, &engine, [&engine] { engine.start(); });
    QObject::connect(setup, &QThread::finished, setup, &QObject::deleteLater);
    setup->start();

    const int status = app.exec();
    engine.stop();
    return status;
}
