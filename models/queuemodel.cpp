#include "models/queuemodel.h"

#include "core/logging.h"
#include "core/workflow.h"
#include "models/displaytext.h"
#include "models/replicareader.h"

#include <QCoreApplication>

namespace CivicDesk {
namespace {

constexpr int pageSize = 100;

} // namespace

QueueModel::QueueModel(ReplicaReader *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    connect(reader, &ReplicaReader::pageReady, this, &QueueModel::onPageReady);
    for (int column = 0; column < int(QueueColumn::ColumnCount); ++column)
        m_order.append(column);

    // Age and time left change with the clock, not with the data.
    m_clockTimer.setInterval(30000);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        if (m_total > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_total - 1, columnCount() - 1));
    });
    m_clockTimer.start();
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(QueueColumn::ColumnCount);
}

const QueueRow *QueueModel::rowAt(int row) const
{
    const int page = row / pageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.cend()) {
        requestPage(page);
        return nullptr;
    }
    const int within = row % pageSize;
    return within < it->size() ? &it->at(within) : nullptr;
}

QString QueueModel::cellText(const QueueRow &row, QueueColumn column) const
{
    const QDateTime now = m_clock();
    switch (column) {
    case QueueColumn::Code:
        return row.publicCode.isEmpty() ? QCoreApplication::translate("CivicDesk", "(not synced)")
                                        : row.publicCode;
    case QueueColumn::Status:
        return statusName(row.status);
    case QueueColumn::Category:
        return row.categoryName.isEmpty() ? QCoreApplication::translate("CivicDesk", "Unclassified")
                                          : row.categoryName;
    case QueueColumn::Channel:
        return channelName(row.channel);
    case QueueColumn::Ward:
        return row.wardName;
    case QueueColumn::Age:
        // A finished report no longer waits.
        if (isFinalStatus(row.status))
            return QString();
        return durationText(row.receivedAt.secsTo(now));
    case QueueColumn::TimeLeft:
        if (!row.dueAt.isValid() || isFinalStatus(row.status) || row.status == Status::Resolved)
            return QString();
        if (row.status == Status::WaitingInfo)
            return QCoreApplication::translate("CivicDesk", "paused");
        return timeLeftText(now.secsTo(row.dueAt));
    case QueueColumn::ColumnCount:
        break;
    }
    return QString();
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QueueRow *row = rowAt(index.row());
    if (!row)
        return role == Qt::DisplayRole ? QVariant(QString()) : QVariant();

    const QueueColumn column = QueueColumn(m_order.value(index.column()));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*row, column);
    case ColumnKindRole:
        return int(column);
    case ReportIdRole:
        return row->id;
    case StatusCodeRole:
        return statusCode(row->status);
    case PendingRole:
        return row->pending;
    case OverdueRole:
        if (column != QueueColumn::TimeLeft)
            return false;
        return deadlineState(*row, m_calendar, m_clock()) == QLatin1String("overdue");
    case DeadlineStateRole:
        // Counting working time takes a calendar walk, so only the time-left cell pays for it.
        if (column != QueueColumn::TimeLeft)
            return QString();
        return deadlineState(*row, m_calendar, m_clock());
    case UrgentRole:
        return row->priority == Priority::Urgent;
    case ClaimHolderRole:
        return row->claimExpiresAt.isValid() && row->claimExpiresAt > m_clock() ? row->claimHolder
                                                                                : QString();
    case ExtensionRequestedRole:
        return row->extensionRequested;
    case MarkedRole:
        return m_marked.contains(row->id);
    case SimulatedRole:
        return row->simulated;
    case TitleRole:
        return row->title;
    default:
        return {};
    }
}

