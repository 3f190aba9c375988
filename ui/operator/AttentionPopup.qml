import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Operations the central refused, each with the operator's values and the central's current
// ones, field by field. Up and Down choose an item; M sends it again on the current state, T
// keeps the other operator's values, D dismisses it, Enter opens its report. Until an item is
// resolved, the later actions on its report wait in the outbox.
Popup {
    id: root

    modal: true
    focus: true
    width: Math.min(900, parent ? parent.width - 80 : 900)
    height: Math.min(620, parent ? parent.height - 80 : 620)
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    onOpened: list.forceActiveFocus()

    function actionName(code) {
        switch (code) {
        case "classify": return qsTr("Classify")
        case "assign": return qsTr("Forward")
        case "reject": return qsTr("Reject")
        case "note": return qsTr("Note")
        case "edit": return qsTr("Edit text")
        case "return": return qsTr("Return to the center")
        case "undo": return qsTr("Undo bulk change")
        }
        return code
    }

    // Whether another operator's change caused the refusal, so that there is a "theirs" to keep.
    function concurrent(item) {
        return item.refusal === "conflict" || item.refusal === "stale_version"
    }

    // Keeping theirs sends nothing when no field of the operator's change is left to send.
    function resolve(index, choice) {
        const item = Workstation.attentionItems[index]
        if (!item)
            return
        let resolution = choice
        if (choice === "mine" && !item.canReapply)
            return
        if (choice === "theirs") {
            if (!root.concurrent(item))
                return
            resolution = item.canKeepTheirs ? "theirs" : "dismiss"
        }
        Workstation.resolveAttention(item.operationId, resolution)
    }

    function openReport(index) {
        const item = Workstation.attentionItems[index]
        if (!item)
            return
        Workstation.select(item.reportId)
        root.close()
    }

    component Cell: Text {
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        Layout.alignment: Qt.AlignTop
        wrapMode: Text.Wrap
        maximumLineCount: 4
        elide: Text.ElideRight
        textFormat: Text.PlainText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.text
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
        Text {
            Layout.fillWidth: true
            text: qsTr("Up and Down choose a change; M re-applies yours on the current state, T keeps the other version, D dismisses, Enter opens the report.")
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            visible: list.count === 0
            text: qsTr("Nothing needs attention.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        ListView {
            id: list
            objectName: "attentionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing
            focus: true
            keyNavigationEnabled: true
            model: Workstation.attentionItems
            ScrollBar.vertical: ScrollBar {}

            Keys.onPressed: event => {
                switch (event.key) {
                case Qt.Key_M:
                    root.resolve(list.currentIndex, "mine")
                    break
                case Qt.Key_T:
                    root.resolve(list.currentIndex, "theirs")
                    break
                case Qt.Key_D:
                case Qt.Key_Delete:
                    root.resolve(list.currentIndex, "dismiss")
                    break
                case Qt.Key_Return:
                case Qt.Key_Enter:
                    root.openReport(list.currentIndex)
                    break
                default:
                    return
                }
                event.accepted = true
            }

            delegate: Rectangle {
                id: entry
                required property var modelData
                required property int index
                width: ListView.view.width - 12
                height: column.implicitHeight + 2 * Theme.padding
                color: Theme.surfaceAlt
                radius: Theme.radius
                border.color: ListView.isCurrentItem ? Theme.accent : Theme.border
                border.width: ListView.isCurrentItem ? 2 : 1

                MouseArea {
                    anchors.fill: parent
                    onClicked: list.currentIndex = entry.index
                }

                ColumnLayout {
                    id: column
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: 6

                    Text {
                        Layout.fillWidth: true
                        text: root.actionName(entry.modelData.action)
                              + (entry.modelData.code.length > 0 ? " · " + entry.modelData.code : "")
                              + " · " + entry.modelData.time
                        textFormat: Text.PlainText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: Theme.textMuted
                    }
                    Text {
                        Layout.fillWidth: true
                        text: entry.modelData.reason
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.danger
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: entry.modelData.fields.length > 0
                        spacing: Theme.spacing
                        Item { Layout.preferredWidth: 120 }
                        Cell { text: qsTr("Yours"); font.bold: true; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Cell { text: qsTr("On the central now"); font.bold: true; color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    }
                    Repeater {
                        model: entry.modelData.fields
                        delegate: RowLayout {
                            id: row
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            Text {
                                Layout.preferredWidth: 120
                                Layout.alignment: Qt.AlignTop
                                text: row.modelData.name
                                textFormat: Text.PlainText
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.bold: row.modelData.conflicting
                                color: row.modelData.conflicting ? Theme.danger : Theme.textMuted
                            }
                            Cell { text: row.modelData.mine.length > 0 ? row.modelData.mine : "—" }
                            Cell {
                                text: row.modelData.theirs.length > 0 ? row.modelData.theirs : "—"
                                color: row.modelData.conflicting ? Theme.text : Theme.textMuted
                            }
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: entry.modelData.held > 0
                        text: qsTr("%n later action(s) on this report wait for your decision.", "", entry.modelData.held)
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.warning
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        ActionButton {
                            visible: entry.modelData.canReapply
                            text: qsTr("Re-apply mine")
                            shortcutText: "M"
                            primary: true
                            onClicked: root.resolve(entry.index, "mine")
                        }
                        ActionButton {
                            visible: root.concurrent(entry.modelData)
                            text: entry.modelData.canKeepTheirs ? qsTr("Keep theirs, send my other fields")
                                                                : qsTr("Keep theirs")
                            shortcutText: "T"
                            onClicked: root.resolve(entry.index, "theirs")
                        }
                        ActionButton {
                            text: qsTr("Dismiss")
                            shortcutText: "D"
                            onClicked: root.resolve(entry.index, "dismiss")
                        }
                        ActionButton {
                            text: qsTr("Open report")
                            shortcutText: "Enter"
                            onClicked: root.openReport(entry.index)
                        }
                    }
                }
            }
        }
        ActionButton {
            Layout.alignment: Qt.AlignRight
            text: qsTr("Close")
            shortcutText: "Esc"
            onClicked: root.close()
        }
    }
}
