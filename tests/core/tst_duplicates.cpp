#include "core/duplicates.h"
#include "core/geo.h"
#include "core/similarity.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace CivicDesk;

namespace {

// Near the Citadel of Huế.
const GeoPoint hue{16.4698, 107.5786};
const QDateTime receivedAt(QDate(2025, 10, 6), QTime(8, 30), Qt::UTC);
constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

// Returns the point `meters` north (south when negative) of `from`, on the sphere that
// distanceMeters() uses, so that the distance between the two is `meters` exactly.
GeoPoint north(const GeoPoint &from, double meters)
{
    const double degrees = meters / earthMeanRadiusMeters * 180 / std::numbers::pi;
    return {from.latitude + degrees, from.longitude};
}

// Returns the point `meters` east of `from` along its parallel, approximately.
GeoPoint east(const GeoPoint &from, double meters)
{
    const double radius = earthMeanRadiusMeters * std::cos(from.latitude * std::numbers::pi / 180);
    return {from.latitude, from.longitude + meters / radius * 180 / std::numbers::pi};
}

Report makeReport(const QString &id, const QString &description, const GeoPoint &position,
                  const QString &ward = QStringLiteral("phu_xuan"),
                  const QDateTime &at = receivedAt)
{
    Report report;
    report.id = id;
    report.description = description;
    report.position = position;
    report.adminUnit = ward;
    report.receivedAt = at;
    report.category = QStringLiteral("environment");
    return report;
}

// The text with tone and vowel marks dropped and "đ" written "d", case kept.
QString withoutMarks(const QString &text)
{
    QString plain;
    for (const QChar ch : text.normalized(QString::NormalizationForm_D)) {
        if (ch.category() == QChar::Mark_NonSpacing)
            continue;
        if (ch == QChar(0x0111))
            plain.append(QLatin1Char('d'));
        else if (ch == QChar(0x0110))
            plain.append(QLatin1Char('D'));
        else
            plain.append(ch);
    }
    return plain;
}

// The report texts of the Huế sample, without the records that have none.
QStringList hueReportTexts()
{
    QFile file(QDir(QStringLiteral(CIVICDESK_TEST_DATA))
                   .filePath(QStringLiteral("hue/hue_tuongtac_reports_sample.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList texts;
    const QJsonArray records =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("records")).toArray();
    for (const QJsonValue &record : records) {
        const QJsonValue text = record.toObject().value(QLatin1String("report_text"));
        if (text.isString())
            texts.append(text.toString());
    }
    return texts;
}

const DuplicateSuggestion *findSuggestion(const QList<DuplicateSuggestion> &suggestions,
                                          const QString &id)
{
    const auto it = std::find_if(suggestions.cbegin(), suggestions.cend(),
                                 [&](const DuplicateSuggestion &s) { return s.reportId == id; });
    return it == suggestions.cend() ? nullptr : &*it;
}

} // namespace

class DuplicatesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairCount_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        // (-, cat) and (cat, -)
        QTest::newRow("one word") << QStringLiteral("cat") << 2;
        // (-, o), (o, ga), (ga, o) and (ga, -): the later (o, ga) and (ga, o) are no new pairs.
        QTest::newRow("repeats") << QStringLiteral("ổ gà ổ gà ổ gà") << 4;
        // (-, two), (two, words) and (words, -)
        QTest::newRow("two words") << QStringLiteral("two words") << 3;
        QTest::newRow("punctuation splits") << QStringLiteral("two,words!") << 3;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("no letters") << QStringLiteral(" – … ") << 0;
    }

