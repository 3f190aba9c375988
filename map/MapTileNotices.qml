import QtQuick
import CivicDesk.Map

// Notices about the base map, laid over a map: in the top right corner when the map has no
// base map, cannot read it or cannot reach its tile server, and across the middle when Qt Quick
// runs on the software renderer, which draws none of the map's own geometry.
Item {
    id: root

    // The tile layer whose state is shown.
    required property MapTileLayer tileLayer
    // Why the configured tile source could not be set up, or empty.
    property string configurationError: ""
    // Whether Qt Quick draws with the software renderer.
    readonly property bool softwareRenderer: GraphicsInfo.api === GraphicsInfo.Software
    // The sentence shown in the corner, or empty.
    readonly property string notice: {
        if (configurationError.length > 0)
            return qsTr("The base map is not configured correctly; see the log.")
        if (!tileLayer.source)
            return qsTr("No base map: only boundaries and reports are drawn.")
        switch (tileLayer.status) {
        case TileSource.Failed:
            return qsTr("The base map %1 cannot be read; see the log.").arg(tileLayer.source.name)
        case TileSource.Offline:
            return qsTr("Offline: the tile server cannot be reached. Saved tiles are shown.")
        case TileSource.RateLimited:
            return qsTr("The tile server asks to wait. Saved tiles are shown.")
        default:
            return ""
        }
    }

    Rectangle {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 8
        width: Math.min(cornerText.implicitWidth + 16, root.width - 16)
        height: cornerText.implicitHeight + 8
        visible: root.notice.length > 0 && !root.softwareRenderer
        radius: 4
        color: Qt.rgba(1, 1, 1, 0.85)
        border.color: "#b0bec5"

        Text {
            id: cornerText
            objectName: "tileNotice"
            anchors.fill: parent
            anchors.margins: 4
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            color: "#37474f"
            font.pixelSize: 13
            text: root.notice
        }
    }

    Rectangle {
        anchors.fill: parent
        visible: root.softwareRenderer
        color: "#eceff1"

        Text {
            objectName: "softwareRendererNotice"
            anchors.centerIn: parent
            width: Math.min(implicitWidth, parent.width - 32)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#b71c1c"
            font.pixelSize: 16
            text: qsTr("The map cannot be drawn: Qt Quick runs on the software renderer "
                       + "(QT_QUICK_BACKEND=software). Start CivicDesk with OpenGL.")
        }
    }
}
