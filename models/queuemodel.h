#pragma once

#include "core/deadlines.h"
#include "models/reportquery.h"

#include <QAbstractTableModel>
#include <QGeoRectangle>
#include <QHash>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

namespace CivicDesk {

class ReplicaReader;

// The operator's queue: every report of the replica that passes the filters, in pages read
// on the reader thread, so a queue of a million reports never sits in memory. Rows that are
// not loaded yet show empty until their page arrives.
class QueueModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The queue belongs to the workstation")

    // Filters; an empty string matches everything.
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY queryChanged)
    Q_PROPERTY(
        QString categoryFilter READ categoryFilter WRITE setCategoryFilter NOTIFY queryChanged)
    Q_PROPERTY(QString wardFilter READ wardFilter WRITE setWardFilter NOTIFY queryChanged)
    // Free text, matched with or without Vietnamese marks.
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY queryChanged)
    // Rectangle drawn on the map; an invalid one matches everywhere.
    Q_PROPERTY(QGeoRectangle areaFilter READ areaFilter WRITE setAreaFilter NOTIFY queryChanged)
    // Column shown at each position, as QueueColumn values; the operator may reorder them.
    Q_PROPERTY(
        QList<int> columnOrder READ columnOrder WRITE setColumnOrder NOTIFY columnOrderChanged)
    // Position (not QueueColumn) of the column the queue is sorted by.
    Q_PROPERTY(int sortColumn READ sortColumn NOTIFY queryChanged)
    Q_PROPERTY(bool sortAscending READ sortAscending NOTIFY queryChanged)
    // True once the first page of the current query has arrived.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // How many reports are marked for a bulk action.
    Q_PROPERTY(int markedCount READ markedCount NOTIFY markedChanged)

public:
    enum Role
    {
        ReportIdRole = Qt::UserRole + 1,
        StatusCodeRole,
        PendingRole,
        OverdueRole,
        SimulatedRole,
        TitleRole,
        ColumnKindRole, // the QueueColumn shown in this cell's position
        // "overdue", "soon" (less than a fifth of the working time left), "paused" (waiting for
        // the citizen) or empty: how the queue colours the time left. Like OverdueRole, it is
        // set in the time-left column only, because it counts working time.
        DeadlineStateRole,
        UrgentRole,
        ClaimHolderRole, // who holds an unexpired claim on the report, empty when nobody
        ExtensionRequestedRole,
        MarkedRole, // the report is part of the selection that bulk actions apply to
    };
    Q_ENUM(Role)

    explicit QueueModel(ReplicaReader *reader, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString statusFilter() const { return m_query.status; }
    QString categoryFilter() const { return m_query.category; }
    QString wardFilter() const { return m_query.adminUnit; }
    QString search() const { return m_query.search; }
    QGeoRectangle areaFilter() const;
    int sortColumn() const { return int(m_order.indexOf(int(m_query.sortColumn))); }
    QList<int> columnOrder() const { return m_order; }
    // Accepts only a permutation of every column; anything else is ignored with a warning.
    void setColumnOrder(const QList<int> &order);
    // Moves the column at position `from` to position `to`.
    Q_INVOKABLE void moveColumn(int from, int to);
    bool sortAscending() const { return m_query.ascending; }
    bool isLoaded() const { return m_loaded; }
    const ReportQuery &query() const { return m_query; }

    void setStatusFilter(const QString &status);
    void setCategoryFilter(const QString &category);
    void setWardFilter(const QString &unit);
    void setSearch(const QString &text);
    void setAreaFilter(const QGeoRectangle &area);
    void setLanguage(const QString &language);
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // The working calendar that deadlines count in; the built-in one until this is called.
    void setCalendar(const WorkingCalendar &calendar) { m_calendar = calendar; }
    // Returns how close a report is to its deadline; see DeadlineStateRole.
    static QString deadlineState(const QueueRow &row, const WorkingCalendar &calendar,
                                 const QDateTime &now);

    // Sorts by the column at a position; a second call on the same column reverses the order.
    Q_INVOKABLE void sortBy(int position);
    Q_INVOKABLE QString reportIdAt(int row) const;
    // Returns the id of the report with this public code among the loaded pages, or "".
    Q_INVOKABLE QString reportIdOfCode(const QString &publicCode) const;
    // Returns the row of a report among the loaded pages, or -1.
    Q_INVOKABLE int rowOf(const QString &reportId) const;
    // Header of the column at a position.
    Q_INVOKABLE QString headerText(int position) const;

    // Reads the current query again, keeping what is shown until the new rows arrive.
    void refresh();

    // The selection that bulk actions apply to. Marks stay when the filters change, so that a
    // selection can gather reports from several searches.
    int markedCount() const { return int(m_marked.size()); }
    Q_INVOKABLE bool isMarked(const QString &reportId) const { return m_marked.contains(reportId); }
    Q_INVOKABLE void setMarked(const QString &reportId, bool marked);
    Q_INVOKABLE void toggleMarked(const QString &reportId)
    {
        setMarked(reportId, !isMarked(reportId));
    }
    // Marks every loaded report between two reports of the queue, both included.
    Q_INVOKABLE void markRange(const QString &fromReportId, const QString &toReportId);
    Q_INVOKABLE void clearMarked();
    // The marked reports in the order they were marked.
    Q_INVOKABLE QStringList markedIds() const { return m_markedOrder; }

Q_SIGNALS:
    void queryChanged();
    void loadedChanged();
    void countChanged();
    void columnOrderChanged();
    void markedChanged();

private:
    void applyQuery(const ReportQuery &query);
    void requestPage(int page) const;
    void onPageReady(int requestId, int total, int offset, const QList<CivicDesk::QueueRow> &rows);
    const QueueRow *rowAt(int row) const;
    QString cellText(const QueueRow &row, QueueColumn column) const;

    ReplicaReader *m_reader;
    ReportQuery m_query;
    QList<int> m_order;
    int m_generation = 0;
    int m_total = 0;
    bool m_loaded = false;
    QHash<int, QList<QueueRow>> m_pages;
    mutable QSet<int> m_requested;
    QTimer m_clockTimer;
    std::function<QDateTime()> m_clock;
    WorkingCalendar m_calendar;
    QSet<QString> m_marked;
    QStringList m_markedOrder;
};

} // namespace CivicDesk
