#pragma once

// Helpers shared by the importers. They are not part of the intake library's public interface.

#include "core/incoming.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace CivicDesk {

// Collects warnings and keeps only the first few of each kind, so that a file where every
// record has the same defect yields a short list plus one count.
class WarningLog
{
public:
    explicit WarningLog(int maxPerKind = 3)
        : m_maxPerKind(maxPerKind)
    {}

    // Records `message` under `kind`, a short phrase such as "FILE: invalid updated_datetime".
    void add(const QString &kind, const QString &message);

    // Returns the kept messages in arrival order, then one line per kind that had more.
    QStringList messages() const;

private:
    int m_maxPerKind;
    QStringList m_kept;
    QStringList m_kindOrder;
    QHash<QString, int> m_counts;
};

// Returns the offset of the first byte that does not start a valid UTF-8 sequence, or -1.
// Overlong forms, UTF-16 surrogates and code points above U+10FFFF are invalid.
qsizetype invalidUtf8Offset(const char *data, qsizetype size);

// Returns why a record cannot be stored as it is, or an empty string: PostgreSQL's text type
// cannot hold the NUL character (U+0000), and SQLite would cut the text at it when read.
QString unstorableText(const IncomingReport &incoming);

// Returns the source name of an import: the option when set, otherwise the file's name
// without its last extension ("ServiceRequests_Complete" for "ServiceRequests_Complete.json").
QString importSourceName(const ImportOptions &options, const QString &path);

// Returns the zone for times written without one; an unset option means the reference
// deployment's zone (Asia/Ho_Chi_Minh).
QTimeZone importTimeZone(const ImportOptions &options);

// Quotes a value for an error message, cutting it to 80 characters so that a long text
// cannot flood the message.
QString quoteValue(const QString &value);

// Returns where a record sits, "FILE:LINE" or "FILE" when the line is unknown.
QString recordPlace(const QString &file, int line);

// Returns the kind and MIME type of a media file from its name's extension (jpg, jpeg, png,
// webp, heic, mp4, webm, avi, mov, mp3, m4a, ogg, wav, aac), or nothing for other names.
struct MediaType
{
    MediaKind kind = MediaKind::Photo;
    QString mimeType;
};
std::optional<MediaType> mediaTypeForName(const QString &fileName);

// Applies strict mode after all records were read: when any record was rejected, the whole
// file fails with an error naming the count and the first rejection, and keeps no reports.
void applyStrictMode(ParsedFile &file, int recordCount);

// Logs the outcome of a read through lcIntake.
void logImportResult(const ParsedFile &file);

} // namespace CivicDesk
