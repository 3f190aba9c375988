#include "central/referencedata.h"
#include "core/geo.h"
#include "intake/demoplacement.h"
#include "resources/resources.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

namespace {

const QString referenceFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/reference");
const QString demoFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/demo");
constexpr quint32 demoSeed = 20250701;

// The CSV importer accepts 16 rows of resources/demo/hue_reports.csv, and 8 of them name a ward.
constexpr int acceptedRecords = 16;
constexpr int recordsWithWard = 8;

IncomingReport recordNaming(const QString &ward, const QString &sourceId = u"test-1"_s)
{
    IncomingReport record;
    record.recordNumber = 1;
    record.report.sourceId = sourceId;
    record.report.adminUnit = ward;
    return record;
}

QList<IncomingReport> placed(const QList<IncomingReport> &records)
{
    QList<IncomingReport> result;
    for (const IncomingReport &record : records) {
        if (record.report.position)
            result.append(record);
    }
    return result;
}

} // namespace

class TestDemoPlacement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoCounts();
    void demoPointsInsideTheirUnit();
    void demoUnits_data();
    void demoUnits();
    void sameSeedSamePoints();
    void otherSeedOtherPoints();
    void builtInResources();
    void resolveName_data();
    void resolveName();
    void formerWardPoints_data();
    void formerWardPoints();
    void unresolvedName_data();
    void unresolvedName();
    void unresolvedRecordKeepsWard();
    void positionedRecordUntouched();
    void formerNameKeptInAddress();
    void missingReferenceFile();
    void formerUnitsWithoutName();

private:
    QList<IncomingReport> loadDemo(quint32 seed);
    MultiPolygon formerShape(const QString &nameVi) const;

    std::optional<WardPlacer> m_placer;
    QHash<QString, MultiPolygon> m_unitShapes;
    QList<FormerUnit> m_formerUnits;
};

void TestDemoPlacement::initTestCase()
{
    QString error;
    m_placer = readWardPlacer(referenceFolder, &error);
    QVERIFY2(m_placer, qPrintable(error));

    QFile boundaries(referenceFolder + u"/hue_wards_osm_2025.json"_s);
    QVERIFY(boundaries.open(QIODevice::ReadOnly));
    const auto units = adminUnitsFromOverpass(boundaries.readAll(), boundaries.fileName(), &error);
    QVERIFY2(units, qPrintable(error));
    QCOMPARE(units->size(), 40);
    for (const AdminUnit &unit : *units)
        m_unitShapes.insert(unit.code, multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8()));

    const auto former =
        readFormerUnits(referenceFolder + u"/"_s + QLatin1String(formerUnitsFileName), &error);
    QVERIFY2(former, qPrintable(error));
    QCOMPARE(former->size(), 152);
    m_formerUnits = *former;
}

