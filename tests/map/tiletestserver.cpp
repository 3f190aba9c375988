#include "tiletestserver.h"

#include "tilefixtures.h"

#include <QTcpSocket>
#include <QTimer>

namespace CivicDesk::Test {

TileTestServer::TileTestServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TileTestServer::onNewConnection);
}

TileTestServer::~TileTestServer()
{
    // The sockets are children of m_server, which outlives the members their handlers use.
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->disconnect(this);
    }
}

bool TileTestServer::start()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void TileTestServer::stop()
{
    m_server.close();
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
    m_buffers.clear();
    m_open = 0;
}

QString TileTestServer::urlTemplate() const
{
    return QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(m_port);
}

void TileTestServer::failNext(int count, int status, const QByteArray &retryAfter)
{
    m_failCount = count;
    m_failStatus = status;
    m_failRetryAfter = retryAfter;
}

int TileTestServer::requestCount(int status) const
{
    return int(
        std::count_if(m_requests.cbegin(), m_requests.cend(),
                      [status](const Request &request) { return request.status == status; }));
}

int TileTestServer::requestsFor(const QByteArray &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&path](const Request &request) { return request.path == path; }));
}

void TileTestServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

// Reads requests without bodies: a request line and headers up to an empty line.
void TileTestServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    qsizetype end = 0;
    while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.remove(0, end + 4);
        Request request;
        request.path = lines.first().split(' ').value(1);
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "user-agent")
                request.userAgent = value;
            else if (name == "if-none-match")
                request.ifNoneMatch = value;
        }
        m_maxOpen = std::max(m_maxOpen, ++m_open);
        const QByteArray response = responseFor(request);
        m_requests.append(request);
        QTimer::singleShot(m_delayMs, this,
                           [this, socket = QPointer<QTcpSocket>(socket), response] {
                               if (!socket)
                                   return;
                               --m_open;
                               socket->write(response);
                           });
    }
}

QByteArray TileTestServer::responseFor(Request &request)
{
    QByteArray head;
    QByteArray body;
    const QList<QByteArray> parts = request.path.split('/');
    const TileId tile{parts.value(1).toInt(), parts.value(2).toInt(),
                      parts.value(3).split('.').first().toInt()};
    const QByteArray etag = '"' + request.path + "-v1\"";
    if (!m_expectedUserAgent.isEmpty() && request.userAgent != m_expectedUserAgent) {
        ++m_badUserAgents;
        request.status = 403;
    } else if (m_failCount > 0) {
        --m_failCount;
        request.status = m_failStatus;
        if (!m_failRetryAfter.isEmpty())
            head += "Retry-After: " + m_failRetryAfter + "\r\n";
    } else if (request.ifNoneMatch == etag) {
        request.status = 304;
        head +=
            "ETag: " + etag + "\r\nCache-Control: max-age=" + QByteArray::number(m_maxAge) + "\r\n";
    } else if (parts.size() != 4 || !tile.isValid()) {
        request.status = 404;
    } else {
        request.status = 200;
        body = solidTilePng(tileColor(tile));
        head += "Content-Type: image/png\r\nETag: " + etag +
                "\r\nCache-Control: max-age=" + QByteArray::number(m_maxAge) + "\r\n";
    }
    return "HTTP/1.1 " + QByteArray::number(request.status) + " Test\r\n" + head +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace CivicDesk::Test
