#include "map/maptiles.h"

namespace CivicDesk {
namespace {

MapTiles *s_instance = nullptr;

} // namespace

MapTiles::MapTiles(std::unique_ptr<TileSource> source, QString configurationError, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_configurationError(std::move(configurationError))
{
    if (m_source)
        QJSEngine::setObjectOwnership(m_source.get(), QJSEngine::CppOwnership);
}

MapTiles::~MapTiles()
{
    if (s_instance == this)
        s_instance = nullptr;
}

MapTiles *MapTiles::create(QQmlEngine *engine, QJSEngine *)
{
    if (!s_instance)
        return new MapTiles(nullptr, QString(), engine);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void MapTiles::setInstance(MapTiles *tiles)
{
    s_instance = tiles;
}

} // namespace CivicDesk
