#pragma once

#include "core/reference.h"
#include "core/reportcreate.h"
#include "map/mapareaset.h"
#include "map/mapmarkerset.h"
#include "models/bulkactions.h"
#include "models/placefinder.h"
#include "models/queuemodel.h"
#include "models/reportdetail.h"
#include "models/urgentalerts.h"
#include "sync/mediafetcher.h"
#include "sync/syncengine.h"

#include <memory>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

namespace CivicDesk {

class ReplicaReader;

// The operator's workspace: the queue, the open report, reference lists for the
// pickers, the state of sync, and the actions. Owned by main(); QML reaches it as a
// singleton.
class Workstation : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QueueModel *queue READ queue CONSTANT)
    Q_PROPERTY(ReportDetail *detail READ detail CONSTANT)
    Q_PROPERTY(QString selectedReportId READ selectedReportId NOTIFY selectionChanged)
    Q_PROPERTY(QString operatorName READ operatorName CONSTANT)
    // The signed-in user's kind ("Operator", ...) in the interface language; empty on the
    // embedded central, offline, or for a role in no group.
    Q_PROPERTY(QString roleName READ roleName NOTIFY languageChanged)
    // Whether the signed-in user classifies, forwards and rejects reports: operators and
    // supervisors, and anyone working on the embedded central, which has no users.
    Q_PROPERTY(bool mayTriage READ mayTriage CONSTANT)
    // Whether the user may give an assigned report back to the center.
    Q_PROPERTY(bool mayReturn READ mayReturn CONSTANT)
    // Whether the user may ask for a reporter's name and phone: operators and supervisors.
    Q_PROPERTY(bool mayReveal READ mayTriage CONSTANT)
    // Whether the user changes reports at all: everyone but the wall display.
    Q_PROPERTY(bool mayWrite READ mayWrite CONSTANT)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(bool online READ online NOTIFY syncStatusChanged)
    // The central responds but sync cannot go on; connectionMessage says why.
    Q_PROPERTY(bool syncProblem READ syncProblem NOTIFY syncStatusChanged)
    Q_PROPERTY(QString connectionMessage READ connectionMessage NOTIFY syncStatusChanged)
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY syncStatusChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY syncStatusChanged)
    // How long the central has not responded ("45 s", "12 min"); empty while connected.
    Q_PROPERTY(QString offlineFor READ offlineFor NOTIFY offlineForChanged)
    Q_PROPERTY(int attentionCount READ attentionCount NOTIFY attentionChanged)
    // Refused operations: maps with operationId, reportId, code, action, refusal, reason, detail,
    // time, held (later actions waiting), canReapply, canKeepTheirs, and fields: maps with name,
    // mine, theirs and conflicting.
    Q_PROPERTY(QVariantList attentionItems READ attentionItems NOTIFY attentionChanged)
    // Pickers, in Vietnamese alphabetical order: maps with code and name.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY referenceChanged)
    Q_PROPERTY(QVariantList agencies READ agencies NOTIFY referenceChanged)
    Q_PROPERTY(QVariantList wards READ wards NOTIFY referenceChanged)
    Q_PROPERTY(QVariantList statuses READ statuses NOTIFY languageChanged)
    // True when the queue, the reference data and the markers have been read once.
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    // Located reports and the wards and communes, for the map.
    Q_PROPERTY(MapMarkerSet *mapMarkers READ mapMarkers CONSTANT)
    Q_PROPERTY(MapAreaSet *mapAreas READ mapAreas CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorOccurred)
    // The user's role code ("operator", "supervisor", "agency", ...), which chooses the layout:
    // an agency user works from the inbox of their agency's reports.
    Q_PROPERTY(QString roleCode READ roleCode CONSTANT)
    Q_PROPERTY(bool maySupervise READ maySupervise CONSTANT)
    // Urgent reports that nobody has claimed: the banner's list, the chime and the desktop
    // notifications.
    Q_PROPERTY(UrgentAlerts *alerts READ alerts CONSTANT)
    // Forward, classify or reject the reports marked in the queue, with a preview and an undo.
    Q_PROPERTY(BulkActions *bulk READ bulk CONSTANT)
    Q_PROPERTY(bool holdsClaim READ holdsClaim NOTIFY claimChanged)
    // Reports that may duplicate the open one, best first: maps with id, code, title, status,
    // statusName, receivedText, similarity (0 to 1) and distance (metres, -1 when unknown).
    Q_PROPERTY(QVariantList duplicateSuggestions READ duplicateSuggestions NOTIFY
                   duplicateSuggestionsChanged)
    // Maximum length in characters of a note or a reason for rejecting a report.
    Q_PROPERTY(int maxOperatorTextLength READ maxOperatorTextLength CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString dataFolder READ dataFolder CONSTANT)
    Q_PROPERTY(QString logFile READ logFile CONSTANT)

