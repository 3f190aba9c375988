import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Who is signed in, whether the central answers, when the replica last caught up, what
// waits to be sent, and what needs the operator's attention.
Rectangle {
    id: root

    signal attentionRequested()

    implicitHeight: 30
    color: Theme.statusBar

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: 24

        // Plain text: user names and the server's messages are shown as written.
        component Item_: Text {
            textFormat: Text.PlainText
            maximumLineCount: 1
            color: Theme.statusBarText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }

        Item_ {
            objectName: "signedInUser"
            text: Workstation.roleName.length > 0
                  ? qsTr("Signed in: %1 (%2)").arg(Workstation.operatorName).arg(Workstation.roleName)
                  : qsTr("Operator: %1").arg(Workstation.operatorName)
        }
        RowLayout {
            spacing: 6
            Rectangle {
                width: 10
                height: 10
                radius: 5
                color: Workstation.online ? "#5cd27a" : "#ff8a80"
            }
            Item_ {
                text: Workstation.online ? qsTr("Central: connected")
                                         : Workstation.syncProblem ? qsTr("Central: sync stopped")
                                         : Workstation.offlineFor.length > 0
                                           ? qsTr("Central: offline for %1").arg(Workstation.offlineFor)
                                           : qsTr("Central: not connected")
            }
            Item_ {
                visible: !Workstation.online && Workstation.connectionMessage.length > 0
                text: "(" + Workstation.connectionMessage + ")"
                color: "#ffb4a9"
                elide: Text.ElideRight
                Layout.maximumWidth: 560
                // The whole message when it does not fit.
                HoverHandler { id: messageHover }
                ToolTip.visible: messageHover.hovered && truncated
                ToolTip.text: Workstation.connectionMessage
            }
        }
        Item_ {
            text: Workstation.lastSyncText.length > 0 ? qsTr("Last sync: %1").arg(Workstation.lastSyncText)
                                                      : qsTr("Not synced yet")
        }
        Item_ {
            text: qsTr("Waiting to send: %1").arg(Workstation.pendingCount)
            font.bold: !Workstation.online && Workstation.pendingCount > 0
        }
        Item_ {
            text: qsTr("Needs attention: %1").arg(Workstation.attentionCount)
            font.bold: Workstation.attentionCount > 0
            color: Workstation.attentionCount > 0 ? "#ffd180" : Theme.statusBarText
            MouseArea {
                anchors.fill: parent
                enabled: Workstation.attentionCount > 0
                cursorShape: Qt.PointingHandCursor
                onClicked: root.attentionRequested()
            }
        }
        Item { Layout.fillWidth: true }
        Item_ {
            text: Workstation.lastError
            elide: Text.ElideRight
            Layout.maximumWidth: 520
            color: "#ffb4a9"
        }
    }
}
