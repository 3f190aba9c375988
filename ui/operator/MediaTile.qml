import QtQuick
import QtQuick.Controls
import CivicDesk.Ui

// One photo or video of the open report as a tile: its thumbnail as soon as it arrives, and a
// line that says what is happening (loading, the size of a video still to load, an error).
// A click opens a photo or loads a video.
Rectangle {
    id: root

    // A map from ReportDetail.media.
    required property var item
    // Share of the full file loaded (0 to 1), or -1 when nothing loads.
    property real progress: -1

    signal activated()

    readonly property bool isVideo: root.item.kind === "video"
    readonly property bool stored: (root.item.sha256 ?? "").length > 0
    readonly property string imageSource: (root.item.thumbnail ?? "").length > 0
                                          ? root.item.thumbnail
                                          : (!root.isVideo ? (root.item.source ?? "") : "")

    width: 150
    height: 112
    color: Theme.surfaceAlt
    border.color: Theme.border

    Image {
        id: image
        anchors.fill: parent
        anchors.margins: 1
        source: root.imageSource
        sourceSize.width: 300
        fillMode: Image.PreserveAspectCrop
        autoTransform: true
        // Thumbnails are small JPEGs, fast enough to decode synchronously, so that a
        // screenshot never catches them half loaded.
        asynchronous: false
    }

    Text {
        id: play
        anchors.centerIn: parent
        visible: root.isVideo && root.stored && root.item.fileState !== "loading"
                 && root.item.fileState !== "failed"
        text: "\u25B6"
        font.pixelSize: 34
        color: image.status === Image.Ready ? "#ffffff" : Theme.textMuted
        style: Text.Outline
        styleColor: "#80000000"
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 1
        height: caption.implicitHeight + 6
        visible: caption.text.length > 0
        color: image.status === Image.Ready ? "#d9ffffff" : "transparent"

        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: parent.width * Math.max(0, root.progress)
            visible: root.progress >= 0
            color: Theme.selection
        }
        Text {
            id: caption
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.margins: 4
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: root.item.fileState === "failed" || root.item.thumbnailState === "failed"
                   ? Theme.danger : Theme.text
            text: root.captionText()
        }
    }

    function captionText() {
        if (!root.stored)
            return (root.item.link ?? "").length > 0
                    ? (root.isVideo ? qsTr("Video kept at the source") : qsTr("Photo kept at the source"))
                    : ""
        if (root.item.fileState === "failed" || (root.item.thumbnailState === "failed" && image.status !== Image.Ready))
            return root.item.error
        if (root.item.fileState === "loading")
            return root.isVideo ? qsTr("Loading video… %1%").arg(Math.round(Math.max(0, root.progress) * 100))
                                : qsTr("Loading photo…")
        if (root.item.thumbnailState === "loading" && image.status !== Image.Ready)
            return qsTr("Loading preview…")
        if (root.item.thumbnailState === "none" && image.status !== Image.Ready)
            return root.isVideo ? qsTr("Video without a preview") : qsTr("Photo without a preview")
        if (root.isVideo && root.item.fileState !== "ready")
            return qsTr("Play (%1)").arg(root.item.sizeText)
        return ""
    }

    MouseArea {
        anchors.fill: parent
        cursorShape: Qt.PointingHandCursor
        enabled: root.stored
        onClicked: root.activated()
    }
}
