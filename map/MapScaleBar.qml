import QtQuick
import CivicDesk.Map

// A scale bar for a MapView: the longest round length (1, 2 or 5 times a power of ten metres)
// that fits in maximumWidth, measured at the latitude of the map's centre.
Item {
    id: root

    // The map to measure.
    required property MapView map
    // Longest bar, in pixels.
    property real maximumWidth: 120
    // Colour of the bar and its text.
    property color color: "#263238"

    // Ground distance per pixel at the centre: Web Mercator's equatorial circumference
    // (WGS 84 semi-major axis 6378137 m) over the world's width in pixels, times cos(latitude).
    readonly property real metresPerPixel: 2 * Math.PI * 6378137
                                           * Math.cos(map.center.latitude * Math.PI / 180)
                                           / (256 * Math.pow(2, map.zoomLevel))
    // Length that the bar stands for, in metres.
    readonly property real metres: roundLength(maximumWidth * metresPerPixel)

    function roundLength(longest) {
        const magnitude = Math.pow(10, Math.floor(Math.log10(longest)))
        for (const factor of [5, 2, 1]) {
            if (factor * magnitude <= longest)
                return factor * magnitude
        }
        return magnitude
    }

    implicitWidth: bar.width + 8
    implicitHeight: label.implicitHeight + bar.height + 8

    Rectangle {
        anchors.fill: parent
        radius: 3
        color: Qt.rgba(1, 1, 1, 0.75)
    }

    Text {
        id: label
        anchors.horizontalCenter: bar.horizontalCenter
        anchors.bottom: bar.top
        anchors.bottomMargin: 2
        color: root.color
        font.pixelSize: 12
        text: root.metres >= 1000 ? qsTr("%1 km").arg(root.metres / 1000)
                                  : qsTr("%1 m").arg(root.metres)
    }

    // The bar with a tick at each end.
    Rectangle {
        id: bar
        x: 4
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 4
        width: Math.round(root.metres / root.metresPerPixel)
        height: 2
        color: root.color

        Rectangle {
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            width: 2
            height: 6
            color: root.color
        }
        Rectangle {
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            width: 2
            height: 6
            color: root.color
        }
    }
}
