<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutPopup</name>
    <message>
        <source>Desktop client for the field reports of a city operations center.</source>
        <translation>Desktop client for the field reports of a city operations center.</translation>
    </message>
    <message>
        <source>Data sources and licences:</source>
        <translation>Data sources and licences:</translation>
    </message>
    <message>
        <source>Ward and commune boundaries: © OpenStreetMap contributors, ODbL 1.0.</source>
        <translation>Ward and commune boundaries: © OpenStreetMap contributors, ODbL 1.0.</translation>
    </message>
    <message>
        <source>Older commune boundaries: vietnam63 by Marc Choisy, MIT licence.</source>
        <translation>Older commune boundaries: vietnam63 by Marc Choisy, MIT licence.</translation>
    </message>
    <message>
        <source>Demo reports: public pages of tuongtac.hue.gov.vn (HueIOC).</source>
        <translation>Demo reports: public pages of tuongtac.hue.gov.vn (HueIOC).</translation>
    </message>
    <message>
        <source>Demo photos: Wikimedia Commons authors (CC BY-SA 2.0/4.0, CC0, public domain); demo video: Intel IoT devkit sample-videos (CC BY 4.0). Details in resources/demo/media/SOURCE.md.</source>
        <translation>Demo photos: Wikimedia Commons authors (CC BY-SA 2.0/4.0, CC0, public domain); demo video: Intel IoT devkit sample-videos (CC BY 4.0). Details in resources/demo/media/SOURCE.md.</translation>
    </message>
    <message>
        <source>Authors: the CivicDesk developers.</source>
        <translation>Authors: the CivicDesk developers.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Log file: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AttentionPopup</name>
    <message>
        <source>Classify</source>
        <translation>Classify</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Edit text</translation>
    </message>
    <message>
        <source>Return to the center</source>
        <translation>Return to the center</translation>
    </message>
    <message>
        <source>Up and Down choose a change; M re-applies yours on the current state, T keeps the other version, D dismisses, Enter opens the report.</source>
        <translation>Up and Down choose a change; M re-applies yours on the current state, T keeps the other version, D dismisses, Enter opens the report.</translation>
    </message>
    <message>
        <source>Nothing needs attention.</source>
        <translation>Nothing needs attention.</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Yours</translation>
    </message>
    <message>
        <source>On the central now</source>
        <translation>On the central now</translation>
    </message>
    <message numerus="yes">
        <source>%n later action(s) on this report wait for your decision.</source>
        <translation>
            <numerusform>%n later action on this report waits for your decision.</numerusform>
            <numerusform>%n later actions on this report wait for your decision.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-apply mine</source>
        <translation>Re-apply mine</translation>
    </message>
    <message>
        <source>Keep theirs, send my other fields</source>
        <translation>Keep theirs, send my other fields</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Open report</translation>
    </message>
    <message>
        <source>Undo bulk change</source>
        <translation>Undo bulk change</translation>
    </message>
</context>
<context>
    <name>BulkBar</name>
    <message numerus="yes">
        <source>%n marked</source>
        <translation>
            <numerusform>%n marked</numerusform>
            <numerusform>%n marked</numerusform>
        </translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Unmark</source>
        <translation>Unmark</translation>
    </message>
    <message>
        <source>Undo until %1</source>
        <translation>Undo until %1</translation>
    </message>
