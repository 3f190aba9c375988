#pragma once

#include "sync/syncengine.h"

#include <QLabel>
#include <QMainWindow>

namespace CivicDesk {

// A plain window that shows the state of sync; the operator's window replaces it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showStatus(const SyncStatus &status);
    void showSummary(const SyncSummary &summary);
    void showError(const QString &message);

private:
    QLabel *m_connection = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_received = nullptr;
    int m_receivedTotal = 0;
};

} // namespace CivicDesk
