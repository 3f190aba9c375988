#include "models/workstation.h"

#include "core/conflict.h"
#include "core/logging.h"
#include "core/textedit.h"
#include "core/textfold.h"
#include "core/timeutil.h"
#include "core/workflow.h"
#include "intake/demoplacement.h"
#include "models/desktopnotifier.h"
#include "models/displaytext.h"
#include "models/replicareader.h"
#include "resources/resources.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGeoShape>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace CivicDesk {
namespace {

Workstation *s_instance = nullptr;

QVariantList sortedByName(QVariantList items)
{
    QCollator collator(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    std::sort(items.begin(), items.end(), [&collator](const QVariant &a, const QVariant &b) {
        return collator.compare(a.toMap().value(QStringLiteral("name")).toString(),
                                b.toMap().value(QStringLiteral("name")).toString()) < 0;
    });
    return items;
}

} // namespace

Workstation::Workstation(QString centralUrl, QString replicaPath, QString dataFolder,
                         QString operatorName, QObject *parent)
    : QObject(parent)
    , m_dataFolder(std::move(dataFolder))
    , m_operator(std::move(operatorName))
    , m_centralUrl(std::move(centralUrl))
    , m_engine(m_centralUrl, replicaPath)
    , m_reader(new ReplicaReader(replicaPath))
    , m_queue(new QueueModel(m_reader, this))
    , m_detail(new ReportDetail(this))
    , m_markerSet(new MapMarkerSet(this))
    , m_areaSet(new MapAreaSet(this))
    , m_notifier(new DesktopNotifier(this))
    , m_alerts(new UrgentAlerts(m_notifier, this))
    , m_bulk(new BulkActions(m_reader, &m_engine, m_queue, this))
{
    m_bulk->setActor(m_operator, actingRole());
    m_bulk->setDescriber([this](const AssignmentState &state) { return describeState(state); });
    connect(m_bulk, &BulkActions::changed, this,
            [this](const QStringList &ids) { refreshAll(false, ids); });
    connect(m_bulk, &BulkActions::failed, this, &Workstation::reportError);
    m_reader->setParent(this);
    connect(m_reader, &ReplicaReader::urgentReady, m_alerts, &UrgentAlerts::update);
    connect(&m_engine, &SyncEngine::claimAnswered, this, &Workstation::onClaimAnswered);
    // A claim lasts ten minutes; renewing it halfway keeps it while the report stays open.
    m_claimRenewal.setInterval(defaultClaimLeaseSeconds * 1000 / 2);
    connect(&m_claimRenewal, &QTimer::timeout, this, [this] {
        if (!m_claimed.isEmpty())
            m_engine.requestClaim(m_claimed, claimActor());
    });
    // Clusters on the map count their reports by status in the workflow's order.
    QList<QColor> statusColors;
    for (Status status : allStatuses())
        statusColors.append(statusColor(statusCode(status)));
    m_markerSet->setCategoryColors(statusColors);
    connect(m_reader, &ReplicaReader::pageReady, this,
            [this](int requestId, int, int, const QList<QueueRow> &rows) {
                if (requestId != m_listRequest)
                    return;
                QVariantList list;
                for (const QueueRow &row : rows) {
                    list.append(QVariantMap{
                        {QStringLiteral("id"), row.id},
                        {QStringLiteral("code"), row.publicCode},
                        {QStringLiteral("title"), row.title},
                        {QStringLiteral("status"), statusCode(row.status)},
                        {QStringLiteral("statusName"), statusName(row.status)},
                        {QStringLiteral("categoryName"), row.categoryName},
                        {QStringLiteral("wardName"), row.wardName},
                    });
                }
                Q_EMIT reportListReady(list);
            });
    connect(&m_engine, &SyncEngine::synced, this, &Workstation::onSynced);
    connect(&m_engine, &SyncEngine::statusChanged, this, &Workstation::onStatus);
    m_offlineTick.setInterval(1000);
    connect(&m_offlineTick, &QTimer::timeout, this, &Workstation::offlineForChanged);
    connect(&m_engine, &SyncEngine::failed, this, [this](const QString &message) {
        reportError(message, QCoreApplication::translate(
                                 "CivicDesk", "The local replica cannot be opened. Check the data "
                                              "folder and restart CivicDesk."));
    });
    connect(&m_engine, &SyncEngine::operationRejected, this,
            [this](const QString &, const QString &reason) {
                reportError(reason, QCoreApplication::translate(
                                        "CivicDesk", "This action is not allowed now: %1")
                                        .arg(reason));
            });
    connect(&m_engine, &SyncEngine::operationQueued, this,
            [this](const QString &, const QString &reportId) {
                refreshAll(false, reportId.isEmpty() ? std::optional<QStringList>()
                                                     : QStringList{reportId});
            });
    connect(&m_engine, &SyncEngine::reportersRevealed, this,
            [this](const QString &reportId, const QVariantList &reporters, const QString &error) {
                if (!error.isEmpty()) {
                    reportError(error, QCoreApplication::translate(
                                           "CivicDesk", "The reporter could not be shown: %1")
                                           .arg(error));
                    return;
                }
                if (reportId == m_selected)
                    m_detail->setRevealedReporters(reporters);
            });

    connect(m_reader, &ReplicaReader::referenceReady, this, [this](const ReferenceData &data) {
        const bool wasReady = isReady();
        m_reference = data;
        m_queue->setCalendar(data.calendar);
        m_bulk->setReference(data);
        m_referenceLoaded = true;
        setDisplayTimeZone(zoneOrUtc(data.timeZone));
        updateMapAreas();
        Q_EMIT referenceChanged();
        if (!wasReady && isReady())
            Q_EMIT readyChanged();
    });
    connect(m_reader, &ReplicaReader::markersReady, this,
            [this](const QList<MarkerRow> &rows, const ReportQuery &query) {
                const bool wasReady = isReady();
                QList<MapMarker> markers;
                markers.reserve(rows.size());
                for (const MarkerRow &row : rows)
                    markers.append(mapMarker(row));
                if (query.ids.isEmpty()) {
                    m_markerSet->setMarkers(markers);
                    m_markersLoaded = true;
                } else {
                    // Reports asked for and not returned left the filters, lost their position or
                    // were deleted.
                    QSet<QString> returned;
                    for (const MarkerRow &row : rows)
                        returned.insert(row.id);
                    QStringList missing;
                    for (const QString &id : query.ids) {
                        if (!returned.contains(id))
                            missing.append(id);
                    }
                    m_markerSet->update(markers, missing);
                }
                if (!wasReady && isReady())
                    Q_EMIT readyChanged();
            });
    connect(m_reader, &ReplicaReader::snapshotReady, this,
            [this](const ReportSnapshot &snapshot, bool pending) {
                if (snapshot.report.id != m_selected)
                    return;
                m_detail->show(snapshot, pending, m_reference, m_language);
                fetchOpenReportThumbnails();
                // Only a report still in triage can be marked as a duplicate.
                const Status status = snapshot.report.status;
                if (status == Status::New || status == Status::Triaged) {
                    m_reader->requestDuplicates(snapshot.report.id);
                } else if (!m_duplicates.isEmpty()) {
                    m_duplicates.clear();
                    Q_EMIT duplicateSuggestionsChanged();
                }
            });
    connect(m_reader, &ReplicaReader::duplicatesReady, this, &Workstation::showDuplicates);
    connect(m_reader, &ReplicaReader::attentionReady, this,
            [this](const QList<AttentionItem> &items) {
                m_attention.clear();
                QSet<QString> blocked;
                for (const AttentionItem &item : items) {
                    m_attention.append(attentionEntry(item));
                    blocked.insert(item.reportId);
                }
                m_bulk->setBlockedReports(blocked);
                Q_EMIT attentionChanged();
            });
    connect(m_reader, &ReplicaReader::lookupReady, this,
            [this](const QString &codeOrId, const QString &id) {
                if (id.isEmpty() && !m_syncedOnce)
                    m_pendingLookup = codeOrId; // the first sync may still bring it
                else if (id.isEmpty())
                    reportError(QStringLiteral("no report %1").arg(codeOrId),
                                QCoreApplication::translate("CivicDesk", "Report %1 was not found.")
                                    .arg(codeOrId));
                else
                    select(id);
            });
    connect(m_reader, &ReplicaReader::failed, this, [this](const QString &message) {
        reportError(message,
                    QCoreApplication::translate("CivicDesk", "Reading the local replica failed: %1")
                        .arg(message));
    });
    // The map shows what the queue shows.
    connect(m_queue, &QueueModel::queryChanged, this, [this] {
        if (m_readerStarted)
            m_reader->requestMarkers(m_queue->query());
    });
    connect(m_queue, &QueueModel::loadedChanged, this, [this] {
        if (isReady())
            Q_EMIT readyChanged();
    });
}

Workstation::~Workstation()
{
    stop();
    if (s_instance == this)
        s_instance = nullptr;
}

Workstation *Workstation::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void Workstation::setInstance(Workstation *workstation)
{
    s_instance = workstation;
}

void Workstation::start(int syncIntervalMs)
{
    // The reader opens the replica only once the sync thread has created and migrated it.
    connect(
        &m_engine, &SyncEngine::replicaOpened, this,
        [this] {
            m_reader->start();
            m_readerStarted = true;
            refreshAll(true);
            if (!m_pendingLookup.isEmpty())
                m_reader->requestLookup(std::exchange(m_pendingLookup, QString()));
        },
        Qt::SingleShotConnection);
    m_engine.start(syncIntervalMs);
    startMediaFetcher();
}

void Workstation::stop()
{
    if (m_media)
        m_media->stop();
    m_engine.stop();
    m_reader->stop();
}

QString Workstation::roleName() const
{
    const auto role = roleFromCode(m_roleCode);
    return role ? CivicDesk::roleName(*role) : QString();
}

bool Workstation::isReady() const
{
    return m_referenceLoaded && m_markersLoaded && m_queue->isLoaded();
}

void Workstation::refreshAll(bool withReference, const std::optional<QStringList> &markerIds)
{
    // The reference data changes rarely, and reloading it rebuilds the map's ward areas.
    if (withReference)
        m_reader->requestReference();
    ReportQuery markers = m_queue->query();
    // Before the first full read, a partial one would leave the map without the rest.
    if (markerIds && m_markersLoaded) {
        if (!markerIds->isEmpty()) {
            markers.ids = *markerIds;
            m_reader->requestMarkers(markers);
        }
    } else {
        m_reader->requestMarkers(markers);
    }
    m_reader->requestAttention();
    m_reader->requestUrgent();
    m_queue->refresh();
    if (!m_selected.isEmpty())
        m_reader->requestSnapshot(m_selected);
}

QColor Workstation::statusColor(const QString &code) const
{
    static const QHash<QString, QColor> palette{
        {QStringLiteral("new"), QColor(0x15, 0x65, 0xc0)},
        {QStringLiteral("triaged"), QColor(0x00, 0x79, 0x6b)},
        {QStringLiteral("assigned"), QColor(0x6a, 0x1b, 0x9a)},
        {QStringLiteral("in_progress"), QColor(0xb3, 0x5c, 0x00)},
        {QStringLiteral("waiting_info"), QColor(0x5d, 0x6d, 0x7e)},
        {QStringLiteral("resolved"), QColor(0x2e, 0x7d, 0x32)},
        {QStringLiteral("closed"), QColor(0x37, 0x47, 0x4f)},
        {QStringLiteral("rejected"), QColor(0xb3, 0x26, 0x1e)},
        {QStringLiteral("duplicate"), QColor(0x79, 0x55, 0x48)},
    };
    return palette.value(code, QColor(0x5d, 0x6d, 0x7e));
}

MapMarker Workstation::mapMarker(const MarkerRow &row) const
{
    return {row.id, row.latitude, row.longitude, statusColor(statusCode(row.status)), row.accuracy};
}

void Workstation::listReports(const QStringList &reportIds)
{
    ReportQuery query;
    query.ids = reportIds;
    query.language = m_language;
    --m_listRequest;
    if (reportIds.isEmpty()) {
        Q_EMIT reportListReady({});
        return;
    }
    m_reader->requestPage(m_listRequest, query, 0, int(reportIds.size()));
}

QVariantList Workstation::findPlaces(const QString &text)
{
    // The files are read once, at the first search; a failure is logged once.
    if (!m_placeFilesRead) {
        m_placeFilesRead = true;
        QString error;
        const auto former = readFormerUnits(builtInReferenceDirectory() + QLatin1Char('/') +
                                                QLatin1String(formerUnitsFileName),
                                            &error);
        if (former)
            m_places.setFormerUnits(*former);
        else
            qCWarning(lcApp) << "Former units are not searchable:" << error;
        if (!m_places.readPlaces(builtInPlacesFile(), &error))
            qCWarning(lcApp) << "Named places are not searchable:" << error;
    }
    QVariantList result;
    for (const Place &place : m_places.find(text, 10)) {
        result.append(
            QVariantMap{{QStringLiteral("name"), place.name},
                        {QStringLiteral("detail"), place.detail},
                        {QStringLiteral("area"), QVariant::fromValue(QGeoShape(place.area))}});
    }
    return result;
}

QString Workstation::newMapImagePath() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    folder += QStringLiteral("/CivicDesk");
    QDir().mkpath(folder);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = folder + QStringLiteral("/map-%1.png").arg(stamp);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = folder + QStringLiteral("/map-%1-%2.png").arg(stamp).arg(n);
    return path;
}

