#pragma once

#include "core/bulk.h"
#include "core/reference.h"

#include <functional>
#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

namespace CivicDesk {

class QueueModel;
class ReplicaReader;
class SyncEngine;

// Bulk actions on the reports marked in the queue: forward to an agency, set a field, reject
// as spam. Each goes through a preview that lists every marked report with its state now and
// after, or why it is left out. Nothing changes before the operator confirms. The last bulk
// action can be undone for bulkUndoMinutes, through the same preview: the undo is a new set of
// operations that restores the earlier values, and leaves alone the reports someone changed
// since. The time comes from an injectable clock, so that tests move it by hand.
class BulkActions : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("BulkActions belongs to the workstation")

    // The preview: maps with reportId, code, title, before and after (translated "status ·
    // field · agency" texts), applies, and note (why the report is left out, translated).
    Q_PROPERTY(QVariantList preview READ preview NOTIFY previewChanged)
    // Whether a preview waits for confirmation, and whether it is that of an undo.
    Q_PROPERTY(bool previewing READ previewing NOTIFY previewChanged)
    Q_PROPERTY(bool previewingUndo READ previewingUndo NOTIFY previewChanged)
    Q_PROPERTY(QString previewTitle READ previewTitle NOTIFY previewChanged)
    // How many reports of the preview the confirmation changes.
    Q_PROPERTY(int applyCount READ applyCount NOTIFY previewChanged)
    // Whether the last bulk action can still be undone, until when ("HH:mm"), and how many
    // reports it changed.
    Q_PROPERTY(bool undoAvailable READ undoAvailable NOTIFY undoChanged)
    Q_PROPERTY(QString undoUntilText READ undoUntilText NOTIFY undoChanged)
    Q_PROPERTY(int undoCount READ undoCount NOTIFY undoChanged)
    // A translated sentence on what the last confirmation did; empty before the first.
    Q_PROPERTY(QString resultText READ resultText NOTIFY resultChanged)

public:
    using Clock = std::function<QDateTime()>;
    // Describes a status and assignment for the preview, in the interface's language.
    using Describer = std::function<QString(const AssignmentState &)>;

    BulkActions(ReplicaReader *reader, SyncEngine *engine, QueueModel *queue,
                QObject *parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setActor(const QString &name, Role role);
    void setReference(const ReferenceData &data);
    void setDescriber(Describer describer) { m_describe = std::move(describer); }
    // Reports with a refused change that waits for the operator: bulk actions leave them out.
    void setBlockedReports(const QSet<QString> &reportIds) { m_blocked = reportIds; }

    QVariantList preview() const { return m_previewRows; }
    bool previewing() const { return m_mode != Mode::None; }
    bool previewingUndo() const { return m_mode == Mode::Undo; }
    QString previewTitle() const;
    int applyCount() const;
    bool undoAvailable() const;
    QString undoUntilText() const;
    int undoCount() const { return int(m_lastSteps.size()); }
    QString resultText() const { return m_result; }

    // Reads the marked reports and prepares the preview of an action ("assign", "classify" or
    // "reject") with its value: the agency id, the field code or the reason.
    Q_INVOKABLE void previewAction(const QString &action, const QString &value);
    // Prepares the preview of undoing the last bulk action.
    Q_INVOKABLE void previewUndo();
    // Makes the changes of the preview; the marks are cleared once they are made.
    Q_INVOKABLE void confirm();
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void previewChanged();
    void undoChanged();
    void resultChanged();
    // The changes are in the replica; the workstation reads the queue and the map again.
    void changed(const QStringList &reportIds);
    void failed(const QString &technical, const QString &sentence);

private:
    enum class Mode
    {
        None,
        Action,
        Undo,
    };

    void onSnapshots(int request, const QList<ReportSnapshot> &snapshots);
    void onSubmitted(int request, const QList<BulkChange> &changes, const QString &error);
    QString skipText(const BulkChange &change) const;
    void setResult(const QString &text);
    void showPreview();

    ReplicaReader *m_reader;
    SyncEngine *m_engine;
    QueueModel *m_queue;
    Clock m_clock;
    Describer m_describe;
    QString m_actor;
    Role m_role = Role::Operator;
    ReferenceCodes m_codes;
    QSet<QString> m_blocked;

    Mode m_mode = Mode::None;
    BulkAction m_action = BulkAction::Assign;
    QString m_value;
    QStringList m_requested;      // report ids read for the preview, in their order
    int m_request = 0;            // the snapshots request the preview waits for
    int m_submission = 0;         // the submission awaiting its result, 0 when none
    bool m_submittedUndo = false; // whether that submission undoes the last action
    int m_previewSkipped = 0;     // reports its preview left out
    QList<BulkChange> m_plan;     // the preview's changes
    QVariantList m_previewRows;
    QList<BulkChange> m_lastSteps; // the changes of the last bulk action, to undo
    QDateTime m_lastAt;            // when it was made
    QTimer m_expiry;               // ends the undo offer
    QString m_result;
};

} // namespace CivicDesk
