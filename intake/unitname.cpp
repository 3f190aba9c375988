#include "intake/unitname.h"

#include "core/textfold.h"

#include <QRegularExpression>
#include <QStringList>

namespace CivicDesk {
namespace {

// The five Vietnamese tones other than level, as combining marks after NFD decomposition.
// The vowel marks (circumflex U+0302, breve U+0306, horn U+031B) are letters' own parts.
bool isToneMark(QChar ch)
{
    switch (ch.unicode()) {
    case 0x0300: // huyền
    case 0x0301: // sắc
    case 0x0303: // ngã
    case 0x0309: // hỏi
    case 0x0323: // nặng
        return true;
    default:
        return false;
    }
}

QString moveToneToEnd(const QString &word)
{
    const QString decomposed = word.normalized(QString::NormalizationForm_D);
    QString letters;
    QString tones;
    for (const QChar ch : decomposed)
        (isToneMark(ch) ? tones : letters).append(ch);
    return letters + tones;
}

// Returns the kind that the leading words state and how many words they are.
QString prefixKind(const QStringList &words, qsizetype *prefixWords)
{
    *prefixWords = 0;
    if (words.size() < 2)
        return {};

    const QString first = foldText(words.at(0));
    if (first == QLatin1String("thi") && words.size() > 2 &&
        foldText(words.at(1)) == QLatin1String("tran")) {
        *prefixWords = 2;
        return QStringLiteral("town");
    }
    *prefixWords = 1;
    if (first == QLatin1String("phuong") || first == QLatin1String("p."))
        return QStringLiteral("ward");
    if (first == QLatin1String("xa") || first == QLatin1String("x."))
        return QStringLiteral("commune");
    if (first == QLatin1String("tt."))
        return QStringLiteral("town");
    *prefixWords = 0;
    return {};
}

} // namespace

UnitName parseUnitName(const QString &text)
{
    // "P.Xuân Phú" is written without a space as often as with one.
    static const QRegularExpression abbreviation(QStringLiteral("^(p|x|tt)\\.\\s*"));
    static const QRegularExpression dashes(QStringLiteral("[-\\x{2013}\\x{2014}]"));

    QString normalized = text.normalized(QString::NormalizationForm_C).toLower();
    normalized.replace(dashes, QStringLiteral(" "));
    normalized = normalized.simplified();
    normalized.replace(abbreviation, QStringLiteral("\\1. "));

    QStringList words = normalized.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    qsizetype prefixWords = 0;
    UnitName name;
    name.kind = prefixKind(words, &prefixWords);
    words.remove(0, prefixWords);

    for (QString &word : words)
        word = moveToneToEnd(word);
    name.spelling = words.join(QLatin1Char(' '));
    name.folded = foldText(name.spelling);
    return name;
}

} // namespace CivicDesk
