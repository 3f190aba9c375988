#pragma once

#include "map/tilesource.h"

#include <memory>
#include <QObject>
#include <QQmlEngine>

namespace CivicDesk {

// The program's tile source for QML, set up by the program from its configuration before the
// first window loads. Without one set up, source is null and configurationError empty.
class MapTiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // The configured source, or null for a map without tiles.
    Q_PROPERTY(CivicDesk::TileSource *source READ source CONSTANT)
    // Why the configured source could not be set up, in English for the log; empty when it was
    // or when none is configured.
    Q_PROPERTY(QString configurationError READ configurationError CONSTANT)

public:
    MapTiles(std::unique_ptr<TileSource> source, QString configurationError,
             QObject *parent = nullptr);
    ~MapTiles() override;

    TileSource *source() const { return m_source.get(); }
    QString configurationError() const { return m_configurationError; }

    static MapTiles *create(QQmlEngine *engine, QJSEngine *);
    static void setInstance(MapTiles *tiles);

private:
    std::unique_ptr<TileSource> m_source;
    QString m_configurationError;
};

} // namespace CivicDesk
