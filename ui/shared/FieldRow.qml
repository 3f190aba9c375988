import QtQuick
import QtQuick.Layouts
import CivicDesk.Ui

// One labelled fact of a report: the label on the left, the value wrapping on the right.
RowLayout {
    id: root

    required property string label
    property string value
    property color valueColor: Theme.text

    spacing: Theme.spacing
    visible: root.value.length > 0

    Text {
        Layout.preferredWidth: 118
        Layout.alignment: Qt.AlignTop
        text: root.label
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        elide: Text.ElideRight
    }
    Text {
        Layout.fillWidth: true
        text: root.value
        color: root.valueColor
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
    }
}
