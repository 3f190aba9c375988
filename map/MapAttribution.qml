import QtQuick

// The credit line for the map's data, shown in a corner of the map: the boundaries' credit and
// the base map's.
Rectangle {
    id: root

    // Credit for the boundaries. OpenStreetMap's licence (ODbL) requires it wherever its data is
    // shown.
    property string dataCredit: "© OpenStreetMap contributors"
    // Credit text of the base map's tiles; empty without tiles. Tile sources often write it
    // as HTML with links: the tags are dropped, so that a file cannot put markup on screen.
    property string tileCredit: ""
    // The line shown: both credits, the boundaries' once when the tiles' already names it.
    readonly property string text: {
        const tiles = tileCredit.replace(/<[^>]*>/g, "").trim()
        if (tiles.length === 0)
            return dataCredit
        if (tiles.indexOf("OpenStreetMap") >= 0)
            return tiles
        return dataCredit + " | " + tiles
    }
    // Colour of the text.
    property color textColor: "#37474f"
    // Width beyond which the credit wraps onto more lines.
    property real maximumWidth: 100000

    implicitWidth: Math.min(label.implicitWidth, root.maximumWidth) + 8
    implicitHeight: label.height + 4
    color: Qt.rgba(1, 1, 1, 0.75)

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.maximumWidth)
        color: root.textColor
        font.pixelSize: 12
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignRight
        text: root.text
    }
}
