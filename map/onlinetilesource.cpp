#include "map/onlinetilesource.h"

#include "map/maplogging.h"

#include <algorithm>
#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>

namespace CivicDesk {
namespace {

// Freshness of a tile whose response has neither Cache-Control max-age nor Expires, in seconds.
constexpr qint64 DefaultFreshness = 24 * 60 * 60;
// Retry-After values beyond a day are taken as a day.
constexpr qint64 MaxRetryAfterSeconds = 24 * 60 * 60;
// Errors other than being offline are logged this many times, then counted silently.
constexpr int MaxLoggedErrors = 5;

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

QString headerText(const QNetworkReply *reply, const char *name)
{
    return QString::fromLatin1(reply->rawHeader(name)).trimmed();
}

// Returns the seconds since 1970 after which a response must be revalidated, from Cache-Control
// (max-age, no-cache), Age and Expires, as RFC 9111 sections 4.2.1 and 5 describe.
qint64 expiryOf(const QNetworkReply *reply, bool *storable)
{
    const qint64 now = nowSeconds();
    *storable = true;
    const QStringList directives =
        headerText(reply, "Cache-Control").toLower().split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::optional<qint64> maxAge;
    for (const QString &raw : directives) {
        const QString directive = raw.trimmed();
        if (directive == QLatin1String("no-store"))
            *storable = false;
        else if (directive == QLatin1String("no-cache"))
            maxAge = 0;
        else if (directive.startsWith(QLatin1String("max-age=")) && !maxAge)
            maxAge = directive.mid(8).toLongLong();
    }
    if (maxAge) {
        const qint64 age = headerText(reply, "Age").toLongLong();
        return now + std::max<qint64>(0, *maxAge - age);
    }
    const QByteArray expires = reply->rawHeader("Expires");
    if (!expires.isEmpty()) {
        const QDateTime when = QDateTime::fromString(QString::fromLatin1(expires), Qt::RFC2822Date);
        return when.isValid() ? when.toSecsSinceEpoch() : now;
    }
    return now + DefaultFreshness;
}

// Returns the delay that Retry-After requests in milliseconds (seconds or an HTTP date), or 0.
int retryAfterMs(const QNetworkReply *reply)
{
    const QString value = headerText(reply, "Retry-After");
    if (value.isEmpty())
        return 0;
    bool ok = false;
    qint64 seconds = value.toLongLong(&ok);
    if (!ok) {
        const QDateTime when = QDateTime::fromString(value, Qt::RFC2822Date);
        seconds = when.isValid() ? when.toSecsSinceEpoch() - nowSeconds() : 0;
    }
    return int(std::clamp<qint64>(seconds, 0, MaxRetryAfterSeconds) * 1000);
}

// Errors that mean the server cannot be reached now, as opposed to a response about one tile.
bool isUnreachable(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

QString hostKey(const QUrl &url)
{
    return url.host() + QLatin1Char(':') + QString::number(url.port());
}

} // namespace

OnlineTileSource::OnlineTileSource(const OnlineTileSourceConfig &config, QObject *parent)
    : TileSource(QUrl(config.urlTemplate).host(), parent)
    , m_config(config)
    , m_userAgent(userAgent(config.contact))
    , m_worker(std::make_unique<TileWorkerThread>(QStringLiteral("Tile cache")))
{
    if (m_config.urlTemplate.contains(QLatin1String("{s}")) && m_config.subdomains.isEmpty())
        m_config.subdomains = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    setInfo(config.attribution, config.minimumZoomLevel, config.maximumZoomLevel);

    m_probeTimer.setSingleShot(true);
    connect(&m_probeTimer, &QTimer::timeout, this, &OnlineTileSource::sendProbe);

    if (!config.cacheFolder.isEmpty()) {
        m_cache = new TileDiskCache(config.cacheFolder, config.cacheMaxBytes);
        m_worker->post([cache = m_cache] {
            QString error;
            if (!cache->open(&error))
                qCWarning(lcMap).noquote() << error << "; tiles are not kept on disk";
        });
    }
    qCInfo(lcMap) << "tile server" << config.urlTemplate << "with User-Agent" << m_userAgent;
}

OnlineTileSource::~OnlineTileSource()
{
    for (QNetworkReply *reply : std::as_const(m_replies)) {
        reply->disconnect(this);
        reply->abort();
    }
    m_worker->post([cache = m_cache] { delete cache; });
    m_worker.reset();
}

bool OnlineTileSource::checkUrlTemplate(const QString &urlTemplate, QString *error)
{
    // A subdomain placeholder is not valid in a host name, so it is checked with a value.
    QString example = urlTemplate;
    example.replace(QLatin1String("{s}"), QLatin1String("a"));
    const QUrl url(example, QUrl::StrictMode);
    for (const char *placeholder : {"{z}", "{x}", "{y}"}) {
        if (!urlTemplate.contains(QLatin1String(placeholder))) {
            *error = QStringLiteral("the tile URL template \"%1\" lacks %2")
                         .arg(urlTemplate, QLatin1String(placeholder));
            return false;
        }
    }
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        *error = QStringLiteral("the tile URL template \"%1\" must start with https:// or http://")
                     .arg(urlTemplate);
        return false;
    }
    if (url.host().isEmpty()) {
        *error = QStringLiteral("the tile URL template \"%1\" names no host").arg(urlTemplate);
        return false;
    }
    return true;
}

QString OnlineTileSource::userAgent(const QString &contact)
{
    const QString program = QStringLiteral("CivicDesk/" CIVICDESK_VERSION);
    if (contact.trimmed().isEmpty())
        return program;
    return QStringLiteral("%1 (+%2)").arg(program, contact.trimmed());
}

void OnlineTileSource::setRetryDelays(int initialMs, int maximumMs)
{
    m_initialRetryMs = initialMs;
    m_maximumRetryMs = maximumMs;
    m_nextRetryMs = initialMs;
}

int OnlineTileSource::probeDelay() const
{
    return m_probeTimer.isActive() ? m_probeTimer.remainingTime() : -1;
}

QUrl OnlineTileSource::urlFor(const TileId &tile) const
{
    QString url = m_config.urlTemplate;
    url.replace(QLatin1String("{z}"), QString::number(tile.z));
    url.replace(QLatin1String("{x}"), QString::number(tile.x));
    url.replace(QLatin1String("{y}"), QString::number(tile.y));
    if (!m_config.subdomains.isEmpty()) {
        // The same tile always goes to the same subdomain, so that HTTP caches along the way
        // keep one copy of it.
        const qsizetype index = (tile.x + tile.y) % m_config.subdomains.size();
        url.replace(QLatin1String("{s}"), m_config.subdomains.at(index));
    }
    return QUrl(url);
}

bool OnlineTileSource::isPaused() const
{
    return status() == Status::Offline || status() == Status::RateLimited;
}

void OnlineTileSource::requestTile(const TileId &tile)
{
    if (!tile.isValid() || tile.z < minimumZoomLevel() || tile.z > maximumZoomLevel()) {
        Q_EMIT tileMissing(tile);
        return;
    }
    if (m_requests.contains(tile))
        return;
    m_requests.insert(tile, Request{});
    lookUp(tile);
}

void OnlineTileSource::cancelTile(const TileId &tile)
{
    const auto it = m_requests.constFind(tile);
    if (it == m_requests.cend() || it->sent)
        return;
    m_requests.erase(it);
    m_queue.removeOne(tile);
}

void OnlineTileSource::lookUp(const TileId &tile)
{
    if (!m_cache) {
        onLookedUp(tile, std::nullopt);
        return;
    }
    m_worker->post([this, tile, cache = m_cache, key = m_config.urlTemplate] {
        const std::optional<CachedTile> entry = cache->find(key, tile);
        QMetaObject::invokeMethod(this, [this, tile, entry] { onLookedUp(tile, entry); });
    });
}

void OnlineTileSource::onLookedUp(const TileId &tile, const std::optional<CachedTile> &entry)
{
    const auto it = m_requests.find(tile);
    if (it == m_requests.end())
        return;

    if (entry) {
        Q_EMIT tileLoaded(tile, entry->data);
        if (entry->expires > nowSeconds()) {
            m_requests.erase(it);
            return;
        }
        it->staleServed = true;
        it->validators = CachedTile{{}, entry->etag, entry->lastModified, entry->expires};
    }
    if (isPaused()) {
        const bool staleServed = it->staleServed;
        m_requests.erase(it);
        if (!staleServed)
            Q_EMIT tileFailed(tile);
        return;
    }
    m_queue.append(tile);
    pump();
}

void OnlineTileSource::pump()
{
    if (isPaused())
        return;
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        if (m_inFlight.value(hostKey(urlFor(*it))) >= MaxRequestsPerHost) {
            ++it;
            continue;
        }
        const TileId tile = *it;
        it = m_queue.erase(it);
        send(tile);
    }
}

