#include "sync/syncsession.h"

#include "core/logging.h"
#include "sync/feedprefetcher.h"

#include <memory>
#include <QElapsedTimer>
#include <QLockFile>

namespace CivicDesk {

QString syncStepCode(SyncStep step)
{
    switch (step) {
    case SyncStep::Send:
        return QStringLiteral("send");
    case SyncStep::Apply:
        return QStringLiteral("apply");
    case SyncStep::Ack:
        return QStringLiteral("ack");
    }
    return {};
}

std::optional<SyncStep> syncStepFromCode(const QString &code)
{
    for (SyncStep step : {SyncStep::Send, SyncStep::Apply, SyncStep::Ack}) {
        if (syncStepCode(step) == code)
            return step;
    }
    return std::nullopt;
}

SyncSession::SyncSession(Replica &replica, Central &central)
    : m_replica(replica)
    , m_central(central)
{}

void SyncSession::reached(SyncStep step)
{
    qCDebug(lcSync) << "sync step done:" << syncStepCode(step);
    if (m_hook)
        m_hook(step);
}

bool SyncSession::refreshReferenceData(qint64 centralRevision, bool *changed, QString *error)
{
    if (centralRevision == m_replica.referenceRevision())
        return true;
    *changed = true;
    qint64 revision = 0;
    const auto data = m_central.referenceData(&revision, error);
    if (!data)
        return false;
    qCInfo(lcSync) << "reference data changed on the central; revision" << revision;
    return m_replica.storeReferenceData(*data, revision, error);
}

std::optional<SyncSummary> SyncSession::run(QString *error)
{
    // One sync at a time per replica: two at once would both send the same outbox rows and
    // report the same decisions twice.
    QLockFile lock(m_replica.path() + QStringLiteral(".sync-lock"));
    if (!lock.tryLock(60000)) {
        *error = QStringLiteral("another sync of the replica %1 is still running (lock file %2)")
                     .arg(m_replica.path(), lock.error() == QLockFile::LockFailedError
                                                ? m_replica.path() + QStringLiteral(".sync-lock")
                                                : QStringLiteral("cannot be created"));
        return std::nullopt;
    }
    if (!m_replica.bindToCentral(m_central.centralId(), m_central.viewer(), m_central.viewScope(),
                                 error)) {
        *error += QStringLiteral(" (central %1)").arg(m_central.displayUrl());
        return std::nullopt;
    }

    SyncSummary summary;
    const QList<Operation> pending = m_replica.pendingOperations(error);
    QList<OperationResult> results;
    if (!pending.isEmpty()) {
        auto decided = m_central.submit(pending, error);
        if (!decided)
            return std::nullopt;
        results = *decided;
    }
    summary.sent = int(pending.size());
    for (const OperationResult &result : std::as_const(results)) {
        if (result.held)
            ++summary.held;
        else
            ++(result.accepted() ? summary.accepted : summary.refused);
    }
    reached(SyncStep::Send);

    // The decisions go into the replica with the first page of the feed, in one transaction,
    // so an accepted operation is never applied locally a second time on top of the central's
    // version that already contains it.
    FeedPosition cursor = m_replica.feedCursor();
    bool first = true;
    bool more = true;
    // A long feed, such as a first sync, is written in transactions of several pages. One cut
    // short by an error is rolled back, and the next sync resumes from the last commit.
    struct RollBackFeed
    {
        Replica &replica;
        ~RollBackFeed() { replica.rollbackFeed(); }
    } rollBack{m_replica};
    int uncommittedPages = 0;
    // Time spent waiting for the central and writing the replica, for the log.
    QElapsedTimer clock;
    qint64 readingMs = 0;
    qint64 writingMs = 0;
    // After a full first page, the rest of the feed is read ahead on another thread.
    std::unique_ptr<FeedPrefetcher> ahead;
    while (more) {
        clock.start();
        const auto batch =
            ahead ? ahead->next(error) : m_central.changesSince(cursor, m_pageSize, error);
        readingMs += clock.restart();
        if (!batch)
            return std::nullopt;
        if (first &&
            !refreshReferenceData(batch->referenceRevision, &summary.referenceChanged, error))
            return std::nullopt;
        // A full page means that more follow.
        if (batch->more && !m_replica.inFeed() && !m_replica.beginFeed(error))
            return std::nullopt;
        if (batch->more && !ahead && m_readAhead)
            ahead = std::make_unique<FeedPrefetcher>(m_central.url(), batch->cursor, m_pageSize);
        int deleted = 0;
        if (!m_replica.applyFromCentral(first ? results : QList<OperationResult>{}, batch->reports,
                                        batch->removed, batch->cursor, error, &deleted)) {
            return std::nullopt;
        }
        ++uncommittedPages;
        if (m_replica.inFeed() && (uncommittedPages >= m_pagesPerCommit || !batch->more)) {
            if (!m_replica.commitFeed(error))
                return std::nullopt;
            uncommittedPages = 0;
        }
        writingMs += clock.elapsed();
        summary.received += int(batch->reports.size());
        summary.removed += deleted;
        if (summary.idsComplete) {
            for (const ReportSnapshot &snapshot : batch->reports)
                summary.changedIds.append(snapshot.report.id);
            summary.removedIds.append(batch->removed);
            if (summary.changedIds.size() + summary.removedIds.size() >
                SyncSummary::MaxTrackedIds) {
                summary.changedIds.clear();
                summary.removedIds.clear();
                summary.idsComplete = false;
            }
        }
        cursor = batch->cursor;
        more = batch->more;
        first = false;
    }
    reached(SyncStep::Apply);

    if (!m_replica.acknowledge(cursor, error))
        return std::nullopt;
    summary.cursor = cursor;
    reached(SyncStep::Ack);

    // A pass that moved nothing is routine polling and stays at debug level.
    const QString done =
        QStringLiteral(
            "sync done: sent %1, accepted %2, refused %3, received %4, removed %8 (%5 ms "
            "waiting for the central, %6 ms writing the replica), cursor %7")
            .arg(summary.sent)
            .arg(summary.accepted)
            .arg(summary.refused)
            .arg(summary.received)
            .arg(readingMs)
            .arg(writingMs)
            .arg(summary.cursor.toString())
            .arg(summary.removed);
    if (summary.sent > 0 || summary.received > 0 || summary.removed > 0)
        qCInfo(lcSync).noquote() << done;
    else
        qCDebug(lcSync).noquote() << done;
    return summary;
}

} // namespace CivicDesk
