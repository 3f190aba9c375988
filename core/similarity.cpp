#include "core/similarity.h"

#include "core/textfold.h"

#include <algorithm>
#include <QChar>
#include <QList>

namespace CivicDesk {
namespace {

// Returns the 32-bit FNV-1a hash of two words, each followed by a separator that no word
// contains. NOTE: Two different pairs can share a hash. With a few hundred pairs per report, the
// chance of such a collision between two reports is about one in fifty thousand (an estimate).
quint32 pairCode(QStringView first, QStringView second)
{
    quint32 hash = 2166136261u;
    for (const QStringView word : {first, second}) {
        for (const QChar unit : word) {
            hash ^= unit.unicode() & 0xFF;
            hash *= 16777619u;
            hash ^= unit.unicode() >> 8;
            hash *= 16777619u;
        }
        hash ^= 0x1F; // unit separator
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

SyllablePairSet SyllablePairSet::fromFoldedText(QStringView folded)
{
    QList<QStringView> words{QStringView()};
    qsizetype start = -1;
    for (qsizetype i = 0; i <= folded.size(); ++i) {
        const bool inWord = i < folded.size() && folded.at(i).isLetterOrNumber();
        if (inWord && start < 0)
            start = i;
        if (!inWord && start >= 0) {
            words.append(folded.mid(start, i - start));
            start = -1;
        }
    }
    SyllablePairSet set;
    if (words.size() == 1)
        return set;
    words.append(QStringView());
    for (qsizetype i = 0; i + 1 < words.size(); ++i)
        set.m_codes.push_back(pairCode(words.at(i), words.at(i + 1)));
    std::sort(set.m_codes.begin(), set.m_codes.end());
    set.m_codes.erase(std::unique(set.m_codes.begin(), set.m_codes.end()), set.m_codes.end());
    return set;
}

SyllablePairSet SyllablePairSet::fromText(const QString &text)
{
    return fromFoldedText(foldText(text));
}

double textSimilarity(const SyllablePairSet &a, const SyllablePairSet &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0;

    const std::vector<quint32> &left = a.codes();
    const std::vector<quint32> &right = b.codes();
    qsizetype common = 0;
    auto l = left.cbegin();
    auto r = right.cbegin();
    while (l != left.cend() && r != right.cend()) {
        if (*l < *r) {
            ++l;
        } else if (*r < *l) {
            ++r;
        } else {
            ++common;
            ++l;
            ++r;
        }
    }
    return double(common) / double(a.size() + b.size() - common);
}

double textSimilarity(const QString &a, const QString &b)
{
    return textSimilarity(SyllablePairSet::fromText(a), SyllablePairSet::fromText(b));
}

} // namespace CivicDesk
