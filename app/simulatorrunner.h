#pragma once

#include <QObject>
#include <QThread>

namespace CivicDesk {

// Replays the demo reports into the embedded central as new reports, every 5 to 15 seconds,
// on a thread of its own, so that the demo keeps receiving work as a real center does.
class SimulatorRunner : public QObject
{
    Q_OBJECT

public:
    SimulatorRunner(QString centralUrl, quint32 seed, QObject *parent = nullptr);
    ~SimulatorRunner() override;

    void start();
    void stop();

private:
    QString m_centralUrl;
    quint32 m_seed;
    QThread m_thread;
    QObject *m_worker = nullptr;
};

} // namespace CivicDesk
