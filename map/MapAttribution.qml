import QtQuick

// The credit line for the map's data, shown in a corner of the map: the boundaries' credit and
// the base map's.
Rectangle {
    id: root

    // Credit for the boundaries. OpenStreetMap's licence (ODbL) requires it wherever its data is
    // shown.
    property string dataCredit: "© OpenStreetMap contributors"
    // Credit text of the base map's tiles, which may hold HTML links; empty without tiles.
    property string tileCredit: ""
    // The line shown: both credits, the boundaries' once when the tiles' already names it.
    readonly property string text: {
        if (tileCredit.length === 0)
            return dataCredit
        if (tileCredit.indexOf("OpenStreetMap") >= 0)
            return tileCredit
        return dataCredit + " | " + tileCredit
    }
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
        textFormat: Text.StyledText
        linkColor: root.textColor
        text: root.text
    }
}
