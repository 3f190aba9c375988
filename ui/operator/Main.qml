import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import CivicDesk.Models
import CivicDesk.Ui

// The operator's window: filters on top, then the queue, the map and the open report side by
// side, and the status bar. Every action has a key, which the shortcut sheet (F1) lists and
// changes; the defaults are Ctrl+F search, C classify, F forward, R reject, D mark as a
// duplicate, T return to the center, K take in hand, P publish the response, Q ask the citizen,
// W record the citizen's answer, X ask for more time, H decide on more time, O reopen, N note,
// E edit the text, V show the reporter, A the list of refused changes, L claim or release, J
// claim the next report, F5 sync now, Ctrl+N a new report from a hotline call. Space, Shift+Up
// and Shift+Down mark reports in the queue, and Escape unmarks them. Shift+F forwards, Shift+C
// sets the field and Shift+R rejects as spam every marked report, after a preview. Ctrl+Z undoes
// that for ten minutes.
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
                shortcutText: Shortcuts.keys.newReport
                onClicked: intake.openNew()
            }
            ActionButton {
                objectName: "shortcutsButton"
                text: qsTr("Keys")
                shortcutText: Shortcuts.keys.shortcutSheet
                onClicked: sheet.open()
            }
            ActionButton {
                text: Workstation.language === "vi" ? "English" : "Tiếng Việt"
                onClicked: {
                    Workstation.setLanguage(Workstation.language === "vi" ? "en" : "vi")
                    queue.forceActiveFocus()
                }
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
        onReportChosen: id => {
            Workstation.select(id)
            queue.forceActiveFocus()
        }
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
                objectName: "queueView"
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
            goToShortcutEnabled: !sheet.opened
            onQueueFocusRequested: queue.forceActiveFocus()
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
            onAcknowledgeRequested: {
                Workstation.acknowledge()
                queue.forceActiveFocus()
            }
            onRespondRequested: respond.open()
            onAskRequested: ask.open()
            onAnswerRequested: answer.open()
            onExtensionRequested: extension.open()
            onDecisionRequested: decision.open()
            onReopenRequested: reopen.open()
            onMergeRequested: id => {
                Workstation.markDuplicate(id)
                queue.forceActiveFocus()
            }
            onClaimRequested: root.claimOrRelease()
            onEditingFinished: queue.forceActiveFocus()
            onQueueFocusRequested: queue.forceActiveFocus()
            onPhotoOpened: sha256 => root.openPhoto(sha256)
            onVideoRequested: sha256 => Workstation.openMedia(sha256)
        }
    }

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
                                    && !intake.opened && !sheet.opened && !about.opened
                                    && !bulkAssign.opened && !bulkClassify.opened
                                    && !bulkPreview.opened
    // Whether the bulk actions may act: marked reports and a user who triages.
    readonly property bool mayBulk: root.noPopup && Workstation.mayTriage
                                    && Workstation.queue.markedCount > 0

    // The reason is the same in both languages, because colleagues read the timeline in either.
    function previewSpam() {
        Workstation.bulk.previewAction("reject", "Tin rác / Spam")
    }

    // Whether the key of `action` may act now. A single key acts only while the queue has the
    // keyboard, so that it never takes a letter typed into a field (Vietnamese input methods type
    // through letter keys), on the map or in a popup.
    function keyActive(action) {
        return queue.activeFocus || !Shortcuts.isSingleKey(Shortcuts.keys[action])
    }

    Shortcut { sequence: Shortcuts.keys.search; enabled: !sheet.opened; onActivated: filters.searchField.forceActiveFocus() }
    Shortcut { sequence: Shortcuts.keys.classify; enabled: root.noPopup && root.canTriage && root.keyActive("classify"); onActivated: classify.open() }
    Shortcut { sequence: Shortcuts.keys.forward; enabled: root.noPopup && Workstation.mayTriage && Workstation.detail.statusCode === "triaged" && root.keyActive("forward"); onActivated: assign.open() }
    Shortcut { sequence: Shortcuts.keys.reject; enabled: root.noPopup && root.canTriage && root.keyActive("reject"); onActivated: reject.open() }
    Shortcut { sequence: Shortcuts.keys.returnToCenter; enabled: root.noPopup && Workstation.mayReturn && Workstation.detail.statusCode === "assigned" && root.keyActive("returnToCenter"); onActivated: giveBack.open() }
    Shortcut { sequence: Shortcuts.keys.note; enabled: root.noPopup && Workstation.mayWrite && Workstation.detail.loaded && root.keyActive("note"); onActivated: note.open() }
    Shortcut { sequence: Shortcuts.keys.reveal; enabled: root.noPopup && Workstation.mayReveal && Workstation.detail.reporterCount > 0 && root.keyActive("reveal"); onActivated: reveal.open() }
    Shortcut { sequence: Shortcuts.keys.editText; enabled: root.noPopup && Workstation.mayWrite && Workstation.detail.editableFields.length > 0 && root.keyActive("editText"); onActivated: detailPane.startEditing() }
    Shortcut { sequence: Shortcuts.keys.attention; enabled: root.noPopup && root.keyActive("attention"); onActivated: attention.open() }
    Shortcut { sequence: Shortcuts.keys.syncNow; enabled: !sheet.opened; onActivated: Workstation.syncNow() }
    Shortcut { sequence: Shortcuts.keys.claim; enabled: root.noPopup && Workstation.mayTriage && Workstation.detail.loaded && root.keyActive("claim"); onActivated: root.claimOrRelease() }
    Shortcut { sequence: Shortcuts.keys.claimNext; enabled: root.noPopup && Workstation.mayTriage && root.keyActive("claimNext"); onActivated: Workstation.claimNext() }
    Shortcut { sequence: Shortcuts.keys.duplicate; enabled: root.noPopup && root.canTriage && root.keyActive("duplicate"); onActivated: duplicate.open() }
    Shortcut { sequence: Shortcuts.keys.acknowledge; enabled: root.noPopup && Workstation.mayWrite && root.openStatus === "assigned" && root.keyActive("acknowledge"); onActivated: Workstation.acknowledge() }
    Shortcut { sequence: Shortcuts.keys.respond; enabled: root.noPopup && Workstation.mayWrite && root.openStatus === "in_progress" && root.keyActive("respond"); onActivated: respond.open() }
    Shortcut { sequence: Shortcuts.keys.ask; enabled: root.noPopup && Workstation.mayWrite && (root.openStatus === "assigned" || root.openStatus === "in_progress") && root.keyActive("ask"); onActivated: ask.open() }
    Shortcut { sequence: Shortcuts.keys.answer; enabled: root.noPopup && Workstation.mayTriage && root.openStatus === "waiting_info" && root.keyActive("answer"); onActivated: answer.open() }
    Shortcut { sequence: Shortcuts.keys.extension; enabled: root.noPopup && Workstation.mayWrite && root.agencyWork && root.keyActive("extension"); onActivated: extension.open() }
    Shortcut { sequence: Shortcuts.keys.decideExtension; enabled: root.noPopup && Workstation.maySupervise && Workstation.detail.extensionDueText.length > 0 && root.keyActive("decideExtension"); onActivated: decision.open() }
    Shortcut { sequence: Shortcuts.keys.reopen; enabled: root.noPopup && Workstation.maySupervise && (root.openStatus === "rejected" || root.openStatus === "closed" || root.openStatus === "duplicate") && root.keyActive("reopen"); onActivated: reopen.open() }
    Shortcut { sequence: Shortcuts.keys.bulkForward; enabled: root.mayBulk && root.keyActive("bulkForward"); onActivated: bulkAssign.open() }
    Shortcut { sequence: Shortcuts.keys.bulkClassify; enabled: root.mayBulk && root.keyActive("bulkClassify"); onActivated: bulkClassify.open() }
    Shortcut { sequence: Shortcuts.keys.bulkReject; enabled: root.mayBulk && root.keyActive("bulkReject"); onActivated: root.previewSpam() }
    // Ctrl+Z also undoes typing, so it acts only while the queue has the keyboard.
    Shortcut { sequence: Shortcuts.keys.bulkUndo; enabled: root.noPopup && Workstation.bulk.undoAvailable && queue.activeFocus; onActivated: Workstation.bulk.previewUndo() }
    Shortcut { sequence: "Esc"; enabled: root.noPopup && Workstation.queue.markedCount > 0 && queue.activeFocus; onActivated: Workstation.queue.clearMarked() }
    Shortcut { sequence: Shortcuts.keys.newReport; enabled: Workstation.mayTriage && !intake.opened && !sheet.opened; onActivated: intake.openNew() }
    Shortcut { sequence: Shortcuts.keys.shortcutSheet; enabled: root.noPopup; onActivated: sheet.open() }

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
        if (holder.length > 0 && !Workstation.holdsClaim && Workstation.maySupervise) {
            releaseOther.open()
        } else {
            Workstation.toggleClaim()
            queue.forceActiveFocus()
        }
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
        onClosed: queue.forceActiveFocus()
    }
    ShortcutSheet {
        id: sheet
        objectName: "shortcutSheet"
        onClosed: queue.forceActiveFocus()
    }
    // Opens the shortcut sheet; the screenshot option calls it.
    function openShortcutSheet() {
        sheet.open()
        return true
    }
    IntakeDialog {
        id: intake
        map: mapPane.map
        onFinished: queue.forceActiveFocus()
    }
}
