import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// Asks for a text (a reason, a note, a response). Ctrl+Enter confirms, Escape cancels; an empty
// text, or one longer than maximumLength, cannot be confirmed. Alt+1 to Alt+9, or Alt+Up and
// Alt+Down, put a template's text in place.
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
    // Ready texts to start from, maps with title and text: Up and Down choose one, which
    // replaces the text.
    property var templates: []
    // Whether the confirm button also works with an empty text.
    property bool allowEmpty: false
    // A number of working days asked for with the text, shown when showDays is set.
    property bool showDays: false
    property alias days: daysBox.value
    // A second decision beside the confirm button (refusing what confirm approves); it always
    // needs a text.
    property string secondaryText

    signal accepted(string text)
    signal secondaryAccepted(string text)

    modal: true
    focus: true
    width: 560
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding

    onOpened: {
        area.text = ""
        templateList.currentIndex = -1
        daysBox.value = 5
        area.forceActiveFocus()
    }

    function confirm() {
        if ((area.text.trim().length === 0 && !root.allowEmpty) || root.tooLong)
            return
        root.accepted(area.text.trim())
        root.close()
    }

    function confirmSecondary() {
        if (area.text.trim().length === 0 || root.tooLong)
            return
        root.secondaryAccepted(area.text.trim())
        root.close()
    }

    function chooseTemplate(index) {
        if (index < 0 || index >= root.templates.length)
            return
        templateList.currentIndex = index
        area.text = root.templates[index].text
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
        ListView {
            id: templateList
            objectName: "textPopupTemplates"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(count, 5) * Theme.rowHeight
            visible: count > 0
            clip: true
            model: root.templates
            currentIndex: -1
            delegate: Rectangle {
                required property int index
                required property var modelData
                width: ListView.view.width
                height: Theme.rowHeight
                color: ListView.isCurrentItem ? Theme.selection : Theme.surface
                Text {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    verticalAlignment: Text.AlignVCenter
                    text: (parent.index < 9 ? "Alt+" + (parent.index + 1) + "  " : "")
                          + parent.modelData.title
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: root.chooseTemplate(parent.index)
                }
            }
        }
        RowLayout {
            visible: root.showDays
            spacing: Theme.spacing
            Text {
                text: qsTr("Working days more")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            SpinBox {
                id: daysBox
                objectName: "textPopupDays"
                from: 1
                to: 60
                value: 5
                editable: true
            }
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: root.templates.length > 0 ? 220 : 140
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
                    } else if ((event.modifiers & Qt.AltModifier) && event.key >= Qt.Key_1
                               && event.key <= Qt.Key_9) {
                        root.chooseTemplate(event.key - Qt.Key_1)
                        event.accepted = true
                    } else if ((event.key === Qt.Key_Up || event.key === Qt.Key_Down)
                               && (event.modifiers & Qt.AltModifier) && root.templates.length > 0) {
                        const step = event.key === Qt.Key_Up ? -1 : 1
                        const next = Math.max(0, Math.min(root.templates.length - 1,
                                                          templateList.currentIndex + step))
                        root.chooseTemplate(next)
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
                visible: root.secondaryText.length > 0
                text: root.secondaryText
                enabled: area.text.trim().length > 0 && !root.tooLong
                onClicked: root.confirmSecondary()
            }
            ActionButton {
                text: root.confirmText
                primary: true
                enabled: (area.text.trim().length > 0 || root.allowEmpty) && !root.tooLong
                onClicked: root.confirm()
            }
        }
    }
}
