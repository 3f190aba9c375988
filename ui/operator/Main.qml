import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import CivicDesk.Models
import CivicDesk.Ui

// The operator's window: filters on top, then the queue, the map and the open report side by
// side, and the status bar. Every action has a key: Ctrl+F search, C classify, F forward,
// R reject, T return to the center, N note, E edit the text, A the list of refused changes,
// F5 sync now, Ctrl+N a new report from a hotline call.
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

    SplitView {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        orientation: Qt.Horizontal

        QueueView {
            id: queue
            SplitView.preferredWidth: Math.round(root.width * 0.49)
            SplitView.minimumWidth: 360
            model: Workstation.queue
            selectedReportId: Workstation.selectedReportId
            focus: true
            onReportActivated: id => Workstation.select(id)
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
    readonly property bool noPopup: !classify.opened && !assign.opened && !reject.opened
                                    && !giveBack.opened
                                    && !note.opened && !photo.opened && !reveal.opened
                                    && !attention.opened && !detailPane.editing
                                    && !intake.opened

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
    PhotoViewer {
        id: photo
        media: Workstation.detail.media
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
