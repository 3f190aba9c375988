#pragma once

#include "central/central.h"

#include <QSqlDatabase>

namespace CivicDesk {

// Media files in a central database: each stored once by the SHA-256 of its content, as chunks
// of at most 1 MiB in media_chunk, with one media_file row for its size, dimensions and
// thumbnail. Works on any Qt SQL connection whose tables follow the central schema.

// Stores a file unless a file with the same content is stored already, and returns its media
// row (without id and report). Reads the file in chunks, never whole, and makes its thumbnail;
// a file whose thumbnail cannot be made is stored without one. Must run inside the caller's
// write transaction. Fails when the file cannot be read or changes while it is read.
std::optional<Media> storeMediaFile(const QSqlDatabase &database, const QString &path,
                                    MediaKind kind, QString *error);

MediaReadStatus readMediaThumbnail(const QSqlDatabase &database, const QString &sha256,
                                   MediaThumbnail *thumbnail, QString *error);

MediaReadStatus copyMediaFile(const QSqlDatabase &database, const QString &sha256, QIODevice *out,
                              const MediaProgress &progress, QString *error);

} // namespace CivicDesk
