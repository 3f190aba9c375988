import QtQuick
import QtQuick.Controls
import CivicDesk.Ui

// A photo at full size, turned the way the camera meant it. Shows the thumbnail at once and
// the full photo when its file has arrived. Escape or a click closes it.
Popup {
    id: root

    // The open report's media (ReportDetail.media) and the SHA-256 of the photo to show.
    property var media: []
    property string sha256
    readonly property var item: root.media.find(entry => entry.sha256 === root.sha256) ?? ({})
    // True while the full photo is neither on screen nor known to have failed.
    readonly property bool loading: root.opened && full.status !== Image.Ready
                                    && root.item.fileState !== "failed"

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Overlay.overlay ? Overlay.overlay.width - 120 : 1200
    height: Overlay.overlay ? Overlay.overlay.height - 120 : 800
    padding: 0
    background: Rectangle { color: "#101418" }

    Image {
        id: preview
        objectName: "photoPreview"
        anchors.fill: parent
        visible: full.status !== Image.Ready
        source: root.item.thumbnail ?? ""
        fillMode: Image.PreserveAspectFit
        autoTransform: true
    }
    Image {
        id: full
        objectName: "fullPhoto"
        anchors.fill: parent
        source: root.item.source ?? ""
        fillMode: Image.PreserveAspectFit
        autoTransform: true
        asynchronous: true
    }
    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.padding
        width: Math.min(parent.width - 2 * Theme.padding, status.implicitWidth + 2 * Theme.padding)
        height: status.implicitHeight + Theme.spacing
        radius: Theme.radius
        visible: status.text.length > 0
        color: "#e6101418"

        Text {
            id: status
            anchors.centerIn: parent
            width: Math.min(implicitWidth, parent.parent.width - 4 * Theme.padding)
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: root.item.fileState === "failed" ? "#ffb4ab" : "#f2f5f8"
            text: root.item.fileState === "failed" ? root.item.error
                  : (root.loading ? qsTr("Loading the full photo…") : "")
        }
    }
    MouseArea {
        anchors.fill: parent
        onClicked: root.close()
    }
}
