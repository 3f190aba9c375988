import QtQuick
import CivicDesk.Ui

// A workflow state as a small coloured label.
Rectangle {
    id: root

    required property string text
    // Colour of the state, from Workstation.statusColor().
    required property color stateColor

    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: label.implicitHeight + 4
    radius: Theme.radius
    color: root.stateColor

    Text {
        id: label
        anchors.centerIn: parent
        text: root.text
        textFormat: Text.PlainText
        color: "#ffffff"
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
