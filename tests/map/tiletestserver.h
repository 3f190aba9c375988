#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

namespace CivicDesk::Test {

// A tile server on 127.0.0.1 for tests: responds to GET /Z/X/Y.png with a PNG of the tile's
// colour (tileColor), an ETag per tile and Cache-Control max-age, or 304 when If-None-Match
// matches. Responses wait for a short delay, so that requests overlap and the test can count how many
// were open at once. A request without the expected User-Agent gets 403.
class TileTestServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray path;
        QByteArray userAgent;
        QByteArray ifNoneMatch;
        int status = 0; // the response's status code
    };

    explicit TileTestServer(QObject *parent = nullptr);
    ~TileTestServer() override;

    // Listens on a free port the first time, and on the same port after stop().
    bool start();
    // Closes the listening socket and every connection, as a server that went down.
    void stop();
    QString urlTemplate() const;
    quint16 port() const { return m_port; }

    void setExpectedUserAgent(const QByteArray &userAgent) { m_expectedUserAgent = userAgent; }
    void setMaxAge(int seconds) { m_maxAge = seconds; }
    void setDelay(int milliseconds) { m_delayMs = milliseconds; }
    // The next `count` requests get this status, with Retry-After when retryAfter is not empty.
    void failNext(int count, int status, const QByteArray &retryAfter);

    const QList<Request> &requests() const { return m_requests; }
    int requestCount(int status) const;
    int requestsFor(const QByteArray &path) const;
    int maxOpenRequests() const { return m_maxOpen; }
    int badUserAgents() const { return m_badUserAgents; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    QByteArray responseFor(Request &request);

    QTcpServer m_server;
    quint16 m_port = 0;
    QList<QPointer<QTcpSocket>> m_sockets;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QByteArray m_expectedUserAgent;
    int m_maxAge = 3600;
    int m_delayMs = 30;
    int m_failCount = 0;
    int m_failStatus = 0;
    QByteArray m_failRetryAfter;
    QList<Request> m_requests;
    int m_open = 0;
    int m_maxOpen = 0;
    int m_badUserAgents = 0;
};

} // namespace CivicDesk::Test
