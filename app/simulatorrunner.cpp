#include "app/simulatorrunner.h"

#include "central/central.h"
#include "central/referencedata.h"
#include "core/logging.h"
#include "intake/demoplacement.h"
#include "intake/simulator.h"
#include "resources/resources.h"

#include <QTimer>

namespace CivicDesk {

// Lives on the simulator thread with its own central connection.
class SimulatorWorker : public QObject
{
    Q_OBJECT

public:
    SimulatorWorker(QString centralUrl, quint32 seed)
        : m_centralUrl(std::move(centralUrl))
        , m_seed(seed)
    {}

    void begin()
    {
        QString error;
        m_central = Central::open(m_centralUrl, false, &error);
        const QList<IncomingReport> templates =
            m_central ? loadDemoReports(builtInDemoDirectory(), builtInReferenceDirectory(), m_seed,
                                        &error)
                      : QList<IncomingReport>();
        if (!m_central || templates.isEmpty()) {
            qCWarning(lcApp) << "the report simulator cannot start:" << error;
            return;
        }
        const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
        m_simulator = std::make_unique<ReportSimulator>(
            templates, m_seed, reference ? reference->adminUnits : QList<AdminUnit>());
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SimulatorWorker::replayOne);
        m_timer->start(m_simulator->nextDelayMs());
        qCInfo(lcApp) << "report simulator started with seed" << m_seed << "and" << templates.size()
                      << "templates";
    }

    void finish()
    {
        if (m_timer)
            m_timer->stop();
        m_central.reset();
        qCInfo(lcApp) << "report simulator stopped";
    }

private:
    void replayOne()
    {
        const IncomingReport record = m_simulator->next(QDateTime::currentDateTimeUtc());
        QString error;
        if (!m_central->importReports({record}, &error))
            qCWarning(lcApp) << "the simulator could not store a report:" << error;
        else
            qCDebug(lcApp) << "simulated report" << record.report.sourceId;
        m_timer->start(m_simulator->nextDelayMs());
    }

    QString m_centralUrl;
    quint32 m_seed;
    std::unique_ptr<Central> m_central;
    std::unique_ptr<ReportSimulator> m_simulator;
    QTimer *m_timer = nullptr;
};

SimulatorRunner::SimulatorRunner(QString centralUrl, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_centralUrl(std::move(centralUrl))
    , m_seed(seed)
{
    m_thread.setObjectName(QStringLiteral("civicdesk-simulator"));
}

SimulatorRunner::~SimulatorRunner()
{
    stop();
}

void SimulatorRunner::start()
{
    if (m_worker)
        return;
    auto *worker = new SimulatorWorker(m_centralUrl, m_seed);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_worker = worker;
    m_thread.start();
    QMetaObject::invokeMethod(worker, &SimulatorWorker::begin, Qt::QueuedConnection);
}

void SimulatorRunner::stop()
{
    if (!m_worker)
        return;
    auto *worker = static_cast<SimulatorWorker *>(m_worker);
    QMetaObject::invokeMethod(worker, &SimulatorWorker::finish, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr;
}

} // namespace CivicDesk

#include "simulatorrunner.moc"
