#pragma once

#include "app/datafolder.h"
#include "central/central.h"
#include "models/workstation.h"

#include <functional>
#include <memory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace CivicDesk::Test {

// The operator's window on an embedded demo central of its own, as the window tests drive it.
struct OperatorWindowFixture
{
    QTemporaryDir dir;
    DemoPaths paths;
    std::unique_ptr<Workstation> workstation;
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;

    // Runs a step off the GUI thread, where database set-up belongs, and waits for it.
    static bool runOffGuiThread(const std::function<bool()> &step)
    {
        bool ok = false;
        QThread *thread = QThread::create([&] { ok = step(); });
        thread->start();
        while (!thread->wait(10))
            QCoreApplication::processEvents();
        delete thread;
        return ok;
    }

    // Prepares the demo central, loads the window and waits until it shows the demo's 16
    // reports. Returns what failed or was awaited in vain, or an empty string.
    QString open()
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary folder");
        // The demo's video gets its thumbnail through Qt Multimedia, as in civicdesk.
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
        // Window settings go to a throwaway folder, not to the user's.
        qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("CivicDeskTest"));
        paths = demoPaths(dir.path());
        QString error;
        if (!runOffGuiThread([&] { return prepareDemoCentral(paths, &error); }))
            return error;

        workstation = std::make_unique<Workstation>(paths.centralUrl, paths.replicaPath, dir.path(),
                                                    QStringLiteral("tester"));
        Workstation::setInstance(workstation.get());
        engine = std::make_unique<QQmlApplicationEngine>();
        engine->addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        engine->load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/Main.qml")));
        if (engine->rootObjects().isEmpty())
            return QStringLiteral("Main.qml did not load");
        window = qobject_cast<QQuickWindow *>(engine->rootObjects().first());
        if (!window)
            return QStringLiteral("Main.qml has no window");
        workstation->start(300);
        if (!QTest::qWaitForWindowExposed(window))
            return QStringLiteral("the window was not shown");
        window->requestActivate();
        // Shortcuts reach the active window only.
        if (!QTest::qWaitForWindowActive(window))
            return QStringLiteral("the window did not become active");
        if (!QTest::qWaitFor([this] { return workstation->isReady(); }, 30000))
            return QStringLiteral("the queue, the reference data and the markers");
        // Ready means that the window shows what the replica held; on a loaded machine the
        // first sync may bring the demo's reports only afterwards.
        if (!QTest::qWaitFor([this] { return workstation->queue()->rowCount() == 16; }, 30000))
            return QStringLiteral("the demo's 16 reports in the queue");
        return {};
    }

    void close()
    {
        engine.reset();
        workstation.reset();
    }

    // Returns the report as the central stores it.
    std::optional<ReportSnapshot> centralReport(const QString &id) const
    {
        QString error;
        auto central = Central::open(paths.centralUrl, false, &error);
        if (!central)
            return std::nullopt;
        const auto snapshots = central->snapshotsOf({id}, &error);
        if (!snapshots || snapshots->isEmpty())
            return std::nullopt;
        return snapshots->first();
    }

    // Types text into the focused item, one key event per character (QTest::keyClicks exists
    // for widgets only).
    void typeText(const QString &text) const
    {
        for (const QChar ch : text) {
            QTest::sendKeyEvent(QTest::Press, window, Qt::Key_unknown, QString(ch), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, window, Qt::Key_unknown, QString(ch),
                                Qt::NoModifier);
        }
    }
};

} // namespace CivicDesk::Test