void Workstation::updateMapAreas()
{
    m_places.setCurrentUnits(m_reference.adminUnits, m_language == QLatin1String("en"));
    QList<MapArea> areas;
    for (const AdminUnit &unit : std::as_const(m_reference.adminUnits)) {
        // Labels drop the "Phường"/"Ward" word: the map has no room for it.
        QString label = name(unit.nameVi, unit.nameEn);
        label.remove(QRegularExpression(QStringLiteral("^(Phường|Xã) | (Ward|Commune)$")));
        areas.append({unit.code, label, multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8())});
    }
    m_areaSet->setAreas(std::move(areas));
}

void Workstation::onSynced(const SyncSummary &summary)
{
    m_syncedOnce = true;
    if (!m_pendingLookup.isEmpty() && m_readerStarted)
        m_reader->requestLookup(std::exchange(m_pendingLookup, QString()));
    if (summary.received > 0 || summary.removed > 0 || summary.sent > 0 ||
        summary.referenceChanged) {
        // Refused operations bring back the central's state of reports the feed may not list.
        const bool everything = summary.referenceChanged || !summary.idsComplete ||
                                summary.refused > 0 || summary.held > 0;
        refreshAll(summary.referenceChanged, everything ? std::optional<QStringList>()
                                                        : summary.changedIds + summary.removedIds);
    }
}