QList<IncomingReport> TestDemoPlacement::loadDemo(quint32 seed)
{
    QString error;
    const QList<IncomingReport> records =
        loadDemoReports(demoFolder, referenceFolder, seed, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return records;
}

MultiPolygon TestDemoPlacement::formerShape(const QString &nameVi) const
{
    for (const FormerUnit &unit : m_formerUnits) {
        if (unit.nameVi == nameVi)
            return unit.boundary;
    }
    return {};
}

void TestDemoPlacement::demoCounts()
{
    const QList<IncomingReport> records = loadDemo(demoSeed);
    QCOMPARE(records.size(), acceptedRecords);

    int withPosition = 0;
    int approximate = 0;
    int withUnit = 0;
    for (const IncomingReport &record : records) {
        withPosition += record.report.position ? 1 : 0;
        approximate += record.report.approximate ? 1 : 0;
        withUnit += record.report.adminUnit.isEmpty() ? 0 : 1;
    }
    QCOMPARE(withPosition, recordsWithWard);
    QCOMPARE(approximate, recordsWithWard);
    QCOMPARE(withUnit, recordsWithWard);
}

void TestDemoPlacement::demoPointsInsideTheirUnit()
{
    const QList<IncomingReport> records = placed(loadDemo(demoSeed));
    QCOMPARE(records.size(), recordsWithWard);
    for (const IncomingReport &record : records) {
        const Report &report = record.report;
        QVERIFY2(m_unitShapes.contains(report.adminUnit), qPrintable(report.adminUnit));
        QVERIFY2(contains(m_unitShapes.value(report.adminUnit), *report.position),
                 qPrintable(u"%1 is outside %2"_s.arg(report.sourceId, report.adminUnit)));
        QCOMPARE(m_placer->unitAt(*report.position), report.adminUnit);
    }
}

void TestDemoPlacement::demoUnits_data()
{
    QTest::addColumn<QString>("sourceId");
    QTest::addColumn<QString>("unit");

    QTest::newRow("Hương Long (former)") << u"41778"_s << u"kim-long"_s;
    QTest::newRow("Thuận Hóa") << u"216935"_s << u"thuan-hoa"_s;
    QTest::newRow("Phú Xuân") << u"197854"_s << u"phu-xuan"_s;
    QTest::newRow("Thuỷ Xuân") << u"165321"_s << u"thuy-xuan"_s;
    QTest::newRow("Lộc An") << u"203434"_s << u"loc-an"_s;
    QTest::newRow("Phú Xuân again") << u"198568"_s << u"phu-xuan"_s;
    QTest::newRow("Tây lộc (former)") << u"33274"_s << u"phu-xuan"_s;
    // Lê Huân street lies in the Citadel, in the former Thuận Hòa ward, now part of Phú Xuân.
    // Thuận Hóa is the ward south of the river.
    QTest::newRow("Thuận Hoà (former)") << u"32684"_s << u"phu-xuan"_s;
}

void TestDemoPlacement::demoUnits()
{
    QFETCH(QString, sourceId);
    QFETCH(QString, unit);

    const QList<IncomingReport> records = loadDemo(demoSeed);
    const auto found = std::find_if(records.cbegin(), records.cend(), [&](const auto &record) {
        return record.report.sourceId == sourceId;
    });
    QVERIFY(found != records.cend());
    QCOMPARE(found->report.adminUnit, unit);
    QVERIFY(found->report.position.has_value());
    QVERIFY(found->report.approximate);
}

void TestDemoPlacement::sameSeedSamePoints()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);

    const QList<IncomingReport> first = placed(loadDemo(seed));
    const QList<IncomingReport> second = placed(loadDemo(seed));
    QCOMPARE(first.size(), recordsWithWard);
    QCOMPARE(second.size(), recordsWithWard);
    for (qsizetype i = 0; i < first.size(); ++i) {
        QCOMPARE(second.at(i).report.sourceId, first.at(i).report.sourceId);
        QCOMPARE(*second.at(i).report.position, *first.at(i).report.position);
    }
}

void TestDemoPlacement::otherSeedOtherPoints()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seeds %u and %u", seed, seed + 1);

    const QList<IncomingReport> first = placed(loadDemo(seed));
    const QList<IncomingReport> second = placed(loadDemo(seed + 1));
    QCOMPARE(first.size(), recordsWithWard);
    QCOMPARE(second.size(), recordsWithWard);
    for (qsizetype i = 0; i < first.size(); ++i) {
        QCOMPARE(second.at(i).report.sourceId, first.at(i).report.sourceId);
        QCOMPARE(second.at(i).report.adminUnit, first.at(i).report.adminUnit);
        QVERIFY(*second.at(i).report.position != *first.at(i).report.position);
    }
}

