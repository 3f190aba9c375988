#include "central/referencedata.h"
#include "core/geo.h"
#include "intake/demoplacement.h"
#include "intake/simulator.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

namespace {

const QString referenceFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/reference");
const QString demoFolder = QStringLiteral(CIVICDESK_SOURCE_DIR "/resources/demo");
constexpr int calls = 20;

QDateTime startTime()
{
    return QDateTime(QDate(2026, 3, 2), QTime(8, 30), QTimeZone::utc());
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uniqueSourceIds();
    void uniqueAcrossRestarts();
    void receivedNow();
    void startsAsNewReport();
    void cyclesThroughTemplates();
    void newPointInSameWard();
    void delaysInRange();
    void sameSeedSameSequence();
    void otherSeedOtherOrder();
    void withoutUnitsKeepsPosition();
    void noTemplates();

private:
    quint32 randomSeed() const;

    QList<IncomingReport> m_templates;
    QList<AdminUnit> m_units;
    QHash<QString, MultiPolygon> m_unitShapes;
};

void TestSimulator::initTestCase()
{
    QString error;
    m_templates = loadDemoReports(demoFolder, referenceFolder, 7, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_templates.size(), 16);

    QFile boundaries(referenceFolder + u"/hue_wards_osm_2025.json"_s);
    QVERIFY(boundaries.open(QIODevice::ReadOnly));
    const auto units = adminUnitsFromOverpass(boundaries.readAll(), boundaries.fileName(), &error);
    QVERIFY2(units, qPrintable(error));
    m_units = *units;
    for (const AdminUnit &unit : m_units)
        m_unitShapes.insert(unit.code, multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8()));
}

quint32 TestSimulator::randomSeed() const
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    return seed;
}

void TestSimulator::uniqueSourceIds()
{
    ReportSimulator simulator(m_templates, randomSeed(), m_units);
    QSet<QString> ids;
    for (int i = 0; i < calls; ++i)
        ids.insert(simulator.next(startTime()).report.sourceId);
    QCOMPARE(ids.size(), calls);
}

void TestSimulator::uniqueAcrossRestarts()
{
    const quint32 seed = randomSeed();
    QSet<QString> firstRun;
    ReportSimulator first(m_templates, seed, m_units);
    for (int i = 0; i < calls; ++i)
        firstRun.insert(first.next(startTime().addSecs(i)).report.sourceId);

    ReportSimulator restarted(m_templates, seed, m_units);
    for (int i = 0; i < calls; ++i) {
        const QString id = restarted.next(startTime().addSecs(calls + i)).report.sourceId;
        QVERIFY2(!firstRun.contains(id), qPrintable(id));
    }
}

void TestSimulator::receivedNow()
{
    ReportSimulator simulator(m_templates, randomSeed(), m_units);
    for (int i = 0; i < calls; ++i) {
        const QDateTime now = startTime().addMSecs(7919 * i);
        const IncomingReport record = simulator.next(now);
        QCOMPARE(record.report.receivedAt, now);
    }
}

void TestSimulator::startsAsNewReport()
{
    ReportSimulator simulator(m_templates, randomSeed(), m_units);
    for (int i = 0; i < calls; ++i) {
        const IncomingReport record = simulator.next(startTime());
        const Report &report = record.report;
        QCOMPARE(report.source, u"simulator"_s);
        QVERIFY(report.sourceId.startsWith(u"sim-"_s));
        QCOMPARE(report.status, Status::New);
        QCOMPARE(report.category, QString());
        QCOMPARE(report.agency, QString());
        QCOMPARE(record.agencyText, QString());
        QCOMPARE(report.publicResponse, QString());
        QVERIFY(!report.resolvedAt.isValid());
        QVERIFY(!report.closedAt.isValid());
        QVERIFY(!report.dueAt.isValid());
        QVERIFY(report.simulated);
        QVERIFY(!report.description.isEmpty());
    }
}