QString QueueModel::headerText(int position) const
{
    switch (QueueColumn(m_order.value(position, -1))) {
    case QueueColumn::Code:
        return QCoreApplication::translate("CivicDesk", "Code");
    case QueueColumn::Status:
        return QCoreApplication::translate("CivicDesk", "Status");
    case QueueColumn::Category:
        return QCoreApplication::translate("CivicDesk", "Field");
    case QueueColumn::Channel:
        return QCoreApplication::translate("CivicDesk", "Channel");
    case QueueColumn::Ward:
        return QCoreApplication::translate("CivicDesk", "Ward");
    case QueueColumn::Age:
        return QCoreApplication::translate("CivicDesk", "Age");
    case QueueColumn::TimeLeft:
        return QCoreApplication::translate("CivicDesk", "Time left");
    case QueueColumn::ColumnCount:
        break;
    }
    return QString();
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return headerText(section);
}

QHash<int, QByteArray> QueueModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {ReportIdRole, "reportId"},
            {StatusCodeRole, "statusCode"},
            {PendingRole, "pending"},
            {OverdueRole, "overdue"},
            {SimulatedRole, "simulated"},
            {TitleRole, "title"},
            {ColumnKindRole, "columnKind"},
            {DeadlineStateRole, "deadlineState"},
            {UrgentRole, "urgent"},
            {ClaimHolderRole, "claimHolder"},
            {ExtensionRequestedRole, "extensionRequested"},
            {MarkedRole, "marked"}};
}

QString QueueModel::deadlineState(const QueueRow &row, const WorkingCalendar &calendar,
                                  const QDateTime &now)
{
    if (!row.dueAt.isValid() || isFinalStatus(row.status) || row.status == Status::Resolved)
        return {};
    if (row.status == Status::WaitingInfo)
        return QStringLiteral("paused");
    if (row.dueAt <= now)
        return QStringLiteral("overdue");
    const QDateTime start = row.clockStartedAt.isValid() ? row.clockStartedAt : row.receivedAt;
    if (start.isValid() && fractionLeft(calendar, start, row.dueAt, now) < 0.2)
        return QStringLiteral("soon");
    return {};
}

void QueueModel::setStatusFilter(const QString &status)
{
    ReportQuery query = m_query;
    query.status = status;
    applyQuery(query);
}

void QueueModel::setCategoryFilter(const QString &category)
{
    ReportQuery query = m_query;
    query.category = category;
    applyQuery(query);
}

void QueueModel::setWardFilter(const QString &unit)
{
    ReportQuery query = m_query;
    query.adminUnit = unit;
    applyQuery(query);
}

QGeoRectangle QueueModel::areaFilter() const
{
    if (m_query.area.isNull())
        return {};
    return QGeoRectangle(QGeoCoordinate(m_query.area.bottom(), m_query.area.left()),
                         QGeoCoordinate(m_query.area.top(), m_query.area.right()));
}

void QueueModel::setAreaFilter(const QGeoRectangle &area)
{
    ReportQuery query = m_query;
    if (area.isValid() && !area.isEmpty()) {
        query.area = QRectF(QPointF(area.topLeft().longitude(), area.bottomRight().latitude()),
                            QPointF(area.bottomRight().longitude(), area.topLeft().latitude()));
    } else {
        query.area = QRectF();
    }
    applyQuery(query);
}

void QueueModel::setSearch(const QString &text)
{
    ReportQuery query = m_query;
    query.search = text;
    applyQuery(query);
}

void QueueModel::setLanguage(const QString &language)
{
    ReportQuery query = m_query;
    query.language = language;
    applyQuery(query);
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void QueueModel::setColumnOrder(const QList<int> &order)
{
    QList<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    QList<int> expected;
    for (int column = 0; column < int(QueueColumn::ColumnCount); ++column)
        expected.append(column);
    if (sorted != expected) {
        qCWarning(lcApp) << "ignoring an invalid column order" << order;
        return;
    }
    if (order == m_order)
        return;
    beginResetModel();
    m_order = order;
    endResetModel();
    Q_EMIT columnOrderChanged();
    Q_EMIT queryChanged(); // the sort column's position moved
}

void QueueModel::moveColumn(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_order.size() || to >= m_order.size() || from == to)
        return;
    QList<int> order = m_order;
    order.move(from, to);
    setColumnOrder(order);
}

