#include "map/tilesource.h"

#include "map/maplogging.h"

namespace CivicDesk {

bool TileId::isValid() const
{
    if (z < 0 || z > 30)
        return false;
    const int count = 1 << z;
    return x >= 0 && x < count && y >= 0 && y < count;
}

QString TileId::toString() const
{
    return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y);
}

TileSource::TileSource(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    qRegisterMetaType<CivicDesk::TileId>();
}

void TileSource::setStatus(Status status, const QString &errorString)
{
    if (status == m_status && errorString == m_errorString)
        return;
    m_status = status;
    m_errorString = errorString;
    Q_EMIT statusChanged();
}

void TileSource::setInfo(const QString &attribution, int minimumZoomLevel, int maximumZoomLevel)
{
    m_attribution = attribution;
    m_minimumZoomLevel = minimumZoomLevel;
    m_maximumZoomLevel = maximumZoomLevel;
    Q_EMIT infoChanged();
}

TileWorkerThread::TileWorkerThread(const QString &name)
    : m_context(new QObject)
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

TileWorkerThread::~TileWorkerThread()
{
    // quit() is posted behind the work already queued, so that work still runs.
    QMetaObject::invokeMethod(m_context, [thread = &m_thread] { thread->quit(); });
    m_thread.wait();
}

void TileWorkerThread::post(std::function<void()> work)
{
    QMetaObject::invokeMethod(m_context, std::move(work));
}

} // namespace CivicDesk