    void pairCount()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        QCOMPARE(SyllablePairSet::fromText(text).size(), count);
    }

    void similarity_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<double>("similarity");
        QTest::newRow("identical")
            << QStringLiteral("đèn đường hỏng") << QStringLiteral("đèn đường hỏng") << 1.0;
        QTest::newRow("disjoint") << QStringLiteral("abc") << QStringLiteral("xyz") << 0.0;
        // 2 common, (-, den) and (den, hong), of 3 + 4 - 2 = 5 distinct.
        QTest::newRow("one more word")
            << QStringLiteral("đèn hỏng") << QStringLiteral("đèn hỏng rồi") << 2.0 / 5;
        // 1 common, (rac, thai), of 4 + 4 - 1 = 7 distinct: words in another order make other
        // pairs.
        QTest::newRow("word order")
            << QStringLiteral("rác thải ngập") << QStringLiteral("ngập rác thải") << 1.0 / 7;
        QTest::newRow("shared syllables only")
            << QStringLiteral("cây đổ") << QStringLiteral("đổ cây") << 0.0;
        // A citizen's shorter wording of the same complaint: 6 common of 14 + 9 - 6 = 17.
        QTest::newRow("same complaint, fewer words")
            << QStringLiteral("Rác thải ứ đọng ở kiệt 43 đường Thạch Hãn, bốc mùi hôi")
            << QStringLiteral("Rác thải ứ đọng kiệt 43 Thạch Hãn") << 6.0 / 17;
        QTest::newRow("empty") << QString() << QStringLiteral("abc") << 0.0;
        QTest::newRow("both empty") << QString() << QString() << 0.0;
    }

    void similarity()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(double, similarity);
        QCOMPARE(textSimilarity(first, second), similarity);
        QCOMPARE(textSimilarity(second, first), similarity);
    }

    void similarityIgnoresMarks()
    {
        QCOMPARE(textSimilarity(QStringLiteral("Đường Lê Lợi bị ngập nước"),
                                QStringLiteral("duong le loi bi ngap nuoc")),
                 1.0);
        QCOMPARE(textSimilarity(QStringLiteral("ĐƯỜNG ĐIỆN BIÊN PHỦ"),
                                QStringLiteral("đường điện biên phủ")),
                 1.0);
        // Without folding, the marks make other pairs.
        QVERIFY(textSimilarity(SyllablePairSet::fromFoldedText(u"đường"),
                               SyllablePairSet::fromFoldedText(u"duong")) < 1.0);
    }

    void composedAndDecomposedAgree()
    {
        const QString text = QStringLiteral("Cây xanh nghiêng đổ ở kiệt 101 Lê Đại Hành");
        const QString composed = text.normalized(QString::NormalizationForm_C);
        const QString decomposed = text.normalized(QString::NormalizationForm_D);
        QVERIFY(composed != decomposed);
        QCOMPARE(SyllablePairSet::fromText(composed).codes(),
                 SyllablePairSet::fromText(decomposed).codes());
        QCOMPARE(textSimilarity(composed, decomposed), 1.0);
    }

    void distanceAlongMeridian()
    {
        // One degree of latitude on the sphere of the mean radius.
        const double degree = earthMeanRadiusMeters * std::numbers::pi / 180;
        QCOMPARE(distanceMeters({16, 107}, {17, 107}), degree);
        QCOMPARE(distanceMeters(hue, north(hue, 199)), 199.0);
        QCOMPARE(distanceMeters(hue, hue), 0.0);
    }

    void placeRule_data()
    {
        QTest::addColumn<double>("meters");
        QTest::addColumn<bool>("approximate");
        QTest::addColumn<bool>("withPosition");
        QTest::addColumn<QString>("ward");
        QTest::addColumn<bool>("expected");
        const QString same = QStringLiteral("phu_xuan");
        const QString other = QStringLiteral("thuan_hoa");
        QTest::newRow("199 m") << 199.0 << false << true << same << true;
        QTest::newRow("199 m south, other ward") << -199.0 << false << true << other << true;
        QTest::newRow("201 m, same ward") << 201.0 << false << true << same << false;
        QTest::newRow("approximate, same ward") << 5000.0 << true << true << same << true;
        QTest::newRow("approximate, other ward") << 50.0 << true << true << other << false;
        QTest::newRow("no position, same ward") << 0.0 << false << false << same << true;
        QTest::newRow("no position, other ward") << 0.0 << false << false << other << false;
    }

    void placeRule()
    {
        QFETCH(double, meters);
        QFETCH(bool, approximate);
        QFETCH(bool, withPosition);
        QFETCH(QString, ward);
        QFETCH(bool, expected);

        const Report report = makeReport(QStringLiteral("a"), QString(), hue);
        Report other = makeReport(QStringLiteral("b"), QString(), north(hue, meters), ward);
        other.approximate = approximate;
        if (!withPosition)
            other.position.reset();
        QCOMPARE(mayBeDuplicates(report, other), expected);
        QCOMPARE(mayBeDuplicates(other, report), expected);
    }

    void placeRuleNeedsWard()
    {
        Report report = makeReport(QStringLiteral("a"), QString(), hue, QString());
        report.approximate = true;
        const Report other = makeReport(QStringLiteral("b"), QString(), hue, QString());
        QVERIFY(!mayBeDuplicates(report, other));

        // The unknown position (0, 0) counts as no position.
        Report unknown = makeReport(QStringLiteral("c"), QString(), GeoPoint{0, 0});
        QVERIFY(mayBeDuplicates(unknown, makeReport(QStringLiteral("d"), QString(), hue)));
        unknown.adminUnit = QStringLiteral("thuan_hoa");
        QVERIFY(!mayBeDuplicates(unknown, makeReport(QStringLiteral("d"), QString(), hue)));
    }

    void timeRule_data()
    {
        QTest::addColumn<qint64>("offsetMs");
        QTest::addColumn<bool>("expected");
        QTest::newRow("same time") << qint64(0) << true;
        QTest::newRow("7 days later") << 7 * dayMs << true;
        QTest::newRow("7 days earlier") << -7 * dayMs << true;
        QTest::newRow("7 days and 1 ms later") << 7 * dayMs + 1 << false;
        QTest::newRow("7 days and 1 ms earlier") << -7 * dayMs - 1 << false;
        QTest::newRow("30 days earlier") << -30 * dayMs << false;
    }

    void timeRule()
    {
        QFETCH(qint64, offsetMs);
        QFETCH(bool, expected);
        const Report report = makeReport(QStringLiteral("a"), QString(), hue);
        const Report other = makeReport(QStringLiteral("b"), QString(), north(hue, 20),
                                        QStringLiteral("phu_xuan"), receivedAt.addMSecs(offsetMs));
        QCOMPARE(mayBeDuplicates(report, other), expected);
        QCOMPARE(mayBeDuplicates(other, report), expected);
    }

    void timeRuleNeedsTime()
    {
        const Report report = makeReport(QStringLiteral("a"), QString(), hue);
        const Report other =
            makeReport(QStringLiteral("b"), QString(), hue, QStringLiteral("phu_xuan"), {});
        QVERIFY(!mayBeDuplicates(report, other));
        QVERIFY(!mayBeDuplicates(other, report));
    }

    void categoryRule_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<bool>("expected");
        const QString environment = QStringLiteral("environment");
        const QString lighting = QStringLiteral("public_lighting");
        QTest::newRow("same field") << environment << environment << true;
        QTest::newRow("other field") << environment << lighting << false;
        QTest::newRow("unclassified other") << environment << QString() << true;
        QTest::newRow("unclassified report") << QString() << lighting << true;
        QTest::newRow("both unclassified") << QString() << QString() << true;
    }

    void categoryRule()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(bool, expected);
        Report report = makeReport(QStringLiteral("a"), QString(), hue);
        report.category = first;
        Report other = makeReport(QStringLiteral("b"), QString(), hue);
        other.category = second;
        QCOMPARE(mayBeDuplicates(report, other), expected);
    }

    void statusRule()
    {
        const Report report = makeReport(QStringLiteral("a"), QString(), hue);
        for (const Status status : allStatuses()) {
            Report other = makeReport(QStringLiteral("b"), QString(), hue);
            other.status = status;
            const bool expected = status != Status::Duplicate && status != Status::Rejected;
            QVERIFY2(mayBeDuplicates(report, other) == expected, qPrintable(statusCode(status)));
        }
        QVERIFY(!mayBeDuplicates(report, report));
    }

    void suggestionsBestFirst()
    {
        const QString text = QStringLiteral("Rác thải ứ đọng ở kiệt 43 đường Thạch Hãn");
        const Report report = makeReport(QStringLiteral("report"), text, hue);
        Report sameTitle = makeReport(QStringLiteral("same"), QString(), north(hue, 150));
        sameTitle.title = text.toUpper();
        const Report closer = makeReport(
            QStringLiteral("closer"), QStringLiteral("Rác thải ứ đọng ở kiệt 43"), north(hue, 10));
        const Report farther = makeReport(
            QStringLiteral("farther"), QStringLiteral("Rác thải ứ đọng ở kiệt 43"), north(hue, 90));
        const Report unrelated =
            makeReport(QStringLiteral("unrelated"), QStringLiteral("Cây xanh nghiêng sắp đổ"), hue);
        Report rejected = makeReport(QStringLiteral("rejected"), text, hue);
        rejected.status = Status::Rejected;
        Report approximate = makeReport(QStringLiteral("approximate"), text, east(hue, 3000));
        approximate.approximate = true;

        const auto suggestions = suggestDuplicates(
            report, {unrelated, farther, rejected, closer, approximate, sameTitle, report});
        QCOMPARE(suggestions.size(), 4);
        // "approximate" and "same" have the same text, so the nearer one ranks first. An
        // approximate position still gives a distance.
        QCOMPARE(suggestions.at(0).reportId, QStringLiteral("same"));
        QCOMPARE(suggestions.at(0).similarity, 1.0);
        QCOMPARE(*suggestions.at(0).distanceMeters, 150.0);
        QCOMPARE(suggestions.at(1).reportId, QStringLiteral("approximate"));
        QCOMPARE(suggestions.at(1).similarity, 1.0);
        QVERIFY(*suggestions.at(1).distanceMeters > 2900);
        QCOMPARE(suggestions.at(2).reportId, QStringLiteral("closer"));
        QCOMPARE(suggestions.at(3).reportId, QStringLiteral("farther"));
        QCOMPARE(suggestions.at(2).similarity, suggestions.at(3).similarity);
        QVERIFY(suggestions.at(2).similarity < 1.0);
        QVERIFY(suggestions.at(2).similarity >= 0.3);
    }

    void thresholdIsInclusive()
    {
        // "đèn hỏng" against "đèn hỏng rồi" is 2/5: suggested at that threshold, not above it.
        const Report report = makeReport(QStringLiteral("a"), QStringLiteral("đèn hỏng"), hue);
        const Report other = makeReport(QStringLiteral("b"), QStringLiteral("đèn hỏng rồi"), hue);
        DuplicateRules rules;
        rules.minSimilarity = 2.0 / 5;
        QCOMPARE(suggestDuplicates(report, {other}, rules).size(), 1);
        rules.minSimilarity = 0.41;
        QCOMPARE(suggestDuplicates(report, {other}, rules).size(), 0);
    }

    void hueReportTexts()
    {
        const QStringList texts = ::hueReportTexts();
        QVERIFY2(texts.size() >= 20, "the Huế sample has 21 records with a report text");

        double lowestTruePair = 1;
        double highestFalsePair = 0;
        QStringList wronglySuggested;
        for (qsizetype i = 0; i < texts.size(); ++i) {
            // Each record gets its own place and week, 2 km and 30 days from the others.
            const GeoPoint place = east(hue, 2000.0 * double(i));
            const QString ward = QStringLiteral("ward-%1").arg(i);
            const QDateTime at = receivedAt.addDays(30 * i);
            const QString id = QString::number(i);

            const QString &text = texts.at(i);
            const Report original = makeReport(id, text, place, ward, at);
            const Report plain = makeReport(id + QStringLiteral("-plain"), withoutMarks(text),
                                            north(place, 190), ward, at.addDays(7));
            const Report decomposed = makeReport(id + QStringLiteral("-nfd"),
                                                 text.normalized(QString::NormalizationForm_D),
                                                 north(place, -150), ward, at.addDays(-6));
            const Report different =
                makeReport(id + QStringLiteral("-other"), texts.at((i + 1) % texts.size()),
                           east(place, 120), ward, at.addDays(1));
            QVERIFY(plain.description != text);
            QVERIFY(decomposed.description != text);

            const auto suggestions = suggestDuplicates(original, {different, decomposed, plain});
            const auto *plainSuggestion = findSuggestion(suggestions, plain.id);
            const auto *decomposedSuggestion = findSuggestion(suggestions, decomposed.id);
            QVERIFY2(plainSuggestion, qPrintable(QStringLiteral("record %1, unaccented").arg(i)));
            QVERIFY2(decomposedSuggestion,
                     qPrintable(QStringLiteral("record %1, decomposed").arg(i)));
            lowestTruePair = std::min(
                {lowestTruePair, plainSuggestion->similarity, decomposedSuggestion->similarity});

            const double falsePair =
                textSimilarity(reportSyllablePairs(original), reportSyllablePairs(different));
            highestFalsePair = std::max(highestFalsePair, falsePair);
            if (findSuggestion(suggestions, different.id))
                wronglySuggested.append(QStringLiteral("%1 (%2)").arg(i).arg(falsePair, 0, 'f', 3));
        }
        qInfo("Huế texts: lowest similarity of a true pair %.3f, highest of a false pair %.3f, "
              "%lld of %lld unrelated neighbours at or above the threshold %.2f",
              lowestTruePair, highestFalsePair, qlonglong(wronglySuggested.size()),
              qlonglong(texts.size()), DuplicateRules{}.minSimilarity);

        QVERIFY2(wronglySuggested.isEmpty(),
                 qPrintable(QStringLiteral("records whose unrelated neighbour was suggested: ") +
                            wronglySuggested.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(DuplicatesTest)
#include "tst_duplicates.moc"