public:
    Workstation(QString centralUrl, QString replicaPath, QString dataFolder, QString operatorName,
                QObject *parent = nullptr);
    ~Workstation() override;

    static Workstation *create(QQmlEngine *, QJSEngine *);
    static void setInstance(Workstation *workstation);

    // Size limit of the local cache of full media files, in bytes; takes effect at start().
    void setMediaCacheLimit(qint64 bytes) { m_mediaCacheLimit = bytes; }
    // Default of that limit: a few hundred phone videos.
    static constexpr qint64 defaultMediaCacheLimit = qint64(2) * 1024 * 1024 * 1024;

    void start(int syncIntervalMs = 2000);
    void stop();

    QueueModel *queue() const { return m_queue; }
    ReportDetail *detail() const { return m_detail; }
    QString selectedReportId() const { return m_selected; }
    QString operatorName() const { return m_operator; }
    QString roleName() const;
    // Sets the role code ("operator", ...) that signing in to the central returned; before the
    // interface loads.
    void setSignedInRole(const QString &code);
    // The role the user acts in: the signed-in one, or operator on the embedded central.
    Role actingRole() const;
    bool mayTriage() const;
    bool mayReturn() const;
    bool mayWrite() const { return actingRole() != Role::Kiosk; }
    QString language() const { return m_language; }
    bool online() const { return m_status.online; }
    bool syncProblem() const { return m_status.problem; }
    QString connectionMessage() const { return m_status.message.simplified(); }
    QString lastSyncText() const;
    int pendingCount() const { return m_status.pendingOperations; }
    QString offlineFor() const;
    int attentionCount() const { return int(m_attention.size()); }
    QVariantList attentionItems() const { return m_attention; }
    QVariantList categories() const;
    QVariantList agencies() const;
    QVariantList wards() const;
    QVariantList statuses() const;
    MapMarkerSet *mapMarkers() const { return m_markerSet; }
    MapAreaSet *mapAreas() const { return m_areaSet; }
    // Colour of a workflow state, the same on the map, in the queue and on chips.
    Q_INVOKABLE QColor statusColor(const QString &statusCode) const;
    bool isReady() const;
    QString lastError() const { return m_lastError; }
    QString roleCode() const { return roleCodeOf(actingRole()); }
    bool maySupervise() const { return actingRole() == Role::Supervisor; }
    QVariantList duplicateSuggestions() const { return m_duplicates; }
    // Whether this user holds the claim on the open report.
    bool holdsClaim() const { return !m_claimed.isEmpty() && m_claimed == m_selected; }
    UrgentAlerts *alerts() const { return m_alerts; }
    BulkActions *bulk() const { return m_bulk; }
    int maxOperatorTextLength() const { return CivicDesk::maxOperatorTextLength; }
    QString version() const { return QStringLiteral(CIVICDESK_VERSION); }
    QString dataFolder() const { return m_dataFolder; }
    QString logFile() const { return m_logFile; }
    void setLogFile(const QString &path) { m_logFile = path; }

    const ReferenceData &reference() const { return m_reference; }

    Q_INVOKABLE void select(const QString &reportId);
    // Opens a report given by its public code or its id.
    void selectByCodeOrId(const QString &codeOrId);
    Q_INVOKABLE void classify(const QString &category, const QString &priority);
    Q_INVOKABLE void assign(const QString &agency);
    Q_INVOKABLE void reject(const QString &reason);
    // Gives the open report, assigned to an agency, back to the center for triage.
    Q_INVOKABLE void returnToCenter(const QString &reason);
    // The agency's steps; an operator or a supervisor records them on the agency's behalf.
    Q_INVOKABLE void acknowledge();
    Q_INVOKABLE void publishResponse(const QString &response);
    // Asks for a deadline `workingDays` working days after the current one, with a reason.
    Q_INVOKABLE void requestExtension(int workingDays, const QString &reason);
    // The wait for the citizen: a question pauses the deadline, the answer resumes it.
    Q_INVOKABLE void askCitizen(const QString &question);
    Q_INVOKABLE void recordAnswer(const QString &answer);
    // Marks the open report as a duplicate of another; its reporters join that report.
    Q_INVOKABLE void markDuplicate(const QString &originalId);
    // A supervisor's decisions.
    Q_INVOKABLE void reopen(const QString &reason);
    Q_INVOKABLE void decideExtension(bool approved, const QString &reason);
    // Returns the response templates that fit the open report, in the interface's language, with
    // their placeholders filled: maps with id, title and text.
    Q_INVOKABLE QVariantList responseTemplates() const;
    // Claims the open report on the central, or releases the claim this user holds on it. The
    // claim is renewed while the report stays open and released when another one is opened.
    Q_INVOKABLE void toggleClaim();
    // A supervisor releases someone else's claim on the open report, with a reason.
    Q_INVOKABLE void releaseClaimOf(const QString &reason);
    // Claims and opens the report that comes next in the queue's filters: urgent first, then the
    // earliest deadline, then the oldest. Needs the central.
    Q_INVOKABLE void claimNext();
    Q_INVOKABLE void addNote(const QString &text);
    // Edits free-text fields of the open report. `seen` contains the values the operator saw when
    // the editing began and `values` the new ones, both keyed by field code. The new values lose
    // their surrounding white space, and only fields whose value changed otherwise are sent.
    Q_INVOKABLE void editText(const QVariantMap &seen, const QVariantMap &values);
    // Resolves a refused operation: "mine" sends it again on the current state, "theirs" keeps
    // the other operator's values, "dismiss" sends nothing.
    Q_INVOKABLE void resolveAttention(const QString &operationId, const QString &resolution);
    // Shows the open report's reporters; the central records who asked and the reason.
    Q_INVOKABLE void revealReporters(const QString &reason);
    Q_INVOKABLE void syncNow();
    // Fetches the full file of one of the open report's photos or videos into the local cache,
    // or tries again after a failure.
    Q_INVOKABLE void openMedia(const QString &sha256);
    // Folds text as the search does: no Vietnamese marks, "đ" as "d", lower case.
    Q_INVOKABLE QString fold(const QString &text) const;
    // Switches the interface language ("vi" or "en").
    Q_INVOKABLE void setLanguage(const QString &language);
    // Reads the queue rows of these reports, which reportListReady then carries.
    Q_INVOKABLE void listReports(const QStringList &reportIds);
    // Returns at most ten wards, communes, named places and former units whose name contains
    // the text, each a map with name, detail and area (a geoshape for
    // MapView.fitViewportToGeoShape).
    Q_INVOKABLE QVariantList findPlaces(const QString &text);
    // Returns a new file path for a picture of the map, in the user's pictures folder.
    Q_INVOKABLE QString newMapImagePath() const;
    // Creates a report for a caller on the hotline and queues it like any other action; once
    // queued it is selected and reportCreated follows. `fields` holds name, phone, title,
    // description, priority (code), address, ward (code), latitude and longitude; `files` are
    // paths or file URLs of photos, videos or recordings. Returns a translated sentence per
    // field to correct (title, description, phone, position, form), or an empty map when
    // queued. With files it returns {"copying": true}: the files are copied off the GUI thread,
    // then reportCreated follows, or reportNotCreated with the sentence for "files".
    Q_INVOKABLE QVariantMap createReport(const QVariantMap &fields, const QStringList &files);
    // Returns the code of the ward or commune whose boundary contains the position, or "".
    Q_INVOKABLE QString wardAt(double latitude, double longitude) const;

