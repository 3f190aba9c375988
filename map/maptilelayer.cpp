#include "map/maptilelayer.h"

#include "map/maplogging.h"
#include "map/mercator.h"

#include <algorithm>
#include <QFutureWatcher>
#include <QQuickWindow>
#include <QtConcurrent/QtConcurrentRun>

namespace CivicDesk {
namespace {

// How many levels up a loaded tile may stand in for one still loading: one tile of 8 levels up
// is 256 times magnified, as blurry as is still worth drawing.
constexpr int MaxStandInLevels = 8;
// Views this many levels below the source's lowest zoom level draw no tiles, which would be too
// many and too small.
constexpr int MaxLevelsBelowSource = 3;
// Tiles without an image (missing, failed) kept to avoid asking again, beyond those in view.
constexpr int MaxRememberedEmptyTiles = 4096;

QImage decodeTile(const QByteArray &data)
{
    QImage image = QImage::fromData(data);
    if (image.isNull())
        return image;
    // The format textures are uploaded in, so the render thread converts nothing.
    return image.convertToFormat(QImage::Format_RGBA8888_Premultiplied);
}

} // namespace

MapTileLayer::MapTileLayer(QQuickItem *parent)
    : QQuickItem(parent)
    , m_landColor(0xf2, 0xef, 0xe9)
{
    setFlag(ItemHasContents);
    setClip(true);
}

MapTileLayer::~MapTileLayer() = default;

void MapTileLayer::setMap(MapView *map)
{
    if (map == m_map)
        return;
    if (m_map)
        disconnect(m_map, nullptr, this, nullptr);
    m_map = map;
    if (m_map) {
        connect(m_map, &MapView::centerChanged, this, &MapTileLayer::updateWanted);
        connect(m_map, &MapView::zoomLevelChanged, this, &MapTileLayer::updateWanted);
        connect(m_map, &QQuickItem::widthChanged, this, &MapTileLayer::updateWanted);
        connect(m_map, &QQuickItem::heightChanged, this, &MapTileLayer::updateWanted);
    }
    updateWanted();
    Q_EMIT mapChanged();
}

void MapTileLayer::setSource(TileSource *source)
{
    if (source == m_source)
        return;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    ++m_generation;
    m_tiles.clear();
    m_wanted.clear();
    m_imageBytes = 0;
    if (m_source) {
        connect(m_source, &TileSource::tileLoaded, this, &MapTileLayer::onTileLoaded);
        connect(m_source, &TileSource::tileMissing, this,
                [this](const TileId &tile) { onTileUnavailable(tile, Tile::State::Missing); });
        connect(m_source, &TileSource::tileFailed, this,
                [this](const TileId &tile) { onTileUnavailable(tile, Tile::State::Failed); });
        connect(m_source, &TileSource::availableAgain, this, &MapTileLayer::onAvailableAgain);
        connect(m_source, &TileSource::statusChanged, this, &MapTileLayer::onSourceStatusChanged);
        connect(m_source, &TileSource::infoChanged, this, &MapTileLayer::sourceInfoChanged);
        connect(m_source, &TileSource::infoChanged, this, &MapTileLayer::updateWanted);
        connect(m_source, &QObject::destroyed, this, [this] { setSource(nullptr); });
    }
    updateWanted();
    Q_EMIT sourceChanged();
    Q_EMIT sourceInfoChanged();
    Q_EMIT sourceStatusChanged();
}

void MapTileLayer::setLandColor(const QColor &color)
{
    if (color == m_landColor)
        return;
    m_landColor = color;
    update();
    Q_EMIT landColorChanged();
}

QString MapTileLayer::attribution() const
{
    return m_source ? m_source->attribution() : QString();
}

bool MapTileLayer::offline() const
{
    return m_source && m_source->status() == TileSource::Status::Offline;
}

TileSource::Status MapTileLayer::status() const
{
    return m_source ? m_source->status() : TileSource::Status::Failed;
}

QString MapTileLayer::errorString() const
{
    return m_source ? m_source->errorString() : QStringLiteral("no tile source is configured");
}

bool MapTileLayer::loading() const
{
    return m_pendingTiles > 0 || (m_source && m_source->status() == TileSource::Status::Opening);
}

int MapTileLayer::loadedTileCount() const
{
    return int(std::count_if(m_tiles.cbegin(), m_tiles.cend(),
                             [](const Tile &tile) { return tile.state == Tile::State::Loaded; }));
}

TileView MapTileLayer::currentView() const
{
    TileView view;
    if (!m_map)
        return view;
    view.centre = Mercator::project(m_map->center());
    view.zoomLevel = m_map->zoomLevel();
    view.size = m_map->size();
    view.devicePixelRatio = window() ? window()->effectiveDevicePixelRatio() : 1;
    return view;
}

void MapTileLayer::updateWanted()
{
    const QSet<TileId> previous = std::exchange(m_wanted, {});
    m_visible.clear();
    const bool usable = m_source && m_source->status() != TileSource::Status::Opening &&
                        m_source->status() != TileSource::Status::Failed;
    const TileView view = currentView();
    if (usable && view.zoomLevel >= m_source->minimumZoomLevel() - MaxLevelsBelowSource) {
        const int z =
            tileZoomFor(view.zoomLevel, m_source->minimumZoomLevel(), m_source->maximumZoomLevel());
        m_visible = visibleTiles(view, z);
    }
    for (const VisibleTile &visible : std::as_const(m_visible)) {
        m_wanted.insert(visible.tile);
        if (!m_tiles.contains(visible.tile))
            requestTile(visible.tile);
    }
    // Requests for tiles that left the view are withdrawn, unless the source sent them already.
    for (const TileId &tile : previous) {
        if (m_wanted.contains(tile))
            continue;
        const auto it = m_tiles.constFind(tile);
        if (it != m_tiles.cend() && it->state == Tile::State::Requested) {
            m_source->cancelTile(tile);
            m_tiles.erase(it);
        }
    }
    evictImages();
    updatePending();
    update();
}

void MapTileLayer::requestTile(const TileId &tile)
{
    m_tiles.insert(tile, Tile{});
    m_source->requestTile(tile);
}

void MapTileLayer::onTileLoaded(const TileId &tile, const QByteArray &data)
{
    Tile &entry = m_tiles[tile];
    if (entry.state == Tile::State::Loaded)
        entry.refreshing = true;
    else
        entry.state = Tile::State::Decoding;

    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this,
            [this, watcher, tile, generation = m_generation] {
                watcher->deleteLater();
                onTileDecoded(tile, watcher->result(), generation);
            });
    watcher->setFuture(QtConcurrent::run(decodeTile, data));
}

