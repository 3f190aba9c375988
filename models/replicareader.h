#pragma once

#include "models/reportquery.h"
#include "models/urgentreport.h"
#include "storage/replica.h"

#include <memory>
#include <QObject>
#include <QThread>

namespace CivicDesk {

// Reads the replica on a thread of its own, with a connection of its own, so that the
// interface never waits on the disk while sync writes. Requests are queued slots, and results
// come back as signals carrying the request's number.
class ReplicaReader : public QObject
{
    Q_OBJECT

public:
    explicit ReplicaReader(QString replicaPath);
    ~ReplicaReader() override;

    void start();
    void stop();

    // Thread-safe entry points: each queues the request on the reader thread.
    void requestPage(int requestId, const CivicDesk::ReportQuery &query, int offset, int limit);
    void requestSnapshot(const QString &reportId);
    // Located reports that pass the same filters as the queue; with query.ids, only those of
    // these reports. markersReady carries the query back.
    void requestMarkers(const CivicDesk::ReportQuery &query);
    void requestReference();
    void requestAttention();
    // Finds a report by public code or id; lookupReady carries an empty id when none matches.
    void requestLookup(const QString &codeOrId);
    // Asks for the reports that may duplicate this one, best first.
    void requestDuplicates(const QString &reportId);
    // Asks for the urgent reports in triage that nobody holds an unexpired claim on.
    void requestUrgent();
    // Reads several reports with their timelines, for a bulk action's preview; snapshotsReady
    // carries `requestId` back. Reports no longer in the replica are left out.
    void requestSnapshots(int requestId, const QStringList &reportIds);

Q_SIGNALS:
    void pageReady(int requestId, int total, int offset, const QList<CivicDesk::QueueRow> &rows);
    void snapshotReady(const CivicDesk::ReportSnapshot &snapshot, bool pending);
    void markersReady(const QList<CivicDesk::MarkerRow> &markers,
                      const CivicDesk::ReportQuery &query);
    void referenceReady(const CivicDesk::ReferenceData &data);
    void attentionReady(const QList<CivicDesk::AttentionItem> &items);
    void lookupReady(const QString &codeOrId, const QString &id);
    void duplicatesReady(const QString &reportId, const QList<CivicDesk::DuplicateRow> &rows);
    void urgentReady(const QList<CivicDesk::UrgentReport> &reports);
    void snapshotsReady(int requestId, const QList<CivicDesk::ReportSnapshot> &snapshots);
    void failed(const QString &message);

private:
    QString m_path;
    QThread m_thread;
    QObject *m_worker = nullptr;
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(QList<CivicDesk::AttentionItem>)