Q_SIGNALS:
    void selectionChanged();
    void languageChanged();
    void syncStatusChanged();
    void offlineForChanged();
    void attentionChanged();
    void referenceChanged();
    void readyChanged();
    // A translated sentence for the operator, after the detail went to the log.
    void errorOccurred(const QString &message);
    // Asks main() to load the translation of the new language.
    void languageRequested(const QString &language);
    // Rows of the reports asked for by listReports(), newest first, each a map with id, code,
    // title, status (its code), statusName, categoryName and wardName.
    void reportListReady(const QVariantList &rows);
    void duplicateSuggestionsChanged();
    void claimChanged();
    // A report made with createReport() is in the replica and selected.
    void reportCreated(const QString &reportId);
    // A report of createReport() was not made, because a file could not be attached.
    void reportNotCreated(const QVariantMap &errors);

private:
    ClaimActor claimActor() const { return {m_operator, actingRole()}; }
    void onClaimAnswered(const QString &reportId, bool granted, const QString &holder,
                         const QDateTime &expiresAt, const QString &message, bool offline);
    void submit(OperationKind kind, const QJsonObject &payload);
    QVariantMap attentionEntry(const AttentionItem &item) const;
    void onSynced(const SyncSummary &summary);
    void onStatus(const SyncStatus &status);
    void reportError(const QString &technical, const QString &sentence);
    // Reads everything shown again. With markerIds, the map reads only those reports.
    void refreshAll(bool withReference, const std::optional<QStringList> &markerIds = {});
    QString name(const QString &vi, const QString &en) const;
    // "Status · field · urgent · agency" in the interface's language, for previews.
    QString describeState(const AssignmentState &state) const;
    MapMarker mapMarker(const MarkerRow &row) const;
    void updateMapAreas();
    void startMediaFetcher();
    void fetchOpenReportThumbnails();
    QString mediaErrorText(MediaFetchError reason) const;
    static QString roleCodeOf(Role role) { return CivicDesk::roleCode(role); }
    void showDuplicates(const QString &reportId, const QList<DuplicateRow> &rows);
    // Queues the Create operation of a hotline report (workstationintake.cpp).
    void queueCreate(const Report &report, const Reporter &reporter, const QString &reportId,
                     const QList<AttachedFile> &attached);
    // Copies the files into `folder`, where they wait for the central; runs off the GUI thread.
    // On failure sets `failedPath`, removes the folder and returns false.
    static bool copyAttachments(const QStringList &files, const QString &folder,
                                QList<AttachedFile> *attached, QString *failedPath);
    // The form's error for a file that cannot be attached.
    static QVariantMap attachmentError(const QString &path);

    QString m_dataFolder;
    QString m_operator;
    QString m_roleCode;
    QString m_language = QStringLiteral("vi");
    QString m_centralUrl;
    SyncEngine m_engine;
    std::unique_ptr<MediaFetcher> m_media;
    qint64 m_mediaCacheLimit = defaultMediaCacheLimit;
    ReplicaReader *m_reader;
    QueueModel *m_queue;
    ReportDetail *m_detail;
    QString m_selected;
    SyncStatus m_status;
    QTimer m_offlineTick; // refreshes offlineFor every second while offline
    PlaceFinder m_places;
    bool m_placeFilesRead = false;
    int m_listRequest = 0; // negative numbers, so that the queue ignores the replies
    ReferenceData m_reference;
    bool m_referenceLoaded = false;
    bool m_markersLoaded = false;
    QVariantList m_attention;
    MapMarkerSet *m_markerSet;
    MapAreaSet *m_areaSet;
    QString m_lastError;
    QString m_logFile;
    bool m_readerStarted = false;
    bool m_syncedOnce = false;
    QString m_pendingLookup;
    QVariantList m_duplicates;
    DesktopNotifier *m_notifier;
    UrgentAlerts *m_alerts;
    BulkActions *m_bulk;
    QString m_claimed;           // the report this user holds a claim on, empty when none
    bool m_awaitingNext = false; // a "claim next" waits for the central's reply
    QTimer m_claimRenewal;
};

} // namespace CivicDesk
