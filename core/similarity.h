#pragma once

#include <QString>
#include <QStringView>
#include <vector>

namespace CivicDesk {

// The trigrams of a text, formed as PostgreSQL's pg_trgm extension forms them: the text splits
// into words of letters and digits, each word is padded with two spaces before and one after,
// and every run of three characters of a padded word is a trigram. "cat" gives "  c", " ca",
// "cat" and "at ". Each trigram is stored as a 32-bit code, sorted and without repeats, so that
// two sets compare in one merge pass.
class TrigramSet
{
public:
    TrigramSet() = default;
    // Makes the set of a text already folded with foldText(). Case and marks count as written.
    static TrigramSet fromFoldedText(QStringView folded);
    // Folds the text with foldText(), then makes its set.
    static TrigramSet fromText(const QString &text);

    qsizetype size() const { return qsizetype(m_codes.size()); }
    bool isEmpty() const { return m_codes.empty(); }
    const std::vector<quint32> &codes() const { return m_codes; }

private:
    std::vector<quint32> m_codes;
};

// Returns |A ∩ B| / |A ∪ B| of two trigram sets: 1 for equal sets, 0 when they share no trigram
// or either is empty (as pg_trgm's similarity()).
double trigramSimilarity(const TrigramSet &a, const TrigramSet &b);

// Returns the trigram similarity of two texts, each folded with foldText() first.
double trigramSimilarity(const QString &a, const QString &b);

} // namespace CivicDesk
