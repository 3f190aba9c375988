import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Asks for the user name and password of the PostgreSQL central before the operator's window
// opens. Enter signs in. When the server cannot be reached and the workstation has a replica,
// the user may work offline instead.
ApplicationWindow {
    id: root

    readonly property bool busy: SignIn.busy

    width: 560
    height: Math.max(360, content.implicitHeight + 2 * Theme.padding * 2)
    visible: true
    title: qsTr("CivicDesk — sign in")
    color: Theme.window
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    function submit() {
        if (!SignIn.busy)
            SignIn.submit(userField.text, passwordField.text)
    }

    Component.onCompleted: {
        if (userField.text.length > 0)
            passwordField.forceActiveFocus()
        else
            userField.forceActiveFocus()
    }

    Rectangle {
        anchors.fill: parent
        anchors.margins: Theme.padding * 2
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius

        ColumnLayout {
            id: content
            anchors.fill: parent
            anchors.margins: Theme.padding * 2
            spacing: Theme.spacing

            Text {
                text: qsTr("Sign in to the central database")
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
            }
            Text {
                text: qsTr("Server: %1").arg(SignIn.server)
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }

            Text {
                Layout.topMargin: Theme.spacing
                text: qsTr("User name")
                color: Theme.text
            }
            TextField {
                id: userField
                objectName: "userField"
                Layout.fillWidth: true
                text: SignIn.userName
                enabled: !SignIn.busy
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhPreferLowercase
                onAccepted: passwordField.forceActiveFocus()
            }
            Text {
                text: qsTr("Password")
                color: Theme.text
            }
            TextField {
                id: passwordField
                objectName: "passwordField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                enabled: !SignIn.busy
                onAccepted: root.submit()
            }

            Text {
                objectName: "signInMessage"
                Layout.fillWidth: true
                visible: text.length > 0
                text: SignIn.busy ? qsTr("Signing in…") : SignIn.message
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                color: SignIn.busy ? Theme.textMuted : Theme.danger
            }
            Text {
                objectName: "keychainNote"
                Layout.fillWidth: true
                visible: text.length > 0
                text: SignIn.keychainNote
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontSmall
                color: Theme.warning
            }

            Item { Layout.fillHeight: true }

            RowLayout {
                Layout.alignment: Qt.AlignRight
                spacing: Theme.spacing
                ActionButton {
                    objectName: "offlineButton"
                    visible: SignIn.canWorkOffline
                    text: qsTr("Work offline")
                    onClicked: SignIn.workOffline()
                }
                ActionButton {
                    objectName: "signInButton"
                    text: qsTr("Sign in")
                    primary: true
                    enabled: !SignIn.busy
                    onClicked: root.submit()
                }
            }
        }
    }
}
