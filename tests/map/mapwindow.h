#pragma once

#include <algorithm>
#include <cstdlib>
#include <QColor>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QUrl>

// Helpers of the map's window tests: loading a test window and reading its pixels.
namespace CivicDesk::Test {

// Returns the largest difference between two colours over the red, green and blue channels.
inline int channelDistance(const QColor &a, const QColor &b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

// Returns the colour of a grabbed window at a position in item pixels.
inline QColor pixelAt(const QImage &image, const QPointF &position)
{
    return image.pixelColor((position * image.devicePixelRatio()).toPoint());
}

// Loads a window from QML text with the project's QML modules on the import path, and returns
// it, or null when the QML does not load.
inline QQuickWindow *loadMapWindow(QQmlApplicationEngine &engine, const QByteArray &qml,
                                   const QString &url)
{
    engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
    engine.loadData(qml, QUrl(url));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(engine.rootObjects().first());
}

} // namespace CivicDesk::Test
