import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Operations the central refused, with its reasons. Choosing one opens its report, which
// already shows the central's version.
Popup {
    id: root

    modal: true
    focus: true
    width: 720
    height: 480
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    function actionName(code) {
        switch (code) {
        case "classify": return qsTr("Classify")
        case "assign": return qsTr("Forward")
        case "reject": return qsTr("Reject")
        case "note": return qsTr("Note")
        }
        return code
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Text {
            text: qsTr("Needs attention")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            model: Workstation.attentionItems
            delegate: Rectangle {
                id: item
                required property var modelData
                width: ListView.view.width
                height: column.implicitHeight + 2 * Theme.spacing
                color: Theme.surfaceAlt
                radius: Theme.radius
                ColumnLayout {
                    id: column
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    Text {
                        text: root.actionName(item.modelData.action) + " · " + item.modelData.time
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Refused by the central: %1").arg(item.modelData.reason)
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.danger
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        Workstation.select(item.modelData.reportId)
                        root.close()
                    }
                }
            }
        }
        ActionButton {
            Layout.alignment: Qt.AlignRight
            text: qsTr("Close")
            onClicked: root.close()
        }
    }
}
