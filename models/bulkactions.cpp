#include "models/bulkactions.h"

#include "core/logging.h"
#include "models/displaytext.h"
#include "models/queuemodel.h"
#include "models/replicareader.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace CivicDesk {

BulkActions::BulkActions(ReplicaReader *reader, SyncEngine *engine, QueueModel *queue,
                         QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_engine(engine)
    , m_queue(queue)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_describe([](const AssignmentState &state) { return statusName(state.status); })
{
    // The undo offer ends by the bulk actions' clock, which a suspended computer or a test moves
    // ahead of the timers, so the offer is checked every second while it lasts.
    m_expiry.setInterval(1000);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        if (undoAvailable())
            return;
        m_expiry.stop();
        m_lastSteps.clear();
        Q_EMIT undoChanged();
    });
    connect(m_reader, &ReplicaReader::snapshotsReady, this, &BulkActions::onSnapshots);
    connect(m_engine, &SyncEngine::bulkSubmitted, this, &BulkActions::onSubmitted);
}

void BulkActions::setActor(const QString &name, Role role)
{
    m_actor = name;
    m_role = role;
}

void BulkActions::setReference(const ReferenceData &data)
{
    m_codes = referenceCodesOf(data);
}

QString BulkActions::previewTitle() const
{
    if (m_mode == Mode::Undo)
        return QCoreApplication::translate("CivicDesk", "Undo the last bulk change");
    switch (m_action) {
    case BulkAction::Assign:
        return QCoreApplication::translate("CivicDesk", "Forward the marked reports");
    case BulkAction::Classify:
        return QCoreApplication::translate("CivicDesk", "Set the field of the marked reports");
    case BulkAction::RejectSpam:
        return QCoreApplication::translate("CivicDesk", "Reject the marked reports as spam");
    }
    return {};
}

int BulkActions::applyCount() const
{
    return int(std::count_if(m_plan.cbegin(), m_plan.cend(),
                             [](const BulkChange &change) { return change.applies(); }));
}

bool BulkActions::undoAvailable() const
{
    return !m_lastSteps.isEmpty() && m_clock() <= m_lastAt.addSecs(qint64(bulkUndoMinutes) * 60);
}

QString BulkActions::undoUntilText() const
{
    if (m_lastSteps.isEmpty())
        return {};
    return displayTime(m_lastAt.addSecs(qint64(bulkUndoMinutes) * 60)).left(5);
}

void BulkActions::previewAction(const QString &action, const QString &value)
{
    const auto parsed = bulkActionFromCode(action);
    const QStringList ids = m_queue->markedIds();
    if (!parsed || value.trimmed().isEmpty() || ids.isEmpty()) {
        qCWarning(lcApp) << "bulk action" << action << "with value" << value << "on" << ids.size()
                         << "reports not previewed";
        return;
    }
    m_mode = Mode::Action;
    m_action = *parsed;
    m_value = value.trimmed();
    m_requested = ids;
    m_plan.clear();
    m_previewRows.clear();
    m_reader->requestSnapshots(++m_request, ids);
}

void BulkActions::previewUndo()
{
    if (!undoAvailable()) {
        if (!m_lastSteps.isEmpty()) {
            m_expiry.stop();
            m_lastSteps.clear();
            Q_EMIT undoChanged();
        }
        return;
    }
    m_mode = Mode::Undo;
    m_requested.clear();
    for (const BulkChange &step : std::as_const(m_lastSteps))
        m_requested.append(step.reportId);
    m_plan.clear();
    m_previewRows.clear();
    m_reader->requestSnapshots(++m_request, m_requested);
}

void BulkActions::onSnapshots(int request, const QList<ReportSnapshot> &snapshots)
{
    if (request != m_request || m_mode == Mode::None)
        return;
    const QDateTime now = m_clock();
    m_plan.clear();
    for (qsizetype i = 0; i < m_requested.size(); ++i) {
        const QString &id = m_requested[i];
        const auto found =
            std::find_if(snapshots.cbegin(), snapshots.cend(),
                         [&id](const ReportSnapshot &s) { return s.report.id == id; });
        BulkChange change;
        if (found == snapshots.cend()) {
            change.reportId = id;
            change.skip = BulkSkip::Refused;
            change.reason = QStringLiteral("report %1 is no longer in the replica").arg(id);
            if (m_mode == Mode::Undo) {
                change.code = m_lastSteps[i].code;
                change.title = m_lastSteps[i].title;
            }
        } else if (m_mode == Mode::Undo) {
            change = planUndo(found->report, found->events, m_lastSteps[i], m_actor, m_role,
                              m_codes, now);
        } else {
            change =
                planBulkChange(found->report, m_action, m_value, m_actor, m_role, m_codes, now);
        }
        if (change.applies() && m_blocked.contains(id))
            change.skip = BulkSkip::OpenRefusal;
        m_plan.append(change);
    }
    showPreview();
}