</context>
<context>
    <name>BulkPreviewPopup</name>
    <message numerus="yes">
        <source>%n of the listed reports return to their earlier state.</source>
        <translation>
            <numerusform>%n of the listed reports returns to its earlier state.</numerusform>
            <numerusform>%n of the listed reports return to their earlier state.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the listed reports change.</source>
        <translation>
            <numerusform>%n of the listed reports changes.</numerusform>
            <numerusform>%n of the listed reports change.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter confirms, Escape cancels.</source>
        <translation>Enter confirms, Escape cancels.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n report(s)</source>
        <translation>
            <numerusform>Restore %n report</numerusform>
            <numerusform>Restore %n reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change %n report(s)</source>
        <translation>
            <numerusform>Change %n report</numerusform>
            <numerusform>Change %n reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CivicDesk</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>Triaged</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Waiting for information</source>
        <translation>Waiting for information</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>Hotline</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Classified</translation>
    </message>
    <message>
        <source>Forwarded to agency</source>
        <translation>Forwarded to agency</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Response published</source>
        <translation>Response published</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>Deadline extended</translation>
    </message>
    <message>
        <source>Reporter revealed</source>
        <translation>Reporter revealed</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 overdue</translation>
    </message>
    <message>
        <source>(not synced)</source>
        <translation>(not synced)</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>The local replica cannot be opened. Check the data folder and restart CivicDesk.</source>
        <translation>The local replica cannot be opened. Check the data folder and restart CivicDesk.</translation>
    </message>
    <message>
        <source>This action is not allowed now: %1</source>
        <translation>This action is not allowed now: %1</translation>
    </message>
    <message>
        <source>Report %1 was not found.</source>
        <translation>Report %1 was not found.</translation>
    </message>
    <message>
        <source>Reading the local replica failed: %1</source>
        <translation>Reading the local replica failed: %1</translation>
    </message>
    <message>
        <source>The reporter could not be shown: %1</source>
        <translation>The reporter could not be shown: %1</translation>
    </message>
    <message>
        <source>This action does not fit the report&apos;s current status.</source>
        <translation>This action does not fit the report&apos;s current status.</translation>
    </message>
    <message>
        <source>A required value was missing.</source>
        <translation>A required value was missing.</translation>
    </message>
    <message>
        <source>The field or agency chosen is not known on the central.</source>
        <translation>The field or agency chosen is not known on the central.</translation>
    </message>
    <message>
        <source>The report no longer exists on the central, or is no longer yours to see.</source>
        <translation>The report no longer exists on the central, or is no longer yours to see.</translation>
    </message>
    <message>
        <source>Your role may not make this change.</source>
        <translation>Your role may not make this change.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>The central cannot be reached. Click to try again.</source>
        <translation>The central cannot be reached. Click to try again.</translation>
    </message>
    <message>
        <source>The central does not have this file.</source>
        <translation>The central does not have this file.</translation>
    </message>
    <message>
        <source>The central&apos;s copy of this file is damaged. Tell an administrator.</source>
        <translation>The central&apos;s copy of this file is damaged. Tell an administrator.</translation>
    </message>
    <message>
        <source>This file cannot be kept on this computer: the media cache is full or cannot be written. See the log.</source>
        <translation>This file cannot be kept on this computer: the media cache is full or cannot be written. See the log.</translation>
    </message>
    <message>
        <source>Text edited</source>
        <translation>Text edited</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>Change refused</translation>
    </message>
    <message>
        <source>Someone changed this report&apos;s status or assignment first. Look at its current state and decide again.</source>
        <translation>Someone changed this report&apos;s status or assignment first. Look at its current state and decide again.</translation>
    </message>
    <message>
        <source>Someone changed the same text first. Compare both versions and choose.</source>
        <translation>Someone changed the same text first. Compare both versions and choose.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Public response</source>
        <translation>Public response</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1: proposed %2, current %3</source>
        <translation>%1: proposed %2, current %3</translation>
    </message>
    <message>
        <source>This report has a refused change. Decide on it under &quot;Needs attention&quot; first.</source>
        <translation>This report has a refused change. Decide on it under &quot;Needs attention&quot; first.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation>Wall display</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>the keychain did not answer within %1 s</translation>
    </message>
    <message>
        <source>This computer has no working keychain (%1), so CivicDesk cannot remember the password and asks for it at each start.</source>
        <translation>This computer has no working keychain (%1), so CivicDesk cannot remember the password and asks for it at each start.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>The saved password was not accepted: %1</source>
        <translation>The saved password was not accepted: %1</translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1. Check the user name and password.</source>
        <translation>The server refused the sign-in: %1. Check the user name and password.</translation>
    </message>
    <message>
        <source>The central server cannot be reached (%1). You can work offline on this workstation&apos;s copy; your changes are sent when the server is back.</source>
        <translation>The central server cannot be reached (%1). You can work offline on this workstation&apos;s copy; your changes are sent when the server is back.</translation>
    </message>
    <message>
        <source>The central server cannot be reached (%1). This workstation has no local copy yet, so it cannot work offline. Check the network and try again.</source>
        <translation>The central server cannot be reached (%1). This workstation has no local copy yet, so it cannot work offline. Check the network and try again.</translation>
    </message>
    <message>
        <source>Former unit, before 2025</source>
        <translation>Former unit, before 2025</translation>
    </message>
    <message>
        <source>Former unit of %1, before 2025</source>
        <translation>Former unit of %1, before 2025</translation>
    </message>
    <message>
        <source>Commune</source>
        <comment>kind of place</comment>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Ward</source>
        <comment>kind of place</comment>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Urgent report not claimed</source>
        <translation>Urgent report not claimed</translation>
    </message>
    <message>
        <source>Urgent report %1 not claimed</source>
        <translation>Urgent report %1 not claimed</translation>
    </message>
    <message>
        <source>Received at %1. Nobody has claimed it yet.</source>
        <translation>Received at %1. Nobody has claimed it yet.</translation>
    </message>
    <message>
        <source>Extension requested</source>
        <translation>Extension requested</translation>
    </message>
    <message>
        <source>Extension refused</source>
        <translation>Extension refused</translation>
    </message>
    <message>
        <source>Urgent, still unclaimed</source>
        <translation>Urgent, still unclaimed</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>With an agency</source>
        <translation>With an agency</translation>
    </message>
    <message>
        <source>Claiming needs the central, which cannot be reached now. The report stays open to everyone.</source>
        <translation>Claiming needs the central, which cannot be reached now. The report stays open to everyone.</translation>
    </message>
    <message>
        <source>No unclaimed report matches the queue&apos;s filters.</source>
        <translation>No unclaimed report matches the queue&apos;s filters.</translation>
    </message>
    <message>
        <source>%1 is working on this report.</source>
        <translation>%1 is working on this report.</translation>
    </message>
    <message>
        <source>Enter a title or a description.</source>
        <translation>Enter a title or a description.</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>The title is longer than %1 characters.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>The description is longer than %1 characters.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number. Write it as 0905 123 456 or +84 905 123 456.</source>
        <translation>&quot;%1&quot; is not a phone number. Write it as 0905 123 456 or +84 905 123 456.</translation>
    </message>
    <message>
        <source>The place is not a valid latitude and longitude. Pick it on the map again.</source>
        <translation>The place is not a valid latitude and longitude. Pick it on the map again.</translation>
    </message>
    <message>
        <source>Your role may not create reports.</source>
        <translation>Your role may not create reports.</translation>
    </message>
    <message>
        <source>The file %1 cannot be attached: it is missing, empty, larger than %2 MB, or not a photo, video or audio recording.</source>
        <translation>The file %1 cannot be attached: it is missing, empty, larger than %2 MB, or not a photo, video or audio recording.</translation>
    </message>
    <message>
        <source>Undo the last bulk change</source>
        <translation>Undo the last bulk change</translation>
    </message>
    <message>
        <source>Forward the marked reports</source>
        <translation>Forward the marked reports</translation>
    </message>
    <message>
        <source>Set the field of the marked reports</source>
        <translation>Set the field of the marked reports</translation>
    </message>
    <message>
        <source>Reject the marked reports as spam</source>
        <translation>Reject the marked reports as spam</translation>
    </message>
    <message>
        <source>Left out: it already has this value.</source>
        <translation>Left out: it already has this value.</translation>
    </message>
    <message>
        <source>Left out: this action does not fit its status.</source>
        <translation>Left out: this action does not fit its status.</translation>
    </message>
    <message>
        <source>Left out: someone else has claimed it.</source>
        <translation>Left out: someone else has claimed it.</translation>
    </message>
    <message>
        <source>Left out: the rules refuse this change now.</source>
        <translation>Left out: the rules refuse this change now.</translation>
    </message>
    <message>
        <source>Left alone: changed by someone since.</source>
        <translation>Left alone: changed by someone since.</translation>
    </message>
    <message>
        <source>Left out: a refused change waits under &quot;Needs attention&quot;.</source>
        <translation>Left out: a refused change waits under &quot;Needs attention&quot;.</translation>
    </message>
    <message>
        <source>Left alone: the time to undo is over.</source>
        <translation>Left alone: the time to undo is over.</translation>
    </message>
    <message>
        <source>The bulk change was not made: %1</source>
        <translation>The bulk change was not made: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) restored</source>
        <translation>
            <numerusform>%n report restored</numerusform>
            <numerusform>%n reports restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left alone</source>
        <translation>
            <numerusform>; %n left alone</numerusform>
            <numerusform>; %n left alone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) changed</source>
        <translation>
            <numerusform>%n report changed</numerusform>
            <numerusform>%n reports changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n left out</source>
        <translation>
            <numerusform>; %n left out</numerusform>
            <numerusform>; %n left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Bulk change undone</source>
        <translation>Bulk change undone</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select a report in the queue or on the map.</source>
        <translation>Select a report in the queue or on the map.</translation>
    </message>
    <message>
        <source>(not synced)</source>
        <translation>(not synced)</translation>
    </message>
    <message>
        <source>Waiting for the central…</source>
        <translation>Waiting for the central…</translation>
    </message>
    <message>
        <source>Saved on the central</source>
        <translation>Saved on the central</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>simulated</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>approximate</translation>
    </message>
    <message>
        <source>No location</source>
        <translation>No location</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message numerus="yes">
        <source>Hidden (%n person(s))</source>
        <translation>
            <numerusform>Hidden (%n person)</numerusform>
            <numerusform>Hidden (%n people)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Classify</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Enter saves, Shift+Enter starts a new line, Escape cancels. A colleague&apos;s change to another field is kept.</source>
        <translation>Enter saves, Shift+Enter starts a new line, Escape cancels. A colleague&apos;s change to another field is kept.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Public response</source>
        <translation>Public response</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Edit text</translation>
    </message>
    <message>
        <source>Return to the center</source>
        <translation>Return to the center</translation>
    </message>
    <message>
        <source>%1 m away</source>
        <translation>%1 m away</translation>
    </message>
    <message>
        <source>same ward</source>
        <translation>same ward</translation>
    </message>
    <message>
        <source>Possible duplicate of %1 (%2% alike, %3, %4): %5</source>
        <translation>Possible duplicate of %1 (%2% alike, %3, %4): %5</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>(paused since %1)</source>
        <translation>(paused since %1)</translation>
    </message>
    <message>
        <source>More time asked</source>
        <translation>More time asked</translation>
    </message>
    <message>
        <source>until %1: %2</source>
        <translation>until %1: %2</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Claimed by</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 until %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Take in hand</source>
        <translation>Take in hand</translation>
    </message>
    <message>
        <source>Respond</source>
        <translation>Respond</translation>
    </message>
    <message>
        <source>Ask the citizen</source>
        <translation>Ask the citizen</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <source>More time</source>
        <translation>More time</translation>
    </message>
    <message>
        <source>Decide on more time</source>
        <translation>Decide on more time</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Refused: needs your decision (%1)</source>
        <translation>Refused: needs your decision (%1)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Unclassified</translation>
    </message>
    <message>
        <source>All wards</source>
        <translation>All wards</translation>
    </message>
    <message>
        <source>Search code, text, address (%1)</source>
        <translation>Search code, text, address (%1)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Click the place on the map. Escape goes back to the form.</source>
        <translation>Click the place on the map. Escape goes back to the form.</translation>
    </message>
    <message>
        <source>Attach photos, videos or recordings</source>
        <translation>Attach photos, videos or recordings</translation>
    </message>
    <message>
        <source>Photos, videos and recordings (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.webm *.m4a *.mp3 *.ogg *.wav)</source>
        <translation>Photos, videos and recordings (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.webm *.m4a *.mp3 *.ogg *.wav)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>New report from a hotline call</source>
        <translation>New report from a hotline call</translation>
    </message>
    <message>
        <source>Caller&apos;s name</source>
        <translation>Caller&apos;s name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description (Ctrl+Enter creates)</source>
        <translation>Description (Ctrl+Enter creates)</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation>Ward or commune</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>Pick on map</source>
        <translation>Pick on map</translation>
    </message>
    <message>
        <source>Use map centre</source>
        <translation>Use map centre</translation>
    </message>
    <message>
        <source>No place yet</source>
        <translation>No place yet</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Drop to attach</source>
        <translation>Drop to attach</translation>
    </message>
    <message>
        <source>or drop photos, videos and recordings here</source>
        <translation>or drop photos, videos and recordings here</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Copying the files…</source>
        <translation>Copying the files…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>CivicDesk — field reports</source>
        <translation>CivicDesk — field reports</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Classify report %1</source>
        <translation>Classify report %1</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Classify</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Type to filter fields</source>
        <translation>Type to filter fields</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Forward report %1 to an agency</source>
        <translation>Forward report %1 to an agency</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Type to filter agencies</source>
        <translation>Type to filter agencies</translation>
    </message>
    <message>
        <source>Reject report %1</source>
        <translation>Reject report %1</translation>
    </message>
    <message>
        <source>The reason is kept in the timeline. Ctrl+Enter confirms.</source>
        <translation>The reason is kept in the timeline. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Internal note on %1</source>
        <translation>Internal note on %1</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Show the reporter of %1</source>
        <translation>Show the reporter of %1</translation>
    </message>
    <message>
        <source>Names and phone numbers are personal data. Your name and this reason are recorded in the timeline. Ctrl+Enter confirms.</source>
        <translation>Names and phone numbers are personal data. Your name and this reason are recorded in the timeline. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Return report %1 to the center</source>
        <translation>Return report %1 to the center</translation>
    </message>
    <message>
        <source>The report goes back to triage without an agency. Say why it is not this agency&apos;s work. Ctrl+Enter confirms.</source>
        <translation>The report goes back to triage without an agency. Say why it is not this agency&apos;s work. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Notes are never shown to citizens; the agency handling the report sees them. Ctrl+Enter confirms.</source>
        <translation>Notes are never shown to citizens; the agency handling the report sees them. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Report %1 duplicates</source>
        <translation>Report %1 duplicates</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Type to filter the suggestions</source>
        <translation>Type to filter the suggestions</translation>
    </message>
    <message>
        <source>Public response to %1</source>
        <translation>Public response to %1</translation>
    </message>
    <message>
        <source>The citizen reads this answer; internal notes stay apart. Alt+1 to Alt+9 start from a template. Ctrl+Enter publishes.</source>
        <translation>The citizen reads this answer; internal notes stay apart. Alt+1 to Alt+9 start from a template. Ctrl+Enter publishes.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Ask the citizen about %1</source>
        <translation>Ask the citizen about %1</translation>
    </message>
    <message>
        <source>The deadline pauses until the answer is recorded. Ctrl+Enter confirms.</source>
        <translation>The deadline pauses until the answer is recorded. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>The citizen&apos;s answer on %1</source>
        <translation>The citizen&apos;s answer on %1</translation>
    </message>
    <message>
        <source>The report returns to the agency and its deadline runs again. Ctrl+Enter confirms.</source>
        <translation>The report returns to the agency and its deadline runs again. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>More time for %1</source>
        <translation>More time for %1</translation>
    </message>
    <message>
        <source>Deadline now: %1. A supervisor approves or refuses. Ctrl+Enter asks.</source>
        <translation>Deadline now: %1. A supervisor approves or refuses. Ctrl+Enter asks.</translation>
    </message>
    <message>
        <source>Ask for more time</source>
        <translation>Ask for more time</translation>
    </message>
    <message>
        <source>Extension of %1 to %2</source>
        <translation>Extension of %1 to %2</translation>
    </message>
    <message>
        <source>Reason given: %1. Ctrl+Enter approves; refusing needs a reason.</source>
        <translation>Reason given: %1. Ctrl+Enter approves; refusing needs a reason.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Reopen report %1</source>
        <translation>Reopen report %1</translation>
    </message>
    <message>
        <source>The report goes back to triage. The reason is kept in the timeline. Ctrl+Enter confirms.</source>
        <translation>The report goes back to triage. The reason is kept in the timeline. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Release %1&apos;s claim on %2</source>
        <translation>Release %1&apos;s claim on %2</translation>
    </message>
    <message>
        <source>The report becomes free for everyone. The reason is kept in the timeline. Ctrl+Enter confirms.</source>
        <translation>The report becomes free for everyone. The reason is kept in the timeline. Ctrl+Enter confirms.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message numerus="yes">
        <source>Forward %n marked report(s) to an agency</source>
        <translation>
            <numerusform>Forward %n marked report to an agency</numerusform>
            <numerusform>Forward %n marked reports to an agency</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message numerus="yes">
        <source>Set the field of %n marked report(s)</source>
        <translation>
            <numerusform>Set the field of %n marked report</numerusform>
            <numerusform>Set the field of %n marked reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <source>Map saved as %1</source>
        <translation>Map saved as %1</translation>
    </message>
    <message>
        <source>The map could not be saved as %1</source>
        <translation>The map could not be saved as %1</translation>
    </message>
    <message>
        <source>Drag a rectangle…</source>
        <translation>Drag a rectangle…</translation>
    </message>
    <message>
        <source>Filter by area</source>
        <translation>Filter by area</translation>
    </message>
    <message>
        <source>Clear area</source>
        <translation>Clear area</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>Save image</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) in view</source>
        <translation>
            <numerusform>%n report in view</numerusform>
            <numerusform>%n reports in view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) at this place</source>
        <translation>
            <numerusform>%n report at this place</numerusform>
            <numerusform>%n reports at this place</numerusform>
        </translation>
    </message>
    <message>
        <source>Go to ward or commune… (%1)</source>
        <translation>Go to ward or commune… (%1)</translation>
    </message>
