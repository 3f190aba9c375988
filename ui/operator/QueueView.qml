import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import CivicDesk.Models
import CivicDesk.Ui

// The queue of reports: a header whose columns resize by dragging their edge and sort by a
// click, and the rows below. Up and Down move the selection; the selection is the report
// the workstation has open. Marks gather reports for a bulk action: Space marks or unmarks the
// open report, Shift+Up and Shift+Down mark while moving, Ctrl+click marks one row and
// Shift+click every row from the open report to the one clicked.
FocusScope {
    id: root

    required property QueueModel model
    required property string selectedReportId

    signal reportActivated(string reportId)

    // Column widths in pixels, kept between sessions.
    property var columnWidths: [150, 120, 190, 120, 120, 90, 150]

    Settings {
        id: settings
        category: "queue"
        property string widths: ""
        property string order: ""
    }

    Component.onCompleted: {
        if (settings.order.length > 0)
            root.model.columnOrder = JSON.parse(settings.order)
        if (settings.widths.length > 0) {
            const stored = JSON.parse(settings.widths)
            if (stored.length === root.columnWidths.length)
                root.columnWidths = stored
        }
    }

    // Moves a column (with its width) to another position; dragging a header does this.
    function moveColumn(from, to) {
        if (from === to)
            return
        const widths = root.columnWidths.slice()
        widths.splice(to, 0, widths.splice(from, 1)[0])
        root.columnWidths = widths
        root.model.moveColumn(from, to)
        settings.widths = JSON.stringify(widths)
        settings.order = JSON.stringify(root.model.columnOrder)
    }

    function positionAt(x) {
        let edge = 0
        for (let i = 0; i < root.columnWidths.length; ++i) {
            edge += root.columnWidths[i]
            if (x < edge)
                return i
        }
        return root.columnWidths.length - 1
    }

    function setColumnWidth(column, width) {
        const widths = root.columnWidths.slice()
        widths[column] = Math.max(48, Math.round(width))
        root.columnWidths = widths
        settings.widths = JSON.stringify(widths)
        table.forceLayout()
    }

    function moveSelection(step) {
        const current = root.model.rowOf(root.selectedReportId)
        const next = Math.max(0, Math.min(root.model.count - 1, current + step))
        const id = root.model.reportIdAt(next)
        if (id.length > 0) {
            root.reportActivated(id)
            table.positionViewAtRow(next, TableView.Contain)
        }
    }

    // Marks the open report and the one the selection moves to.
    // An open report that the filters hide is not marked: the operator cannot see it.
    function markAndMove(step) {
        const current = root.model.rowOf(root.selectedReportId)
        const next = Math.max(0, Math.min(root.model.count - 1, current + step))
        if (current >= 0)
            root.model.setMarked(root.selectedReportId, true)
        root.model.setMarked(root.model.reportIdAt(next), true)
        moveSelection(step)
    }

    Keys.onDownPressed: event => {
        if (event.modifiers & Qt.ShiftModifier)
            markAndMove(1)
        else
            moveSelection(1)
    }
    Keys.onUpPressed: event => {
        if (event.modifiers & Qt.ShiftModifier)
            markAndMove(-1)
        else
            moveSelection(-1)
    }
    Keys.onSpacePressed: event => {
        if (root.model.rowOf(root.selectedReportId) >= 0)
            root.model.toggleMarked(root.selectedReportId)
        event.accepted = true
    }
    Keys.onPressed: event => {
        if (event.key === Qt.Key_PageDown) {
            moveSelection(10)
            event.accepted = true
        } else if (event.key === Qt.Key_PageUp) {
            moveSelection(-10)
            event.accepted = true
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.surface
        border.color: root.activeFocus ? Theme.accent : Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        Row {
            id: header
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight + 2
            x: -table.contentX
            clip: true

            Repeater {
                model: root.columnWidths.length
                delegate: Rectangle {
                    id: headerCell
                    required property int index
                    width: root.columnWidths[index]
                    height: header.height
                    color: Theme.surfaceAlt
                    border.color: Theme.border

                    Text {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.spacing
                        anchors.rightMargin: 14
                        verticalAlignment: Text.AlignVCenter
                        text: root.model.headerText(headerCell.index)
                              + (root.model.sortColumn === headerCell.index
                                 ? (root.model.sortAscending ? "  ▲" : "  ▼") : "")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    // A click sorts; a drag sideways moves the column.
                    MouseArea {
                        anchors.fill: parent
                        anchors.rightMargin: 6
                        cursorShape: Qt.PointingHandCursor
                        property real pressX: 0
                        onPressed: mouse => pressX = mouse.x
                        onReleased: mouse => {
                            if (Math.abs(mouse.x - pressX) < 16) {
                                root.model.sortBy(headerCell.index)
                                return
                            }
                            const x = mapToItem(header, mouse.x, 0).x
                            root.moveColumn(headerCell.index, root.positionAt(x))
                        }
                    }
                    // Drag handle on the right edge resizes the column.
                    MouseArea {
                        width: 8
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.bottom: parent.bottom
                        cursorShape: Qt.SplitHCursor
                        property real pressX: 0
                        property real startWidth: 0
                        onPressed: mouse => {
                            pressX = mapToItem(root, mouse.x, 0).x
                            startWidth = headerCell.width
                        }
                        onPositionChanged: mouse => {
                            if (pressed)
                                root.setColumnWidth(headerCell.index,
                                                    startWidth + mapToItem(root, mouse.x, 0).x - pressX)
                        }
                    }
                }
            }
        }

        TableView {
            id: table
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.model
            boundsBehavior: Flickable.StopAtBounds
            columnWidthProvider: column => root.columnWidths[column]
            rowHeightProvider: () => Theme.rowHeight
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}

            delegate: Rectangle {
                id: cell
                required property int row
                required property int column
                required property string display
                required property string reportId
                required property string statusCode
                required property bool pending
                required property string deadlineState
                required property bool urgent
                required property string claimHolder
                required property int columnKind
                required property bool marked

                readonly property bool selected: cell.reportId.length > 0
                                                 && cell.reportId === root.selectedReportId
                readonly property bool timeCell: cell.columnKind === 6
                color: {
                    if (cell.selected)
                        return Theme.selection
                    if (cell.marked)
                        return Theme.marked
                    if (cell.timeCell && cell.deadlineState === "overdue")
                        return Theme.dangerSoft
                    if (cell.timeCell && cell.deadlineState === "soon")
                        return Theme.warningSoft
                    return row % 2 === 0 ? Theme.surface : Theme.surfaceAlt
                }

                // An urgent report carries a red bar at the start of its row, a marked one a
                // check mark.
                Rectangle {
                    visible: cell.urgent && cell.column === 0
                    width: 4
                    height: parent.height
                    color: Theme.danger
                }
                Text {
                    visible: cell.marked && cell.column === 0
                    anchors.right: parent.right
                    anchors.rightMargin: Theme.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    text: "✔"
                    color: Theme.accent
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }

                Rectangle {
                    visible: cell.columnKind === 1 && cell.display.length > 0
                    width: 10
                    height: 10
                    radius: 5
                    x: Theme.spacing
                    anchors.verticalCenter: parent.verticalCenter
                    color: Workstation.statusColor(cell.statusCode)
                }
                Text {
                    anchors.fill: parent
                    anchors.leftMargin: cell.columnKind === 1 ? Theme.spacing + 16 : Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    verticalAlignment: Text.AlignVCenter
                    text: cell.display + (cell.columnKind === 0 && cell.pending ? "  ⟳" : "")
                          + (cell.columnKind === 1 && cell.claimHolder.length > 0
                             ? "  · " + cell.claimHolder : "")
                    // One line of plain text: a long or marked-up value is never laid out whole.
                    textFormat: Text.PlainText
                    maximumLineCount: 1
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: (cell.selected && cell.columnKind === 0)
                               || (cell.timeCell && cell.deadlineState === "overdue")
                    font.italic: cell.timeCell && cell.deadlineState === "paused"
                    color: {
                        if (!cell.timeCell)
                            return Theme.text
                        if (cell.deadlineState === "overdue")
                            return Theme.danger
                        if (cell.deadlineState === "soon")
                            return Theme.warning
                        return cell.deadlineState === "paused" ? Theme.textMuted : Theme.text
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: mouse => {
                        root.forceActiveFocus()
                        if (mouse.modifiers & Qt.ControlModifier) {
                            root.model.toggleMarked(cell.reportId)
                            return
                        }
                        if ((mouse.modifiers & Qt.ShiftModifier) && root.selectedReportId.length > 0)
                            root.model.markRange(root.selectedReportId, cell.reportId)
                        root.reportActivated(cell.reportId)
                    }
                }
            }
        }
    }

    Text {
        anchors.centerIn: parent
        visible: root.model.loaded && root.model.count === 0
        text: qsTr("No report matches these filters.")
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
    }
}
