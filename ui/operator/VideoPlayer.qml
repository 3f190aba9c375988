import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import CivicDesk.Ui

// A video with play/pause and a seek bar. Space toggles playing when the player has focus.
FocusScope {
    id: root

    required property url source
    readonly property alias player: player

    Rectangle {
        anchors.fill: parent
        color: "#101418"
        border.color: root.activeFocus ? Theme.accent : Theme.border
    }

    MediaPlayer {
        id: player
        source: root.source
        videoOutput: output
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 2
        spacing: 2

        VideoOutput {
            id: output
            Layout.fillWidth: true
            Layout.fillHeight: true
            fillMode: VideoOutput.PreserveAspectFit
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            ActionButton {
                text: player.playbackState === MediaPlayer.PlayingState ? qsTr("Pause") : qsTr("Play")
                onClicked: player.playbackState === MediaPlayer.PlayingState ? player.pause() : player.play()
            }
            Slider {
                id: seek
                Layout.fillWidth: true
                from: 0
                to: Math.max(1, player.duration)
                value: player.position
                enabled: player.seekable
                onMoved: player.position = value
            }
            Text {
                text: Math.floor(player.position / 1000) + " / " + Math.floor(player.duration / 1000) + " s"
                color: "#f2f5f8"
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
        }
    }

    Keys.onSpacePressed: player.playbackState === MediaPlayer.PlayingState ? player.pause() : player.play()
}