void QueueModel::sortBy(int position)
{
    const int column = m_order.value(position, -1);
    if (column < 0)
        return;
    ReportQuery query = m_query;
    if (int(query.sortColumn) == column) {
        query.ascending = !query.ascending;
    } else {
        query.sortColumn = QueueColumn(column);
        // A first click sorts ascending: A to Z, the newest first, the least time left first.
        query.ascending = true;
    }
    applyQuery(query);
}

QString QueueModel::reportIdOfCode(const QString &publicCode) const
{
    for (const QList<QueueRow> &rows : m_pages) {
        for (const QueueRow &row : rows) {
            if (row.publicCode == publicCode)
                return row.id;
        }
    }
    return {};
}

void QueueModel::setMarked(const QString &reportId, bool marked)
{
    if (reportId.isEmpty() || marked == m_marked.contains(reportId))
        return;
    if (marked) {
        m_marked.insert(reportId);
        m_markedOrder.append(reportId);
    } else {
        m_marked.remove(reportId);
        m_markedOrder.removeOne(reportId);
    }
    const int row = rowOf(reportId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1), {MarkedRole});
    Q_EMIT markedChanged();
}

void QueueModel::markRange(const QString &fromReportId, const QString &toReportId)
{
    const int from = rowOf(fromReportId);
    const int to = rowOf(toReportId);
    if (from < 0 || to < 0)
        return;
    for (int row = std::min(from, to); row <= std::max(from, to); ++row)
        setMarked(reportIdAt(row), true);
}

void QueueModel::clearMarked()
{
    if (m_marked.isEmpty())
        return;
    m_marked.clear();
    m_markedOrder.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {MarkedRole});
    Q_EMIT markedChanged();
}

void QueueModel::applyQuery(const ReportQuery &query)
{
    if (query == m_query && m_loaded)
        return;
    m_query = query;
    m_pages.clear();
    if (m_loaded) {
        m_loaded = false;
        Q_EMIT loadedChanged();
    }
    Q_EMIT queryChanged();
    refresh();
}

void QueueModel::refresh()
{
    ++m_generation;
    m_requested.clear();
    QList<int> pages = m_pages.keys();
    if (pages.isEmpty())
        pages.append(0);
    for (int page : std::as_const(pages))
        requestPage(page);
}

void QueueModel::requestPage(int page) const
{
    if (m_requested.contains(page))
        return;
    m_requested.insert(page);
    m_reader->requestPage(m_generation, m_query, page * pageSize, pageSize);
}

void QueueModel::onPageReady(int requestId, int total, int offset, const QList<QueueRow> &rows)
{
    if (requestId != m_generation)
        return; // a reply to a query that has been replaced since
    const int page = offset / pageSize;
    if (total != m_total || !m_loaded) {
        // The number of rows changed: start again from this page; others reload on demand.
        beginResetModel();
        m_total = total;
        m_pages.clear();
        m_pages.insert(page, rows);
        m_requested = {page};
        endResetModel();
        Q_EMIT countChanged();
    } else {
        m_pages.insert(page, rows);
        if (!rows.isEmpty())
            Q_EMIT dataChanged(index(offset, 0),
                               index(offset + int(rows.size()) - 1, columnCount() - 1));
    }
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

QString QueueModel::reportIdAt(int row) const
{
    const QueueRow *found = row >= 0 && row < m_total ? rowAt(row) : nullptr;
    return found ? found->id : QString();
}

int QueueModel::rowOf(const QString &reportId) const
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (qsizetype i = 0; i < it->size(); ++i) {
            if (it->at(i).id == reportId)
                return it.key() * pageSize + int(i);
        }
    }
    return -1;
}

} // namespace CivicDesk
