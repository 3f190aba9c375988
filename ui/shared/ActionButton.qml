import QtQuick
import QtQuick.Controls
import CivicDesk.Ui

// A button with the project's own text (Qt's standard buttons are not translated into
// Vietnamese), showing its keyboard shortcut beside the label.
Button {
    id: root

    property string shortcutText
    property bool primary: false

    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    focusPolicy: Qt.StrongFocus

    contentItem: Text {
        text: root.shortcutText.length > 0 ? root.text + "  (" + root.shortcutText + ")" : root.text
        color: !root.enabled ? Theme.textMuted : (root.primary ? Theme.accentText : Theme.text)
        font: root.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitHeight: 32
        implicitWidth: 96
        radius: Theme.radius
        color: root.primary ? (root.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
                            : (root.down ? Theme.surfaceAlt : Theme.surface)
        border.color: root.activeFocus ? Theme.accent : Theme.border
        border.width: root.activeFocus ? 2 : 1
        opacity: root.enabled ? 1 : 0.6
    }
}
