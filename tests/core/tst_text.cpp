#include "core/phone.h"
#include "core/textfold.h"
#include "core/timeutil.h"

#include <QTest>

using namespace CivicDesk;

class TextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("d with stroke")
            << QStringLiteral("Đường Lê Lợi") << QStringLiteral("duong le loi");
        QTest::newRow("lower d") << QStringLiteral("đèn chiếu sáng")
                                 << QStringLiteral("den chieu sang");
        QTest::newRow("tones") << QStringLiteral("Thuận Hóa") << QStringLiteral("thuan hoa");
        QTest::newRow("precomposed and combining agree")
            << QStringLiteral("Thua\u0323n Ho\u0301a") << QStringLiteral("thuan hoa");
        QTest::newRow("spaces") << QStringLiteral("  Phú \n Xuân ") << QStringLiteral("phu xuan");
        QTest::newRow("ascii") << QStringLiteral("Sidewalk_Cleaning")
                               << QStringLiteral("sidewalk_cleaning");
        QTest::newRow("punctuation") << QStringLiteral("Cầu “Trường Tiền” – đoạn 2…")
                                     << QStringLiteral("cau “truong tien” – doan 2…");
        QTest::newRow("wide space")
            << QStringLiteral("Huế  Việt Nam") << QStringLiteral("hue viet nam");
        QTest::newRow("beyond the table")
            << QStringLiteral("Bún bò 🍜 HUẾ 順化") << QStringLiteral("bun bo 🍜 hue 順化");
        QTest::newRow("only marks") << QStringLiteral("̣́") << QString();
    }

    void fold()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(foldText(text), folded);
    }

    void phone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("e164");
        QTest::newRow("national mobile")
            << QStringLiteral("0912 345 678") << QStringLiteral("+84912345678");
        QTest::newRow("dots") << QStringLiteral("0234.3822.123") << QStringLiteral("+842343822123");
        QTest::newRow("plus") << QStringLiteral("+84 912-345-678")
                              << QStringLiteral("+84912345678");
        QTest::newRow("double zero")
            << QStringLiteral("0084912345678") << QStringLiteral("+84912345678");
        QTest::newRow("bare country code")
            << QStringLiteral("84912345678") << QStringLiteral("+84912345678");
        // The 11-digit mobile numbers retired in 2018 map to their 10-digit successors.
        QTest::newRow("old Viettel")
            << QStringLiteral("0168 123 4567") << QStringLiteral("+84381234567");
        QTest::newRow("old MobiFone, international")
            << QStringLiteral("+84 121 234 5678") << QStringLiteral("+84792345678");
        QTest::newRow("old VinaPhone")
            << QStringLiteral("01234567890") << QStringLiteral("+84834567890");
        QTest::newRow("old Vietnamobile")
            << QStringLiteral("0188.765.4321") << QStringLiteral("+84587654321");
        QTest::newRow("old Gmobile")
            << QStringLiteral("01991234567") << QStringLiteral("+84591234567");
        // 0119 was never a mobile prefix, so it stays as it is.
        QTest::newRow("unknown 01 prefix")
            << QStringLiteral("01191234567") << QStringLiteral("+841191234567");
        QTest::newRow("letters") << QStringLiteral("09123abc78") << QString();
        QTest::newRow("too short") << QStringLiteral("0912") << QString();
        QTest::newRow("too long") << QStringLiteral("+849123456789012345") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void phone()
    {
        QFETCH(QString, text);
        QFETCH(QString, e164);
        QCOMPARE(normalisePhone(text), e164);
    }

    void sourceTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("utc");
        QTest::newRow("no zone, Hue")
            << QStringLiteral("2025-08-17 14:37:00") << QStringLiteral("Asia/Ho_Chi_Minh")
            << QStringLiteral("2025-08-17T07:37:00.000Z");
        QTest::newRow("no zone, San Francisco")
            << QStringLiteral("2010-11-15 01:05:25.727") << QStringLiteral("America/Los_Angeles")
            << QStringLiteral("2010-11-15T09:05:25.727Z");
        QTest::newRow("long fraction")
            << QStringLiteral("2010-11-15 01:05:25.7271234") << QStringLiteral("UTC")
            << QStringLiteral("2010-11-15T01:05:25.727Z");
        QTest::newRow("offset kept")
            << QStringLiteral("2012-05-22T10:47:46-04:00") << QStringLiteral("Asia/Ho_Chi_Minh")
            << QStringLiteral("2012-05-22T14:47:46.000Z");
        QTest::newRow("Z kept") << QStringLiteral("2015-01-05T08:00:00Z")
                                << QStringLiteral("Asia/Ho_Chi_Minh")
                                << QStringLiteral("2015-01-05T08:00:00.000Z");
        QTest::newRow("garbage") << QStringLiteral(":27.7") << QStringLiteral("UTC") << QString();
        QTest::newRow("word") << QStringLiteral("true") << QStringLiteral("UTC") << QString();
        QTest::newRow("skipped by daylight saving")
            << QStringLiteral("2010-03-14 02:30:00") << QStringLiteral("America/Los_Angeles")
            << QString();
    }

    void sourceTime()
    {
        QFETCH(QString, text);
        QFETCH(QString, zone);
        QFETCH(QString, utc);
        QCOMPARE(toStorageTime(parseSourceTime(text, QTimeZone(zone.toUtf8()))), utc);
    }

    void sourceTimeWithFormat()
    {
        const QDateTime time =
            parseSourceTime(QStringLiteral("14:37 17/08/2025"), QTimeZone("Asia/Ho_Chi_Minh"),
                            {QStringLiteral("HH:mm dd/MM/yyyy")});
        QCOMPARE(toStorageTime(time), QStringLiteral("2025-08-17T07:37:00.000Z"));
    }

    void printable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed");
        QTest::newRow("plain Vietnamese")
            << QStringLiteral("Đường Lê Lợi") << QStringLiteral("Đường Lê Lợi");
        QTest::newRow("escape sequence")
            << QStringLiteral("a\x1b[2Jb") << QStringLiteral("a\\u{001b}[2Jb");
        QTest::newRow("forged line")
            << QStringLiteral("id\nrejected: x") << QStringLiteral("id\\u{000a}rejected: x");
        QTest::newRow("right-to-left override")
            << QStringLiteral("a\u202Eb") << QStringLiteral("a\\u{202e}b");
        QTest::newRow("right-to-left mark")
            << QStringLiteral("a\u200Fb\u061C") << QStringLiteral("a\\u{200f}b\\u{061c}");
        QTest::newRow("line separator") << QStringLiteral("id\u2028rejected: x\u2029")
                                        << QStringLiteral("id\\u{2028}rejected: x\\u{2029}");
        QTest::newRow("C1 control") << QStringLiteral("a\u009Bb") << QStringLiteral("a\\u{009b}b");
    }

    void printable()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        QCOMPARE(printableText(text), printed);
    }

    void storageTimeRoundTrip()
    {
        const QDateTime time(QDate(2026, 12, 4), QTime(16, 34, 24, 5), QTimeZone::utc());
        QCOMPARE(toStorageTime(time), QStringLiteral("2026-12-04T16:34:24.005Z"));
        QCOMPARE(fromStorageTime(toStorageTime(time)), time);
        const QByteArray bytes = toStorageTime(time).toLatin1();
        QCOMPARE(fromStorageTime(bytes.constData(), bytes.size()), time);
        // A local time is stored as the same instant in UTC.
        const QDateTime local(QDate(2026, 12, 4), QTime(23, 34, 24, 5),
                              QTimeZone(QByteArrayLiteral("Asia/Ho_Chi_Minh")));
        QCOMPARE(toStorageTime(local), QStringLiteral("2026-12-04T16:34:24.005Z"));
        QVERIFY(!fromStorageTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!fromStorageTime(QStringLiteral("2026-13-04T16:34:24.005Z")).isValid());
        QVERIFY(!fromStorageTime(QStringLiteral("2026-12-04T16:34:2x.005Z")).isValid());
        // Other ISO shapes still parse, through Qt's parser.
        QCOMPARE(fromStorageTime(QStringLiteral("2026-12-04T23:34:24.005+07:00")), time);
    }

    void foldAgreesWithNormalisation()
    {
        // Every Vietnamese letter in both cases, precomposed, folds like its decomposed form.
        const QString letters = QStringLiteral(
            "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ");
        const QString upper = letters.toUpper();
        for (const QString &text : {letters, upper}) {
            QCOMPARE(foldText(text), foldText(text.normalized(QString::NormalizationForm_D)));
            QCOMPARE(foldText(text).size(), text.size());
        }
        QCOMPARE(foldText(upper), foldText(letters));
    }
};

QTEST_GUILESS_MAIN(TextTest)
#include "tst_text.moc"
