#pragma once

#include "core/incoming.h"
#include "intake/csvmapping.h"

#include <QByteArray>
#include <QString>

namespace CivicDesk {

// Reads reports from a CSV file whose first row names the columns, as `mapping` describes.
// Media paths in the file are relative to the CSV file's folder. A record is rejected, with
// every problem named, when it lacks source_id, received_at or description, or has a time,
// code, coordinate, phone number or media file that cannot be read. A mapping that names a
// column missing from the header fails the whole file.
ParsedFile readCsvReports(const QByteArray &data, const QString &path, const CsvMapping &mapping,
                          const ImportOptions &options);

// Same, with the mapping read from options.mappingPath.
ParsedFile readCsvReports(const QByteArray &data, const QString &path,
                          const ImportOptions &options);

} // namespace CivicDesk
