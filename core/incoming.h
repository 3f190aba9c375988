#pragma once

#include "core/report.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace CivicDesk {

// A photo, video or audio file that came with an imported record: a local file to store, or a
// link that is kept as it is and never fetched.
struct IncomingMedia
{
    QString filePath; // absolute path of a local file, empty for a link
    QString url;      // link, empty for a local file
    MediaKind kind = MediaKind::Photo;
    QString mimeType;
};

// One record read from an import file, not yet stored. Its report has no id and no public
// code; the central gives both.
struct IncomingReport
{
    int recordNumber = 0; // 1-based position of the record in the file
    int line = 0;         // line where the record starts, 0 when unknown
    Report report;
    QList<Reporter> reporters;
    QList<IncomingMedia> media;
    QString agencyText; // agency as written in the source, matched against agency aliases
};

// A record that could not be imported, with where it was and why.
struct Rejection
{
    QString file;
    int recordNumber = 0;
    int line = 0;
    QString sourceId;
    QString reason;

    QString toString() const;
};

struct ImportOptions
{
    QString source;      // source name; defaults to the file's base name
    QTimeZone timeZone;  // zone of times written without one
    QString mappingPath; // JSON mapping, required for CSV
    bool strict = false; // reject the whole file when one record is invalid
};

// Result of reading one import file. A file that cannot be parsed sets `error` (naming the
// file, line and column) and yields no reports at all.
struct ParsedFile
{
    QString path;
    QString format; // "open311-json", "open311-xml" or "csv"
    QString error;
    QList<IncomingReport> reports;
    QList<Rejection> rejections;
    QStringList warnings;

    bool ok() const { return error.isEmpty(); }
};

} // namespace CivicDesk