void Workstation::onStatus(const SyncStatus &status)
{
    m_status = status;
    if (!status.online && status.offlineSince.isValid())
        m_offlineTick.start();
    else
        m_offlineTick.stop();
    Q_EMIT syncStatusChanged();
    Q_EMIT offlineForChanged();
}

QString Workstation::offlineFor() const
{
    if (m_status.online || !m_status.offlineSince.isValid())
        return QString();
    const qint64 seconds =
        std::max<qint64>(0, m_status.offlineSince.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 60)
        return QCoreApplication::translate("CivicDesk", "%1 s").arg(seconds);
    return durationText(seconds);
}

QString Workstation::lastSyncText() const
{
    return displayTime(m_status.lastSync);
}

void Workstation::reportError(const QString &technical, const QString &sentence)
{
    qCWarning(lcApp) << technical;
    m_lastError = sentence;
    Q_EMIT errorOccurred(sentence);
}

QString Workstation::describeState(const AssignmentState &state) const
{
    QStringList parts{statusName(state.status)};
    for (const Category &category : m_reference.categories) {
        if (category.code == state.category)
            parts.append(name(category.nameVi, category.nameEn));
    }
    if (state.priority == Priority::Urgent)
        parts.append(priorityName(state.priority));
    for (const Agency &agency : m_reference.agencies) {
        if (agency.id == state.agency)
            parts.append(name(agency.nameVi, agency.nameEn));
    }
    return parts.join(QStringLiteral(" · "));
}

