import QtQuick
import QtQuick.Layouts
import CivicDesk.Ui

// The report's events, oldest first: what happened, who did it, when, and the detail.
ColumnLayout {
    id: root

    // Maps with kind, title, actor, time and text.
    required property var events

    spacing: 6

    Repeater {
        model: root.events
        delegate: RowLayout {
            id: entry
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing

            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 6
                width: 8
                height: 8
                radius: 4
                color: entry.modelData.kind === "refused" ? Theme.danger : Theme.accent
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    Layout.fillWidth: true
                    text: entry.modelData.title + " · " + entry.modelData.time + " · " + entry.modelData.actor
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: entry.modelData.kind === "refused" ? Theme.danger : Theme.textMuted
                    textFormat: Text.PlainText
                    maximumLineCount: 1
                    elide: Text.ElideRight
                }
                Text {
                    Layout.fillWidth: true
                    visible: entry.modelData.text.length > 0
                    text: entry.modelData.text
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
            }
        }
    }
}
