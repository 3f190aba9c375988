import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// Photos as thumbnails that open full size, and videos that play in place. Photos are shown
// the way the camera meant them (EXIF orientation applied: Image.autoTransform is off by
// default on Qt 6.4).
ColumnLayout {
    id: root

    // Maps with kind, source, link, mimeType and name.
    required property var media

    signal photoOpened(string source)

    spacing: Theme.spacing
    visible: root.media.length > 0

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing

        Repeater {
            model: root.media.filter(item => item.kind === "photo")
            delegate: Rectangle {
                id: thumb
                required property var modelData
                width: 150
                height: 112
                color: Theme.surfaceAlt
                border.color: Theme.border

                Image {
                    id: image
                    anchors.fill: parent
                    anchors.margins: 1
                    source: thumb.modelData.source
                    sourceSize.width: 300
                    fillMode: Image.PreserveAspectCrop
                    autoTransform: true
                    // Thumbnails decode at 300 px, fast enough to stay synchronous, so that
                    // a screenshot never catches them half loaded.
                    asynchronous: false
                }
                Text {
                    anchors.centerIn: parent
                    width: parent.width - 8
                    visible: image.status !== Image.Ready
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: thumb.modelData.source.length > 0 ? qsTr("Loading photo…")
                                                            : (thumb.modelData.link.length > 0 ? qsTr("Photo kept at the source")
                                                                                               : qsTr("Fetching photo…"))
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    enabled: image.status === Image.Ready
                    onClicked: root.photoOpened(thumb.modelData.source)
                }
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
