import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import CivicDesk.Models
import CivicDesk.Ui

// Takes a report for a caller on the hotline: who calls, what and where, and the files they
// sent. "Pick on map" hides the form until the operator clicks the place on the operator
// window's map, and "Use map centre" takes the centre of that map. Enter in a one-line field or Ctrl+Enter in the description creates the report,
// Escape cancels. Files come from "Add files…" or are dropped on the form.
Item {
    id: root
    objectName: "intakeForm"

    // The operator window's map (a MapView), whose clicks pick the place.
    required property Item map
    // Whether the form or the wait for a click on the map has the keyboard.
    readonly property bool opened: form.opened || root.picking
    property bool picking: false
    // Translated sentences by field (title, description, phone, position, files, form).
    property var errors: ({})
    property real latitude: NaN
    property real longitude: NaN
    property var files: []
    // Whether the files of a created report are being copied; the form waits meanwhile.
    property bool copying: false

    // The form closed, with a report created or not.
    signal finished()

    function openNew() {
        nameField.text = ""
        phoneField.text = ""
        titleField.text = ""
        descriptionField.text = ""
        urgentBox.checked = false
        addressField.text = ""
        wardBox.currentIndex = 0
        root.latitude = NaN
        root.longitude = NaN
        root.files = []
        root.errors = {}
        root.copying = false
        form.open()
        nameField.forceActiveFocus()
    }

    function addFiles(urls) {
        const list = root.files.slice()
        for (let i = 0; i < urls.length; ++i) {
            const url = urls[i].toString()
            if (list.indexOf(url) < 0)
                list.push(url)
        }
        root.files = list
    }

    function removeFile(index) {
        const list = root.files.slice()
        list.splice(index, 1)
        root.files = list
    }

    function create() {
        if (root.copying)
            return
        const hasPlace = !isNaN(root.latitude)
        const fields = {
            name: nameField.text, phone: phoneField.text, title: titleField.text,
            description: descriptionField.text, priority: urgentBox.checked ? "urgent" : "normal",
            address: addressField.text, ward: wardBox.currentValue || ""
        }
        if (hasPlace) {
            fields.latitude = root.latitude
            fields.longitude = root.longitude
        }
        const result = Workstation.createReport(fields, root.files)
        if (result.copying) {
            // The form waits, greyed, until the files are copied.
            root.errors = {}
            root.copying = true
            return
        }
        root.errors = result
        if (Object.keys(root.errors).length > 0) {
            const first = root.errors.phone ? phoneField
                        : root.errors.title ? titleField
                        : root.errors.description ? descriptionField : nameField
            first.forceActiveFocus()
            return
        }
        form.close()
    }

    Connections {
        target: Workstation
        enabled: root.copying
        function onReportCreated() {
            root.copying = false
            form.close()
        }
        function onReportNotCreated(errors) {
            root.copying = false
            root.errors = errors
        }
    }

    function startPicking() {
        root.picking = true
        form.close()
    }

    // Takes the place, and its ward when none is chosen yet.
    function setPlace(coordinate) {
        if (!coordinate || !coordinate.isValid)
            return
        root.latitude = coordinate.latitude
        root.longitude = coordinate.longitude
        const ward = Workstation.wardAt(coordinate.latitude, coordinate.longitude)
        if (ward.length > 0 && wardBox.currentIndex <= 0)
            wardBox.currentIndex = wardBox.indexOfValue(ward)
    }

    function stopPicking(coordinate) {
        root.picking = false
        root.setPlace(coordinate)
        form.open()
        pickButton.forceActiveFocus()
    }

    // NOTE: a click on a report's marker or on a cluster opens it as usual and picks nothing,
    // because the map reports only clicks on empty places as mapClicked.
    Connections {
        target: root.map
        enabled: root.picking
        function onMapClicked(coordinate) { root.stopPicking(coordinate) }
    }
    Shortcut {
        sequence: "Escape"
        enabled: root.picking
        onActivated: root.stopPicking(null)
    }

    // Shown over the map while the form waits for the click.
    Popup {
        id: pickHint
        objectName: "intakePickHint"
        visible: root.picking
        modal: false
        closePolicy: Popup.NoAutoClose
        x: Math.round((Overlay.overlay.width - width) / 2)
        y: Theme.padding
        padding: Theme.padding
        background: Rectangle { color: Theme.statusBar; radius: Theme.radius }
        contentItem: Text {
            text: qsTr("Click the place on the map. Escape goes back to the form.")
            color: Theme.statusBarText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Attach photos, videos or recordings")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Photos, videos and recordings (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.webm *.m4a *.mp3 *.ogg *.wav)"),
                      qsTr("All files (*)")]
        onAccepted: root.addFiles(selectedFiles)
    }

    component ErrorText: Text {
        required property string message
        Layout.fillWidth: true
        visible: message.length > 0
        text: message
        wrapMode: Text.Wrap
        color: Theme.danger
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }
    component FieldLabel: Text {
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
    }
    component FormField: TextField {
        Layout.fillWidth: true
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        selectByMouse: true
        onAccepted: root.create()
    }

    Popup {
        id: form
        objectName: "intakeDialog"
        modal: true
        focus: true
        width: Math.min(640, Overlay.overlay.width - 2 * Theme.padding)
        anchors.centerIn: Overlay.overlay
        padding: Theme.padding
        closePolicy: Popup.CloseOnEscape
        background: Rectangle {
            color: fileDrop.containsDrag ? Theme.selection : Theme.surface
            border.color: fileDrop.containsDrag ? Theme.accent : Theme.border
            radius: Theme.radius
            DropArea {
                id: fileDrop
                anchors.fill: parent
                onDropped: event => {
                    if (event.hasUrls)
                        root.addFiles(event.urls)
                }
            }
        }

        contentItem: ColumnLayout {
            spacing: Theme.spacing / 2

            Text {
                text: qsTr("New report from a hotline call")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.spacing
                FieldLabel { text: qsTr("Caller's name") }
                FieldLabel { text: qsTr("Phone") }
                FormField { id: nameField; objectName: "intakeName" }
                FormField {
                    id: phoneField
                    objectName: "intakePhone"
                    placeholderText: "0905 123 456"
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                }
            }
            ErrorText { message: root.errors.phone || "" }
            FieldLabel { text: qsTr("Title") }
            FormField { id: titleField; objectName: "intakeTitle" }
            ErrorText { message: root.errors.title || "" }
            FieldLabel { text: qsTr("Description (Ctrl+Enter creates)") }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 96
                TextArea {
                    id: descriptionField
                    objectName: "intakeDescription"
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    KeyNavigation.priority: KeyNavigation.BeforeItem
                    KeyNavigation.tab: urgentBox
                    KeyNavigation.backtab: titleField
                    Keys.onPressed: event => {
                        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                && (event.modifiers & Qt.ControlModifier)) {
                            root.create()
                            event.accepted = true
                        }
                    }
                }
            }
            ErrorText { message: root.errors.description || "" }
            CheckBox {
                id: urgentBox
                objectName: "intakeUrgent"
                text: qsTr("Urgent")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
            FieldLabel { text: qsTr("Address") }
            FormField { id: addressField; objectName: "intakeAddress" }
            FieldLabel { text: qsTr("Ward or commune") }
            ComboBox {
                id: wardBox
                objectName: "intakeWard"
                Layout.fillWidth: true
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                textRole: "name"
                valueRole: "code"
                model: [{ code: "", name: qsTr("Not known") }].concat(Workstation.wards)
                Keys.onReturnPressed: root.create()
                Keys.onEnterPressed: root.create()
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ActionButton {
                    id: pickButton
                    objectName: "intakePickButton"
                    text: qsTr("Pick on map")
                    onClicked: root.startPicking()
                }
                ActionButton {
                    objectName: "intakeCentreButton"
                    text: qsTr("Use map centre")
                    onClicked: root.setPlace(root.map.center)
                }
                Text {
                    objectName: "intakePlace"
                    Layout.fillWidth: true
                    text: isNaN(root.latitude) ? qsTr("No place yet")
                                               : root.latitude.toFixed(5) + ", " + root.longitude.toFixed(5)
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
            }
            ErrorText { message: root.errors.position || "" }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ActionButton {
                    objectName: "intakeAddFiles"
                    text: qsTr("Add files…")
                    onClicked: fileDialog.open()
                }
                FieldLabel {
                    Layout.fillWidth: true
                    text: fileDrop.containsDrag ? qsTr("Drop to attach")
                                            : qsTr("or drop photos, videos and recordings here")
                }
            }
            Repeater {
                model: root.files
                delegate: RowLayout {
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        text: decodeURIComponent(modelData.split("/").pop())
                        elide: Text.ElideMiddle
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                    }
                    ActionButton {
                        text: qsTr("Remove")
                        onClicked: root.removeFile(index)
                    }
                }
            }
            ErrorText { message: root.errors.files || "" }
            ErrorText { message: root.errors.form || "" }
            RowLayout {
                Layout.fillWidth: true
                Item { Layout.fillWidth: true }
                ActionButton {
                    text: qsTr("Cancel")
                    onClicked: form.close()
                }
                Text {
                    visible: root.copying
                    text: qsTr("Copying the files…")
                    color: Theme.textMuted
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
                ActionButton {
                    objectName: "intakeCreate"
                    text: qsTr("Create")
                    primary: true
                    enabled: !root.copying
                    onClicked: root.create()
                }
            }
        }
        onClosed: if (!root.picking) root.finished()
    }
}
