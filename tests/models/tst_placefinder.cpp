#include "central/referencedata.h"
#include "intake/demoplacement.h"
#include "models/placefinder.h"
#include "resources/resources.h"

#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// Go to on the map: wards, communes, named places and units from before the 2025 mergers,
// found from the data the program carries.
class PlaceFinderTest : public QObject
{
    Q_OBJECT

private:
    PlaceFinder m_finder;

    QStringList namesFound(const QString &text, int limit = 10) const
    {
        QStringList names;
        for (const Place &place : m_finder.find(text, limit))
            names.append(place.name);
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
        QVERIFY2(reference, qPrintable(error));
        m_finder.setCurrentUnits(reference->adminUnits, false);
        const auto former = readFormerUnits(builtInReferenceDirectory() + QLatin1Char('/') +
                                                QLatin1String(formerUnitsFileName),
                                            &error);
        QVERIFY2(former, qPrintable(error));
        m_finder.setFormerUnits(*former);
        QVERIFY2(m_finder.readPlaces(builtInPlacesFile(), &error), qPrintable(error));
        QVERIFY(m_finder.hasPlaces());
    }

    void unaccentedNameFindsWard()
    {
        const QList<Place> found = m_finder.find(QStringLiteral("vy da"), 10);
        QVERIFY(!found.isEmpty());
        QCOMPARE(found.first().name, QStringLiteral("Phường Vỹ Dạ"));
        QVERIFY(found.first().area.contains(QGeoCoordinate(16.475, 107.605)));
    }

    void decomposedTextMatches()
    {
        // "Thủy Xuân" with its marks as combining characters, as some input methods type them.
        const QString decomposed = QStringLiteral("Thu\u0309y Xua\u0302n");
        QCOMPARE(namesFound(decomposed).value(0), QStringLiteral("Phường Thủy Xuân"));
    }

    void currentUnitsComeFirst()
    {
        // "Phú Xuân" is a ward since 2025; "Phú Bình", "Phú Hậu" and others were wards before.
        const QStringList names = namesFound(QStringLiteral("phu"), 40);
        QCOMPARE(names.first(), QStringLiteral("Phường Phú Bài"));
        const qsizetype ward = names.indexOf(QStringLiteral("Phường Phú Xuân"));
        const qsizetype former = names.indexOf(QStringLiteral("Phường Phú Hậu"));
        QVERIFY(ward >= 0);
        QVERIFY(former > ward);
    }

    void formerWardFound()
    {
        const QList<Place> found = m_finder.find(QStringLiteral("tay loc"), 10);
        QVERIFY(!found.isEmpty());
        QVERIFY2(found.first().name.endsWith(QStringLiteral("Tây Lộc")),
                 qPrintable(found.first().name));
        QVERIFY(found.first().detail.contains(QStringLiteral("2025")));
    }

    void namedPlaceFound()
    {
        const QList<Place> found = m_finder.find(QStringLiteral("Huế"), 10);
        QStringList names;
        for (const Place &place : found)
            names.append(place.name);
        QVERIFY2(names.contains(QStringLiteral("Huế")), qPrintable(names.join(u", ")));
        const Place city = found.at(names.indexOf(QStringLiteral("Huế")));
        QVERIFY(city.area.contains(QGeoCoordinate(16.4779, 107.5768)));
    }

    void limitAndEmptyText()
    {
        QCOMPARE(m_finder.find(QStringLiteral("xuan"), 3).size(), 3);
        QVERIFY(m_finder.find(QStringLiteral("   "), 10).isEmpty());
        QVERIFY(m_finder.find(QStringLiteral("khong co noi nao nhu vay"), 10).isEmpty());
    }

    void unreadablePlacesFileNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("places.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"elements\": [");
        file.close();
        PlaceFinder finder;
        QString error;
        QVERIFY(!finder.readPlaces(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!finder.readPlaces(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(PlaceFinderTest)
#include "tst_placefinder.moc"
