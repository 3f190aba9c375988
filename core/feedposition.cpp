#include "core/feedposition.h"

#include <QRegularExpression>
#include <QStringList>

namespace CivicDesk {
namespace {

bool isSnapshotText(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+:\\d+:(\\d+(,\\d+)*)?$"));
    return text.isEmpty() || pattern.match(text).hasMatch();
}

} // namespace

QString FeedPosition::toString() const
{
    if (snapshot.isEmpty() && upper.isEmpty() && transaction == 0)
        return QString::number(revision);
    return QStringLiteral("%1|%2|%3|%4").arg(snapshot, upper).arg(transaction).arg(revision);
}

std::optional<FeedPosition> FeedPosition::fromString(const QString &text)
{
    FeedPosition position;
    if (text.isEmpty())
        return position;
    const QStringList parts = text.split(QLatin1Char('|'));
    bool ok = parts.size() == 1 || parts.size() == 4;
    if (ok && parts.size() == 4) {
        position.snapshot = parts.at(0);
        position.upper = parts.at(1);
        position.transaction = parts.at(2).toLongLong(&ok);
        ok = ok && isSnapshotText(position.snapshot) && isSnapshotText(position.upper);
    }
    if (ok)
        position.revision = parts.last().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return position;
}

} // namespace CivicDesk
