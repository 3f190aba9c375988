import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Every action of the window with its key, by group. Up and Down choose an action. Enter, or a
// click on its key, waits for a new key combination, which Escape cancels. Delete gives the
// action its default key back. A rejected key leaves the old one and shows why under the action.
Popup {
    id: root

    // Id of the chosen action, such as "classify".
    readonly property string currentActionId: list.currentItem ? list.currentItem.actionId : ""
    // Whether the next key combination pressed becomes the chosen action's key.
    property bool capturing: false
    // Why the last key or reset was rejected, shown under the chosen action.
    property string rejection: ""

    modal: true
    focus: true
    width: Math.min(680, parent ? parent.width - 80 : 680)
    height: Math.min(content.implicitHeight + 2 * padding, parent ? parent.height - 16 : 900)
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding
    // While a key is awaited, Escape cancels the wait instead of closing the sheet.
    closePolicy: root.capturing ? Popup.NoAutoClose
                                : Popup.CloseOnEscape | Popup.CloseOnPressOutside
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    onOpened: list.forceActiveFocus()
    onClosed: root.stopCapture()

    function startCapture(row) {
        list.currentIndex = row
        list.forceActiveFocus()
        root.rejection = ""
        root.capturing = true
    }

    function stopCapture() {
        root.capturing = false
        root.rejection = ""
    }

    function resetCurrent() {
        root.capturing = false
        root.rejection = Shortcuts.reset(root.currentActionId)
    }

    // Assigns the key pressed while capturing. A modifier alone waits for the rest of the
    // combination.
    function capture(event) {
        if (event.key === Qt.Key_Escape && event.modifiers === Qt.NoModifier) {
            root.stopCapture()
            return
        }
        const key = Shortcuts.keyText(event.key, event.modifiers)
        if (key.length === 0)
            return
        root.rejection = Shortcuts.assign(root.currentActionId, key)
        if (root.rejection.length === 0)
            root.capturing = false
    }

    // The model's texts come from C++ and follow a change of language only when told.
    Connections {
        target: Workstation
        function onLanguageChanged() {
            Shortcuts.retranslate()
        }
    }

    contentItem: ColumnLayout {
        id: content
        spacing: Theme.spacing

        Text {
            text: qsTr("Keyboard shortcuts")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Single keys act while the queue has the keyboard, never in a text field or on the map. Keys with Ctrl or Alt and function keys act everywhere.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }

        ListView {
            id: list
            objectName: "shortcutList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            implicitHeight: contentHeight
            clip: true
            model: Shortcuts
            keyNavigationEnabled: !root.capturing
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            onCurrentIndexChanged: root.stopCapture()

            section.property: "groupName"
            section.delegate: Text {
                required property string section
                width: ListView.view.width
                topPadding: Theme.spacing
                bottomPadding: 2
                text: section
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.accent
            }

            // Keys pressed while capturing go to the sheet, never to the window's shortcuts.
            Keys.onShortcutOverride: event => event.accepted = root.capturing
            Keys.onPressed: event => {
                if (root.capturing) {
                    root.capture(event)
                    event.accepted = true
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    root.startCapture(list.currentIndex)
                    event.accepted = true
                } else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
                    root.resetCurrent()
                    event.accepted = true
                }
            }
            KeyNavigation.tab: root.capturing ? null : resetAllButton

            delegate: ShortcutRow {
                width: ListView.view.width
                current: ListView.isCurrentItem
                capturing: ListView.isCurrentItem && root.capturing
                rejection: ListView.isCurrentItem ? root.rejection : ""
                onChosen: {
                    list.currentIndex = index
                    list.forceActiveFocus()
                }
                onCaptureRequested: root.startCapture(index)
                onResetRequested: {
                    list.currentIndex = index
                    list.forceActiveFocus()
                    root.resetCurrent()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.capturing ? qsTr("Press the new key combination. Escape cancels.")
                                     : qsTr("Enter: change the key. Delete: default key. Escape: close.")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            ActionButton {
                id: resetAllButton
                objectName: "resetAllShortcutsButton"
                text: qsTr("Reset all")
                enabled: Shortcuts.modified
                KeyNavigation.tab: closeButton
                onClicked: {
                    root.stopCapture()
                    Shortcuts.resetAll()
                }
            }
            ActionButton {
                id: closeButton
                text: qsTr("Close")
                KeyNavigation.tab: list
                onClicked: root.close()
            }
        }
    }
}