QString Workstation::name(const QString &vi, const QString &en) const
{
    return m_language == QLatin1String("en") && !en.isEmpty() ? en : vi;
}

QVariantList Workstation::categories() const
{
    QVariantList list;
    for (const Category &category : m_reference.categories)
        list.append(QVariantMap{{QStringLiteral("code"), category.code},
                                {QStringLiteral("name"), name(category.nameVi, category.nameEn)}});
    return list; // the center's own order of fields
}

QVariantList Workstation::agencies() const
{
    QVariantList list;
    for (const Agency &agency : m_reference.agencies) {
        if (agency.active)
            list.append(QVariantMap{{QStringLiteral("code"), agency.id},
                                    {QStringLiteral("name"), name(agency.nameVi, agency.nameEn)}});
    }
    return sortedByName(list);
}

QVariantList Workstation::wards() const
{
    QVariantList list;
    for (const AdminUnit &unit : m_reference.adminUnits)
        list.append(QVariantMap{{QStringLiteral("code"), unit.code},
                                {QStringLiteral("name"), name(unit.nameVi, unit.nameEn)}});
    return sortedByName(list);
}

QVariantList Workstation::statuses() const
{
    QVariantList list{QVariantMap{
        {QStringLiteral("code"), QString::fromLatin1(agencyWorkFilter)},
        {QStringLiteral("name"), QCoreApplication::translate("CivicDesk", "With an agency")}}};
    for (Status status : allStatuses())
        list.append(QVariantMap{{QStringLiteral("code"), statusCode(status)},
                                {QStringLiteral("name"), statusName(status)}});
    return list;
}

