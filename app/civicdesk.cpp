#include "app/datafolder.h"
#include "app/logfile.h"
#include "app/screenshot.h"
#include "app/simulatorrunner.h"
#include "app/tilesettings.h"
#include "core/logging.h"
#include "map/maptiles.h"
#include "models/signin.h"
#include "models/workstation.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSettings>
#include <QThread>
#include <QTranslator>
#include <QUrl>

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
    ScreenshotTaker::Overlay overlay = ScreenshotTaker::Overlay::None;
    ScreenshotTaker::BulkPreview bulk;
    bool simulator = true;
    TileOptions tiles;
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
        {QStringLiteral("open-shortcuts"),
         QStringLiteral("With --screenshot: show the shortcut sheet over the window.")},
        {QStringLiteral("preview-bulk"),
         QStringLiteral("With --screenshot: mark these reports (public codes, separated by "
                        "commas) and show the preview of a bulk action on them."),
         QStringLiteral("CODES")},
        {QStringLiteral("bulk-action"),
         QStringLiteral("The action of --preview-bulk: assign:AGENCY, classify:FIELD or "
                        "reject:REASON."),
         QStringLiteral("ACTION:VALUE")},
        {QStringLiteral("tiles"),
         QStringLiteral("Base map from a tile server: a URL template with {z}, {x}, {y} and "
                        "optionally {s}, such as https://tiles.example/{z}/{x}/{y}.png. Check "
                        "the server's usage policy first."),
         QStringLiteral("URL-TEMPLATE")},
        {QStringLiteral("basemap"), QStringLiteral("Base map from a raster MBTiles file."),
         QStringLiteral("FILE")},
    });
    parser.process(app);

    Options options;
    options.centralUrl = parser.value(QStringLiteral("central"));
    options.replicaPath = parser.value(QStringLiteral("replica"));
    options.dataFolder = parser.value(QStringLiteral("data-dir"));
    options.language = parser.value(QStringLiteral("lang"));
    options.screenshot = parser.value(QStringLiteral("screenshot"));
    options.select = parser.value(QStringLiteral("select"));
    if (parser.isSet(QStringLiteral("open-photo")))
        options.overlay = ScreenshotTaker::Overlay::FirstPhoto;
    else if (parser.isSet(QStringLiteral("open-shortcuts")))
        options.overlay = ScreenshotTaker::Overlay::ShortcutSheet;
    else if (parser.isSet(QStringLiteral("preview-bulk"))) {
        options.overlay = ScreenshotTaker::Overlay::BulkPreview;
        options.bulk.codes = parser.value(QStringLiteral("preview-bulk"))
                                 .split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QString action = parser.value(QStringLiteral("bulk-action"));
        options.bulk.action = action.section(QLatin1Char(':'), 0, 0);
        options.bulk.value = action.section(QLatin1Char(':'), 1);
    }
    options.simulator =
        !parser.isSet(QStringLiteral("no-simulator")) && options.screenshot.isEmpty();
    options.tiles.urlTemplate = parser.value(QStringLiteral("tiles"));
    options.tiles.basemapPath = parser.value(QStringLiteral("basemap"));
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

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) ||
           url.startsWith(QLatin1String("postgres://"));
}

// Settings key of the last user name that signed in to a PostgreSQL central; never a password.
const QString lastUserKey = QStringLiteral("central/lastUser");

// Creates the sign-in for the URL, with the last user's name when the URL names none.
std::unique_ptr<SignIn> makeSignIn(const Options &options, const QSettings &settings)
{
    QUrl url(options.centralUrl);
    if (url.userName().isEmpty())
        url.setUserName(settings.value(lastUserKey).toString());
    // Offline work needs a replica: the one named on the command line, or one a user of this
    // data folder filled before.
    const bool replica = QFileInfo::exists(options.replicaPath) ||
                         !QDir(QFileInfo(options.replicaPath).path())
                              .entryList({QStringLiteral("replica-*.sqlite")}, QDir::Files)
                              .isEmpty();
    return std::make_unique<SignIn>(url.toString(), replica);
}