void BulkActions::showPreview()
{
    m_previewRows.clear();
    for (const BulkChange &change : std::as_const(m_plan)) {
        m_previewRows.append(QVariantMap{
            {QStringLiteral("reportId"), change.reportId},
            {QStringLiteral("code"), change.code},
            {QStringLiteral("title"), change.title},
            {QStringLiteral("before"), m_describe(change.before)},
            {QStringLiteral("after"), change.applies() ? m_describe(change.after) : QString()},
            {QStringLiteral("applies"), change.applies()},
            {QStringLiteral("note"), skipText(change)},
        });
    }
    Q_EMIT previewChanged();
}

QString BulkActions::skipText(const BulkChange &change) const
{
    switch (change.skip) {
    case BulkSkip::None:
        return {};
    case BulkSkip::Unchanged:
        return QCoreApplication::translate("CivicDesk", "Left out: it already has this value.");
    case BulkSkip::NotAllowed:
        return QCoreApplication::translate("CivicDesk",
                                           "Left out: this action does not fit its status.");
    case BulkSkip::ClaimedByOther:
        return QCoreApplication::translate("CivicDesk", "Left out: someone else has claimed it.");
    case BulkSkip::Refused:
        return QCoreApplication::translate("CivicDesk",
                                           "Left out: the rules refuse this change now.");
    case BulkSkip::ChangedSince:
        return QCoreApplication::translate("CivicDesk", "Left alone: changed by someone since.");
    case BulkSkip::OpenRefusal:
        return QCoreApplication::translate(
            "CivicDesk", "Left out: a refused change waits under \"Needs attention\".");
    case BulkSkip::Expired:
        return QCoreApplication::translate("CivicDesk", "Left alone: the time to undo is over.");
    }
    return {};
}

void BulkActions::confirm()
{
    if (m_mode == Mode::None || m_submission != 0)
        return;
    QList<BulkChange> changes;
    for (const BulkChange &change : std::as_const(m_plan)) {
        if (change.applies())
            changes.append(change);
    }
    m_submittedUndo = m_mode == Mode::Undo;
    m_previewSkipped = int(m_plan.size() - changes.size());
    if (changes.isEmpty()) {
        cancel();
        return;
    }
    m_submission = m_request;
    m_engine->submitBulk(m_submission, changes, m_actor, m_role);
    // The preview is finished, so closing its popup cancels nothing.
    cancel();
}

void BulkActions::cancel()
{
    m_mode = Mode::None;
    m_plan.clear();
    m_previewRows.clear();
    ++m_request;
    Q_EMIT previewChanged();
}

void BulkActions::onSubmitted(int request, const QList<BulkChange> &changes, const QString &error)
{
    if (request != m_submission)
        return;
    m_submission = 0;
    const bool undo = m_submittedUndo;
    // What the preview left out counts as left alone as well.
    int leftAlone = m_previewSkipped;
    if (!error.isEmpty()) {
        Q_EMIT failed(error,
                      QCoreApplication::translate("CivicDesk", "The bulk change was not made: %1")
                          .arg(error));
        return;
    }
    QList<BulkChange> applied;
    QStringList ids;
    for (const BulkChange &change : changes) {
        ids.append(change.reportId);
        if (change.applies()) {
            applied.append(change);
        } else {
            ++leftAlone;
            qCInfo(lcApp) << "bulk change of" << change.code << "skipped:" << change.reason;
        }
    }
    if (undo) {
        m_lastSteps.clear();
        m_expiry.stop();
        setResult(QCoreApplication::translate("CivicDesk", "%n report(s) restored", nullptr,
                                              int(applied.size())) +
                  (leftAlone > 0 ? QCoreApplication::translate("CivicDesk", "; %n left alone",
                                                               nullptr, leftAlone)
                                 : QString()));
    } else {
        m_queue->clearMarked();
        m_lastSteps = applied;
        m_lastAt = m_clock();
        if (!applied.isEmpty())
            m_expiry.start();
        setResult(QCoreApplication::translate("CivicDesk", "%n report(s) changed", nullptr,
                                              int(applied.size())) +
                  (leftAlone > 0 ? QCoreApplication::translate("CivicDesk", "; %n left out",
                                                               nullptr, leftAlone)
                                 : QString()));
    }
    Q_EMIT undoChanged();
    Q_EMIT changed(ids);
}

void BulkActions::setResult(const QString &text)
{
    m_result = text;
    Q_EMIT resultChanged();
}

} // namespace CivicDesk
