#include "intake/importfile.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

namespace {

const QString sanFrancisco = QStringLiteral("open311/ServiceRequests_Complete.json");

QVariant queryValue(const QTemporaryDir &dir, const QString &sql)
{
    return Test::centralScalar(Test::centralUrl(dir), sql);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class CentralImportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sanFranciscoCounts()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        QVERIFY(central);
        const auto summary = Test::importFile(*central, Test::dataPath(sanFrancisco),
                                              QStringLiteral("America/Los_Angeles"));
        QVERIFY(summary);
        QCOMPARE(summary->imported, 1000);
        QCOMPARE(summary->rejections.size(), 1);
        QVERIFY(summary->rejections.first().reason.contains(QStringLiteral("service_request_id")));

        QString error;
        const auto stats = central->stats(&error);
        QVERIFY2(stats, qPrintable(error));
        QCOMPARE(stats->total, 1000);
        QCOMPARE(stats->withPosition, 945);
        QCOMPARE(stats->byStatus.value(QStringLiteral("new")), 673);
        QCOMPARE(stats->byStatus.value(QStringLiteral("closed")), 327);
        QCOMPARE(stats->byCategory.value(QStringLiteral("unclassified")), 1000);
    }

    void secondImportAddsNothing()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        QVERIFY(Test::importFile(*central, Test::dataPath(sanFrancisco),
                                 QStringLiteral("America/Los_Angeles")));
        const auto again = Test::importFile(*central, Test::dataPath(sanFrancisco),
                                            QStringLiteral("America/Los_Angeles"));
        QVERIFY(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->updated, 0);
        QCOMPARE(again->unchanged, 1000);
        QString error;
        QCOMPARE(central->stats(&error)->total, 1000);
        QCOMPARE(queryValue(dir, QStringLiteral("SELECT count(*) FROM event")).toInt(), 1000);
    }

    void importedEventKeepsSourceStatus()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        QVERIFY(Test::importFile(*central, Test::dataPath(sanFrancisco),
                                 QStringLiteral("America/Los_Angeles")));
        const QString sourceStatus = Test::testingPostgres()
                                         ? QStringLiteral("data->>'source_status'")
                                         : QStringLiteral("json_extract(data, '$.source_status')");
        QCOMPARE(queryValue(dir, QStringLiteral("SELECT count(*) FROM event WHERE kind = "
                                                "'imported' AND %1 = 'Closed'")
                                     .arg(sourceStatus))
                     .toInt(),
                 327);
        const QVariant received =
            queryValue(dir, QStringLiteral("SELECT received_at FROM report WHERE source_id = "
                                           "'771970'"));
        const QDateTime receivedAt =
            received.metaType().id() == QMetaType::QDateTime
                ? received.toDateTime()
                : QDateTime::fromString(received.toString(), Qt::ISODateWithMs);
        QCOMPARE(
            receivedAt.toUTC(),
            QDateTime::fromString(QStringLiteral("2010-11-15T09:05:25.727Z"), Qt::ISODateWithMs));
    }

    void publicCodesPerDay()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        QVERIFY(Test::importFile(*central, Test::dataPath(sanFrancisco),
                                 QStringLiteral("America/Los_Angeles")));
        QString error;
        const auto snapshots = central->snapshots(&error);
        QVERIFY2(snapshots, qPrintable(error));

        static const QRegularExpression pattern(QStringLiteral("^HUE-(\\d{6})-(\\d{4,})$"));
        QHash<QString, QList<int>> numbersByDay;
        for (const ReportSnapshot &snapshot : *snapshots) {
            const QRegularExpressionMatch match = pattern.match(snapshot.report.publicCode);
            QVERIFY2(match.hasMatch(), qPrintable(snapshot.report.publicCode));
            const QString day = snapshot.report.receivedAt.toTimeZone(QTimeZone("Asia/Ho_Chi_Minh"))
                                    .toString(QStringLiteral("yyMMdd"));
            QCOMPARE(match.captured(1), day);
            numbersByDay[day].append(match.captured(2).toInt());
        }
        for (auto it = numbersByDay.begin(); it != numbersByDay.end(); ++it) {
            std::sort(it->begin(), it->end());
            for (int i = 0; i < it->size(); ++i)
                QCOMPARE(it->at(i), i + 1);
        }
    }

    void bloomingtonPositions()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        const auto summary = Test::importFile(
            *central, Test::dataPath(QStringLiteral("open311/bloomington_requests.json")));
        QVERIFY(summary);
        QCOMPARE(summary->imported, 21);
        QString error;
        const auto stats = central->stats(&error);
        QCOMPARE(stats->total, 21);
        QVERIFY(stats->withPosition < 21);
        QCOMPARE(
            queryValue(dir,
                       QStringLiteral(
                           "SELECT count(*) FROM media WHERE url IS NOT NULL AND sha256 IS NULL"))
                .toInt(),
            1);
    }

    void truncatedXmlImportsNothing()
    {
        ImportOptions options;
        options.timeZone = QTimeZone("Asia/Ho_Chi_Minh");
        const ParsedFile parsed =
            readImportFile(Test::dataPath(QStringLiteral("open311/service_requests.xml")), options);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.reports.isEmpty());
        QVERIFY2(parsed.error.contains(QStringLiteral("service_requests.xml:")),
                 qPrintable(parsed.error));
    }

    void reimportKeepsOperatorChanges()
    {
        QTemporaryDir dir;
        auto central = Test::createCentral(dir);
        const QString file = dir.filePath(QStringLiteral("feed.json"));
        QVERIFY(writeFile(
            file, R"([{"service_request_id": "A1", "status": "open", "description": "Đèn hỏng",
            "requested_datetime": "2026-03-02T08:00:00+07:00", "lat": 16.46, "long": 107.59}])"));
        QVERIFY(Test::importFile(*central, file));

        QString error;
        auto snapshots = central->snapshots(&error);
        const Report report = snapshots->first().report;
        Operation reject;
        reject.id = QStringLiteral("op-reject");
        reject.reportId = report.id;
        reject.kind = OperationKind::Reject;
        reject.baseVersion = report.version;
        reject.actor = QStringLiteral("lan");
        reject.createdAt = QDateTime::currentDateTimeUtc();
        reject.eventId = QStringLiteral("event-reject");
        reject.payload = {{QStringLiteral("reason"), QStringLiteral("không thuộc thẩm quyền")}};
        const auto results = central->submit({reject}, &error);
        QVERIFY2(results && results->first().accepted(), qPrintable(error));

        // The source closes the report and corrects the description.
        QVERIFY(writeFile(
            file,
            R"([{"service_request_id": "A1", "status": "closed", "description": "Đèn đường hỏng",
            "requested_datetime": "2026-03-02T08:00:00+07:00", "lat": 16.46, "long": 107.59}])"));
        const auto summary = Test::importFile(*central, file);
        QVERIFY(summary);
        QCOMPARE(summary->imported, 0);
        QCOMPARE(summary->updated, 1);

        snapshots = central->snapshots(&error);
        const Report merged = snapshots->first().report;
        QCOMPARE(merged.description, QStringLiteral("Đèn đường hỏng"));
        QCOMPARE(merged.status, Status::Rejected);
        QCOMPARE(merged.sourceStatus, QStringLiteral("closed"));
        QCOMPARE(merged.version, report.version + 2);
    }
};

QTEST_GUILESS_MAIN(CentralImportTest)
#include "tst_centralimport.moc"
