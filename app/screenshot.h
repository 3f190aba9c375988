#pragma once

#include <QObject>
#include <QQuickWindow>
#include <QTimer>

namespace CivicDesk {

class Workstation;

// Saves a PNG of the window once everything it shows is ready: the models have loaded, the
// report asked for is open with its thumbnails, the map has drawn its last change, and one more
// frame has been drawn after that. An overlay is then opened over the window: the report's first
// photo full size, for which the picture waits for its full file, the shortcut sheet, or the
// preview of a bulk action on marked reports.
// Without a workstation (the sign-in window)
// it waits only for the window to be drawn and idle. Exits the program with 0, or with 3 after
// 60 s, naming what it was still waiting for.
class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    enum class Overlay
    {
        None,
        FirstPhoto,
        ShortcutSheet,
        BulkPreview,
    };

    // The reports to mark, by public code, and the bulk action to preview on them.
    struct BulkPreview
    {
        QStringList codes;
        QString action; // "assign", "classify" or "reject"
        QString value;
    };

    ScreenshotTaker(QQuickWindow *window, Workstation *workstation, QString path, QString selection,
                    Overlay overlay = Overlay::None, QObject *parent = nullptr);

    void setBulkPreview(const BulkPreview &bulk) { m_bulk = bulk; }

private:
    void check();
    bool openOverlay();
    QString waitingFor() const;
    void capture();

    QQuickWindow *m_window;
    Workstation *m_workstation;
    QString m_path;
    QString m_selection;
    Overlay m_overlay = Overlay::None;
    bool m_overlayOpened = false;
    BulkPreview m_bulk;
    QTimer m_poll;
    QTimer m_deadline;
    bool m_capturing = false;
    int m_framesAfterReady = 0;
};

} // namespace CivicDesk
