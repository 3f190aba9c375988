#pragma once

#include <functional>
#include <QByteArray>
#include <QHashFunctions>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QThread>

namespace CivicDesk {

// A raster tile in the XYZ scheme of OpenStreetMap: at zoom level z the world is 2^z by 2^z
// tiles, x grows east from longitude -180 and y grows south from the northern edge.
struct TileId
{
    int z = 0;
    int x = 0;
    int y = 0;

    // Whether x and y lie inside the world at zoom level z.
    bool isValid() const;
    // Returns the tile one zoom level up that contains this one.
    TileId parent() const { return TileId{z - 1, x / 2, y / 2}; }
    QString toString() const;

    friend bool operator==(const TileId &, const TileId &) = default;
};

inline size_t qHash(const TileId &tile, size_t seed = 0)
{
    return qHashMulti(seed, tile.z, tile.x, tile.y);
}

// The origin of raster tiles: an MBTiles file or a tile server. Each request ends
// asynchronously with one of tileLoaded, tileMissing or tileFailed, on the thread the source
// lives in (the GUI thread). The encoded image is handed over as it is; decoding is up to the
// caller.
class TileSource : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Tile sources are configured in C++.")

    // State of the source as a whole.
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    // Technical detail of the last failure, in English for the log: empty while the source works.
    Q_PROPERTY(QString errorString READ errorString NOTIFY statusChanged)
    // Short name for notices: the MBTiles file's name or the tile server's host.
    Q_PROPERTY(QString name READ name CONSTANT)
    // Credit text that the source's licence requires; may contain HTML links.
    Q_PROPERTY(QString attribution READ attribution NOTIFY infoChanged)

public:
    enum class Status
    {
        Opening,     // an MBTiles file is being checked; requests wait
        Ready,       // tiles are served
        Offline,     // the tile server is unreachable; cached tiles are served, a probe retries
        RateLimited, // the tile server asked to wait (HTTP 429); cached tiles are served
        Failed,      // the source cannot serve tiles at all, see errorString
    };
    Q_ENUM(Status)

    explicit TileSource(QString name, QObject *parent = nullptr);

    Status status() const { return m_status; }
    bool offline() const { return m_status == Status::Offline; }
    QString errorString() const { return m_errorString; }
    QString name() const { return m_name; }
    QString attribution() const { return m_attribution; }
    int minimumZoomLevel() const { return m_minimumZoomLevel; }
    int maximumZoomLevel() const { return m_maximumZoomLevel; }

    // Requests a tile. A tile requested again before its result arrived is fetched only once.
    virtual void requestTile(const TileId &tile) = 0;
    // Withdraws a request that is no longer needed, if it has not been sent yet.
    virtual void cancelTile(const TileId &tile) { Q_UNUSED(tile) }

Q_SIGNALS:
    void statusChanged();
    void infoChanged();
    // The encoded image of a tile. An online source may send a tile twice: first the stale copy
    // from its cache, then the fresh one from the server.
    void tileLoaded(const CivicDesk::TileId &tile, const QByteArray &data);
    // The source has no such tile, so a new request gets the same result.
    void tileMissing(const CivicDesk::TileId &tile);
    // The tile cannot be had now (offline, rate limited); ask again after availableAgain.
    void tileFailed(const CivicDesk::TileId &tile);
    // The source serves tiles again after being offline or rate limited.
    void availableAgain();

protected:
    void setStatus(Status status, const QString &errorString = QString());
    void setInfo(const QString &attribution, int minimumZoomLevel, int maximumZoomLevel);

private:
    QString m_name;
    Status m_status = Status::Ready;
    QString m_errorString;
    QString m_attribution;
    int m_minimumZoomLevel = 0;
    int m_maximumZoomLevel = 19;
};

// A thread of its own for the blocking work of one tile source (SQLite), run in the order it was
// posted. The destructor runs what was posted, then stops the thread.
class TileWorkerThread
{
public:
    explicit TileWorkerThread(const QString &name);
    ~TileWorkerThread();
    TileWorkerThread(const TileWorkerThread &) = delete;
    TileWorkerThread &operator=(const TileWorkerThread &) = delete;

    void post(std::function<void()> work);

private:
    QThread m_thread;
    QObject *m_context;
};

} // namespace CivicDesk

Q_DECLARE_METATYPE(CivicDesk::TileId)
