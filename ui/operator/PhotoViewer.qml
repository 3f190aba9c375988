import QtQuick
import QtQuick.Controls
import CivicDesk.Ui

// A photo at full size, turned the way the camera meant it. Escape or a click closes it.
Popup {
    id: root

    property url source

    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Overlay.overlay ? Overlay.overlay.width - 120 : 1200
    height: Overlay.overlay ? Overlay.overlay.height - 120 : 800
    padding: 0
    background: Rectangle { color: "#101418" }

    Image {
        id: image
        objectName: "fullPhoto"
        anchors.fill: parent
        source: root.source
        fillMode: Image.PreserveAspectFit
        autoTransform: true
        asynchronous: true
    }
    MouseArea {
        anchors.fill: parent
        onClicked: root.close()
    }
}
