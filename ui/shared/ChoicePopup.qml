import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CivicDesk.Ui

// Picks one item from a list (a field, an agency), with an optional urgent switch. Typing
// filters the list; Enter confirms, Escape cancels.
Popup {
    id: root

    property string title
    property string confirmText
    property string cancelText
    property string filterPlaceholder
    // Maps with code and name.
    property var choices: []
    property bool showUrgent: false
    property string urgentText
    property string currentCode
    // Whether the urgent box starts ticked: the report's own priority, never the last choice.
    property bool currentUrgent: false

    signal chosen(string code, bool urgent)

    modal: true
    focus: true
    width: 520
    height: Math.min(620, parent ? parent.height - 80 : 620)
    anchors.centerIn: Overlay.overlay
    padding: Theme.padding

    onOpened: {
        urgent.checked = root.currentUrgent
        filter.text = ""
        filter.forceActiveFocus()
        list.currentIndex = Math.max(0, root.indexOfCode(root.currentCode))
    }

    function indexOfCode(code) {
        for (let i = 0; i < filtered.count; ++i) {
            if (filtered.get(i).code === code)
                return i
        }
        return -1
    }

    // Folds text for matching; the caller supplies the same folding as the queue's search
    // (Vietnamese marks removed, "đ" as "d"), which JavaScript on Qt 6.4 cannot do alone.
    property var fold: text => text.toLowerCase()

    function confirm() {
        if (list.currentIndex < 0 || list.currentIndex >= filtered.count)
            return
        root.chosen(filtered.get(list.currentIndex).code, urgent.checked)
        root.close()
    }

    ListModel {
        id: filtered
    }

    function refill() {
        filtered.clear()
        const needle = root.fold(filter.text)
        for (const choice of root.choices) {
            if (needle.length === 0 || root.fold(choice.name).indexOf(needle) >= 0)
                filtered.append({ code: choice.code, name: choice.name })
        }
        list.currentIndex = filtered.count > 0 ? 0 : -1
    }

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing

        Text {
            text: root.title
            textFormat: Text.PlainText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        TextField {
            id: filter
            Layout.fillWidth: true
            placeholderText: root.filterPlaceholder
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            onTextChanged: root.refill()
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
            Keys.onReturnPressed: root.confirm()
            Keys.onEnterPressed: root.confirm()
        }
        ListView {
            id: list
            objectName: "choiceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: filtered
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: choice
                required property int index
                required property string name
                width: ListView.view.width
                height: Theme.rowHeight
                color: ListView.isCurrentItem ? Theme.selection : "transparent"
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: choice.name
                    textFormat: Text.PlainText
                    maximumLineCount: 1
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: list.currentIndex = choice.index
                    onDoubleClicked: root.confirm()
                }
            }
        }
        CheckBox {
            id: urgent
            objectName: "urgentBox"
            visible: root.showUrgent
            text: root.urgentText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            spacing: Theme.spacing
            ActionButton {
                text: root.cancelText
                onClicked: root.close()
            }
            ActionButton {
                text: root.confirmText
                primary: true
                enabled: list.currentIndex >= 0
                onClicked: root.confirm()
            }
        }
    }

    onChoicesChanged: refill()
}
