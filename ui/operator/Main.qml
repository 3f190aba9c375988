import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import CivicDesk.Models
import CivicDesk.Ui

// The operator's window: filters on top, then the queue, the map and the open report side by
// side, and the status bar. Every action has a key: Ctrl+F search, C classify, F forward,
// R reject, D mark as a duplicate, T return to the center, K take in hand, P publish the
// response, Q ask the citizen, W record the citizen's answer, X ask for more time, H decide on
// more time, O reopen, N note, E edit the text, A the list of refused changes, L claim or
// release, J claim the next report, F5 sync now, Ctrl+N a new report from a hotline call.
// Space, Shift+Up and Shift+Down mark reports in the queue; Shift+F forwards, Shift+C sets the
// field and Shift+R rejects as spam every marked report, after a preview; Ctrl+Z undoes that for
// ten minutes; Escape unmarks.
// An agency user's window opens on the agency's inbox: the reports it has in hand.
ApplicationWindow {
    id: root

    readonly property bool mapPending: mapPane.pendingWork
    readonly property bool photoPending: photo.loading

    // Full HD at most, and never larger than the screen it opens on.
    width: Math.min(1920, Screen.desktopAvailableWidth)
    height: Math.min(1080, Screen.desktopAvailableHeight)
    visible: true
    title: qsTr("CivicDesk — field reports")
    color: Theme.window
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    Settings {
        category: "window"
        property alias x: root.x
        property alias y: root.y
        property alias width: root.width
        property alias height: root.height
    }

    header: ToolBar {
        background: Rectangle { color: Theme.surface; border.color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.padding
            anchors.rightMargin: Theme.padding
            spacing: Theme.padding
            Text {
                text: "CivicDesk"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.bold: true
                color: Theme.accent
            }
            FilterBar {
                id: filters
                Layout.fillWidth: true
                model: Workstation.queue
                onQueueFocusRequested: queue.forceActiveFocus()
            }
            ActionButton {
                objectName: "newReportButton"
                visible: Workstation.mayTriage
                text: qsTr("New report")
                shortcutText: "Ctrl+N"
                onClicked: intake.openNew()
            }
            ActionButton {
                text: Workstation.language === "vi" ? "English" : "Tiếng Việt"
                onClicked: Workstation.setLanguage(Workstation.language === "vi" ? "en" : "vi")
            }
            ActionButton {
                text: qsTr("About")
                onClicked: about.open()
            }
        }
    }

    footer: StatusBar {
        onAttentionRequested: attention.open()
    }

    UrgentBanner {
        id: urgentBanner
        objectName: "urgentBanner"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        reports: Workstation.alerts.reports
        muted: Workstation.alerts.muted
        onReportChosen: id => Workstation.select(id)
        onMuteRequested: mute => Workstation.alerts.muted = mute
    }

    SplitView {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.top: urgentBanner.visible ? urgentBanner.bottom : parent.top
        anchors.margins: Theme.spacing
        orientation: Qt.Horizontal

        ColumnLayout {
            SplitView.preferredWidth: Math.round(root.width * 0.49)
            SplitView.minimumWidth: 360
            spacing: Theme.spacing

            BulkBar {
                objectName: "bulkBar"
                Layout.fillWidth: true
                markedCount: Workstation.queue.markedCount
                mayTriage: Workstation.mayTriage
                undoAvailable: Workstation.bulk.undoAvailable
                undoUntilText: Workstation.bulk.undoUntilText
                resultText: Workstation.bulk.resultText
                onForwardRequested: bulkAssign.open()
                onClassifyRequested: bulkClassify.open()
                onRejectRequested: root.previewSpam()
                onClearRequested: Workstation.queue.clearMarked()
                onUndoRequested: Workstation.bulk.previewUndo()
            }
            QueueView {
                id: queue
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: Workstation.queue
                selectedReportId: Workstation.selectedReportId
                focus: true
                onReportActivated: id => Workstation.select(id)
            }
        }
        MapPane {
            id: mapPane
            SplitView.fillWidth: true
            SplitView.minimumWidth: 200
        }
        DetailPane {
            id: detailPane
            objectName: "detailPane"
            SplitView.preferredWidth: Math.round(root.width * 0.28)
            SplitView.minimumWidth: 320
            detail: Workstation.detail
            onClassifyRequested: classify.open()
            onAssignRequested: assign.open()
            onRejectRequested: reject.open()
            onReturnRequested: giveBack.open()
            onNoteRequested: note.open()
            onRevealRequested: reveal.open()
            onDuplicateRequested: duplicate.open()
            onAcknowledgeRequested: Workstation.acknowledge()
            onRespondRequested: respond.open()
            onAskRequested: ask.open()
            onAnswerRequested: answer.open()
            onExtensionRequested: extension.open()
            onDecisionRequested: decision.open()
            onReopenRequested: reopen.open()
            onMergeRequested: id => Workstation.markDuplicate(id)
            onClaimRequested: root.claimOrRelease()
            onEditingFinished: queue.forceActiveFocus()
            onPhotoOpened: sha256 => root.openPhoto(sha256)
            onVideoRequested: sha256 => Workstation.openMedia(sha256)
        }
    }

    // Whether a text field has the keyboard: single-key shortcuts would steal typed letters.
    readonly property bool typing: filters.searchField.activeFocus || mapPane.typing
    readonly property bool canTriage: Workstation.mayTriage
                                      && (Workstation.detail.statusCode === "new"
                                          || Workstation.detail.statusCode === "triaged")
    readonly property string openStatus: Workstation.detail.statusCode
    readonly property bool agencyWork: openStatus === "assigned" || openStatus === "in_progress"
                                       || openStatus === "waiting_info"
    readonly property bool noPopup: !classify.opened && !assign.opened && !reject.opened
                                    && !giveBack.opened && !duplicate.opened && !respond.opened
                                    && !ask.opened && !answer.opened && !extension.opened
                                    && !decision.opened && !reopen.opened && !releaseOther.opened
                                    && !note.opened && !photo.opened && !reveal.opened
                                    && !attention.opened && !detailPane.editing
                                    && !intake.opened && !bulkAssign.opened
                                    && !bulkClassify.opened && !bulkPreview.opened
    readonly property bool mayBulk: root.noPopup && Workstation.mayTriage
                                    && Workstation.queue.markedCount > 0 && !root.typing

    function previewSpam() {
        Workstation.bulk.previewAction("reject", qsTr("Spam"))
    }

    Shortcut { sequence: "Ctrl+F"; onActivated: filters.searchField.forceActiveFocus() }
    Shortcut { sequence: "C"; enabled: root.noPopup && root.canTriage && !root.typing; onActivated: classify.open() }
    Shortcut { sequence: "F"; enabled: root.noPopup && Workstation.mayTriage && Workstation.detail.statusCode === "triaged" && !root.typing; onActivated: assign.open() }
    Shortcut { sequence: "R"; enabled: root.noPopup && root.canTriage && !root.typing; onActivated: reject.open() }
    Shortcut { sequence: "T"; enabled: root.noPopup && Workstation.mayReturn && Workstation.detail.statusCode === "assigned" && !root.typing; onActivated: giveBack.open() }
    Shortcut { sequence: "N"; enabled: root.noPopup && Workstation.mayWrite && Workstation.detail.loaded && !root.typing; onActivated: note.open() }
    Shortcut { sequence: "V"; enabled: root.noPopup && Workstation.mayReveal && !reveal.opened && Workstation.detail.reporterCount > 0 && !root.typing; onActivated: reveal.open() }
    Shortcut { sequence: "E"; enabled: root.noPopup && Workstation.mayWrite && Workstation.detail.editableFields.length > 0 && !root.typing; onActivated: detailPane.startEditing() }
    Shortcut { sequence: "A"; enabled: root.noPopup && !root.typing; onActivated: attention.open() }
    Shortcut { sequence: "F5"; onActivated: Workstation.syncNow() }
    Shortcut { sequence: "L"; enabled: root.noPopup && Workstation.mayTriage && Workstation.detail.loaded && !root.typing; onActivated: root.claimOrRelease() }
    Shortcut { sequence: "J"; enabled: root.noPopup && Workstation.mayTriage && !root.typing; onActivated: Workstation.claimNext() }
    Shortcut { sequence: "D"; enabled: root.noPopup && root.canTriage && !root.typing; onActivated: duplicate.open() }
    Shortcut { sequence: "K"; enabled: root.noPopup && Workstation.mayWrite && root.openStatus === "assigned" && !root.typing; onActivated: Workstation.acknowledge() }
    Shortcut { sequence: "P"; enabled: root.noPopup && Workstation.mayWrite && root.openStatus === "in_progress" && !root.typing; onActivated: respond.open() }
    Shortcut { sequence: "Q"; enabled: root.noPopup && Workstation.mayWrite && (root.openStatus === "assigned" || root.openStatus === "in_progress") && !root.typing; onActivated: ask.open() }
    Shortcut { sequence: "W"; enabled: root.noPopup && Workstation.mayTriage && root.openStatus === "waiting_info" && !root.typing; onActivated: answer.open() }
    Shortcut { sequence: "X"; enabled: root.noPopup && Workstation.mayWrite && root.agencyWork && !root.typing; onActivated: extension.open() }
    Shortcut { sequence: "H"; enabled: root.noPopup && Workstation.maySupervise && Workstation.detail.extensionDueText.length > 0 && !root.typing; onActivated: decision.open() }
    Shortcut { sequence: "O"; enabled: root.noPopup && Workstation.maySupervise && (root.openStatus === "rejected" || root.openStatus === "closed" || root.openStatus === "duplicate") && !root.typing; onActivated: reopen.open() }
    Shortcut { sequence: "Shift+F"; enabled: root.mayBulk; onActivated: bulkAssign.open() }
    Shortcut { sequence: "Shift+C"; enabled: root.mayBulk; onActivated: bulkClassify.open() }
    Shortcut { sequence: "Shift+R"; enabled: root.mayBulk; onActivated: root.previewSpam() }
    Shortcut { sequence: "Esc"; enabled: root.noPopup && Workstation.queue.markedCount > 0 && !root.typing; onActivated: Workstation.queue.clearMarked() }
    Shortcut { sequence: "Ctrl+Z"; enabled: root.noPopup && Workstation.bulk.undoAvailable && !root.typing; onActivated: Workstation.bulk.previewUndo() }
    Shortcut { sequence: "Ctrl+N"; enabled: Workstation.mayTriage && !intake.opened; onActivated: intake.openNew() }

    ChoicePopup {
        id: classify
        objectName: "classifyPopup"
        title: qsTr("Classify report %1").arg(Workstation.detail.code)
        confirmText: qsTr("Classify")
        cancelText: qsTr("Cancel")
        filterPlaceholder: qsTr("Type to filter fields")
        fold: text => Workstation.fold(text)
        choices: Workstation.categories
        currentCode: Workstation.detail.categoryCode
        currentUrgent: Workstation.detail.priorityCode === "urgent"
        showUrgent: true
        urgentText: qsTr("Urgent")
        onChosen: (code, urgent) => Workstation.classify(code, urgent ? "urgent" : "normal")
        onClosed: queue.forceActiveFocus()
    }
    ChoicePopup {
        id: bulkAssign
        objectName: "bulkAssignPopup"
        title: qsTr("Forward %n marked report(s) to an agency", "", Workstation.queue.markedCount)
        confirmText: qsTr("Preview")
        cancelText: qsTr("Cancel")
        filterPlaceholder: qsTr("Type to filter agencies")
        fold: text => Workstation.fold(text)
        choices: Workstation.agencies
        onChosen: code => Workstation.bulk.previewAction("assign", code)
        onClosed: queue.forceActiveFocus()
    }
    ChoicePopup {
        id: bulkClassify
        objectName: "bulkClassifyPopup"
        title: qsTr("Set the field of %n marked report(s)", "", Workstation.queue.markedCount)
        confirmText: qsTr("Preview")
        cancelText: qsTr("Cancel")
        filterPlaceholder: qsTr("Type to filter fields")
        fold: text => Workstation.fold(text)
        choices: Workstation.categories
        onChosen: code => Workstation.bulk.previewAction("classify", code)
        onClosed: queue.forceActiveFocus()
    }
    BulkPreviewPopup {
        id: bulkPreview
        objectName: "bulkPreviewPopup"
        bulk: Workstation.bulk
        onClosed: queue.forceActiveFocus()
    }
    Connections {
        target: Workstation.bulk
        function onPreviewChanged() {
            if (Workstation.bulk.previewing && Workstation.bulk.preview.length > 0)
                bulkPreview.open()
        }
    }
    ChoicePopup {
        id: assign
        objectName: "assignPopup"
        title: qsTr("Forward report %1 to an agency").arg(Workstation.detail.code)
        confirmText: qsTr("Forward")
        cancelText: qsTr("Cancel")
        filterPlaceholder: qsTr("Type to filter agencies")
        fold: text => Workstation.fold(text)
        choices: Workstation.agencies
        onChosen: code => Workstation.assign(code)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: reject
        objectName: "rejectPopup"
        title: qsTr("Reject report %1").arg(Workstation.detail.code)
        hint: qsTr("The reason is kept in the timeline. Ctrl+Enter confirms.")
        confirmText: qsTr("Reject")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.reject(text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: giveBack
        objectName: "returnPopup"
        title: qsTr("Return report %1 to the center").arg(Workstation.detail.code)
        hint: qsTr("The report goes back to triage without an agency. Say why it is not this agency's work. Ctrl+Enter confirms.")
        confirmText: qsTr("Return")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.returnToCenter(text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: note
        objectName: "notePopup"
        title: qsTr("Internal note on %1").arg(Workstation.detail.code)
        hint: qsTr("Notes are never shown to citizens; the agency handling the report sees them. Ctrl+Enter confirms.")
        confirmText: qsTr("Add note")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.addNote(text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: reveal
        objectName: "revealPopup"
        title: qsTr("Show the reporter of %1").arg(Workstation.detail.code)
        hint: qsTr("Names and phone numbers are personal data. Your name and this reason are recorded in the timeline. Ctrl+Enter confirms.")
        confirmText: qsTr("Show")
        cancelText: qsTr("Cancel")
        onAccepted: text => Workstation.revealReporters(text)
        onClosed: queue.forceActiveFocus()
    }
    ChoicePopup {
        id: duplicate
        objectName: "duplicatePopup"
        title: qsTr("Report %1 duplicates").arg(Workstation.detail.code)
        confirmText: qsTr("Merge")
        cancelText: qsTr("Cancel")
        filterPlaceholder: qsTr("Type to filter the suggestions")
        fold: text => Workstation.fold(text)
        choices: Workstation.duplicateSuggestions.map(item => ({
            "code": item.id,
            "name": item.code + " — " + item.title
        }))
        onChosen: code => Workstation.markDuplicate(code)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: respond
        objectName: "respondPopup"
        title: qsTr("Public response to %1").arg(Workstation.detail.code)
        hint: qsTr("The citizen reads this answer; internal notes stay apart. Alt+1 to Alt+9 start from a template. Ctrl+Enter publishes.")
        confirmText: qsTr("Publish")
        cancelText: qsTr("Cancel")
        maximumLength: 8000
        templates: respond.opened ? Workstation.responseTemplates() : []
        onAccepted: text => Workstation.publishResponse(text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: ask
        objectName: "askPopup"
        title: qsTr("Ask the citizen about %1").arg(Workstation.detail.code)
        hint: qsTr("The deadline pauses until the answer is recorded. Ctrl+Enter confirms.")
        confirmText: qsTr("Ask")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.askCitizen(text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: answer
        objectName: "answerPopup"
        title: qsTr("The citizen's answer on %1").arg(Workstation.detail.code)
        hint: qsTr("The report returns to the agency and its deadline runs again. Ctrl+Enter confirms.")
        confirmText: qsTr("Record")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.recordAnswer(text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: extension
        objectName: "extensionPopup"
        title: qsTr("More time for %1").arg(Workstation.detail.code)
        hint: qsTr("Deadline now: %1. A supervisor approves or refuses. Ctrl+Enter asks.").arg(Workstation.detail.dueText)
        confirmText: qsTr("Ask for more time")
        cancelText: qsTr("Cancel")
        showDays: true
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.requestExtension(extension.days, text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: decision
        objectName: "decisionPopup"
        title: qsTr("Extension of %1 to %2").arg(Workstation.detail.code).arg(Workstation.detail.extensionDueText)
        hint: qsTr("Reason given: %1. Ctrl+Enter approves; refusing needs a reason.").arg(Workstation.detail.extensionReason)
        confirmText: qsTr("Approve")
        secondaryText: qsTr("Refuse")
        cancelText: qsTr("Cancel")
        allowEmpty: true
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.decideExtension(true, text)
        onSecondaryAccepted: text => Workstation.decideExtension(false, text)
        onClosed: queue.forceActiveFocus()
    }
    TextPopup {
        id: reopen
        objectName: "reopenPopup"
        title: qsTr("Reopen report %1").arg(Workstation.detail.code)
        hint: qsTr("The report goes back to triage. The reason is kept in the timeline. Ctrl+Enter confirms.")
        confirmText: qsTr("Reopen")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.reopen(text)
        onClosed: queue.forceActiveFocus()
    }
    PhotoViewer {
        id: photo
        media: Workstation.detail.media
    }

    // Claims the open report or gives the claim back; a supervisor releases someone else's claim
    // with a reason.
    function claimOrRelease() {
        const holder = Workstation.detail.claimHolder
        if (holder.length > 0 && !Workstation.holdsClaim && Workstation.maySupervise)
            releaseOther.open()
        else
            Workstation.toggleClaim()
    }
    TextPopup {
        id: releaseOther
        objectName: "releaseClaimPopup"
        title: qsTr("Release %1's claim on %2").arg(Workstation.detail.claimHolder).arg(Workstation.detail.code)
        hint: qsTr("The report becomes free for everyone. The reason is kept in the timeline. Ctrl+Enter confirms.")
        confirmText: qsTr("Release")
        cancelText: qsTr("Cancel")
        maximumLength: Workstation.maxOperatorTextLength
        onAccepted: text => Workstation.releaseClaimOf(text)
        onClosed: queue.forceActiveFocus()
    }

    // Shows a photo of the open report and asks for its full file.
    function openPhoto(sha256) {
        photo.sha256 = sha256
        Workstation.openMedia(sha256)
        photo.open()
    }
    // Opens the open report's first stored photo; false when it has none.
    function openFirstPhoto() {
        const first = Workstation.detail.media.find(item => item.kind === "photo" && item.sha256.length > 0)
        if (!first)
            return false
        root.openPhoto(first.sha256)
        return true
    }
    AttentionPopup {
        id: attention
        objectName: "attentionPopup"
        onClosed: queue.forceActiveFocus()
    }
    AboutPopup {
        id: about
    }
    IntakeDialog {
        id: intake
        map: mapPane.map
        onFinished: queue.forceActiveFocus()
    }
}
