import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// The open report: what was reported, where and when, its photos and videos, its timeline,
// and the actions an operator takes on it. E edits the free-text fields in place: Enter saves
// (Shift+Enter starts a new line in the longer texts), Escape cancels.
Rectangle {
    id: root

    required property ReportDetail detail

    // True while the operator edits the free-text fields.
    property bool editing: false
    // The values shown when the editing began: the central compares them with its own, field
    // by field, to tell a merge from a conflict.
    property var seenValues: ({})

    signal editingFinished()
    // Asks for the keyboard to go back to the queue after a button here opened another report.
    signal queueFocusRequested()

    // True while a refused change of this report waits in the needs-attention list.
    readonly property bool refused: Workstation.attentionItems.some(item => item.reportId === root.detail.reportId)

    signal classifyRequested()
    signal assignRequested()
    signal rejectRequested()
    signal returnRequested()
    signal noteRequested()
    signal revealRequested()
    signal duplicateRequested()
    signal mergeRequested(string originalId)
    signal acknowledgeRequested()
    signal respondRequested()
    signal askRequested()
    signal answerRequested()
    signal extensionRequested()
    signal decisionRequested()
    signal reopenRequested()
    signal claimRequested()
    signal photoOpened(string sha256)
    signal videoRequested(string sha256)

    color: Theme.surface
    border.color: Theme.border

    // Every report opens at its top, whatever was scrolled in the one before.
    property string shownReportId: root.detail.reportId
    onShownReportIdChanged: {
        scroll.ScrollBar.vertical.position = 0
        if (root.editing)
            root.cancelEditing()
    }

    function startEditing() {
        if (!root.detail.loaded || root.detail.editableFields.length === 0)
            return
        root.seenValues = {
            "title": root.detail.title,
            "description": root.detail.description,
            "address": root.detail.address,
            "public_response": root.detail.publicResponse
        }
        titleEdit.text = root.detail.title
        descriptionEdit.text = root.detail.description
        addressEdit.text = root.detail.address
        responseEdit.text = root.detail.publicResponse
        scroll.ScrollBar.vertical.position = 0
        root.editing = true
        titleEdit.focusEditor()
    }

    function saveEditing() {
        const editors = {
            "title": titleEdit,
            "description": descriptionEdit,
            "address": addressEdit,
            "public_response": responseEdit
        }
        const values = {}
        for (const code of root.detail.editableFields)
            values[code] = editors[code].text
        Workstation.editText(root.seenValues, values)
        root.editing = false
        root.editingFinished()
    }

    function cancelEditing() {
        root.editing = false
        root.editingFinished()
    }

    // One free-text field being edited. Enter saves and Escape cancels; Shift+Enter starts a new
    // line in the longer texts; Tab and Shift+Tab move between the fields.
    component TextEditor: ColumnLayout {
        id: editor

        required property string label
        required property string fieldCode
        property bool multiline: false
        property alias text: area.text

        function focusEditor() {
            area.forceActiveFocus()
            area.cursorPosition = area.length
        }

        Layout.fillWidth: true
        spacing: 2
        visible: root.detail.editableFields.indexOf(editor.fieldCode) >= 0

        Text {
            text: editor.label
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }
        TextArea {
            id: area
            objectName: editor.fieldCode + "Editor"
            Layout.fillWidth: true
            Layout.minimumHeight: editor.multiline ? 96 : implicitHeight
            wrapMode: TextEdit.Wrap
            textFormat: TextEdit.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
                border.color: area.activeFocus ? Theme.accent : Theme.border
                border.width: area.activeFocus ? 2 : 1
            }
            Keys.onPressed: event => {
                if (event.key === Qt.Key_Escape) {
                    root.cancelEditing()
                    event.accepted = true
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    if (editor.multiline && (event.modifiers & Qt.ShiftModifier))
                        return
                    root.saveEditing()
                    event.accepted = true
                } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                    area.nextItemInFocusChain(event.key === Qt.Key_Tab).forceActiveFocus()
                    event.accepted = true
                }
            }
        }
    }

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
                textFormat: Text.PlainText
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
                text: root.refused ? qsTr("Refused: needs your decision (%1)").arg(Shortcuts.keys.attention)
                                   : root.detail.pending ? qsTr("Waiting for the central…") : qsTr("Saved on the central")
                color: root.refused ? Theme.danger : root.detail.pending ? Theme.warning : Theme.ok
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }

        // The best duplicate suggestion of a report still in triage, one key from a merge.
        Rectangle {
            id: duplicateBanner
            objectName: "duplicateBanner"
            readonly property var best: Workstation.duplicateSuggestions.length > 0
                                        ? Workstation.duplicateSuggestions[0] : null
            Layout.fillWidth: true
            visible: best !== null && Workstation.mayTriage
            implicitHeight: bannerRow.implicitHeight + 2 * Theme.spacing
            color: Theme.warningSoft
            border.color: Theme.warning
            radius: Theme.radius
            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    text: {
                        const best = duplicateBanner.best
                        if (!best)
                            return ""
                        const where = best.distance >= 0 ? qsTr("%1 m away").arg(Math.round(best.distance))
                                                         : qsTr("same ward")
                        const others = Workstation.duplicateSuggestions.length - 1
                        return qsTr("Possible duplicate of %1 (%2% alike, %3, %4): %5")
                                   .arg(best.code).arg(Math.round(best.similarity * 100))
                                   .arg(where).arg(best.statusName).arg(best.title)
                               + (others > 0 ? "  " + qsTr("+%n more", "", others) : "")
                    }
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontSmall
                    color: Theme.text
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
                ActionButton {
                    text: qsTr("Open")
                    onClicked: {
                        Workstation.select(duplicateBanner.best.id)
                        root.queueFocusRequested()
                    }
                }
                ActionButton {
                    text: qsTr("Merge")
                    primary: true
                    onClicked: root.mergeRequested(duplicateBanner.best.id)
                }
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

                ColumnLayout {
                    Layout.fillWidth: true
                    visible: root.editing
                    spacing: Theme.spacing

                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Enter saves, Shift+Enter starts a new line, Escape cancels. A colleague's change to another field is kept.")
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    TextEditor { id: titleEdit; label: qsTr("Title"); fieldCode: "title" }
                    TextEditor { id: descriptionEdit; label: qsTr("Description"); fieldCode: "description"; multiline: true }
                    TextEditor { id: addressEdit; label: qsTr("Address"); fieldCode: "address" }
                    TextEditor { id: responseEdit; label: qsTr("Public response"); fieldCode: "public_response"; multiline: true }
                    RowLayout {
                        Layout.alignment: Qt.AlignRight
                        spacing: Theme.spacing
                        ActionButton {
                            text: qsTr("Cancel")
                            shortcutText: "Esc"
                            onClicked: root.cancelEditing()
                        }
                        ActionButton {
                            text: qsTr("Save")
                            shortcutText: "Enter"
                            primary: true
                            onClicked: root.saveEditing()
                        }
                    }
                }

                Text {
                    Layout.fillWidth: true
                    visible: !root.editing && text.length > 0
                    text: root.detail.title
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }

                Text {
                    Layout.fillWidth: true
                    visible: !root.editing
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
                FieldRow {
                    Layout.fillWidth: true
                    label: qsTr("Deadline")
                    value: root.detail.dueText
                           + (root.detail.waitingSinceText.length > 0
                              ? "  " + qsTr("(paused since %1)").arg(root.detail.waitingSinceText) : "")
                }
                FieldRow {
                    Layout.fillWidth: true
                    label: qsTr("More time asked")
                    visible: root.detail.extensionDueText.length > 0
                    value: qsTr("until %1: %2").arg(root.detail.extensionDueText).arg(root.detail.extensionReason)
                    valueColor: Theme.warning
                }
                FieldRow {
                    Layout.fillWidth: true
                    label: qsTr("Claimed by")
                    visible: root.detail.claimHolder.length > 0
                    value: qsTr("%1 until %2").arg(root.detail.claimHolder).arg(root.detail.claimUntilText)
                }
                FieldRow { Layout.fillWidth: true; label: qsTr("Ward"); value: root.detail.wardName }
                FieldRow { Layout.fillWidth: true; label: qsTr("Address"); value: root.detail.address; visible: !root.editing && value.length > 0 }
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
                    // The wall display cannot read whether a report has reporters.
                    visible: Workstation.mayWrite
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
                        visible: Workstation.mayReveal && root.detail.reporterCount > 0
                                 && root.detail.revealedReporters.length === 0
                        text: qsTr("Reveal")
                        shortcutText: Shortcuts.keys.reveal
                        onClicked: root.revealRequested()
                    }
                }
                FieldRow { Layout.fillWidth: true; label: qsTr("Reason"); value: root.detail.rejectReason }
                FieldRow { Layout.fillWidth: true; label: qsTr("Response"); value: root.detail.publicResponse; visible: !root.editing && value.length > 0 }

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
                objectName: "claimButton"
                text: Workstation.holdsClaim ? qsTr("Release") : qsTr("Claim")
                shortcutText: Shortcuts.keys.claim
                visible: Workstation.mayTriage
                enabled: Workstation.holdsClaim || root.detail.claimHolder.length === 0
                         || Workstation.maySupervise
                onClicked: root.claimRequested()
            }
            ActionButton {
                objectName: "classifyButton"
                text: qsTr("Classify")
                shortcutText: Shortcuts.keys.classify
                visible: Workstation.mayTriage
                primary: root.detail.statusCode === "new"
                enabled: root.detail.statusCode === "new" || root.detail.statusCode === "triaged"
                onClicked: root.classifyRequested()
            }
            ActionButton {
                text: qsTr("Forward")
                shortcutText: Shortcuts.keys.forward
                visible: Workstation.mayTriage
                primary: root.detail.statusCode === "triaged"
                enabled: root.detail.statusCode === "triaged"
                onClicked: root.assignRequested()
            }
            ActionButton {
                text: qsTr("Reject")
                shortcutText: Shortcuts.keys.reject
                visible: Workstation.mayTriage
                enabled: root.detail.statusCode === "new" || root.detail.statusCode === "triaged"
                onClicked: root.rejectRequested()
            }
            ActionButton {
                text: qsTr("Duplicate")
                shortcutText: Shortcuts.keys.duplicate
                visible: Workstation.mayTriage && Workstation.duplicateSuggestions.length > 0
                enabled: root.detail.statusCode === "new" || root.detail.statusCode === "triaged"
                onClicked: root.duplicateRequested()
            }
            ActionButton {
                text: qsTr("Take in hand")
                shortcutText: Shortcuts.keys.acknowledge
                visible: Workstation.mayWrite && root.detail.statusCode === "assigned"
                primary: !Workstation.mayTriage
                onClicked: root.acknowledgeRequested()
            }
            ActionButton {
                text: qsTr("Respond")
                shortcutText: Shortcuts.keys.respond
                visible: Workstation.mayWrite && root.detail.statusCode === "in_progress"
                primary: true
                onClicked: root.respondRequested()
            }
            ActionButton {
                text: qsTr("Ask the citizen")
                shortcutText: Shortcuts.keys.ask
                visible: Workstation.mayWrite && (root.detail.statusCode === "assigned"
                                                  || root.detail.statusCode === "in_progress")
                onClicked: root.askRequested()
            }
            ActionButton {
                text: qsTr("Record answer")
                shortcutText: Shortcuts.keys.answer
                visible: Workstation.mayTriage && root.detail.statusCode === "waiting_info"
                primary: true
                onClicked: root.answerRequested()
            }
            ActionButton {
                text: qsTr("More time")
                shortcutText: Shortcuts.keys.extension
                visible: Workstation.mayWrite && !Workstation.maySupervise
                         && (root.detail.statusCode === "assigned" || root.detail.statusCode === "in_progress"
                             || root.detail.statusCode === "waiting_info")
                onClicked: root.extensionRequested()
            }
            ActionButton {
                text: qsTr("Decide on more time")
                shortcutText: Shortcuts.keys.decideExtension
                visible: Workstation.maySupervise && root.detail.extensionDueText.length > 0
                primary: true
                onClicked: root.decisionRequested()
            }
            ActionButton {
                text: qsTr("Reopen")
                shortcutText: Shortcuts.keys.reopen
                visible: Workstation.maySupervise && (root.detail.statusCode === "rejected"
                                                      || root.detail.statusCode === "closed"
                                                      || root.detail.statusCode === "duplicate")
                onClicked: root.reopenRequested()
            }
            ActionButton {
                text: qsTr("Return to the center")
                shortcutText: Shortcuts.keys.returnToCenter
                // Operators meet it only on assigned reports, which keeps their row short.
                visible: Workstation.mayReturn
                         && (root.detail.statusCode === "assigned" || !Workstation.mayTriage)
                primary: !Workstation.mayTriage && root.detail.statusCode === "assigned"
                enabled: root.detail.statusCode === "assigned"
                onClicked: root.returnRequested()
            }
            ActionButton {
                text: qsTr("Note")
                shortcutText: Shortcuts.keys.note
                visible: Workstation.mayWrite
                onClicked: root.noteRequested()
            }
            ActionButton {
                text: qsTr("Edit text")
                shortcutText: Shortcuts.keys.editText
                visible: Workstation.mayWrite
                enabled: !root.editing && root.detail.editableFields.length > 0
                onClicked: root.startEditing()
            }
        }
    }
}