void TestDemoPlacement::builtInResources()
{
    QString error;
    const QList<IncomingReport> fromResources =
        loadDemoReports(builtInDemoDirectory(), builtInReferenceDirectory(), demoSeed, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QList<IncomingReport> fromSources = loadDemo(demoSeed);
    QCOMPARE(fromResources.size(), fromSources.size());
    for (qsizetype i = 0; i < fromSources.size(); ++i) {
        QCOMPARE(fromResources.at(i).report.adminUnit, fromSources.at(i).report.adminUnit);
        QCOMPARE(fromResources.at(i).report.position, fromSources.at(i).report.position);
    }
}

void TestDemoPlacement::resolveName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("former");

    QTest::newRow("current") << u"Thuận Hóa"_s << u"thuan-hoa"_s << false;
    QTest::newRow("current, older tone placement") << u"P. Thuận Hoá"_s << u"thuan-hoa"_s << false;
    QTest::newRow("current, without marks") << u"Thuan Hoa"_s << u"thuan-hoa"_s << false;
    QTest::newRow("current, uỷ") << u"phường Thuỷ Xuân"_s << u"thuy-xuan"_s << false;
    QTest::newRow("current, by code") << u"chan-may-lang-co"_s << u"chan-may-lang-co"_s << false;
    QTest::newRow("current, en dash")
        << u"Xã Chân Mây – Lăng Cô"_s << u"chan-may-lang-co"_s << false;
    QTest::newRow("current commune") << u"xã Lộc An"_s << u"loc-an"_s << false;
    QTest::newRow("current before former of that name") << u"Phú Xuân"_s << u"phu-xuan"_s << false;
    QTest::newRow("former Thuận Hòa") << u"Thuận Hoà"_s << u"phu-xuan"_s << true;
    QTest::newRow("former Xuân Phú") << u"Xuân Phú"_s << u"vy-da"_s << true;
    QTest::newRow("former Thủy Vân commune") << u"Thủy Vân"_s << u"vy-da"_s << true;
    QTest::newRow("former Tây Lộc") << u"Tây Lộc"_s << u"phu-xuan"_s << true;
    QTest::newRow("former Hương Long") << u"Hương Long"_s << u"kim-long"_s << true;
    QTest::newRow("former Phú Nhuận") << u"phường Phú Nhuận"_s << u"thuan-hoa"_s << true;
    QTest::newRow("former Phường Đúc") << u"Phường Đúc"_s << u"thuan-hoa"_s << true;
    QTest::newRow("ward of 2021-2025 by name only") << u"Gia Hội"_s << u"phu-xuan"_s << true;
    QTest::newRow("ward of 2021-2025 Đông Ba") << u"P. Đông Ba"_s << u"phu-xuan"_s << true;
    QTest::newRow("prefix picks the former commune") << u"xã Phú Xuân"_s << u"phu-ho"_s << true;
}

void TestDemoPlacement::resolveName()
{
    QFETCH(QString, text);
    QFETCH(QString, unit);
    QFETCH(bool, former);

    QString reason;
    const auto area = m_placer->resolve(text, &reason);
    QVERIFY2(area, qPrintable(reason));
    QCOMPARE(area->unitCode, unit);
    QCOMPARE(area->former, former);
}

void TestDemoPlacement::formerWardPoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("formerName");
    QTest::addColumn<QString>("unit");

    // Resolution 1675/NQ-UBTVQH15: Thủy Vân, Xuân Phú and Vỹ Dạ became Vỹ Dạ.
    QTest::newRow("Xuân Phú") << u"Xuân Phú"_s << u"Phường Xuân Phú"_s << u"vy-da"_s;
    QTest::newRow("Thủy Vân") << u"Thủy Vân"_s << u"Xã Thủy Vân"_s << u"vy-da"_s;
    QTest::newRow("Tây Lộc") << u"Tây Lộc"_s << u"Phường Tây Lộc"_s << u"phu-xuan"_s;
    QTest::newRow("Phú Nhuận") << u"Phú Nhuận"_s << u"Phường Phú Nhuận"_s << u"thuan-hoa"_s;
    QTest::newRow("Hương Long") << u"Hương Long"_s << u"Phường Hương Long"_s << u"kim-long"_s;
}

