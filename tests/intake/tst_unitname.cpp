#include "intake/unitname.h"

#include <QTest>

using namespace CivicDesk;
using namespace Qt::StringLiterals;

class TestUnitName : public QObject
{
    Q_OBJECT

private slots:
    void sameSpelling_data();
    void sameSpelling();
    void differentTone_data();
    void differentTone();
    void prefix_data();
    void prefix();
};

void TestUnitName::sameSpelling_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    QTest::newRow("older tone placement oà") << u"Thuận Hoà"_s << u"Thuận Hòa"_s;
    QTest::newRow("older tone placement oá") << u"Thuận Hoá"_s << u"Thuận Hóa"_s;
    QTest::newRow("older tone placement uỷ") << u"Thuỷ Xuân"_s << u"Thủy Xuân"_s;
    QTest::newRow("case") << u"Tây lộc"_s << u"TÂY LỘC"_s;
    QTest::newRow("prefix phường") << u"phường Xuân Phú"_s << u"Xuân Phú"_s;
    QTest::newRow("prefix P. without space") << u"P.Xuân Phú"_s << u"Xuân Phú"_s;
    QTest::newRow("prefix xã") << u"Xã Lộc An"_s << u"Lộc An"_s;
    QTest::newRow("prefix thị trấn") << u"Thị trấn Thuận An"_s << u"Thuận An"_s;
    QTest::newRow("en dash") << u"Chân Mây – Lăng Cô"_s << u"Chân Mây - Lăng Cô"_s;
    QTest::newRow("decomposed input") << u"Thua\u0323\u0302n Ho\u0300a"_s << u"Thuận Hoà"_s;
    QTest::newRow("extra spaces") << u"  Vỹ   Dạ "_s << u"Vỹ Dạ"_s;
}

void TestUnitName::sameSpelling()
{
    QFETCH(QString, a);
    QFETCH(QString, b);

    QCOMPARE(parseUnitName(a).spelling, parseUnitName(b).spelling);
}

void TestUnitName::differentTone_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    QTest::newRow("Thuận Hòa, Thuận Hóa") << u"Thuận Hòa"_s << u"Thuận Hóa"_s;
    QTest::newRow("Thủy Xuân, Thúy Xuân") << u"Thủy Xuân"_s << u"Thúy Xuân"_s;
}

void TestUnitName::differentTone()
{
    QFETCH(QString, a);
    QFETCH(QString, b);

    const UnitName first = parseUnitName(a);
    const UnitName second = parseUnitName(b);
    QVERIFY(first.spelling != second.spelling);
    QCOMPARE(first.folded, second.folded);
}

void TestUnitName::prefix_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("folded");

    QTest::newRow("phường") << u"Phường Phú Xuân"_s << u"ward"_s << u"phu xuan"_s;
    QTest::newRow("P.") << u"P. Phú Xuân"_s << u"ward"_s << u"phu xuan"_s;
    QTest::newRow("xã") << u"xã Phú Xuân"_s << u"commune"_s << u"phu xuan"_s;
    QTest::newRow("X.") << u"X.Lộc An"_s << u"commune"_s << u"loc an"_s;
    QTest::newRow("thị trấn") << u"Thị trấn Sịa"_s << u"town"_s << u"sia"_s;
    QTest::newRow("none") << u"Phú Xuân"_s << QString() << u"phu xuan"_s;
    QTest::newRow("ward called Phường Đúc")
        << u"Phường Phường Đúc"_s << u"ward"_s << u"phuong duc"_s;
    QTest::newRow("prefix alone is a name") << u"Phường"_s << QString() << u"phuong"_s;
    QTest::newRow("code") << u"chan-may-lang-co"_s << QString() << u"chan may lang co"_s;
}

void TestUnitName::prefix()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    QFETCH(QString, folded);

    const UnitName name = parseUnitName(text);
    QCOMPARE(name.kind, kind);
    QCOMPARE(name.folded, folded);
}

QTEST_GUILESS_MAIN(TestUnitName)
#include "tst_unitname.moc"