void OnlineTileSource::send(const TileId &tile)
{
    Request &request = m_requests[tile];
    request.sent = true;
    const QUrl url = urlFor(tile);
    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    networkRequest.setTransferTimeout(m_transferTimeoutMs);
    if (!request.validators.etag.isEmpty())
        networkRequest.setRawHeader("If-None-Match", request.validators.etag.toLatin1());
    if (!request.validators.lastModified.isEmpty())
        networkRequest.setRawHeader("If-Modified-Since",
                                    request.validators.lastModified.toLatin1());

    ++m_inFlight[hostKey(url)];
    QNetworkReply *reply = m_network.get(networkRequest);
    m_replies.insert(reply);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, tile] { onReplyFinished(reply, tile); });
}

void OnlineTileSource::onReplyFinished(QNetworkReply *reply, const TileId &tile)
{
    m_replies.remove(reply);
    reply->deleteLater();
    --m_inFlight[hostKey(reply->url())];
    const Request request = m_requests.take(tile);
    // While paused, the only request sent is the probe; others were sent before the pause.
    const bool probe = isPaused() && m_probeTile && *m_probeTile == tile;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString detail =
        status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();

    if (status == 200 || status == 203) {
        onTileReceived(reply, tile);
        onSuccess(probe);
    } else if (status == 304) {
        onNotModified(reply, tile);
        onSuccess(probe);
    } else if (status == 429) {
        onFailure(tile, request, probe, Failure::RateLimited, retryAfterMs(reply), detail);
    } else if (status >= 500 || (status == 0 && isUnreachable(reply->error()))) {
        onFailure(tile, request, probe, Failure::Offline, retryAfterMs(reply), detail);
    } else {
        // A response about this tile (404, 403, a TLS error...): the server is reachable, and a
        // repeated request would get the same response.
        if (status != 404 && status != 410 && m_loggedOtherErrors++ < MaxLoggedErrors)
            qCWarning(lcMap).noquote() << "tile" << reply->url().toString() << "failed:" << detail;
        if (!request.staleServed)
            Q_EMIT tileMissing(tile);
        if (status > 0)
            onSuccess(probe);
    }
    pump();
}