void TestSimulator::cyclesThroughTemplates()
{
    ReportSimulator simulator(m_templates, randomSeed(), m_units);
    QStringList expected;
    for (const IncomingReport &record : m_templates)
        expected.append(record.report.description);
    expected.sort();

    for (int round = 0; round < 2; ++round) {
        QStringList seen;
        for (qsizetype i = 0; i < m_templates.size(); ++i)
            seen.append(simulator.next(startTime()).report.description);
        seen.sort();
        QCOMPARE(seen, expected);
    }
}

void TestSimulator::newPointInSameWard()
{
    QHash<QString, QString> unitByDescription;
    for (const IncomingReport &record : m_templates)
        unitByDescription.insert(record.report.description, record.report.adminUnit);

    ReportSimulator simulator(m_templates, randomSeed(), m_units);
    for (int i = 0; i < calls; ++i) {
        const Report report = simulator.next(startTime()).report;
        const QString unit = unitByDescription.value(report.description);
        QCOMPARE(report.adminUnit, unit);
        QCOMPARE(report.position.has_value(), !unit.isEmpty());
        QCOMPARE(report.approximate, !unit.isEmpty());
        if (report.position)
            QVERIFY2(contains(m_unitShapes.value(unit), *report.position), qPrintable(unit));
    }
}

void TestSimulator::delaysInRange()
{
    ReportSimulator simulator(m_templates, randomSeed(), m_units);
    for (int i = 0; i < 1000; ++i) {
        const int delay = simulator.nextDelayMs();
        QVERIFY2(delay >= 5000, qPrintable(QString::number(delay)));
        QVERIFY2(delay <= 15000, qPrintable(QString::number(delay)));
    }
}

void TestSimulator::sameSeedSameSequence()
{
    const quint32 seed = randomSeed();
    ReportSimulator first(m_templates, seed, m_units);
    ReportSimulator second(m_templates, seed, m_units);
    for (int i = 0; i < calls; ++i) {
        const QDateTime now = startTime().addSecs(i);
        const Report a = first.next(now).report;
        const Report b = second.next(now).report;
        QCOMPARE(b.sourceId, a.sourceId);
        QCOMPARE(b.description, a.description);
        QCOMPARE(b.adminUnit, a.adminUnit);
        QCOMPARE(b.position, a.position);
        QCOMPARE(second.nextDelayMs(), first.nextDelayMs());
    }
}

void TestSimulator::otherSeedOtherOrder()
{
    const quint32 seed = randomSeed();
    ReportSimulator first(m_templates, seed, m_units);
    ReportSimulator second(m_templates, seed + 1, m_units);
    QStringList firstOrder;
    QStringList secondOrder;
    QList<int> firstDelays;
    QList<int> secondDelays;
    for (int i = 0; i < calls; ++i) {
        firstOrder.append(first.next(startTime()).report.description);
        secondOrder.append(second.next(startTime()).report.description);
        firstDelays.append(first.nextDelayMs());
        secondDelays.append(second.nextDelayMs());
    }
    QVERIFY(firstOrder != secondOrder);
    QVERIFY(firstDelays != secondDelays);
}

void TestSimulator::withoutUnitsKeepsPosition()
{
    ReportSimulator simulator(m_templates, randomSeed());
    QHash<QString, std::optional<GeoPoint>> positionByDescription;
    for (const IncomingReport &record : m_templates)
        positionByDescription.insert(record.report.description, record.report.position);

    for (int i = 0; i < calls; ++i) {
        const Report report = simulator.next(startTime()).report;
        QCOMPARE(report.position, positionByDescription.value(report.description));
    }
}

void TestSimulator::noTemplates()
{
    ReportSimulator simulator({}, 1, m_units);
    QVERIFY(simulator.isEmpty());
    QTest::ignoreMessage(QtWarningMsg, "the report simulator has no templates");
    const IncomingReport record = simulator.next(startTime());
    QVERIFY(record.report.sourceId.isEmpty());
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
