#pragma once

#include "map/tilediskcache.h"
#include "map/tilesource.h"

#include <memory>
#include <optional>
#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QStringList>
#include <QTimer>

class QNetworkReply;

namespace CivicDesk {

// How to reach a tile server.
struct OnlineTileSourceConfig
{
    // URL with {z}, {x} and {y}, and optionally {s} for a subdomain:
    // https://{s}.tiles.example/{z}/{x}/{y}.png
    QString urlTemplate;
    // Values of {s}, used in turn; "a", "b" and "c" when the template has {s} and this is empty.
    QStringList subdomains;
    // Credit text that the server's licence requires.
    QString attribution;
    int minimumZoomLevel = 0;
    int maximumZoomLevel = 19;
    // E-mail or web address of the installation's administrator, sent in the User-Agent so that
    // the server's operator can reach them instead of blocking the program.
    QString contact;
    // Folder of the disk cache; empty for none.
    QString cacheFolder;
    qint64 cacheMaxBytes = TileDiskCache::DefaultMaxBytes;
};

// Tiles from a tile server by an XYZ URL template, following the usage policies of public tile
// servers. Each request carries a User-Agent naming the program, its version and a contact. At
// most two requests per host are open at a time. Tiles stay in a disk cache for as long as
// Cache-Control max-age or Expires allow, and are then revalidated with If-None-Match and
// If-Modified-Since. HTTP 429 and 503 are obeyed with their Retry-After. A stale cached tile is
// sent at once and replaced if the server has a newer one.
//
// A request that fails to connect, times out, cannot resolve the host or gets a 5xx response
// puts the source offline. Queued requests then fail (tileFailed), new ones get cached tiles
// only, and a single probe request retries after a delay that doubles with each failure, or
// after the server's Retry-After if that is longer. The probe's first success brings the source
// back (availableAgain). A 429 response pauses the source the same way with status RateLimited.
class OnlineTileSource : public TileSource
{
    Q_OBJECT

public:
    explicit OnlineTileSource(const OnlineTileSourceConfig &config, QObject *parent = nullptr);
    ~OnlineTileSource() override;

    // Maximum parallel requests per host, from the usage policy of openstreetmap.org's tile
    // servers.
    static constexpr int MaxRequestsPerHost = 2;

    // Checks a URL template; on failure sets `error` to a sentence naming the template.
    static bool checkUrlTemplate(const QString &urlTemplate, QString *error);
    // The User-Agent header sent with every request.
    static QString userAgent(const QString &contact);

    void requestTile(const TileId &tile) override;
    void cancelTile(const TileId &tile) override;

    // Sets the first delay before a probe and the delay it doubles up to, in milliseconds.
    void setRetryDelays(int initialMs, int maximumMs);
    // Sets how long a request may go without data before it counts as timed out, in ms.
    void setTransferTimeout(int milliseconds) { m_transferTimeoutMs = milliseconds; }
    // Milliseconds until the next probe, or -1 when none is planned.
    int probeDelay() const;

private:
    struct Request
    {
        bool sent = false;
        bool staleServed = false; // a stale copy from the cache was sent as tileLoaded
        CachedTile validators;    // data left empty
    };
    enum class Failure
    {
        Offline,
        RateLimited,
    };

    QUrl urlFor(const TileId &tile) const;
    bool isPaused() const;
    void lookUp(const TileId &tile);
    void onLookedUp(const TileId &tile, const std::optional<CachedTile> &entry);
    void pump();
    void send(const TileId &tile);
    void onReplyFinished(QNetworkReply *reply, const TileId &tile);
    void onTileReceived(QNetworkReply *reply, const TileId &tile);
    void onNotModified(QNetworkReply *reply, const TileId &tile);
    void onSuccess(bool probe);
    void onFailure(const TileId &tile, const Request &request, bool probe, Failure failure,
                   int retryAfterMs, const QString &detail);
    void failQueued();
    void sendProbe();

    OnlineTileSourceConfig m_config;
    QString m_userAgent;
    QNetworkAccessManager m_network;
    std::unique_ptr<TileWorkerThread> m_worker;
    TileDiskCache *m_cache = nullptr; // used and deleted on m_worker only
    QHash<TileId, Request> m_requests;
    QList<TileId> m_queue;          // looked up in the cache, waiting for a free connection
    QHash<QString, int> m_inFlight; // per host
    QSet<QNetworkReply *> m_replies;
    QTimer m_probeTimer;
    std::optional<TileId> m_probeTile;
    int m_initialRetryMs = 1000;
    int m_maximumRetryMs = 5 * 60 * 1000;
    int m_nextRetryMs = 1000;
    int m_transferTimeoutMs = 20000;
    int m_loggedOtherErrors = 0;
};

} // namespace CivicDesk
