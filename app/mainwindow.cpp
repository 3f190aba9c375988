#include "app/mainwindow.h"

#include <QFormLayout>
#include <QTimeZone>

namespace CivicDesk {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("CivicDesk"));
    auto *central = new QWidget(this);
    auto *layout = new QFormLayout(central);
    m_connection = new QLabel(tr("Đang kết nối…"), central);
    m_lastSync = new QLabel(tr("Chưa đồng bộ"), central);
    m_pending = new QLabel(QStringLiteral("0"), central);
    m_received = new QLabel(QStringLiteral("0"), central);
    layout->addRow(tr("Máy chủ trung tâm:"), m_connection);
    layout->addRow(tr("Đồng bộ lần cuối:"), m_lastSync);
    layout->addRow(tr("Thao tác chờ gửi:"), m_pending);
    layout->addRow(tr("Phản ánh đã nhận:"), m_received);
    setCentralWidget(central);
    resize(640, 240);
}

void MainWindow::showStatus(const SyncStatus &status)
{
    m_connection->setText(status.online ? tr("Đã kết nối")
                                        : tr("Mất kết nối: %1").arg(status.message));
    if (status.lastSync.isValid())
        m_lastSync->setText(status.lastSync.toLocalTime().toString(QStringLiteral("HH:mm dd/MM/yyyy")));
    m_pending->setText(QString::number(status.pendingOperations));
}

void MainWindow::showSummary(const SyncSummary &summary)
{
    m_receivedTotal += summary.received;
    m_received->setText(QString::number(m_receivedTotal));
}

void MainWindow::showError(const QString &message)
{
    m_connection->setText(tr("Lỗi: %1").arg(message));
}

} // namespace CivicDesk