void OnlineTileSource::onTileReceived(QNetworkReply *reply, const TileId &tile)
{
    CachedTile entry;
    entry.data = reply->readAll();
    bool storable = true;
    entry.expires = expiryOf(reply, &storable);
    entry.etag = headerText(reply, "ETag");
    entry.lastModified = headerText(reply, "Last-Modified");
    Q_EMIT tileLoaded(tile, entry.data);
    if (!m_cache || !storable)
        return;
    m_worker->post([cache = m_cache, key = m_config.urlTemplate, tile, entry] {
        cache->store(key, tile, entry);
    });
}

void OnlineTileSource::onNotModified(QNetworkReply *reply, const TileId &tile)
{
    if (!m_cache)
        return;
    bool storable = true;
    const CachedTile validators{{},
                                headerText(reply, "ETag"),
                                headerText(reply, "Last-Modified"),
                                expiryOf(reply, &storable)};
    m_worker->post([cache = m_cache, key = m_config.urlTemplate, tile, validators] {
        cache->refresh(key, tile, validators);
    });
}

// Ends a pause when the probe got a response. A response to a request sent before the pause
// leaves it in place, so that a Retry-After is waited out in full.
void OnlineTileSource::onSuccess(bool probe)
{
    if (isPaused() && !probe)
        return;
    m_nextRetryMs = m_initialRetryMs;
    m_probeTile.reset();
    if (!isPaused())
        return;
    qCInfo(lcMap) << "tile server" << name() << "responds again";
    setStatus(Status::Ready);
    Q_EMIT availableAgain();
}

void OnlineTileSource::onFailure(const TileId &tile, const Request &request, bool probe,
                                 Failure failure, int retryAfterMs, const QString &detail)
{
    if (!request.staleServed)
        Q_EMIT tileFailed(tile);
    // Requests sent before the pause began end here too; only the probe plans the next one.
    if (isPaused() && !probe)
        return;

    const int delay = std::max(retryAfterMs, m_nextRetryMs);
    m_nextRetryMs = std::min(m_nextRetryMs * 2, m_maximumRetryMs);
    const Status status = failure == Failure::Offline ? Status::Offline : Status::RateLimited;
    qCWarning(lcMap).noquote() << "tile server" << name()
                               << (failure == Failure::Offline ? "unreachable:"
                                                               : "asks to slow down:")
                               << detail << "; next attempt in" << delay << "ms";
    setStatus(status, QStringLiteral("%1: %2").arg(name(), detail));
    failQueued();
    m_probeTile = tile;
    m_probeTimer.start(delay);
}

void OnlineTileSource::failQueued()
{
    const QList<TileId> queued = std::exchange(m_queue, {});
    for (const TileId &tile : queued) {
        const Request request = m_requests.take(tile);
        if (!request.staleServed)
            Q_EMIT tileFailed(tile);
    }
}

void OnlineTileSource::sendProbe()
{
    if (!m_probeTile)
        return;
    qCInfo(lcMap) << "probing tile server" << name() << "with tile" << m_probeTile->toString();
    // A tile the caller asks for meanwhile is not sent twice.
    m_queue.removeOne(*m_probeTile);
    m_requests.insert(*m_probeTile, Request{});
    send(*m_probeTile);
}

} // namespace CivicDesk