// Says in the log and on standard error that the map cannot be drawn when the window's scene
// graph runs on the software backend (QT_QUICK_BACKEND=software), which draws none of the map's
// own geometry. The map pane shows the same in the window. The backend is known only once the
// scene graph has started, so the check waits for it.
void warnOnSoftwareRenderer(QQuickWindow *window)
{
    QObject::connect(
        window, &QQuickWindow::sceneGraphInitialized, window,
        [window] {
            if (window->rendererInterface()->graphicsApi() != QSGRendererInterface::Software)
                return;
            std::fprintf(stderr, "civicdesk: the software scene graph cannot draw the map; "
                                 "run with OpenGL (unset QT_QUICK_BACKEND)\n");
            qCCritical(lcApp) << "Qt Quick runs on the software scene graph, which cannot draw "
                                 "the map; run with OpenGL (unset QT_QUICK_BACKEND)";
        },
        Qt::DirectConnection);
}

// The operator's window with its workstation, opened once the central's URL is settled (after
// signing in, for a PostgreSQL central).
struct OperatorSession
{
    const Options &options;
    const DemoPaths &paths;
    bool demo = false;
    QString logPath;
    QQmlApplicationEngine &engine;
    QTranslator &translator;
    std::unique_ptr<Workstation> workstation;
    std::unique_ptr<ScreenshotTaker> screenshot;
    std::unique_ptr<SimulatorRunner> simulator;

    bool open(const QString &centralUrl, const QString &user, const QString &role);
    void stop();
};

// The replica of a user of a PostgreSQL central in the data folder: each user keeps one of their
// own, since it holds only what they may see.
QString userReplicaPath(const QString &folder, const QString &user)
{
    return QDir(folder).filePath(QStringLiteral("replica-%1.sqlite")
                                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(user))));
}

bool OperatorSession::open(const QString &centralUrl, const QString &user, const QString &role)
{
    QSettings settings;
    const bool ownReplica =
        isPostgresUrl(centralUrl) && !user.isEmpty() && options.replicaPath == paths.replicaPath;
    const QString replicaPath =
        ownReplica ? userReplicaPath(paths.folder, user) : options.replicaPath;
    workstation = std::make_unique<Workstation>(centralUrl, replicaPath, paths.folder, user);
    workstation->setLogFile(logPath);
    workstation->setMediaCacheLimit(mediaCacheLimit(settings));
    workstation->setSignedInRole(role);
    Workstation::setInstance(workstation.get());
    workstation->setLanguage(options.language);

    QObject::connect(workstation.get(), &Workstation::languageRequested, &engine,
                     [this](const QString &language) {
                         loadTranslation(translator, language);
                         QSettings().setValue(QStringLiteral("language"), language);
                         engine.retranslate();
                     });
    const qsizetype loaded = engine.rootObjects().size();
    engine.load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/Main.qml")));
    auto *window = engine.rootObjects().size() > loaded
                       ? qobject_cast<QQuickWindow *>(engine.rootObjects().last())
                       : nullptr;
    if (!window) {
        std::fprintf(stderr, "civicdesk: the operator's window could not be loaded; see %s\n",
                     qPrintable(logPath));
        return false;
    }

    warnOnSoftwareRenderer(window);
    if (!options.screenshot.isEmpty())
        screenshot = std::make_unique<ScreenshotTaker>(
            window, workstation.get(), options.screenshot, options.select, options.overlay);
    if (screenshot)
        screenshot->setBulkPreview(options.bulk);

    // The demo central is prepared off the GUI thread, like all database work.
    Workstation *station = workstation.get();
    QThread *setup = QThread::create([paths = paths, demo = demo, station] {
        QString error;
        if (demo && !prepareDemoCentral(paths, &error)) {
            qCCritical(lcApp) << "cannot prepare the demo:" << error;
            QMetaObject::invokeMethod(station,
                                      [station, error] { Q_EMIT station->errorOccurred(error); });
        }
    });
    simulator =
        std::make_unique<SimulatorRunner>(centralUrl, QRandomGenerator::global()->generate());
    QObject::connect(setup, &QThread::finished, station, [this, station] {
        station->start();
        if (demo && options.simulator)
            simulator->start();
        if (!options.select.isEmpty())
            station->selectByCodeOrId(options.select);
    });
    QObject::connect(setup, &QThread::finished, setup, &QObject::deleteLater);
    setup->start();
    return true;
}

