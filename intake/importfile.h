#pragma once

#include "core/incoming.h"

#include <QString>

namespace CivicDesk {

// Reads one import file, choosing the reader from the content rather than the name: after an
// optional UTF-8 byte order mark, a first non-blank character '{' or '[' means Open311 JSON,
// '<' means Open311 XML, and anything else means CSV, which needs options.mappingPath. An
// unset options.source becomes the file's name without its last extension. A file that cannot
// be read sets ParsedFile::error naming the path.
ParsedFile readImportFile(const QString &path, const ImportOptions &options);

} // namespace CivicDesk
