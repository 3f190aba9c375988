#include "core/duplicates.h"
#include "core/geo.h"
#include "storage/replica.h"
#include "testsupport.h"

#include <cmath>
#include <numbers>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

namespace {

const GeoPoint hue{16.4698, 107.5786};
const QDateTime receivedAt(QDate(2025, 10, 6), QTime(8, 30), Qt::UTC);
const QString text = QStringLiteral("Rác thải ứ đọng ở kiệt 43 đường Thạch Hãn, bốc mùi hôi");

GeoPoint moved(const GeoPoint &from, double northMeters, double eastMeters)
{
    const double radiansToDegrees = 180 / std::numbers::pi;
    const double parallelRadius =
        earthMeanRadiusMeters * std::cos(from.latitude / radiansToDegrees);
    return {from.latitude + northMeters / earthMeanRadiusMeters * radiansToDegrees,
            from.longitude + eastMeters / parallelRadius * radiansToDegrees};
}

// A report in the ward phu_xuan, in the field environment, received `offset` after
// receivedAt.
Report makeReport(const QString &id, const GeoPoint &position,
                  std::chrono::milliseconds offset = {}, const QString &description = text)
{
    Report report;
    report.id = id;
    report.description = description;
    report.position = position;
    report.adminUnit = QStringLiteral("phu_xuan");
    report.category = QStringLiteral("environment");
    report.receivedAt = receivedAt.addMSecs(offset.count());
    return report;
}

QStringList idsOf(const QList<Report> &reports)
{
    QStringList ids;
    for (const Report &report : reports)
        ids.append(report.id);
    return ids;
}

QStringList idsOf(const QList<DuplicateSuggestion> &suggestions)
{
    QStringList ids;
    for (const DuplicateSuggestion &suggestion : suggestions)
        ids.append(suggestion.reportId);
    return ids;
}

} // namespace

class ReplicaDuplicatesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Replica> m_replica;

    // The reports around "report", each named for the rule it tests.
    QList<Report> reports()
    {
        using namespace std::chrono_literals;
        const std::chrono::milliseconds week = 7 * 24h;

        Report unclassified =
            makeReport(QStringLiteral("unclassified"), moved(hue, -100, 0), -3 * 24h,
                       QStringLiteral("Rác thải ứ đọng kiệt 43 Thạch Hãn"));
        unclassified.category.clear();
        Report approximate = makeReport(QStringLiteral("approximate"), moved(hue, 0, 3000), 1h);
        approximate.approximate = true;
        Report otherWard = makeReport(QStringLiteral("other-ward"), moved(hue, 50, 0), 1h);
        otherWard.approximate = true;
        otherWard.adminUnit = QStringLiteral("thuan_hoa");
        Report otherField = makeReport(QStringLiteral("other-field"), moved(hue, 20, 0), 1h);
        otherField.category = QStringLiteral("public_lighting");
        Report rejected = makeReport(QStringLiteral("rejected"), moved(hue, 20, 0), 1h);
        rejected.status = Status::Rejected;
        Report duplicate = makeReport(QStringLiteral("duplicate"), moved(hue, 20, 0), 1h);
        duplicate.status = Status::Duplicate;
        Report noPosition = makeReport(QStringLiteral("no-position"), hue, 2h);
        noPosition.position.reset();

        return {
            makeReport(QStringLiteral("report"), hue),
            makeReport(QStringLiteral("near"), moved(hue, 150, 0), 2 * 24h,
                       QStringLiteral("Rac thai u dong o kiet 43 duong Thach Han, boc mui hoi")),
            makeReport(QStringLiteral("week"), moved(hue, 0, -60), week),
            makeReport(QStringLiteral("late"), moved(hue, 0, -60), week + 1min),
            makeReport(QStringLiteral("early"), moved(hue, 0, 60), -8 * 24h),
            makeReport(QStringLiteral("far"), moved(hue, 250, 0), 1h),
            makeReport(QStringLiteral("corner"), moved(hue, 190, 190), 1h),
            makeReport(QStringLiteral("unrelated"), moved(hue, 30, 0), 1h,
                       QStringLiteral("Cây xanh trước nhà 103 Mai Thúc Loan nghiêng sắp đổ")),
            unclassified,
            approximate,
            otherWard,
            otherField,
            rejected,
            duplicate,
            noPosition,
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_replica = Test::openReplica(m_dir, QStringLiteral("duplicates.sqlite"));
        QVERIFY(m_replica);

        QList<ReportSnapshot> snapshots;
        for (const Report &report : reports())
            snapshots.append(ReportSnapshot{report, {}, {}, 1});
        QString error;
        QVERIFY2(m_replica->applyFromCentral({}, snapshots, {}, FeedPosition{}, &error),
                 qPrintable(error));
    }

    void candidatesFollowRules()
    {
        QString error;
        const auto report = m_replica->report(QStringLiteral("report"), &error);
        QVERIFY2(report, qPrintable(error));
        const auto candidates = m_replica->duplicateCandidates(*report, &error);
        QVERIFY2(candidates, qPrintable(error));
        const QStringList ids = idsOf(*candidates);

        for (const char *expected :
             {"near", "week", "unrelated", "unclassified", "approximate", "no-position"}) {
            QVERIFY2(ids.contains(QLatin1String(expected)), expected);
        }
        for (const char *left : {"report", "late", "early", "far", "other-ward", "other-field",
                                 "rejected", "duplicate"}) {
            QVERIFY2(!ids.contains(QLatin1String(left)), left);
        }
        // The nearest in time come first.
        QCOMPARE(ids.first(), QStringLiteral("approximate"));
    }

    void candidatesLimited()
    {
        QString error;
        const auto report = m_replica->report(QStringLiteral("report"), &error);
        QVERIFY2(report, qPrintable(error));
        const auto candidates = m_replica->duplicateCandidates(*report, &error, {}, 2);
        QVERIFY2(candidates, qPrintable(error));
        QCOMPARE(candidates->size(), 2);
    }

    void suggestionsBestFirst()
    {
        QString error;
        const auto suggestions = m_replica->duplicateSuggestions(QStringLiteral("report"), &error);
        QVERIFY2(suggestions, qPrintable(error));
        for (const DuplicateSuggestion &suggestion : *suggestions)
            qInfo() << suggestion.reportId << suggestion.similarity;

        // Same text: 60 m, 150 m, 3 km away, then the one without position, then the
        // shorter text.
        const QStringList expected{QStringLiteral("week"), QStringLiteral("near"),
                                   QStringLiteral("approximate"), QStringLiteral("no-position"),
                                   QStringLiteral("unclassified")};
        QCOMPARE(idsOf(*suggestions), expected);
        QCOMPARE(suggestions->at(0).similarity, 1.0);
        QVERIFY(qAbs(*suggestions->at(0).distanceMeters - 60) < 0.01);
        QCOMPARE(*suggestions->at(1).distanceMeters, 150.0);
        QVERIFY(!suggestions->at(3).distanceMeters);
        QVERIFY(suggestions->at(4).similarity < 1.0);
        QVERIFY(suggestions->at(4).similarity >= DuplicateRules{}.minSimilarity);
    }

    void approximateReportMatchesWard()
    {
        QString error;
        const auto suggestions =
            m_replica->duplicateSuggestions(QStringLiteral("approximate"), &error);
        QVERIFY2(suggestions, qPrintable(error));
        const QStringList ids = idsOf(*suggestions);

        // 3 km from the others, but approximate: the ward decides, so "far" and "corner" count.
        for (const char *expected : {"report", "near", "week", "far", "corner", "no-position"})
            QVERIFY2(ids.contains(QLatin1String(expected)), expected);
        for (const char *left : {"approximate", "early", "other-ward", "other-field", "rejected",
                                 "duplicate", "unrelated"}) {
            QVERIFY2(!ids.contains(QLatin1String(left)), left);
        }
    }

    void unknownReport()
    {
        QString error;
        QVERIFY(!m_replica->duplicateSuggestions(QStringLiteral("missing"), &error));
        QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(ReplicaDuplicatesTest)
#include "tst_replicaduplicates.moc"
