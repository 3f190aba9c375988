pragma Singleton
import QtQuick

// Sizes and colours of every window, in one place. Body text is 14 px, never under 13 px;
// text colours keep a contrast of at least 4.5:1 on their backgrounds.
QtObject {
    id: root

    readonly property string fontFamily: "Noto Sans"
    readonly property int fontSmall: 13
    readonly property int fontBody: 14
    readonly property int fontTitle: 17
    readonly property int fontHeading: 20

    readonly property int spacing: 8
    readonly property int padding: 12
    readonly property int rowHeight: 30
    readonly property int radius: 4

    readonly property color window: "#f4f6f8"
    readonly property color surface: "#ffffff"
    readonly property color surfaceAlt: "#f0f3f6"
    readonly property color border: "#cfd6de"
    readonly property color text: "#1d2733"
    readonly property color textMuted: "#4a5866"
    readonly property color accent: "#0b5cad"
    readonly property color accentText: "#ffffff"
    readonly property color selection: "#d6e6f7"
    // Rows marked for a bulk action: paler than the open report's row.
    readonly property color marked: "#eaf2fb"
    readonly property color danger: "#b3261e"
    readonly property color warning: "#8a5300"
    readonly property color ok: "#1e6b34"
    // Cell backgrounds of reports past their deadline and of those close to it.
    readonly property color dangerSoft: "#f9dedc"
    readonly property color warningSoft: "#fbecd0"
    readonly property color statusBar: "#22303e"
    readonly property color statusBarText: "#f2f5f8"
}