</context>
<context>
    <name>MapScaleBar</name>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>MapTileNotices</name>
    <message>
        <source>The base map is not configured correctly; see the log.</source>
        <translation>The base map is not configured correctly; see the log.</translation>
    </message>
    <message>
        <source>No base map: only boundaries and reports are drawn.</source>
        <translation>No base map: only boundaries and reports are drawn.</translation>
    </message>
    <message>
        <source>The base map %1 cannot be read; see the log.</source>
        <translation>The base map %1 cannot be read; see the log.</translation>
    </message>
    <message>
        <source>Offline: the tile server cannot be reached. Saved tiles are shown.</source>
        <translation>Offline: the tile server cannot be reached. Saved tiles are shown.</translation>
    </message>
    <message>
        <source>The tile server asks to wait. Saved tiles are shown.</source>
        <translation>The tile server asks to wait. Saved tiles are shown.</translation>
    </message>
    <message>
        <source>The map cannot be drawn: Qt Quick runs on the software renderer (QT_QUICK_BACKEND=software). Start CivicDesk with OpenGL.</source>
        <translation>The map cannot be drawn: Qt Quick runs on the software renderer (QT_QUICK_BACKEND=software). Start CivicDesk with OpenGL.</translation>
    </message>
</context>
<context>
    <name>MediaTile</name>
    <message>
        <source>Video kept at the source</source>
        <translation>Video kept at the source</translation>
    </message>
    <message>
        <source>Photo kept at the source</source>
        <translation>Photo kept at the source</translation>
    </message>
    <message>
        <source>Loading video… %1%</source>
        <translation>Loading video… %1%</translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation>Loading photo…</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Loading preview…</translation>
    </message>
    <message>
        <source>Video without a preview</source>
        <translation>Video without a preview</translation>
    </message>
    <message>
        <source>Photo without a preview</source>
        <translation>Photo without a preview</translation>
    </message>
    <message>
        <source>Play (%1)</source>
        <translation>Play (%1)</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Loading the full photo…</source>
        <translation>Loading the full photo…</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>No report matches these filters.</source>
        <translation>No report matches these filters.</translation>
    </message>