void OperatorSession::stop()
{
    if (simulator)
        simulator->stop();
    if (workstation)
        workstation->stop();
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

    ConfiguredTiles tiles = configureTiles(options.tiles, settings, paths.folder);
    if (!tiles.error.isEmpty() && !options.tiles.urlTemplate.isEmpty()) {
        std::fprintf(stderr, "civicdesk: %s\n", qPrintable(tiles.error));
        return 2;
    }
    if (!tiles.error.isEmpty())
        qCWarning(lcApp).noquote() << "base map not configured:" << tiles.error;
    // Declared before the engine, so that it outlives the windows that draw its tiles.
    MapTiles mapTiles(std::move(tiles.source), tiles.error);
    MapTiles::setInstance(&mapTiles);

    const bool demo = options.centralUrl.isEmpty();
    if (demo) {
        options.centralUrl = paths.centralUrl;
        options.replicaPath = paths.replicaPath;
    } else if (options.replicaPath.isEmpty()) {
        options.replicaPath = paths.replicaPath;
    }

    // The engine goes before the workstation that its windows read (see the end of main).
    auto engineOwner = std::make_unique<QQmlApplicationEngine>();
    QQmlApplicationEngine &engine = *engineOwner;
    engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
    OperatorSession session{options, paths, demo, logPath, engine, translator, {}, {}, {}};
    if (!isPostgresUrl(options.centralUrl)) {
        if (!session.open(options.centralUrl, operatorName(), QString()))
            return 1;
        const int status = app.exec();
        session.stop();
        engineOwner.reset();
        return status;
    }

    // A PostgreSQL central: each user signs in with a role of their own before the window opens.
    std::unique_ptr<SignIn> signIn = makeSignIn(options, settings);
    SignIn::setInstance(signIn.get());
    QQuickWindow *signInWindow = nullptr;
    std::unique_ptr<ScreenshotTaker> signInScreenshot;
    QObject::connect(signIn.get(), &SignIn::inputNeeded, &app, [&] {
        engine.load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/SignInWindow.qml")));
        signInWindow = engine.rootObjects().isEmpty()
                           ? nullptr
                           : qobject_cast<QQuickWindow *>(engine.rootObjects().last());
        if (!signInWindow) {
            std::fprintf(stderr, "civicdesk: the sign-in window could not be loaded; see %s\n",
                         qPrintable(logPath));
            QCoreApplication::exit(1);
            return;
        }
        if (!options.screenshot.isEmpty())
            signInScreenshot = std::make_unique<ScreenshotTaker>(signInWindow, nullptr,
                                                                 options.screenshot, QString());
    });
    QObject::connect(signIn.get(), &SignIn::finished, &app,
                     [&](const QString &url, const QString &user, const QString &role, bool) {
                         QSettings().setValue(lastUserKey, user);
                         if (!session.open(url, user, role)) {
                             QCoreApplication::exit(1);
                             return;
                         }
                         // After the main window exists, so that closing this one does not
                         // quit the program.
                         if (signInWindow) {
                             signInWindow->close();
                             signInWindow->deleteLater();
                             signInWindow = nullptr;
                         }
                     });
    signIn->start();
    const int status = app.exec();
    session.stop();
    engineOwner.reset();
    return status;
}
