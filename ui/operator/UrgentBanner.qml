import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// A strip that lists the urgent reports nobody has claimed, longest waiting first, and hides
// itself when there are none. Clicking a report chooses it; the button on the right asks to
// mute or unmute the chime. The banner changes nothing itself: its owner acts on the signals.
Rectangle {
    id: root

    // Maps with reportId, code, title and receivedText, as UrgentAlerts.reports gives them.
    property var reports: []
    // Whether the chime is muted, shown on the button.
    property bool muted: false

    signal reportChosen(string reportId)
    signal muteRequested(bool muted)

    readonly property int count: root.reports ? root.reports.length : 0

    visible: root.count > 0
    implicitHeight: Theme.rowHeight + 2 * 6
    color: "#fdecea"
    border.color: Theme.danger

    // The red accent on the left edge.
    Rectangle {
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        width: 6
        color: Theme.danger
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.padding + 6
        anchors.rightMargin: Theme.padding
        spacing: Theme.padding

        Text {
            objectName: "urgentCount"
            text: qsTr("%n urgent report(s) not claimed", "", root.count)
            textFormat: Text.PlainText
            color: Theme.danger
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
        }

        ListView {
            id: list
            objectName: "urgentReports"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight
            orientation: ListView.Horizontal
            spacing: Theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            model: root.reports

            delegate: AbstractButton {
                id: chip

                required property var modelData

                objectName: "urgentReport_" + chip.modelData.reportId
                height: ListView.view.height
                width: Math.min(chip.implicitWidth, 360)
                leftPadding: Theme.spacing
                rightPadding: Theme.spacing
                focusPolicy: Qt.StrongFocus
                onClicked: root.reportChosen(chip.modelData.reportId)

                // The whole title and the time received, for a title cut short.
                ToolTip.visible: chip.hovered
                ToolTip.delay: 500
                ToolTip.text: chip.modelData.title + "\n"
                              + qsTr("Received: %1").arg(chip.modelData.receivedText)

                contentItem: RowLayout {
                    spacing: 6

                    Text {
                        visible: text.length > 0
                        text: chip.modelData.code
                        textFormat: Text.PlainText
                        color: Theme.danger
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                    }
                    Text {
                        Layout.fillWidth: true
                        text: chip.modelData.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        maximumLineCount: 1
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                    }
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: chip.down ? "#f6c9c4" : chip.hovered ? "#fadbd7" : Theme.surface
                    border.color: Theme.danger
                    border.width: chip.activeFocus ? 2 : 1
                }
            }
        }

        ActionButton {
            objectName: "urgentMute"
            text: root.muted ? qsTr("Unmute chime") : qsTr("Mute chime")
            onClicked: root.muteRequested(!root.muted)
        }
    }
}
