import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtPositioning
import CivicDesk.Map
import CivicDesk.Models
import CivicDesk.Ui

// The map of Hue: ward and commune boundaries with their names, and every located report,
// grouped into clusters where they crowd. Selecting a marker opens its report; opening a report
// in the queue shows it on the map with its circle of accuracy. A rectangle drawn on the map
// filters the queue; "Go to" moves the map to a ward, commune or former unit.
Rectangle {
    id: root

    readonly property alias map: map
    readonly property bool pendingWork: !notices.softwareRenderer
                                        && (map.pendingWork || tiles.loading)
    // Whether the pane's own shortcut (Go to) acts. Main turns it off while the shortcut sheet is open.
    property bool goToShortcutEnabled: true
    // Set while the map itself changes the selection, so that the map does not move then.
    property bool selectingFromMap: false

    // Asks for the keyboard to go back to the queue, after a report was chosen with the mouse or
    // from a cluster's list, so that the queue's single keys act on it at once.
    signal queueFocusRequested()

    color: "#e8edf1"
    border.color: map.activeFocus ? Theme.accent : Theme.border

    function selectFromMap(id) {
        root.selectingFromMap = true
        Workstation.select(id)
        root.selectingFromMap = false
    }

    function goToPlace(place) {
        map.fitViewportToGeoShape(place.area, 24)
        goTo.text = ""
        map.forceActiveFocus()
    }

    function saveImage() {
        const path = Workstation.newMapImagePath()
        map.grabToImage(result => {
            if (result.saveToFile(path))
                notice.show(qsTr("Map saved as %1").arg(path))
            else
                notice.show(qsTr("The map could not be saved as %1").arg(path))
        })
    }

    MapView {
        id: map
        objectName: "mapView"
        anchors.fill: parent
        anchors.margins: 1
        center: QtPositioning.coordinate(16.4637, 107.5909)
        zoomLevel: 12.3
        // The tile layer draws the land colour underneath.
        color: "transparent"
        // The software renderer draws the map's geometry in the wrong places, if at all.
        visible: !notices.softwareRenderer
        areas: Workstation.mapAreas
        // A base map names the wards itself.
        areaLabelsVisible: !tiles.source
        markers: Workstation.mapMarkers
        selectedId: Workstation.selectedReportId
        highlightedArea: Workstation.queue.areaFilter
        onMarkerClicked: id => {
            root.selectFromMap(id)
            root.queueFocusRequested()
        }
        onMarkerStepped: id => root.selectFromMap(id)
        onClusterClicked: ids => {
            clusterList.rows = []
            clusterList.open()
            Workstation.listReports(ids)
        }
        onAreaDrawn: area => Workstation.queue.areaFilter = area
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

    // Go to, drawing and saving, along the top; they wrap onto a second row in a narrow pane.
    Flow {
        id: tools
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        TextField {
            id: goTo
            objectName: "goToField"
            width: Math.min(240, tools.width)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Go to ward or commune… (%1)").arg(Shortcuts.keys.goToPlace)
            selectByMouse: true
            background: Rectangle {
                implicitHeight: 32
                radius: Theme.radius
                color: Theme.surface
                border.color: goTo.activeFocus ? Theme.accent : Theme.border
                border.width: goTo.activeFocus ? 2 : 1
            }
            onTextChanged: {
                places.model = text.trim().length > 0 ? Workstation.findPlaces(text) : []
                places.currentIndex = 0
            }
            Keys.onDownPressed: places.incrementCurrentIndex()
            Keys.onUpPressed: places.decrementCurrentIndex()
            Keys.onEscapePressed: {
                text = ""
                map.forceActiveFocus()
            }
            onAccepted: {
                if (places.count > 0)
                    root.goToPlace(places.model[places.currentIndex])
            }
        }
        ActionButton {
            objectName: "drawAreaButton"
            text: map.drawingArea ? qsTr("Drag a rectangle…") : qsTr("Filter by area")
            checkable: true
            checked: map.drawingArea
            onClicked: map.drawingArea = checked
        }
        ActionButton {
            objectName: "clearAreaButton"
            visible: Workstation.queue.areaFilter.isValid
            text: qsTr("Clear area")
            onClicked: Workstation.queue.areaFilter = QtPositioning.rectangle()
        }
        ActionButton {
            objectName: "saveImageButton"
            text: qsTr("Save image")
            onClicked: root.saveImage()
        }
    }

    Rectangle {
        visible: goTo.activeFocus && places.count > 0
        anchors.left: tools.left
        anchors.top: tools.top
        anchors.topMargin: goTo.height + 2
        width: Math.min(360, root.width - 2 * Theme.spacing)
        height: Math.min(places.contentHeight, 10 * 44) + 2
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius

        ListView {
            id: places
            objectName: "placeList"
            anchors.fill: parent
            anchors.margins: 1
            clip: true
            model: []
            delegate: Rectangle {
                id: placeRow
                required property var modelData
                required property int index
                width: ListView.view.width
                height: 44
                color: ListView.isCurrentItem ? Theme.selection : Theme.surface
                Column {
                    anchors.left: parent.left
                    anchors.leftMargin: Theme.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    Text {
                        text: placeRow.modelData.name
                        textFormat: Text.PlainText
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                    Text {
                        text: placeRow.modelData.detail
                        textFormat: Text.PlainText
                        color: Theme.textMuted
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: root.goToPlace(placeRow.modelData)
                }
            }
        }
    }

    // How many reports the view shows, at the top right under the tools.
    Rectangle {
        anchors.right: parent.right
        anchors.top: tools.bottom
        anchors.margins: Theme.spacing
        implicitWidth: inView.implicitWidth + 2 * Theme.spacing
        implicitHeight: inView.implicitHeight + 6
        radius: Theme.radius
        color: Qt.rgba(1, 1, 1, 0.85)
        Text {
            id: inView
            objectName: "reportsInView"
            anchors.centerIn: parent
            text: qsTr("%n report(s) in view", "", map.markersInView)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
    }

    // Scale bar, and above it the coordinate under the pointer.
    Column {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.padding
        spacing: 4

        Rectangle {
            visible: map.cursorCoordinate.isValid
            implicitWidth: readout.implicitWidth + 8
            implicitHeight: readout.implicitHeight + 4
            color: Qt.rgba(1, 1, 1, 0.75)
            Text {
                id: readout
                anchors.centerIn: parent
                text: map.cursorCoordinate.isValid
                      ? map.cursorCoordinate.latitude.toFixed(5) + ", "
                        + map.cursorCoordinate.longitude.toFixed(5)
                      : ""
                color: "#37474f"
                font.family: Theme.fontFamily
                font.pixelSize: 12
            }
        }
        MapScaleBar {
            map: map
        }
    }

    MapAttribution {
        tileCredit: tiles.attribution
        maximumWidth: root.width - 180
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 4
    }

    // A short message over the map, such as where a saved image went.
    Rectangle {
        id: notice
        function show(message) {
            noticeText.text = message
            visible = true
            noticeTimer.restart()
        }
        visible: false
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 40
        width: Math.min(noticeText.implicitWidth + 2 * Theme.padding, root.width - 40)
        height: noticeText.implicitHeight + Theme.padding
        radius: Theme.radius
        color: Theme.statusBar
        Text {
            id: noticeText
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.padding
            elide: Text.ElideMiddle
            textFormat: Text.PlainText
            color: Theme.statusBarText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        Timer {
            id: noticeTimer
            interval: 6000
            onTriggered: notice.visible = false
        }
    }

    // The reports of a cluster that zooming cannot take apart.
    Popup {
        id: clusterList
        objectName: "clusterList"
        property var rows: []
        // Whether the list closes on a chosen report, which hands the keyboard to the queue.
        property bool reportChosen: false
        x: Math.round((root.width - width) / 2)
        y: tools.height + 2 * Theme.spacing
        width: Math.min(460, root.width - 2 * Theme.spacing)
        height: Math.min(listView.contentHeight + header.height + 3 * Theme.spacing,
                         root.height - y - Theme.spacing)
        padding: Theme.spacing
        focus: true
        onOpened: {
            clusterList.reportChosen = false
            listView.forceActiveFocus()
        }
        onClosed: {
            if (clusterList.reportChosen)
                root.queueFocusRequested()
            else
                map.forceActiveFocus()
        }

        function choose(id) {
            root.selectFromMap(id)
            clusterList.reportChosen = true
            clusterList.close()
        }

        Connections {
            target: Workstation
            function onReportListReady(rows) {
                clusterList.rows = rows
            }
        }

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Text {
                id: header
                text: qsTr("%n report(s) at this place", "", clusterList.rows.length)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
            ListView {
                id: listView
                objectName: "clusterListView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: clusterList.rows
                keyNavigationEnabled: true
                Keys.onReturnPressed: {
                    if (currentIndex >= 0)
                        clusterList.choose(clusterList.rows[currentIndex].id)
                }
                delegate: Rectangle {
                    id: reportRow
                    required property var modelData
                    required property int index
                    width: ListView.view.width
                    height: 34
                    color: ListView.isCurrentItem ? Theme.selection : "transparent"
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 4
                        anchors.rightMargin: 4
                        spacing: Theme.spacing
                        Text {
                            text: reportRow.modelData.code
                            textFormat: Text.PlainText
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                        StatusChip {
                            text: reportRow.modelData.statusName
                            stateColor: Workstation.statusColor(reportRow.modelData.status)
                        }
                        Text {
                            Layout.fillWidth: true
                            text: reportRow.modelData.title
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.text
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: clusterList.choose(reportRow.modelData.id)
                    }
                }
            }
        }
    }

    Shortcut {
        sequence: Shortcuts.keys.goToPlace
        enabled: root.goToShortcutEnabled
        onActivated: goTo.forceActiveFocus()
    }

    Connections {
        target: Workstation
        function onSelectionChanged() {
            if (Workstation.selectedReportId.length > 0 && !root.selectingFromMap)
                map.showMarker(Workstation.selectedReportId)
        }
    }
}
