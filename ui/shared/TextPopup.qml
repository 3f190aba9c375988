import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// Asks for a text (a reason, a note). Ctrl+Enter confirms, Escape cancels; an empty text
// cannot be confirmed.
Popup {
    id: root

    property string title
    property string hint
    property string confirmText
    property string cancelText

    signal accepted(string text)

    modal: true
    focus: true
    width: 560
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding

    onOpened: {
        area.text = ""
        area.forceActiveFocus()
    }

    function confirm() {
        if (area.text.trim().length === 0)
            return
        root.accepted(area.text.trim())
        root.close()
    }

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Text {
            text: root.title
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: root.hint
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 140
            TextArea {
                id: area
                wrapMode: TextEdit.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                Keys.onPressed: event => {
                    if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                            && (event.modifiers & Qt.ControlModifier)) {
                        root.confirm()
                        event.accepted = true
                    }
                }
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing
            ActionButton {
                text: root.cancelText
                onClicked: root.close()
            }
            ActionButton {
                text: root.confirmText
                primary: true
                enabled: area.text.trim().length > 0
                onClicked: root.confirm()
            }
        }
    }
}
