import QtQuick
import QtQuick.Layouts
import QtPositioning
import CivicDesk.Map
import CivicDesk.Models
import CivicDesk.Ui

// The map of Hue: ward and commune boundaries with their names, every located report as a
// marker coloured by status. Selecting a marker opens its report; opening a report in the
// queue highlights its marker.
Rectangle {
    id: root

    readonly property alias map: map
    readonly property bool pendingWork: !notices.softwareRenderer
                                        && (map.pendingWork || tiles.loading)

    color: "#e8edf1"
    border.color: map.activeFocus ? Theme.accent : Theme.border

    MapView {
        id: map
        anchors.fill: parent
        anchors.margins: 1
        center: QtPositioning.coordinate(16.4637, 107.5909)
        zoomLevel: 12.3
        // The tile layer draws the land colour underneath.
        color: "transparent"
        // The software renderer draws the map's geometry in the wrong places, if at all.
        visible: !notices.softwareRenderer
        areas: Workstation.mapAreas
        markers: Workstation.mapMarkers
        selectedId: Workstation.selectedReportId
        onMarkerClicked: id => Workstation.select(id)
        onMapClicked: forceActiveFocus()

        MapTileLayer {
            id: tiles
            z: -1
            anchors.fill: parent
            map: map
            source: MapTiles.source
        }
    }

    MapTileNotices {
        id: notices
        anchors.fill: map
        tileLayer: tiles
        configurationError: MapTiles.configurationError
    }

    MapScaleBar {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.padding
        map: map
    }

    MapAttribution {
        tileCredit: tiles.attribution
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 4
    }

    Connections {
        target: Workstation
        function onSelectionChanged() {
            if (Workstation.selectedReportId.length > 0)
                map.centerOnMarker(Workstation.selectedReportId)
        }
    }
}
