#pragma once

#include "map/tilesource.h"

#include <functional>
#include <QColor>
#include <QHash>
#include <QString>

namespace CivicDesk::Test {

// A colour of its own for each tile of the first levels, so that a pixel shows which tile was
// drawn: neighbours, parents and children all differ.
QColor tileColor(const TileId &tile);

// Returns a 256 x 256 PNG filled with one colour.
QByteArray solidTilePng(const QColor &color);

// Writes an MBTiles file with every tile of zoom levels minZoom to maxZoom, each given by
// `tileData` (solidTilePng(tileColor(tile)) when empty), rows in TMS order as the
// specification requires. Fails the test on an SQL error.
void writeMBTiles(const QString &path, int minZoom, int maxZoom,
                  const QHash<QString, QString> &metadata,
                  const std::function<QByteArray(const TileId &)> &tileData = {});

} // namespace CivicDesk::Test
