#pragma once

#include "central/central.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <QString>
#include <thread>

namespace CivicDesk {

// Reader of the pages of a long feed, on a thread and a central connection of its own, so that
// reading the next page overlaps with writing the previous one into the replica. A first sync
// then takes about the longer of the two times instead of their sum. At most two pages wait in
// memory.
class FeedPrefetcher
{
public:
    // Starts reading at `start`, in pages of `pageSize` reports, from the central at `url`.
    FeedPrefetcher(const QString &url, const FeedPosition &start, int pageSize);
    // Stops reading, and waits for the page being read to end.
    ~FeedPrefetcher();
    FeedPrefetcher(const FeedPrefetcher &) = delete;
    FeedPrefetcher &operator=(const FeedPrefetcher &) = delete;

    // Waits for the next page and returns it. After the last page (ChangeBatch::more is false)
    // or an error, the reader has stopped and every call fails.
    std::optional<ChangeBatch> next(QString *error);

private:
    void read(const QString &url, FeedPosition cursor, int pageSize);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ChangeBatch> m_pages;
    std::optional<QString> m_error; // set when reading failed; the reader has stopped
    bool m_done = false;            // the reader has stopped
    bool m_stopping = false;
    std::thread m_reader;
};

} // namespace CivicDesk
