#include "sync/feedprefetcher.h"

#include "core/logging.h"

namespace CivicDesk {
namespace {

constexpr std::size_t waitingPages = 2;

} // namespace

FeedPrefetcher::FeedPrefetcher(const QString &url, const FeedPosition &start, int pageSize)
    : m_reader([this, url, start, pageSize] { read(url, start, pageSize); })
{}

FeedPrefetcher::~FeedPrefetcher()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_reader.join();
}

void FeedPrefetcher::read(const QString &url, FeedPosition cursor, int pageSize)
{
    // The connection is opened, used and closed on this thread, as Qt SQL requires.
    QString error;
    auto central = Central::open(url, false, &error);
    bool more = central != nullptr;
    while (more) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_pages.size() < waitingPages; });
            if (m_stopping)
                break;
        }
        auto batch = central->changesSince(cursor, pageSize, &error);
        if (!batch)
            break;
        cursor = batch->cursor;
        more = batch->more;
        std::lock_guard lock(m_mutex);
        m_pages.push_back(std::move(*batch));
        m_changed.notify_all();
    }
    central.reset();
    std::lock_guard lock(m_mutex);
    if (!error.isEmpty()) {
        qCWarning(lcSync) << "reading the feed ahead failed:" << error;
        m_error = error;
    }
    m_done = true;
    m_changed.notify_all();
}

std::optional<ChangeBatch> FeedPrefetcher::next(QString *error)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_pages.empty() || m_done; });
    if (!m_pages.empty()) {
        ChangeBatch batch = std::move(m_pages.front());
        m_pages.pop_front();
        m_changed.notify_all();
        return batch;
    }
    *error = m_error.value_or(
        QStringLiteral("the feed ended before its last page was read; sync again"));
    return std::nullopt;
}

} // namespace CivicDesk
