#pragma once

#include "map/mapview.h"
#include "map/tilecover.h"
#include "map/tilelayernode.h"
#include "map/tilesource.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QQuickItem>
#include <QSet>

namespace CivicDesk {

// Raster tiles under a MapView: placed as a child of the map with `z: -1` and
// `anchors.fill: parent`, it follows the map's center, zoomLevel and size and draws the tiles
// of the integer zoom level nearest to the map's, scaled to match, over the land colour. While
// a tile loads, a loaded tile of a lower level (scaled up) or of the next higher level is drawn
// instead, so panning and zooming show no blank squares once the area was seen. Images are decoded
// off the GUI thread and kept in a memory cache of bounded size; textures live on the render
// thread.
class MapTileLayer : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT

    // The map to follow.
    Q_PROPERTY(CivicDesk::MapView *map READ map WRITE setMap NOTIFY mapChanged)
    // Where the tiles come from, or null to draw the land colour only.
    Q_PROPERTY(CivicDesk::TileSource *source READ source WRITE setSource NOTIFY sourceChanged)
    // Colour drawn where no tile is (yet).
    Q_PROPERTY(QColor landColor READ landColor WRITE setLandColor NOTIFY landColorChanged)
    // The source's credit text, or empty without a source.
    Q_PROPERTY(QString attribution READ attribution NOTIFY sourceInfoChanged)
    // Whether the tile server is unreachable; the layer shows what it has meanwhile.
    Q_PROPERTY(bool offline READ offline NOTIFY sourceStatusChanged)
    // The source's state (TileSource.Ready, .Offline, ...); TileSource.Failed without a source.
    Q_PROPERTY(CivicDesk::TileSource::Status status READ status NOTIFY sourceStatusChanged)
    // Technical detail of the source's last failure, in English, for the log and tooltips.
    Q_PROPERTY(QString errorString READ errorString NOTIFY sourceStatusChanged)
    // Tiles in view that were requested and are not drawn yet.
    Q_PROPERTY(int pendingTiles READ pendingTiles NOTIFY pendingTilesChanged)
    // Whether tiles in view are still coming: pendingTiles > 0 or the source is opening. Once
    // false, the next frame draws every tile in view that the source has.
    Q_PROPERTY(bool loading READ loading NOTIFY pendingTilesChanged)

public:
    explicit MapTileLayer(QQuickItem *parent = nullptr);
    ~MapTileLayer() override;

    // Decoded images kept in memory: 96 MB, about 380 tiles of 256 x 256 pixels, four screens
    // full on a 1920 x 1080 display.
    static constexpr qint64 DefaultImageCacheBytes = 96LL * 1024 * 1024;

    MapView *map() const { return m_map; }
    void setMap(MapView *map);
    TileSource *source() const { return m_source; }
    void setSource(TileSource *source);
    QColor landColor() const { return m_landColor; }
    void setLandColor(const QColor &color);
    QString attribution() const;
    bool offline() const;
    TileSource::Status status() const;
    QString errorString() const;
    int pendingTiles() const { return m_pendingTiles; }
    bool loading() const;

    void setImageCacheBytes(qint64 bytes) { m_maxImageBytes = bytes; }
    qint64 imageCacheBytes() const { return m_imageBytes; }
    // Tiles whose decoded image is in memory.
    int loadedTileCount() const;

Q_SIGNALS:
    void mapChanged();
    void sourceChanged();
    void landColorChanged();
    void sourceInfoChanged();
    void sourceStatusChanged();
    void pendingTilesChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *data) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    struct Tile
    {
        enum class State
        {
            Requested,
            Decoding,
            Loaded,
            Missing, // the source has none
            Failed,  // not to be had now; asked again when the source is available again
        };
        State state = State::Requested;
        QImage image;
        quint64 lastUsed = 0;
        bool refreshing = false; // a newer image of a loaded tile is being decoded
    };

    TileView currentView() const;
    void updateWanted();
    void requestTile(const TileId &tile);
    void onTileLoaded(const TileId &tile, const QByteArray &data);
    void onTileDecoded(const TileId &tile, const QImage &image, int generation);
    void onTileUnavailable(const TileId &tile, Tile::State state);
    void onAvailableAgain();
    void onSourceStatusChanged();
    void updatePending();
    void evictImages();
    QList<TileDraw> tilesToDraw();
    void addStandIns(const VisibleTile &visible, QList<TileDraw> &below, QList<TileDraw> &above);
    const Tile *loadedTile(const TileId &tile);

    QPointer<MapView> m_map;
    QPointer<TileSource> m_source;
    QColor m_landColor;
    QHash<TileId, Tile> m_tiles;
    QList<VisibleTile> m_visible;
    QSet<TileId> m_wanted;
    int m_pendingTiles = 0;
    qint64 m_imageBytes = 0;
    qint64 m_maxImageBytes = DefaultImageCacheBytes;
    quint64 m_useCounter = 0;
    // Counts source changes, so that a decode for the previous source is dropped.
    int m_generation = 0;
};

} // namespace CivicDesk
