#pragma once

#include <optional>
#include <QString>

namespace CivicDesk {

// A position in the change feed.
//
// The embedded central commits one writer at a time, so its revisions alone order the feed and
// the position is the last revision read.
//
// PostgreSQL commits concurrent writers in any order: a transaction that started first may
// commit last, so no counter can tell what is still to come. There the position is a
// transaction snapshot (pg_snapshot text, "xmin:xmax:running,..."): every change that is
// visible in it has been read. The next read takes a newer snapshot and reads the changes
// visible in the new one but not in the old, however late they committed. A large batch is
// read in pages: `upper` is then the snapshot the batch reads up to and (transaction,
// revision) the last row read.
struct FeedPosition
{
    qint64 revision = 0;
    QString snapshot;
    QString upper;
    qint64 transaction = 0;

    // "REVISION" on the embedded central; "SNAPSHOT|UPPER|TRANSACTION|REVISION" on PostgreSQL.
    QString toString() const;
    static std::optional<FeedPosition> fromString(const QString &text);

    friend bool operator==(const FeedPosition &a, const FeedPosition &b)
    {
        return a.revision == b.revision && a.snapshot == b.snapshot && a.upper == b.upper &&
               a.transaction == b.transaction;
    }
    friend bool operator!=(const FeedPosition &a, const FeedPosition &b) { return !(a == b); }
};

} // namespace CivicDesk
