import QtQuick
import QtQuick.Layouts
import CivicDesk.Ui

// One action of the shortcut sheet: what it does, its key, and while the key differs from the
// default, a link that gives the default back. A click chooses the row; a click on the key waits
// for a new one.
Rectangle {
    id: root

    required property int index
    required property string actionId
    required property string description
    required property string key
    required property string defaultKey
    required property bool modified

    // Whether the row is the sheet's chosen action.
    property bool current: false
    // Whether the sheet waits for this action's new key.
    property bool capturing: false
    // Why the last key or reset of this action was rejected.
    property string rejection: ""

    signal chosen()
    signal captureRequested()
    signal resetRequested()

    implicitHeight: row.implicitHeight + (problem.visible ? problem.implicitHeight + 4 : 0) + 2
    color: root.current ? Theme.selection : "transparent"
    radius: Theme.radius

    MouseArea {
        anchors.fill: parent
        onClicked: root.chosen()
        onDoubleClicked: root.captureRequested()
    }

    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: 1
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: root.description
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Text {
            visible: root.modified && !root.capturing
            text: qsTr("default %1").arg(root.defaultKey)
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.underline: resetArea.containsMouse
            color: Theme.accent
            MouseArea {
                id: resetArea
                anchors.fill: parent
                hoverEnabled: true
                cursorShape: Qt.PointingHandCursor
                onClicked: root.resetRequested()
            }
        }
        // The key, drawn as a key cap.
        Rectangle {
            objectName: "keyCap"
            Layout.preferredWidth: Math.max(64, keyText.implicitWidth + 2 * Theme.spacing)
            Layout.preferredHeight: 22
            radius: Theme.radius
            color: root.capturing ? Theme.surface : Theme.surfaceAlt
            border.color: root.capturing ? Theme.accent : Theme.border
            border.width: root.capturing ? 2 : 1
            Text {
                id: keyText
                anchors.centerIn: parent
                text: root.capturing ? qsTr("Press a key…") : root.key
                font.family: Theme.fontFamily
                font.pixelSize: root.capturing ? Theme.fontSmall : Theme.fontBody
                font.bold: !root.capturing
                color: root.capturing ? Theme.textMuted : Theme.text
            }
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: root.captureRequested()
            }
        }
    }

    Text {
        id: problem
        objectName: "shortcutRejection"
        visible: root.rejection.length > 0
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: row.bottom
        anchors.topMargin: 4
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        wrapMode: Text.Wrap
        text: root.rejection
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        color: Theme.danger
    }
}
