#include "central/referencedata.h"
#include "core/geo.h"
#include "resources/resources.h"

#include <QTest>

using namespace CivicDesk;

class ReferenceDataTest : public QObject
{
    Q_OBJECT

private:
    ReferenceData m_data;

    const AdminUnit *unit(const QString &code) const
    {
        for (const AdminUnit &unit : m_data.adminUnits) {
            if (unit.code == code)
                return &unit;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        const auto data = readReferenceData(builtInReferenceDirectory(), &error);
        QVERIFY2(data, qPrintable(error));
        m_data = *data;
    }

    void fieldCodes()
    {
        QStringList codes;
        for (const Category &category : m_data.categories)
            codes.append(category.code);
        QCOMPARE(codes,
                 (QStringList{QStringLiteral("construction_order"),
                              QStringLiteral("environmental_sanitation"),
                              QStringLiteral("traffic_infrastructure"),
                              QStringLiteral("urban_infrastructure"),
                              QStringLiteral("public_security"), QStringLiteral("tourism_service"),
                              QStringLiteral("official_conduct"), QStringLiteral("other")}));
        for (const Category &category : m_data.categories) {
            QVERIFY(!category.nameVi.isEmpty());
            QVERIFY(!category.nameEn.isEmpty());
        }
    }

    void fortyUnits()
    {
        QCOMPARE(m_data.adminUnits.size(), 40);
        int wards = 0;
        for (const AdminUnit &unit : m_data.adminUnits) {
            const MultiPolygon shape = multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8());
            QVERIFY2(!shape.isEmpty(), qPrintable(unit.nameVi));
            QVERIFY2(shape.first().first().size() >= 4, qPrintable(unit.nameVi));
            QVERIFY(unit.minLatitude < unit.maxLatitude);
            wards += unit.kind == QLatin1String("ward") ? 1 : 0;
        }
        QCOMPARE(wards, 21);
    }

    void boundariesContainLandmarks_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("latitude");
        QTest::addColumn<double>("longitude");
        QTest::newRow("Imperial City in Phu Xuan")
            << QStringLiteral("phu-xuan") << 16.4698 << 107.5786;
        QTest::newRow("Hue station in Thuan Hoa")
            << QStringLiteral("thuan-hoa") << 16.4565 << 107.5783;
    }

    void boundariesContainLandmarks()
    {
        QFETCH(QString, code);
        QFETCH(double, latitude);
        QFETCH(double, longitude);
        const AdminUnit *found = unit(code);
        QVERIFY2(found, qPrintable(code));
        const MultiPolygon shape = multiPolygonFromGeoJson(found->boundaryGeoJson.toUtf8());
        QVERIFY(contains(shape, GeoPoint{latitude, longitude}));
        int containing = 0;
        for (const AdminUnit &other : m_data.adminUnits)
            containing += contains(multiPolygonFromGeoJson(other.boundaryGeoJson.toUtf8()),
                                   GeoPoint{latitude, longitude})
                              ? 1
                              : 0;
        QCOMPARE(containing, 1);
    }

    void agenciesWithAliases()
    {
        const Agency *hepco = nullptr;
        int committees = 0;
        for (const Agency &agency : m_data.agencies) {
            if (agency.id == QLatin1String("hepco"))
                hepco = &agency;
            committees += agency.adminUnit.isEmpty() ? 0 : 1;
        }
        QVERIFY(hepco);
        QVERIFY(hepco->aliases.contains(
            QStringLiteral("Công ty CP Môi trường và Công trình Đô thị Huế")));
        QCOMPARE(committees, 40);
        QCOMPARE(m_data.agencies.size(), 52);
    }

    void unitCodes()
    {
        QCOMPARE(adminUnitCode(QStringLiteral("Phường Phú Xuân")), QStringLiteral("phu-xuan"));
        QCOMPARE(adminUnitCode(QStringLiteral("Xã Chân Mây - Lăng Cô")),
                 QStringLiteral("chan-may-lang-co"));
        QCOMPARE(adminUnitCode(QStringLiteral("Xã Đan Điền")), QStringLiteral("dan-dien"));
    }

    void openBoundaryRejected()
    {
        const QByteArray json =
            R"({"elements":[{"type":"relation","id":7,"tags":{"name":"Phường Thử"},
            "members":[{"type":"way","role":"outer","geometry":[{"lat":16.0,"lon":107.0},{"lat":16.1,"lon":107.0}]}]}]})";
        QString error;
        QVERIFY(!adminUnitsFromOverpass(json, QStringLiteral("test.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("relation 7")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("test.json")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(ReferenceDataTest)
#include "tst_referencedata.moc"
