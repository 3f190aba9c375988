#include "app/screenshot.h"

#include "core/logging.h"
#include "models/workstation.h"

#include <cstdio>
#include <QCoreApplication>
#include <QImage>

namespace CivicDesk {

ScreenshotTaker::ScreenshotTaker(QQuickWindow *window, Workstation *workstation, QString path,
                                 QString selection, Overlay overlay, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_workstation(workstation)
    , m_path(std::move(path))
    , m_selection(std::move(selection))
    , m_overlay(overlay)
{
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &ScreenshotTaker::check);
    m_poll.start();

    m_deadline.setSingleShot(true);
    m_deadline.setInterval(60000);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "civicdesk: no screenshot after 60 s; still waiting for %s\n",
                     qPrintable(waitingFor()));
        QCoreApplication::exit(3);
    });
    m_deadline.start();

    connect(m_window, &QQuickWindow::frameSwapped, this, [this] {
        if (!m_capturing)
            return;
        if (++m_framesAfterReady >= 2)
            capture();
        else
            m_window->update();
    });
}

QString ScreenshotTaker::waitingFor() const
{
    QStringList waiting;
    if (m_window->property("busy").toBool())
        waiting.append(QStringLiteral("the sign-in check"));
    if (!m_workstation)
        return waiting.join(QStringLiteral(", "));
    if (!m_workstation->isReady())
        waiting.append(QStringLiteral("the models to load"));
    if (!m_selection.isEmpty() && !m_workstation->detail()->isLoaded())
        waiting.append(QStringLiteral("report %1 to open").arg(m_selection));
    if (!m_selection.isEmpty() && m_workstation->detail()->isLoaded() &&
        !m_workstation->detail()->awaitedThumbnails().isEmpty())
        waiting.append(QStringLiteral("the open report's thumbnails"));
    if (m_window->property("mapPending").toBool())
        waiting.append(QStringLiteral("the map to draw"));
    if (m_overlay == Overlay::FirstPhoto && m_overlayOpened &&
        m_window->property("photoPending").toBool())
        waiting.append(QStringLiteral("the full photo"));
    if (m_overlay == Overlay::BulkPreview && m_overlayOpened &&
        m_workstation->bulk()->preview().isEmpty())
        waiting.append(QStringLiteral("the bulk preview"));
    return waiting.join(QStringLiteral(", "));
}

void ScreenshotTaker::check()
{
    if (m_capturing || !waitingFor().isEmpty())
        return;
    if (m_overlay != Overlay::None && !m_overlayOpened) {
        if (!openOverlay()) {
            QCoreApplication::exit(1);
            return;
        }
        m_overlayOpened = true;
        return;
    }
    // Everything is in place: let two more frames go by, so that images loaded
    // asynchronously and the map's last geometry are on screen.
    m_capturing = true;
    m_framesAfterReady = 0;
    m_window->update();
}

bool ScreenshotTaker::openOverlay()
{
    if (m_overlay == Overlay::BulkPreview) {
        QueueModel *queue = m_workstation->queue();
        for (const QString &code : std::as_const(m_bulk.codes)) {
            const QString id = queue->reportIdOfCode(code.trimmed());
            if (id.isEmpty()) {
                std::fprintf(stderr, "civicdesk: report %s is not in the queue\n",
                             qPrintable(code));
                return false;
            }
            queue->setMarked(id, true);
        }
        m_workstation->bulk()->previewAction(m_bulk.action, m_bulk.value);
        return true;
    }
    const bool photo = m_overlay == Overlay::FirstPhoto;
    QVariant opened;
    QMetaObject::invokeMethod(m_window, photo ? "openFirstPhoto" : "openShortcutSheet",
                              Q_RETURN_ARG(QVariant, opened));
    if (!opened.toBool()) {
        std::fprintf(stderr, "civicdesk: %s\n",
                     photo ? "the open report has no photo to open"
                           : "the shortcut sheet could not be opened");
        return false;
    }
    return true;
}

void ScreenshotTaker::capture()
{
    m_poll.stop();
    m_deadline.stop();
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(m_path)) {
        std::fprintf(stderr, "civicdesk: cannot save the screenshot to %s\n", qPrintable(m_path));
        QCoreApplication::exit(1);
        return;
    }
    qCInfo(lcApp) << "screenshot saved to" << m_path;
    QCoreApplication::exit(0);
}

} // namespace CivicDesk
