import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// Photos and videos of the open report: a tile each with its thumbnail, and below them every
// video whose file has arrived, playing in place. Full files load only when asked for, since a
// video can be hundreds of megabytes.
ColumnLayout {
    id: root

    // Maps from ReportDetail.media.
    required property var media
    // ReportDetail.mediaProgress: share loaded by SHA-256.
    property var progress: ({})

    signal photoOpened(string sha256)
    signal videoRequested(string sha256)

    spacing: Theme.spacing
    visible: root.media.length > 0

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Repeater {
            model: root.media
            delegate: MediaTile {
                required property var modelData
                item: modelData
                progress: root.progress[modelData.sha256] ?? -1
                onActivated: modelData.kind === "video" ? root.videoRequested(modelData.sha256)
                                                        : root.photoOpened(modelData.sha256)
            }
        }
    }

    Repeater {
        model: root.media.filter(item => item.kind === "video" && item.source.length > 0)
        delegate: VideoPlayer {
            required property var modelData
            Layout.fillWidth: true
            Layout.preferredHeight: 240
            source: modelData.source
        }
    }
}
