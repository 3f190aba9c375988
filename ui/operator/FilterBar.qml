import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import CivicDesk.Models
import CivicDesk.Ui

// Search and filters of the queue; the last ones used come back at the next start.
RowLayout {
    id: root

    required property QueueModel model
    property alias searchField: search

    signal queueFocusRequested()

    spacing: Theme.spacing

    Settings {
        id: settings
        category: "filters"
        // An agency user starts from the inbox: the reports the agency has in hand.
        property string status: Workstation.roleCode === "agency" ? "agency_work" : ""
        property string field: ""
        property string ward: ""
    }

    Component.onCompleted: {
        root.model.statusFilter = settings.status
        root.model.categoryFilter = settings.field
        root.model.wardFilter = settings.ward
    }

    function withAll(label, items) {
        return [{ code: "", name: label }].concat(items)
    }

    function indexOf(items, code) {
        for (let i = 0; i < items.length; ++i) {
            if (items[i].code === code)
                return i
        }
        return 0
    }

    TextField {
        id: search
        Layout.fillWidth: true
        Layout.minimumWidth: 200
        placeholderText: qsTr("Search code, text, address (%1)").arg(Shortcuts.keys.search)
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        selectByMouse: true
        onTextChanged: searchDelay.restart()
        // Enter, Down and Escape (which also clears) hand the keyboard back to the queue.
        Keys.onEscapePressed: {
            text = ""
            root.queueFocusRequested()
        }
        Keys.onReturnPressed: root.queueFocusRequested()
        Keys.onEnterPressed: root.queueFocusRequested()
        Keys.onDownPressed: root.queueFocusRequested()
        Timer {
            id: searchDelay
            interval: 250
            onTriggered: root.model.search = search.text
        }
    }

    ComboBox {
        id: statusBox
        Layout.preferredWidth: 190
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        textRole: "name"
        valueRole: "code"
        model: root.withAll(qsTr("All statuses"), Workstation.statuses)
        currentIndex: root.indexOf(model, root.model.statusFilter)
        onActivated: {
            root.model.statusFilter = currentValue
            settings.status = currentValue
        }
    }

    ComboBox {
        id: categoryBox
        Layout.preferredWidth: 230
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        textRole: "name"
        valueRole: "code"
        model: root.withAll(qsTr("All fields"),
                            Workstation.categories.concat([{ code: "unclassified", name: qsTr("Unclassified") }]))
        currentIndex: root.indexOf(model, root.model.categoryFilter)
        onActivated: {
            root.model.categoryFilter = currentValue
            settings.field = currentValue
        }
    }

    ComboBox {
        id: wardBox
        Layout.preferredWidth: 210
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        textRole: "name"
        valueRole: "code"
        model: root.withAll(qsTr("All wards"), Workstation.wards)
        currentIndex: root.indexOf(model, root.model.wardFilter)
        onActivated: {
            root.model.wardFilter = currentValue
            settings.ward = currentValue
        }
    }
}
