import QtQuick

// The credit line for the map's data, shown in a corner of the map.
Rectangle {
    id: root

    // Credit text. OpenStreetMap's licence (ODbL) requires this credit wherever its data is shown.
    property string text: "© OpenStreetMap contributors"
    // Colour of the text.
    property color textColor: "#37474f"

    implicitWidth: label.implicitWidth + 8
    implicitHeight: label.implicitHeight + 4
    color: Qt.rgba(1, 1, 1, 0.75)

    Text {
        id: label
        anchors.centerIn: parent
        color: root.textColor
        font.pixelSize: 12
        text: root.text
    }
}
