#include "core/similarity.h"

#include "core/textfold.h"

#include <algorithm>
#include <QChar>
#include <QList>

namespace CivicDesk {
namespace {

// Code points below this limit fit in 10 bits, so a trigram of three of them packs into 30 bits
// without loss. That covers the letters and digits of folded Vietnamese, which are ASCII.
constexpr char32_t packedLimit = 1024;
constexpr quint32 hashedFlag = 0x80000000;

// Returns the code of a trigram: the three code points packed when each is below packedLimit,
// otherwise a 31-bit FNV-1a hash with the top bit set, so that the two kinds never collide.
// NOTE: Two different hashed trigrams can share a code, which raises the similarity of texts in
// scripts beyond Latin and Greek (from Cyrillic, U+0400, on) by a small, unmeasured amount.
quint32 trigramCode(char32_t first, char32_t second, char32_t third)
{
    if (first < packedLimit && second < packedLimit && third < packedLimit)
        return (quint32(first) << 20) | (quint32(second) << 10) | quint32(third);

    quint32 hash = 2166136261u;
    for (const char32_t point : {first, second, third}) {
        for (int shift = 0; shift < 32; shift += 8) {
            hash ^= (point >> shift) & 0xFF;
            hash *= 16777619u;
        }
    }
    return hashedFlag | (hash & ~hashedFlag);
}

// Appends the trigrams of one padded word ("  word ").
void appendTrigrams(const std::vector<char32_t> &padded, std::vector<quint32> &codes)
{
    for (size_t i = 0; i + 2 < padded.size(); ++i)
        codes.push_back(trigramCode(padded[i], padded[i + 1], padded[i + 2]));
}

} // namespace

TrigramSet TrigramSet::fromFoldedText(QStringView folded)
{
    TrigramSet set;
    const std::vector<char32_t> emptyWord{U' ', U' '};
    std::vector<char32_t> padded = emptyWord;
    const auto endWord = [&] {
        if (padded.size() == emptyWord.size())
            return;
        padded.push_back(U' ');
        appendTrigrams(padded, set.m_codes);
        padded = emptyWord;
    };

    for (const char32_t point : folded.toUcs4()) {
        if (QChar::isLetterOrNumber(point))
            padded.push_back(point);
        else
            endWord();
    }
    endWord();

    std::sort(set.m_codes.begin(), set.m_codes.end());
    set.m_codes.erase(std::unique(set.m_codes.begin(), set.m_codes.end()), set.m_codes.end());
    return set;
}

TrigramSet TrigramSet::fromText(const QString &text)
{
    return fromFoldedText(foldText(text));
}

double trigramSimilarity(const TrigramSet &a, const TrigramSet &b)
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

double trigramSimilarity(const QString &a, const QString &b)
{
    return trigramSimilarity(TrigramSet::fromText(a), TrigramSet::fromText(b));
}

} // namespace CivicDesk
