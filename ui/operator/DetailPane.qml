import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// The open report: what was reported, where and when, its photos and videos, its timeline,
// and the actions an operator takes on it.
Rectangle {
    id: root

    required property ReportDetail detail

    signal classifyRequested()
    signal assignRequested()
    signal rejectRequested()
    signal noteRequested()
    signal revealRequested()
    signal photoOpened(string sha256)
    signal videoRequested(string sha256)

    color: Theme.surface
    border.color: Theme.border

    // Every report opens at its top, whatever was scrolled in the one before.
    property string shownReportId: root.detail.reportId
    onShownReportIdChanged: scroll.ScrollBar.vertical.position = 0

    Text {
        anchors.centerIn: parent
        visible: !root.detail.loaded
        text: qsTr("Select a report in the queue or on the map.")
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.textMuted
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing
        visible: root.detail.loaded

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                text: root.detail.code.length > 0 ? root.detail.code : qsTr("(not synced)")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.text
            }
            StatusChip {
                stateColor: Workstation.statusColor(root.detail.statusCode)
                text: root.detail.statusName
            }
            Text {
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideRight
                text: root.detail.pending ? qsTr("Waiting for the central…") : qsTr("Saved on the central")
                color: root.detail.pending ? Theme.warning : Theme.ok
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: availableWidth

            ColumnLayout {
                width: scroll.availableWidth
                spacing: Theme.spacing

                Text {
                    Layout.fillWidth: true
                    text: root.detail.description
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    lineHeight: 1.15
                }

                MediaStrip {
                    Layout.fillWidth: true
                    media: root.detail.media
                    progress: root.detail.mediaProgress
                    onPhotoOpened: sha256 => root.photoOpened(sha256)
                    onVideoRequested: sha256 => root.videoRequested(sha256)
                }

                FieldRow { Layout.fillWidth: true; label: qsTr("Field"); value: root.detail.categoryName.length > 0 ? root.detail.categoryName : qsTr("Unclassified") }
                FieldRow { Layout.fillWidth: true; label: qsTr("Priority"); value: root.detail.priorityCode === "urgent" ? qsTr("Urgent") : qsTr("Normal") }
                FieldRow { Layout.fillWidth: true; label: qsTr("Channel"); value: root.detail.channelName + (root.detail.simulated ? " · " + qsTr("simulated") : "") }
                FieldRow { Layout.fillWidth: true; label: qsTr("Received"); value: root.detail.receivedText }
                FieldRow { Layout.fillWidth: true; label: qsTr("Deadline"); value: root.detail.dueText }
                FieldRow { Layout.fillWidth: true; label: qsTr("Ward"); value: root.detail.wardName }
                FieldRow { Layout.fillWidth: true; label: qsTr("Address"); value: root.detail.address }
                FieldRow {
                    Layout.fillWidth: true
                    label: qsTr("Position")
                    value: root.detail.hasPosition
                           ? root.detail.positionText + (root.detail.approximate ? "  (" + qsTr("approximate") + ")" : "")
                           : qsTr("No location")
                    valueColor: root.detail.approximate ? Theme.warning : Theme.text
                }
                FieldRow { Layout.fillWidth: true; label: qsTr("Agency"); value: root.detail.agencyName }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    FieldRow {
                        Layout.fillWidth: true
                        label: qsTr("Reporter")
                        value: root.detail.revealedReporters.length > 0
                               ? root.detail.revealedReporters.map(r => r.name + "  " + r.phone).join("\n")
                               : (root.detail.reporterCount > 0 ? qsTr("Hidden (%n person(s))", "", root.detail.reporterCount)
                                                                : qsTr("Not recorded"))
                        valueColor: root.detail.revealedReporters.length > 0 ? Theme.text : Theme.textMuted
                    }
                    ActionButton {
                        visible: root.detail.reporterCount > 0 && root.detail.revealedReporters.length === 0
                        text: qsTr("Reveal")
                        shortcutText: "V"
                        onClicked: root.revealRequested()
                    }
                }
                FieldRow { Layout.fillWidth: true; label: qsTr("Reason"); value: root.detail.rejectReason }
                FieldRow { Layout.fillWidth: true; label: qsTr("Response"); value: root.detail.publicResponse }

                Text {
                    Layout.topMargin: Theme.spacing
                    text: qsTr("Timeline")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }
                Timeline {
                    Layout.fillWidth: true
                    events: root.detail.events
                }
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            ActionButton {
                text: qsTr("Classify")
                shortcutText: "C"
                primary: root.detail.statusCode === "new"
                enabled: root.detail.statusCode === "new" || root.detail.statusCode === "triaged"
                onClicked: root.classifyRequested()
            }
            ActionButton {
                text: qsTr("Forward")
                shortcutText: "F"
                primary: root.detail.statusCode === "triaged"
                enabled: root.detail.statusCode === "triaged"
                onClicked: root.assignRequested()
            }
            ActionButton {
                text: qsTr("Reject")
                shortcutText: "R"
                enabled: root.detail.statusCode === "new" || root.detail.statusCode === "triaged"
                onClicked: root.rejectRequested()
            }
            ActionButton {
                text: qsTr("Note")
                shortcutText: "N"
                onClicked: root.noteRequested()
            }
        }
    }
}