void MapTileLayer::onTileDecoded(const TileId &tile, const QImage &image, int generation)
{
    if (generation != m_generation)
        return;
    const auto it = m_tiles.find(tile);
    if (it == m_tiles.end())
        return;
    it->refreshing = false;
    if (image.isNull()) {
        qCWarning(lcMap) << "tile" << tile.toString() << "from" << m_source->name()
                         << "is not an image that can be decoded";
        if (it->state != Tile::State::Loaded)
            it->state = Tile::State::Missing;
    } else {
        m_imageBytes += image.sizeInBytes() - it->image.sizeInBytes();
        it->image = image;
        it->state = Tile::State::Loaded;
        it->lastUsed = ++m_useCounter;
    }
    if (!m_wanted.contains(tile))
        evictImages();
    updatePending();
    update();
}

void MapTileLayer::onTileUnavailable(const TileId &tile, Tile::State state)
{
    const auto it = m_tiles.find(tile);
    if (it == m_tiles.end() || it->state == Tile::State::Loaded)
        return;
    it->state = state;
    updatePending();
    update();
}

void MapTileLayer::onAvailableAgain()
{
    // Failed tiles are asked for again, and loaded ones too, so that stale tiles shown while
    // offline are revalidated. Loaded tiles stay drawn meanwhile.
    for (const TileId &tile : std::as_const(m_wanted)) {
        Tile &entry = m_tiles[tile];
        if (entry.state == Tile::State::Failed)
            entry.state = Tile::State::Requested;
        if (entry.state == Tile::State::Requested || entry.state == Tile::State::Loaded)
            m_source->requestTile(tile);
    }
    updatePending();
}

void MapTileLayer::onSourceStatusChanged()
{
    const TileSource::Status status = m_source->status();
    if (status == TileSource::Status::Ready || status == TileSource::Status::Failed)
        updateWanted();
    Q_EMIT sourceStatusChanged();
    Q_EMIT pendingTilesChanged();
}

