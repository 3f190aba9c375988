import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Version, data sources with their licences, and where the logs are.
Popup {
    id: root

    modal: true
    focus: true
    width: 760
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Text {
            text: "CivicDesk " + Workstation.version
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
            text: qsTr("Desktop client for the field reports of a city operations center.") + "\n\n"
                  + qsTr("Data sources and licences:") + "\n"
                  + "• " + qsTr("Ward and commune boundaries: © OpenStreetMap contributors, ODbL 1.0.") + "\n"
                  + "• " + qsTr("Older commune boundaries: vietnam63 by Marc Choisy, MIT licence.") + "\n"
                  + "• " + qsTr("Demo reports: public pages of tuongtac.hue.gov.vn (HueIOC).") + "\n"
                  + "• " + qsTr("Demo photos: Wikimedia Commons authors (CC BY-SA 2.0/4.0, CC0, public domain); demo video: Intel IoT devkit sample-videos (CC BY 4.0). Details in resources/demo/media/SOURCE.md.") + "\n\n"
                  + qsTr("Authors: the CivicDesk developers.") + "\n\n"
                  + qsTr("Data folder: %1").arg(Workstation.dataFolder) + "\n"
                  + qsTr("Log file: %1").arg(Workstation.logFile)
        }
        ActionButton {
            Layout.alignment: Qt.AlignRight
            text: qsTr("Close")
            onClicked: root.close()
        }
    }
}
