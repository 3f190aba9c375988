#include "app/ctlcommands.h"

#include <cstdio>
#include <memory>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    // Importing a video stores a thumbnail made from one of its frames, which Qt 6.4's
    // Multimedia converts to an image only under a QGuiApplication, and the base map draws
    // its labels with fonts, which need one too. The tool shows no window, so the offscreen
    // platform serves without a display; the FFmpeg backend decodes every sample video without
    // extra GStreamer packages. The other commands keep a QCoreApplication, because a replica
    // refuses to open on a GUI application's main thread.
    std::unique_ptr<QCoreApplication> app;
    if (argc > 1 && (qstrcmp(argv[1], "import") == 0 || qstrcmp(argv[1], "basemap") == 0)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
            qputenv("QT_MEDIA_BACKEND", "ffmpeg");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("civicdeskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIVICDESK_VERSION));

    // The commands print their own summary; progress logs are for QT_LOGGING_RULES to enable.
    QLoggingCategory::setFilterRules(QStringLiteral("civicdesk.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = CivicDesk::runCtl(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return status;
}