void Workstation::select(const QString &reportId)
{
    if (reportId == m_selected)
        return;
    // Leaving a claimed report gives it back to the others.
    if (!m_claimed.isEmpty() && m_claimed != reportId) {
        m_engine.releaseClaim(m_claimed, claimActor(), QString());
        m_claimed.clear();
        m_claimRenewal.stop();
        Q_EMIT claimChanged();
    }
    m_selected = reportId;
    Q_EMIT selectionChanged();
    if (!m_duplicates.isEmpty()) {
        m_duplicates.clear();
        Q_EMIT duplicateSuggestionsChanged();
    }
    if (reportId.isEmpty())
        m_detail->clear();
    else
        m_reader->requestSnapshot(reportId);
}

void Workstation::selectByCodeOrId(const QString &codeOrId)
{
    if (m_readerStarted)
        m_reader->requestLookup(codeOrId);
    else
        m_pendingLookup = codeOrId; // asked for again once the replica is open
}

QVariantMap Workstation::attentionEntry(const AttentionItem &item) const
{
    const bool english = m_language == QLatin1String("en");
    QVariantList fields;
    for (const FieldDifference &difference : item.differences) {
        fields.append(QVariantMap{
            {QStringLiteral("name"), differenceFieldName(difference.field)},
            {QStringLiteral("mine"),
             differenceValueText(difference.field, difference.mine, m_reference, english)},
            {QStringLiteral("theirs"),
             differenceValueText(difference.field, difference.theirs, m_reference, english)},
            {QStringLiteral("conflicting"), difference.conflicting}});
    }
    // The central's reason is English detail for the log; the operator reads a sentence.
    return {{QStringLiteral("operationId"), item.operationId},
            {QStringLiteral("reportId"), item.reportId},
            {QStringLiteral("code"), item.reportCode},
            {QStringLiteral("action"), operationKindCode(item.kind)},
            {QStringLiteral("refusal"), refusalCode(item.refusal)},
            {QStringLiteral("reason"), refusalText(item.refusal)},
            {QStringLiteral("detail"), item.reason},
            {QStringLiteral("time"), displayTime(item.createdAt)},
            {QStringLiteral("held"), item.heldOperations},
            {QStringLiteral("canReapply"), item.canReapply},
            {QStringLiteral("canKeepTheirs"), item.canKeepTheirs},
            {QStringLiteral("fields"), fields}};
}