</context>
<context>
    <name>ShortcutRow</name>
    <message>
        <source>default %1</source>
        <translation>default %1</translation>
    </message>
    <message>
        <source>Press a key…</source>
        <translation>Press a key…</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Single keys act while the queue has the keyboard, never in a text field or on the map. Keys with Ctrl or Alt and function keys act everywhere.</source>
        <translation>Single keys act while the queue has the keyboard, never in a text field or on the map. Keys with Ctrl or Alt and function keys act everywhere.</translation>
    </message>
    <message>
        <source>Press the new key combination. Escape cancels.</source>
        <translation>Press the new key combination. Escape cancels.</translation>
    </message>
    <message>
        <source>Enter: change the key. Delete: default key. Escape: close.</source>
        <translation>Enter: change the key. Delete: default key. Escape: close.</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>Reset all</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Claim and open the next report</source>
        <translation>Claim and open the next report</translation>
    </message>
    <message>
        <source>Claim the open report, or release it</source>
        <translation>Claim the open report, or release it</translation>
    </message>
    <message>
        <source>Classify: field and urgency</source>
        <translation>Classify: field and urgency</translation>
    </message>
    <message>
        <source>Forward to an agency</source>
        <translation>Forward to an agency</translation>
    </message>
    <message>
        <source>Reject, with a reason</source>
        <translation>Reject, with a reason</translation>
    </message>
    <message>
        <source>Mark as a duplicate</source>
        <translation>Mark as a duplicate</translation>
    </message>
    <message>
        <source>Show the reporter&apos;s name and phone</source>
        <translation>Show the reporter&apos;s name and phone</translation>
    </message>
    <message>
        <source>Take an assigned report in hand</source>
        <translation>Take an assigned report in hand</translation>
    </message>
    <message>
        <source>Publish the public response</source>
        <translation>Publish the public response</translation>
    </message>
    <message>
        <source>Ask the citizen for more information</source>
        <translation>Ask the citizen for more information</translation>
    </message>
    <message>
        <source>Record the citizen&apos;s answer</source>
        <translation>Record the citizen&apos;s answer</translation>
    </message>
    <message>
        <source>Ask for more time</source>
        <translation>Ask for more time</translation>
    </message>
    <message>
        <source>Return the report to the center</source>
        <translation>Return the report to the center</translation>
    </message>
    <message>
        <source>Approve or refuse more time</source>
        <translation>Approve or refuse more time</translation>
    </message>
    <message>
        <source>Reopen a rejected, closed or duplicate report</source>
        <translation>Reopen a rejected, closed or duplicate report</translation>
    </message>
    <message>
        <source>Add an internal note</source>
        <translation>Add an internal note</translation>
    </message>
    <message>
        <source>Edit the report&apos;s text</source>
        <translation>Edit the report&apos;s text</translation>
    </message>
    <message>
        <source>Open the needs-attention list</source>
        <translation>Open the needs-attention list</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Search the queue</translation>
    </message>
    <message>
        <source>Go to a ward or commune on the map</source>
        <translation>Go to a ward or commune on the map</translation>
    </message>
    <message>
        <source>New report from a hotline call</source>
        <translation>New report from a hotline call</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>Show the keyboard shortcuts</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Agency work</source>
        <translation>Agency work</translation>
    </message>
    <message>
        <source>Supervisors</source>
        <translation>Supervisors</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>No action has the id “%1”.</source>
        <translation>No action has the id “%1”.</translation>
    </message>
    <message>
        <source>“%1” is not a key combination.</source>
        <translation>“%1” is not a key combination.</translation>
    </message>
    <message>
        <source>%1 is a sequence of several keys. Press one key combination.</source>
        <translation>%1 is a sequence of several keys. Press one key combination.</translation>
    </message>
    <message>
        <source>%1 alone cannot be a shortcut. Hold it and press another key.</source>
        <translation>%1 alone cannot be a shortcut. Hold it and press another key.</translation>
    </message>
    <message>
        <source>%1 is reserved for moving through lists and for confirming or cancelling. Choose another key.</source>
        <translation>%1 is reserved for moving through lists and for confirming or cancelling. Choose another key.</translation>
    </message>
    <message>
        <source>%1 picks a template in the public response. Choose another key.</source>
        <translation>%1 picks a template in the public response. Choose another key.</translation>
    </message>
    <message>
        <source>%1 is a single key, which acts only in the queue, but “%2” acts everywhere. Add Ctrl or Alt, or choose a function key.</source>
        <translation>%1 is a single key, which acts only in the queue, but “%2” acts everywhere. Add Ctrl or Alt, or choose a function key.</translation>
    </message>
    <message>
        <source>%1 is already the key of “%2”.</source>
        <translation>%1 is already the key of “%2”.</translation>
    </message>
    <message>
        <source>Forward the marked reports</source>
        <translation>Forward the marked reports</translation>
    </message>
    <message>
        <source>Set the field of the marked reports</source>
        <translation>Set the field of the marked reports</translation>
    </message>
    <message>
        <source>Reject the marked reports as spam</source>
        <translation>Reject the marked reports as spam</translation>
    </message>
    <message>
        <source>Undo the last bulk change</source>
        <translation>Undo the last bulk change</translation>
    </message>
    <message>
        <source>Marked reports</source>
        <translation>Marked reports</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>CivicDesk — sign in</source>
        <translation>CivicDesk — sign in</translation>
    </message>
    <message>
        <source>Sign in to the central database</source>
        <translation>Sign in to the central database</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Operator: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>Central: connected</source>
        <translation>Central: connected</translation>
    </message>
    <message>
        <source>Central: not connected</source>
        <translation>Central: not connected</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Waiting to send: %1</source>
        <translation>Waiting to send: %1</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <source>Central: offline for %1</source>
        <translation>Central: offline for %1</translation>
    </message>
    <message>
        <source>Central: sync stopped</source>
        <translation>Central: sync stopped</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>TextPopup</name>
    <message>
        <source>%1 characters; at most %2 are allowed. Shorten the text.</source>
        <translation>%1 characters; at most %2 are allowed. Shorten the text.</translation>
    </message>
    <message>
        <source>Working days more</source>
        <translation>Working days more</translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message numerus="yes">
        <source>%n urgent report(s) not claimed</source>
        <translation>
            <numerusform>%n urgent report not claimed</numerusform>
            <numerusform>%n urgent reports not claimed</numerusform>
        </translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Received: %1</translation>
    </message>
    <message>
        <source>Unmute chime</source>
        <translation>Unmute chime</translation>
    </message>
    <message>
        <source>Mute chime</source>
        <translation>Mute chime</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
</context>
</TS>