void TestDemoPlacement::formerWardPoints()
{
    QFETCH(QString, text);
    QFETCH(QString, formerName);
    QFETCH(QString, unit);

    const quint32 firstSeed = QRandomGenerator::global()->generate();
    qInfo("seeds %u to %u + 49", firstSeed, firstSeed);
    const MultiPolygon former = formerShape(formerName);
    QVERIFY(!former.isEmpty());

    for (quint32 seed = firstSeed; seed != firstSeed + 50; ++seed) {
        QList<IncomingReport> records{recordNaming(text)};
        const PlacementSummary summary = placeReportsByWard(records, *m_placer, seed);
        QCOMPARE(summary.placed, 1);
        const Report &report = records.first().report;
        QCOMPARE(report.adminUnit, unit);
        QVERIFY2(contains(m_unitShapes.value(unit), *report.position),
                 qPrintable(u"seed %1: outside %2"_s.arg(seed).arg(unit)));
        QVERIFY2(contains(former, *report.position),
                 qPrintable(u"seed %1: outside %2"_s.arg(seed).arg(formerName)));
    }
}

void TestDemoPlacement::unresolvedName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonPart");

    QTest::newRow("unknown") << u"Phường Không Tên"_s << u"no current or former"_s;
    QTest::newRow("two former communes") << u"Hương Phong"_s << u"ambiguous"_s;
    QTest::newRow("blank") << u"   "_s << u"empty"_s;
}

void TestDemoPlacement::unresolvedName()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonPart);

    QString reason;
    QVERIFY(!m_placer->resolve(text, &reason));
    QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
}

void TestDemoPlacement::unresolvedRecordKeepsWard()
{
    QList<IncomingReport> records{recordNaming(u"Phường Không Tên"_s)};
    const PlacementSummary summary = placeReportsByWard(records, *m_placer, demoSeed);

    QCOMPARE(summary.unresolved, 1);
    QCOMPARE(summary.placed, 0);
    QVERIFY(!records.first().report.position);
    QVERIFY(!records.first().report.approximate);
    QCOMPARE(records.first().report.adminUnit, u"Phường Không Tên"_s);
}

void TestDemoPlacement::positionedRecordUntouched()
{
    IncomingReport record = recordNaming(u"Phú Xuân"_s);
    const GeoPoint given{16.0, 107.0};
    record.report.position = given;
    QList<IncomingReport> records{record, recordNaming(QString(), u"test-2"_s)};

    const PlacementSummary summary = placeReportsByWard(records, *m_placer, demoSeed);
    QCOMPARE(summary.alreadyPlaced, 1);
    QCOMPARE(summary.withoutWard, 1);
    QCOMPARE(summary.placed, 0);
    QCOMPARE(*records.first().report.position, given);
    QCOMPARE(records.first().report.adminUnit, u"Phú Xuân"_s);
    QVERIFY(!records.last().report.position);
}

void TestDemoPlacement::formerNameKeptInAddress()
{
    IncomingReport former = recordNaming(u"Tây lộc"_s);
    former.report.address = u"kiệt 101 Lê Đại Hành"_s;
    IncomingReport current = recordNaming(u"Phú Xuân"_s, u"test-2"_s);
    QList<IncomingReport> records{former, current};

    placeReportsByWard(records, *m_placer, demoSeed);
    QCOMPARE(records.at(0).report.address, u"kiệt 101 Lê Đại Hành, Tây lộc"_s);
    QCOMPARE(records.at(1).report.address, QString());
}

void TestDemoPlacement::missingReferenceFile()
{
    QString error;
    const QList<IncomingReport> records = loadDemoReports(demoFolder, demoFolder, demoSeed, &error);
    QVERIFY(records.isEmpty());
    QVERIFY2(error.contains(u"hue_wards_osm_2025.json"_s), qPrintable(error));
}

void TestDemoPlacement::formerUnitsWithoutName()
{
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"former.geojson"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"commune": "x"},
        "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]})");
    file.close();

    QString error;
    QVERIFY(!readFormerUnits(path, &error));
    QVERIFY2(error.contains(u"feature 0 has no commune_vn"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDemoPlacement)
#include "tst_demoplacement.moc"
