#include "app/datafolder.h"
#include "app/logfile.h"
#include "app/screenshot.h"
#include "app/simulatorrunner.h"
#include "core/logging.h"
#include "models/workstation.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSettings>
#include <QThread>
#include <QTranslator>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

using namespace CivicDesk;

namespace {

struct Options
{
    QString centralUrl;
    QString replicaPath;
    QString dataFolder;
    QString language;
    QString screenshot;
    QString select;
    bool openPhoto = false;
    bool simulator = true;
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CivicDesk operator's workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("central"),
         QStringLiteral("Central database URL (sqlite:PATH or "
                        "postgresql://USER:PASSWORD@HOST:PORT/DATABASE). Without it, the "
                        "embedded demo runs."),
         QStringLiteral("URL")},
        {QStringLiteral("replica"), QStringLiteral("Replica file."), QStringLiteral("PATH")},
        {QStringLiteral("data-dir"),
         QStringLiteral("Data folder (demo, replica, logs, media cache)."), QStringLiteral("DIR")},
        {QStringLiteral("lang"), QStringLiteral("Interface language: vi (default) or en."),
         QStringLiteral("LANG")},
        {QStringLiteral("no-simulator"), QStringLiteral("Do not replay demo reports.")},
        {QStringLiteral("screenshot"),
         QStringLiteral("Save a PNG of the window once loaded, then exit."),
         QStringLiteral("FILE")},
        {QStringLiteral("select"), QStringLiteral("Open this report (public code or id)."),
         QStringLiteral("CODE_OR_ID")},
        {QStringLiteral("open-photo"),
         QStringLiteral("With --screenshot: show the open report's first photo full size.")},
    });
    parser.process(app);

    Options options;
    options.centralUrl = parser.value(QStringLiteral("central"));
    options.replicaPath = parser.value(QStringLiteral("replica"));
    options.dataFolder = parser.value(QStringLiteral("data-dir"));
    options.language = parser.value(QStringLiteral("lang"));
    options.screenshot = parser.value(QStringLiteral("screenshot"));
    options.select = parser.value(QStringLiteral("select"));
    options.openPhoto = parser.isSet(QStringLiteral("open-photo"));
    options.simulator =
        !parser.isSet(QStringLiteral("no-simulator")) && options.screenshot.isEmpty();
    return options;
}

// Loads the interface translation; English is the language of the source texts.
void loadTranslation(QTranslator &translator, const QString &language)
{
    QCoreApplication::removeTranslator(&translator);
    if (translator.load(QStringLiteral(":/civicdesk/i18n/civicdesk_%1.qm").arg(language)))
        QCoreApplication::installTranslator(&translator);
    else
        qCWarning(lcApp) << "no translation for language" << language;
}

// Reads the size limit of the local media cache from the settings, in megabytes, and writes the
// default there on first use so that an administrator finds the key to change.
qint64 mediaCacheLimit(QSettings &settings)
{
    const QString key = QStringLiteral("media/cacheLimitMB");
    constexpr qint64 megabyte = 1024 * 1024;
    if (!settings.contains(key))
        settings.setValue(key, Workstation::defaultMediaCacheLimit / megabyte);
    bool ok = false;
    const qint64 limit = settings.value(key).toLongLong(&ok);
    if (ok && limit > 0)
        return limit * megabyte;
    qCWarning(lcApp) << "invalid" << key << settings.value(key).toString()
                     << "in the settings; using" << Workstation::defaultMediaCacheLimit / megabyte;
    return Workstation::defaultMediaCacheLimit;
}

QString operatorName()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt Multimedia picks its backend when first used; the FFmpeg one plays every demo
    // video without extra GStreamer packages.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("civicdesk"));
    QApplication::setOrganizationName(QStringLiteral("CivicDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CIVICDESK_VERSION));
    Options options = parseOptions(app);

    const DemoPaths paths = demoPaths(options.dataFolder);
    QDir().mkpath(paths.folder);
    // Settings (language, window layout, columns, filters) belong to the data folder, so that
    // two data folders on one machine keep their own.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, paths.folder);
    const QString logPath = QDir(paths.folder).filePath(QStringLiteral("logs/civicdesk.log"));
    installLogFile(logPath);

    if (QQuickWindow::graphicsApi() == QSGRendererInterface::Software) {
        std::fprintf(stderr, "civicdesk: the software scene graph cannot draw the map; "
                             "run with OpenGL (unset QT_QUICK_BACKEND)\n");
    }

    QSettings settings;
    if (options.language.isEmpty())
        options.language =
            settings.value(QStringLiteral("language"), QStringLiteral("vi")).toString();
    if (options.language != QLatin1String("vi") && options.language != QLatin1String("en")) {
        std::fprintf(stderr, "civicdesk: --lang takes vi or en, not \"%s\"\n",
                     qPrintable(options.language));
        return 2;
    }
    QTranslator translator;
    loadTranslation(translator, options.language);

    const bool demo = options.centralUrl.isEmpty();
    if (demo) {
        options.centralUrl = paths.centralUrl;
        options.replicaPath = paths.replicaPath;
    } else if (options.replicaPath.isEmpty()) {
        options.replicaPath = paths.replicaPath;
    }

    Workstation workstation(options.centralUrl, options.replicaPath, paths.folder, operatorName());
    workstation.setLogFile(logPath);
    workstation.setMediaCacheLimit(mediaCacheLimit(settings));
    Workstation::setInstance(&workstation);
    workstation.setLanguage(options.language);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
    QObject::connect(&workstation, &Workstation::languageRequested, &app,
                     [&](const QString &language) {
                         loadTranslation(translator, language);
                         QSettings().setValue(QStringLiteral("language"), language);
                         engine.retranslate();
                     });
    engine.load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        std::fprintf(stderr, "civicdesk: the operator's window could not be loaded; see %s\n",
                     qPrintable(logPath));
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());

    std::unique_ptr<ScreenshotTaker> screenshot;
    if (!options.screenshot.isEmpty())
        screenshot = std::make_unique<ScreenshotTaker>(window, &workstation, options.screenshot,
                                                       options.select, options.openPhoto);

    // The demo central is prepared off the GUI thread, like all database work.
    QThread *setup = QThread::create([paths, demo, &workstation] {
        QString error;
        if (demo && !prepareDemoCentral(paths, &error)) {
            qCCritical(lcApp) << "cannot prepare the demo:" << error;
            QMetaObject::invokeMethod(
                &workstation, [&workstation, error] { Q_EMIT workstation.errorOccurred(error); });
        }
    });
    SimulatorRunner simulator(options.centralUrl, QRandomGenerator::global()->generate());
    QObject::connect(setup, &QThread::finished, &workstation,
                     [&workstation, &simulator, options, demo] {
                         workstation.start();
                         if (demo && options.simulator)
                             simulator.start();
                         if (!options.select.isEmpty())
                             workstation.selectByCodeOrId(options.select);
                     });
    QObject::connect(setup, &QThread::finished, setup, &QObject::deleteLater);
    setup->start();

    const int status = app.exec();
    simulator.stop();
    workstation.stop();
    return status;
}
