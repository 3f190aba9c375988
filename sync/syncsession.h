#pragma once

#include "central/central.h"
#include "storage/replica.h"

#include <functional>

namespace CivicDesk {

// Steps of one sync, in order. A failure injected after a step (see SyncSession::setStepHook)
// reproduces a crash at that point; the next sync must then finish the work exactly once.
enum class SyncStep
{
    Send,  // the outbox was sent and the central has decided every operation
    Apply, // the decisions, the changed reports and the feed position are in the replica
    Ack,   // decided outbox rows are gone and the time of the sync is saved
};

QString syncStepCode(SyncStep step);
std::optional<SyncStep> syncStepFromCode(const QString &code);

struct SyncSummary
{
    int sent = 0;
    int accepted = 0;
    int refused = 0;
    int held = 0;     // sent but not decided, behind a refusal on the same report
    int received = 0; // reports received from the change feed
    int removed = 0;  // reports that left the user's view and were deleted from the replica
    // Ids of the reports received and removed, so that views can update only those. Past
    // MaxTrackedIds in one pass, both lists are emptied and idsComplete turns false.
    QStringList changedIds;
    QStringList removedIds;
    bool idsComplete = true;
    static constexpr int MaxTrackedIds = 5000;
    FeedPosition cursor;
    bool referenceChanged = false; // fields, agencies or wards were replaced
};

// One pass of sync between a replica and a central database, on the calling thread: send
// the outbox, apply the decisions and every change after the replica's feed position, then
// save the new position.
class SyncSession
{
public:
    SyncSession(Replica &replica, Central &central);

    // Called after each step completes; used to inject crashes.
    void setStepHook(std::function<void(SyncStep)> hook) { m_hook = std::move(hook); }
    void setPageSize(int reports) { m_pageSize = reports; }
    void setPagesPerCommit(int pages) { m_pagesPerCommit = pages; }
    // Whether the pages after a full first page are read ahead through a second connection.
    void setReadAhead(bool readAhead) { m_readAhead = readAhead; }

    std::optional<SyncSummary> run(QString *error);

private:
    bool refreshReferenceData(qint64 centralRevision, bool *changed, QString *error);
    void reached(SyncStep step);

    Replica &m_replica;
    Central &m_central;
    std::function<void(SyncStep)> m_hook;
    // Reports per page of the feed, held in memory at once. The pages of a long feed are
    // committed several at a time, since SQLite rewrites each index page it changed at every
    // commit.
    int m_pageSize = 5000;
    int m_pagesPerCommit = 10;
    bool m_readAhead = true;
};

} // namespace CivicDesk