void MapTileLayer::updatePending()
{
    int pending = 0;
    for (const TileId &tile : std::as_const(m_wanted)) {
        const Tile::State state = m_tiles.value(tile).state;
        if (state == Tile::State::Requested || state == Tile::State::Decoding)
            ++pending;
    }
    if (pending == m_pendingTiles)
        return;
    m_pendingTiles = pending;
    Q_EMIT pendingTilesChanged();
}

// Drops the least recently drawn images out of view while the cache is over its limit, and
// removes the entries of empty tiles out of view beyond MaxRememberedEmptyTiles.
void MapTileLayer::evictImages()
{
    QList<std::pair<quint64, TileId>> candidates;
    int empty = 0;
    for (auto it = m_tiles.cbegin(); it != m_tiles.cend(); ++it) {
        if (m_wanted.contains(it.key()))
            continue;
        if (it->state == Tile::State::Loaded)
            candidates.append({it->lastUsed, it.key()});
        else if (it->state == Tile::State::Missing || it->state == Tile::State::Failed)
            ++empty;
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[lastUsed, tile] : std::as_const(candidates)) {
        if (m_imageBytes <= m_maxImageBytes)
            break;
        m_imageBytes -= m_tiles.take(tile).image.sizeInBytes();
    }
    if (empty <= MaxRememberedEmptyTiles)
        return;
    for (auto it = m_tiles.begin(); it != m_tiles.end();) {
        const bool forget = !m_wanted.contains(it.key()) &&
                            (it->state == Tile::State::Missing || it->state == Tile::State::Failed);
        it = forget ? m_tiles.erase(it) : std::next(it);
    }
}

const MapTileLayer::Tile *MapTileLayer::loadedTile(const TileId &tile)
{
    const auto it = m_tiles.find(tile);
    if (it == m_tiles.end() || it->state != Tile::State::Loaded)
        return nullptr;
    it->lastUsed = ++m_useCounter;
    return &*it;
}

// Adds the stand-ins for a tile that is not loaded: the part of the nearest loaded ancestor,
// drawn below, and the loaded tiles of the next level down, drawn above it.
void MapTileLayer::addStandIns(const VisibleTile &visible, QList<TileDraw> &below,
                               QList<TileDraw> &above)
{
    TileId ancestor = visible.tile;
    for (int level = 1; level <= MaxStandInLevels && ancestor.z > 0; ++level) {
        ancestor = ancestor.parent();
        if (const Tile *tile = loadedTile(ancestor)) {
            const QRectF source = sourceRectIn(ancestor, visible.tile, tile->image.size());
            below.append(TileDraw{ancestor, tile->image, source, visible.target});
            break;
        }
    }
    const QSizeF quarter = visible.target.size() / 2;
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 2; ++column) {
            const TileId child{visible.tile.z + 1, visible.tile.x * 2 + column,
                               visible.tile.y * 2 + row};
            const Tile *tile = loadedTile(child);
            if (!tile)
                continue;
            const QPointF topLeft = visible.target.topLeft() +
                                    QPointF(column * quarter.width(), row * quarter.height());
            above.append(TileDraw{child, tile->image, QRectF(QPointF(), tile->image.size()),
                                  QRectF(topLeft, quarter)});
        }
    }
}

QList<TileDraw> MapTileLayer::tilesToDraw()
{
    QList<TileDraw> below;
    QList<TileDraw> above;
    QList<TileDraw> exact;
    for (const VisibleTile &visible : std::as_const(m_visible)) {
        if (const Tile *tile = loadedTile(visible.tile))
            exact.append(TileDraw{visible.tile, tile->image, QRectF(QPointF(), tile->image.size()),
                                  visible.target});
        else
            addStandIns(visible, below, above);
    }
    return below + above + exact;
}

QSGNode *MapTileLayer::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    auto *node = static_cast<TileLayerNode *>(oldNode);
    if (!node)
        node = new TileLayerNode(window());
    node->setBackground(boundingRect(), m_landColor);
    node->setTiles(tilesToDraw());
    return node;
}

void MapTileLayer::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    update();
}

} // namespace CivicDesk
