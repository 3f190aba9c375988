#pragma once

#include <QString>
#include <QStringView>
#include <vector>

namespace CivicDesk {

// The syllable pairs of a text: every two consecutive words, the text padded with an empty word
// at each end, so that "đèn hỏng" gives (-, đèn), (đèn, hỏng) and (hỏng, -). Words are runs of
// letters and digits; in Vietnamese each is a syllable, and most words are two syllables long.
// Character trigrams, as PostgreSQL's pg_trgm makes them, do not tell Vietnamese reports apart,
// because folded syllables are short and few. Unrelated reports from the Huế portal share 24 to
// 56% of their trigrams, and at most 8% of their syllable pairs. Each pair is stored as a 32-bit
// hash, sorted and without repeats, so that two sets compare in one merge pass.
class SyllablePairSet
{
public:
    SyllablePairSet() = default;
    // Makes the set of a text already folded with foldText(). Case and marks count as written.
    static SyllablePairSet fromFoldedText(QStringView folded);
    // Folds the text with foldText(), then makes its set.
    static SyllablePairSet fromText(const QString &text);

    qsizetype size() const { return qsizetype(m_codes.size()); }
    bool isEmpty() const { return m_codes.empty(); }
    const std::vector<quint32> &codes() const { return m_codes; }

private:
    std::vector<quint32> m_codes;
};

// Returns |A ∩ B| / |A ∪ B| of two sets: 1 for equal sets, 0 when they share no pair or either
// is empty.
double textSimilarity(const SyllablePairSet &a, const SyllablePairSet &b);

// Returns the similarity of two texts, each folded with foldText() first.
double textSimilarity(const QString &a, const QString &b);

} // namespace CivicDesk
