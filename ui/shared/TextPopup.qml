import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// Asks for a text (a reason, a note). Ctrl+Enter confirms, Escape cancels; an empty text, or
// one longer than maximumLength, cannot be confirmed.
Popup {
    id: root

    property string title
    property string hint
    property string confirmText
    property string cancelText
    // Maximum length of the text in characters, without surrounding white space; 0 for none.
    property int maximumLength: 0
    readonly property bool tooLong: root.maximumLength > 0
                                    && area.text.trim().length > root.maximumLength

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
        if (area.text.trim().length === 0 || root.tooLong)
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
            textFormat: Text.PlainText
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
                objectName: "textPopupArea"
                wrapMode: TextEdit.Wrap
                textFormat: TextEdit.PlainText
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
        Text {
            Layout.fillWidth: true
            visible: root.tooLong
            text: qsTr("%1 characters; at most %2 are allowed. Shorten the text.")
                      .arg(area.text.trim().length).arg(root.maximumLength)
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            color: Theme.danger
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
                enabled: area.text.trim().length > 0 && !root.tooLong
                onClicked: root.confirm()
            }
        }
    }
}
