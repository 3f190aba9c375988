import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// The strip above the queue while reports are marked for a bulk action, or while the last one
// can be undone: how many are marked, the actions with their keys, what the last action did and
// its undo. The strip changes nothing itself: its owner acts on the signals.
Rectangle {
    id: root

    property int markedCount: 0
    property bool mayTriage: false
    property bool undoAvailable: false
    property string undoUntilText
    property string resultText

    signal forwardRequested()
    signal classifyRequested()
    signal rejectRequested()
    signal clearRequested()
    signal undoRequested()

    visible: root.markedCount > 0 || root.undoAvailable
    implicitHeight: Theme.rowHeight + 2 * 6
    color: Theme.marked
    border.color: Theme.border
    radius: Theme.radius

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        Text {
            objectName: "markedCount"
            visible: root.markedCount > 0
            text: qsTr("%n marked", "", root.markedCount)
            textFormat: Text.PlainText
            color: Theme.accent
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
        }
        ActionButton {
            visible: root.markedCount > 0 && root.mayTriage
            text: qsTr("Forward")
            shortcutText: Shortcuts.keys.bulkForward
            onClicked: root.forwardRequested()
        }
        ActionButton {
            visible: root.markedCount > 0 && root.mayTriage
            text: qsTr("Field")
            shortcutText: Shortcuts.keys.bulkClassify
            onClicked: root.classifyRequested()
        }
        ActionButton {
            visible: root.markedCount > 0 && root.mayTriage
            text: qsTr("Spam")
            shortcutText: Shortcuts.keys.bulkReject
            onClicked: root.rejectRequested()
        }
        ActionButton {
            visible: root.markedCount > 0
            text: qsTr("Unmark")
            shortcutText: "Esc"
            onClicked: root.clearRequested()
        }
        Text {
            Layout.fillWidth: true
            text: root.resultText
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        ActionButton {
            objectName: "bulkUndoButton"
            visible: root.undoAvailable
            text: qsTr("Undo until %1").arg(root.undoUntilText)
            shortcutText: Shortcuts.keys.bulkUndo
            onClicked: root.undoRequested()
        }
    }
}
