import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// The preview of a bulk action or of its undo: every marked report with its state now and
// after, or why it is left out. Enter makes the changes, Escape cancels.
Popup {
    id: root

    required property BulkActions bulk

    modal: true
    focus: true
    width: Math.min(1400, parent ? parent.width - 80 : 1400)
    // As tall as the list needs, up to most of the window.
    height: Math.min(contentItem.implicitHeight + 2 * root.padding,
                     parent ? parent.height - 80 : 680)
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    onOpened: list.forceActiveFocus()
    onClosed: {
        if (root.bulk.previewing)
            root.bulk.cancel()
    }

    function confirm() {
        if (root.bulk.applyCount === 0)
            return
        root.bulk.confirm()
        root.close()
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing

        Text {
            text: root.bulk.previewTitle
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: Theme.text
        }
        Text {
            objectName: "bulkPreviewSummary"
            Layout.fillWidth: true
            text: (root.bulk.previewingUndo
                   ? qsTr("%n of the listed reports return to their earlier state.", "",
                          root.bulk.applyCount)
                   : qsTr("%n of the listed reports change.", "", root.bulk.applyCount))
                  + " " + qsTr("Enter confirms, Escape cancels.")
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }

        ListView {
            id: list
            objectName: "bulkPreviewList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: contentHeight
            clip: true
            model: root.bulk.preview
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Keys.onReturnPressed: root.confirm()
            Keys.onEnterPressed: root.confirm()
            Keys.onEscapePressed: root.close()

            delegate: Rectangle {
                id: row
                required property var modelData
                required property int index
                width: ListView.view.width
                height: Theme.rowHeight + 4
                color: index % 2 === 0 ? Theme.surface : Theme.surfaceAlt

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.padding
                    opacity: row.modelData.applies ? 1 : 0.75

                    Text {
                        Layout.preferredWidth: 130
                        text: row.modelData.code
                        textFormat: Text.PlainText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                    }
                    Text {
                        Layout.preferredWidth: 280
                        text: row.modelData.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    Text {
                        Layout.preferredWidth: 400
                        text: row.modelData.before
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    Text {
                        text: "→"
                        visible: row.modelData.applies
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.accent
                    }
                    Text {
                        Layout.fillWidth: true
                        text: row.modelData.applies ? row.modelData.after : row.modelData.note
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: row.modelData.applies
                        font.italic: !row.modelData.applies
                        color: row.modelData.applies ? Theme.text : Theme.warning
                    }
                }
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing
            ActionButton {
                text: qsTr("Cancel")
                shortcutText: "Esc"
                onClicked: root.close()
            }
            ActionButton {
                objectName: "bulkConfirmButton"
                primary: true
                enabled: root.bulk.applyCount > 0
                text: root.bulk.previewingUndo
                      ? qsTr("Restore %n report(s)", "", root.bulk.applyCount)
                      : qsTr("Change %n report(s)", "", root.bulk.applyCount)
                shortcutText: "Enter"
                onClicked: root.confirm()
            }
        }
    }
}