void Workstation::submit(OperationKind kind, const QJsonObject &payload)
{
    if (m_selected.isEmpty())
        return;
    for (const QVariant &entry : std::as_const(m_attention)) {
        if (entry.toMap().value(QStringLiteral("reportId")).toString() != m_selected)
            continue;
        reportError(QStringLiteral("report %1 has an open refusal").arg(m_selected),
                    QCoreApplication::translate("CivicDesk",
                                                "This report has a refused change. Decide on it "
                                                "under \"Needs attention\" first."));
        return;
    }
    m_engine.submit(kind, m_selected, payload, m_operator, actingRole());
}

void Workstation::editText(const QVariantMap &seen, const QVariantMap &values)
{
    QList<TextChange> changes;
    for (TextField field : allTextFields()) {
        const QString code = textFieldCode(field);
        if (!values.contains(code))
            continue;
        const QString from = seen.value(code).toString();
        const QString to = values.value(code).toString().trimmed();
        // An imported text may end in a line break; dropping it is not the operator's change.
        if (to != from && to != from.trimmed())
            changes.append({field, from, to});
    }
    if (!changes.isEmpty())
        submit(OperationKind::EditText, textEditPayload(changes));
}

void Workstation::resolveAttention(const QString &operationId, const QString &resolution)
{
    const auto parsed = resolutionFromCode(resolution);
    if (!parsed) {
        qCCritical(lcApp) << "unknown resolution" << resolution << "for operation" << operationId;
        return;
    }
    m_engine.resolveAttention(operationId, *parsed);
}

void Workstation::classify(const QString &category, const QString &priority)
{
    submit(OperationKind::Classify,
           {{QStringLiteral("category"), category}, {QStringLiteral("priority"), priority}});
}

void Workstation::assign(const QString &agency)
{
    submit(OperationKind::Assign, {{QStringLiteral("agency"), agency}});
}

void Workstation::reject(const QString &reason)
{
    submit(OperationKind::Reject, {{QStringLiteral("reason"), reason}});
}

void Workstation::returnToCenter(const QString &reason)
{
    submit(OperationKind::ReturnToCenter, {{QStringLiteral("reason"), reason}});
}

void Workstation::setSignedInRole(const QString &code)
{
    m_roleCode = code;
    m_bulk->setActor(m_operator, actingRole());
    m_detail->setRole(actingRole());
}

Role Workstation::actingRole() const
{
    return roleFromCode(m_roleCode).value_or(Role::Operator);
}

bool Workstation::mayTriage() const
{
    const Role role = actingRole();
    return role == Role::Operator || role == Role::Supervisor;
}

bool Workstation::mayReturn() const
{
    return isTransitionAllowed(Status::Assigned, Status::Triaged, OperationKind::ReturnToCenter,
                               actingRole());
}

void Workstation::addNote(const QString &text)
{
    submit(OperationKind::AddNote, {{QStringLiteral("text"), text}});
}

QString Workstation::fold(const QString &text) const
{
    return foldText(text);
}

void Workstation::revealReporters(const QString &reason)
{
    if (!m_selected.isEmpty())
        m_engine.revealReporters(m_selected, reason, m_operator);
}

void Workstation::syncNow()
{
    m_engine.syncNow();
}

void Workstation::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    Q_EMIT languageRequested(language);
    m_queue->setLanguage(language);
    updateMapAreas();
    Q_EMIT languageChanged();
    Q_EMIT referenceChanged();
    if (!m_selected.isEmpty())
        m_reader->requestSnapshot(m_selected);
    if (m_readerStarted)
        m_reader->requestAttention(); // field names and values in the new language
}

} // namespace CivicDesk
