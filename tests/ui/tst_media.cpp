#include <QDir>
#include <QFile>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

namespace {

QString sourceFile(const QString &relative)
{
    return QDir(QStringLiteral(CIVICDESK_SOURCE_DIR)).filePath(relative);
}

// Finds the first Image among the visual descendants (Repeater delegates are visual children
// of the Flow, not QObject children of the strip).
QQuickItem *findImage(QQuickItem *parent)
{
    for (QQuickItem *child : parent->childItems()) {
        if (QByteArray(child->metaObject()->className()).startsWith("QQuickImage"))
            return child;
        if (QQuickItem *found = findImage(child))
            return found;
    }
    return nullptr;
}

} // namespace

// Photos and videos as the detail pane shows them, in a real window.
class MediaTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("QT_MEDIA_BACKEND", "ffmpeg"); }

    // A portrait-stored photo with EXIF orientation 6 must show as landscape.
    void photoHonoursOrientation()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import CivicDesk.Operator
            Window {
                width: 800; height: 600; visible: true
                property alias strip: strip
                MediaStrip { id: strip; width: 800; media: [] }
            })",
                          QUrl(QStringLiteral("qrc:/photo.qml")));
        std::unique_ptr<QObject> window(component.create());
        QVERIFY2(window, qPrintable(component.errorString()));

        const QUrl photo =
            QUrl::fromLocalFile(QStringLiteral(CIVICDESK_TEST_DATA) +
                                QStringLiteral("/media/recurser_landscape_orientation6.jpg"));
        auto *strip = window->property("strip").value<QQuickItem *>();
        QVariantMap item{{QStringLiteral("kind"), QStringLiteral("photo")},
                         {QStringLiteral("source"), photo.toString()},
                         {QStringLiteral("link"), QString()}};
        strip->setProperty("media", QVariantList{item});

        // The thumbnail's implicit size is the photo as shown, scaled to a 300 px source.
        QQuickItem *thumbnail = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((thumbnail = findImage(strip)) != nullptr, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(thumbnail->property("status").toInt(), 1, 10000); // Image.Ready
        const QSizeF shown(thumbnail->implicitWidth(), thumbnail->implicitHeight());
        QVERIFY2(shown.width() > shown.height(),
                 qPrintable(QStringLiteral("%1x%2").arg(shown.width()).arg(shown.height())));
        QCOMPARE(qRound(shown.width() / shown.height() * 100), 150);
    }

    // The demo video plays on the FFmpeg backend until frames arrive.
    void videoPlays()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import QtMultimedia
            import CivicDesk.Operator
            Window {
                width: 800; height: 500; visible: true
                property alias player: video.player
                property url videoSource
                property int frames: 0
                VideoPlayer { id: video; anchors.fill: parent; source: videoSource }
                Connections {
                    target: video.player.videoOutput.videoSink
                    function onVideoFrameChanged() { frames += 1 }
                }
            })",
                          QUrl(QStringLiteral("qrc:/video.qml")));
        const QUrl video = QUrl::fromLocalFile(sourceFile(
            QStringLiteral("resources/demo/media/traffic_parking_lot_topdown_h264.mp4")));
        QVERIFY(QFile::exists(video.toLocalFile()));
        std::unique_ptr<QObject> window(component.create());
        QVERIFY2(window, qPrintable(component.errorString()));
        window->setProperty("videoSource", video);

        QObject *player = window->property("player").value<QObject *>();
        QVERIFY(player);
        QMetaObject::invokeMethod(player, "play");
        // Waits for ten decoded frames to reach the video output.
        QTRY_VERIFY_WITH_TIMEOUT(window->property("frames").toInt() >= 10, 30000);
        QVERIFY(player->property("duration").toLongLong() > 29000);
        QMetaObject::invokeMethod(player, "pause");
    }
};

QTEST_MAIN(MediaTest)
#include "tst_media.moc"
