#pragma once

#include "core/incoming.h"

#include <QByteArray>
#include <QString>

namespace CivicDesk {

// Reads an Open311 GeoReport v2 request list in JSON: a top-level array of requests, or an
// object whose "requests" or "service_requests" member is that array. A key repeated inside a
// request keeps its first value that is not null (see parseJson()). `path` names the file in
// messages. Records that cannot become a report are listed in ParsedFile::rejections with
// their reason. A file that is not valid JSON sets ParsedFile::error and yields no reports.
ParsedFile readOpen311Json(const QByteArray &data, const QString &path,
                           const ImportOptions &options);

// Reads an Open311 GeoReport v2 request list in XML, <service_requests><request>...</request>
// </service_requests>, with the element names of the JSON form. Elements marked
// xsi:nil="true" count as missing. The whole document must be well-formed: any XML error sets
// ParsedFile::error to "FILE:LINE:COLUMN: reason" and yields no reports at all.
ParsedFile readOpen311Xml(const QByteArray &data, const QString &path,
                          const ImportOptions &options);

} // namespace CivicDesk
