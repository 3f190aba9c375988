#include "core/deadlines.h"
#include "core/lunarcalendar.h"
#include "core/workcalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace CivicDesk;

Q_DECLARE_METATYPE(CivicDesk::ProcessingTime)

namespace CivicDesk {

char *toString(const LunarDate &date)
{
    const QByteArray text = QByteArray::number(date.year) + '-' + QByteArray::number(date.month) +
                            (date.leapMonth ? "(leap)-" : "-") + QByteArray::number(date.day);
    return qstrdup(text.constData());
}

} // namespace CivicDesk

namespace {

const QTimeZone hueZone(QByteArrayLiteral("Asia/Ho_Chi_Minh"));

// Reads "yyyy-MM-dd HH:mm" as a time in Huế.
QDateTime hue(const char *text)
{
    QDateTime time = QDateTime::fromString(QLatin1String(text), QStringLiteral("yyyy-MM-dd HH:mm"));
    time.setTimeZone(hueZone);
    return time;
}

QDate date(const char *text)
{
    return QDate::fromString(QLatin1String(text), Qt::ISODate);
}

QJsonObject parseObject(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

ProcessingTime workingDays(int amount)
{
    return {amount, ProcessingTime::Unit::WorkingDays};
}

ProcessingTime workingHours(int amount)
{
    return {amount, ProcessingTime::Unit::WorkingHours};
}

} // namespace

class CalendarTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Lunar calendar

    void lunarNewYear_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<QDate>("expected");

        QTest::newRow("1900") << 1900 << date("1900-01-31");
        QTest::newRow("1968, China 30 Jan") << 1968 << date("1968-01-29");
        QTest::newRow("1985, China 20 Feb") << 1985 << date("1985-01-21");
        QTest::newRow("2000") << 2000 << date("2000-02-05");
        QTest::newRow("2001") << 2001 << date("2001-01-24");
        QTest::newRow("2002") << 2002 << date("2002-02-12");
        QTest::newRow("2003") << 2003 << date("2003-02-01");
        QTest::newRow("2004") << 2004 << date("2004-01-22");
        QTest::newRow("2005") << 2005 << date("2005-02-09");
        QTest::newRow("2006") << 2006 << date("2006-01-29");
        QTest::newRow("2007, China 18 Feb") << 2007 << date("2007-02-17");
        QTest::newRow("2008") << 2008 << date("2008-02-07");
        QTest::newRow("2009") << 2009 << date("2009-01-26");
        QTest::newRow("2010") << 2010 << date("2010-02-14");
        QTest::newRow("2011") << 2011 << date("2011-02-03");
        QTest::newRow("2012") << 2012 << date("2012-01-23");
        QTest::newRow("2013") << 2013 << date("2013-02-10");
        QTest::newRow("2014") << 2014 << date("2014-01-31");
        QTest::newRow("2015") << 2015 << date("2015-02-19");
        QTest::newRow("2016") << 2016 << date("2016-02-08");
        QTest::newRow("2017") << 2017 << date("2017-01-28");
        QTest::newRow("2018") << 2018 << date("2018-02-16");
        QTest::newRow("2019") << 2019 << date("2019-02-05");
        QTest::newRow("2020") << 2020 << date("2020-01-25");
        QTest::newRow("2021") << 2021 << date("2021-02-12");
        QTest::newRow("2022") << 2022 << date("2022-02-01");
        QTest::newRow("2023") << 2023 << date("2023-01-22");
        QTest::newRow("2024") << 2024 << date("2024-02-10");
        QTest::newRow("2025") << 2025 << date("2025-01-29");
        QTest::newRow("2026") << 2026 << date("2026-02-17");
        QTest::newRow("2027") << 2027 << date("2027-02-06");
        QTest::newRow("2028") << 2028 << date("2028-01-26");
        QTest::newRow("2029") << 2029 << date("2029-02-13");
        QTest::newRow("2030, China 3 Feb") << 2030 << date("2030-02-02");
        QTest::newRow("2100") << 2100 << date("2100-02-09");
    }

    void lunarNewYear()
    {
        QFETCH(int, year);
        QFETCH(QDate, expected);

        QCOMPARE(CivicDesk::lunarNewYear(year).value_or(QDate()), expected);
        QCOMPARE(lunarDateOf(expected), (LunarDate{year, 1, 1, false}));
        QCOMPARE(lunarDateOf(expected.addDays(-1))->year, year - 1);
    }

    void hungKingsDay_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<QDate>("expected");

        QTest::newRow("2019") << 2019 << date("2019-04-14");
        QTest::newRow("2020") << 2020 << date("2020-04-02");
        QTest::newRow("2021") << 2021 << date("2021-04-21");
        QTest::newRow("2022") << 2022 << date("2022-04-10");
        QTest::newRow("2023, after a leap 2nd month") << 2023 << date("2023-04-29");
        QTest::newRow("2024") << 2024 << date("2024-04-18");
        QTest::newRow("2025") << 2025 << date("2025-04-07");
        QTest::newRow("2026") << 2026 << date("2026-04-26");
    }

    void hungKingsDay()
    {
        QFETCH(int, year);
        QFETCH(QDate, expected);

        QCOMPARE(solarDateOf({year, 3, 10, false}).value_or(QDate()), expected);
        const QList<Holiday> holidays = WorkingCalendar().holidaysIn(year);
        QVERIFY(holidays.contains(Holiday{expected, QStringLiteral("hung_kings")}));
    }

    void leapMonth_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::addColumn<QDate>("firstDay");

        QTest::newRow("2012, leap 4th") << 2012 << 4 << date("2012-05-21");
        QTest::newRow("2014, leap 9th") << 2014 << 9 << date("2014-10-24");
        QTest::newRow("2017, leap 6th") << 2017 << 6 << date("2017-07-23");
        QTest::newRow("2020, leap 4th") << 2020 << 4 << date("2020-05-23");
        QTest::newRow("2023, leap 2nd") << 2023 << 2 << date("2023-03-22");
        QTest::newRow("2025, leap 6th") << 2025 << 6 << date("2025-07-25");
    }

    void leapMonth()
    {
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(QDate, firstDay);

        QCOMPARE(solarDateOf({year, month, 1, true}).value_or(QDate()), firstDay);
        QCOMPARE(lunarDateOf(firstDay), (LunarDate{year, month, 1, true}));
        QCOMPARE(lunarDateOf(firstDay.addDays(-1))->month, month);
        QCOMPARE(lunarDateOf(firstDay.addDays(-1))->leapMonth, false);

        const QList<LunarMonth> months = lunarMonthsOf(year);
        QCOMPARE(months.size(), 13);
        const auto leap = std::find_if(months.begin(), months.end(),
                                       [](const LunarMonth &m) { return m.leapMonth; });
        QVERIFY(leap != months.end());
        QCOMPARE(leap->month, month);
        QCOMPARE(leap->firstDay, firstDay);
    }

    void yearsWithoutLeapMonth()
    {
        for (int year : {2021, 2022, 2024, 2026, 2027}) {
            const QList<LunarMonth> months = lunarMonthsOf(year);
            QCOMPARE(months.size(), 12);
            for (int i = 0; i < 12; ++i) {
                QCOMPARE(months[i].month, i + 1);
                QVERIFY(!months[i].leapMonth);
            }
            QVERIFY(!solarDateOf({year, 4, 1, true}));
        }
    }

    void monthsOfEveryYear()
    {
        for (int year = firstLunarCalendarYear; year <= lastLunarCalendarYear; ++year) {
            const QList<LunarMonth> months = lunarMonthsOf(year);
            QVERIFY2(months.size() == 12 || months.size() == 13, qPrintable(QString::number(year)));
            const qsizetype leapCount = std::count_if(
                months.begin(), months.end(), [](const LunarMonth &m) { return m.leapMonth; });
            QCOMPARE(leapCount, months.size() - 12);
            QCOMPARE(months.first().month, 1);
            QVERIFY(!months.first().leapMonth);
            QCOMPARE(months.first().firstDay, CivicDesk::lunarNewYear(year).value_or(QDate()));
            QCOMPARE(months.last().month, 12);

            for (qsizetype i = 0; i < months.size(); ++i) {
                QVERIFY2(months[i].length == 29 || months[i].length == 30,
                         qPrintable(QStringLiteral("%1 month %2").arg(year).arg(months[i].month)));
                if (i + 1 < months.size())
                    QCOMPARE(months[i].firstDay.addDays(months[i].length), months[i + 1].firstDay);
            }
            if (year < lastLunarCalendarYear) {
                QCOMPARE(months.last().firstDay.addDays(months.last().length),
                         CivicDesk::lunarNewYear(year + 1).value_or(QDate()));
            }
        }
    }

    void roundTripEveryDay()
    {
        std::optional<LunarDate> previous;
        for (QDate day(1900, 1, 1); day <= QDate(2100, 12, 31); day = day.addDays(1)) {
            const std::optional<LunarDate> lunar = lunarDateOf(day);
            QVERIFY2(lunar, qPrintable(day.toString(Qt::ISODate)));
            QCOMPARE(solarDateOf(*lunar).value_or(QDate()), day);

            if (previous && lunar->day != 1)
                QCOMPARE(lunar->day, previous->day + 1);
            if (previous && lunar->day == 1)
                QVERIFY(previous->day == 29 || previous->day == 30);
            previous = lunar;
        }
    }

    void knownLunarDates()
    {
        QCOMPARE(lunarDateOf(date("1900-01-01")), (LunarDate{1899, 12, 1, false}));
        QCOMPARE(lunarDateOf(date("1998-10-05")), (LunarDate{1998, 8, 15, false}));
        QCOMPARE(lunarDateOf(date("2024-09-17")), (LunarDate{2024, 8, 15, false}));
        QCOMPARE(lunarDateOf(date("2025-10-06")), (LunarDate{2025, 8, 15, false}));
    }

    void lunarYearEnd()
    {
        // The lunar year 2025 ends on the 29th of the 12th month, and 2019 on the 30th.
        QCOMPARE(CivicDesk::lunarYearEnd(2025).value_or(QDate()), date("2026-02-16"));
        QCOMPARE(lunarDateOf(date("2026-02-16")), (LunarDate{2025, 12, 29, false}));
        QCOMPARE(CivicDesk::lunarYearEnd(2019).value_or(QDate()), date("2020-01-24"));
        QCOMPARE(lunarDateOf(date("2020-01-24")), (LunarDate{2019, 12, 30, false}));
    }

    void lunarCalendarLimits()
    {
        QVERIFY(!lunarDateOf(date("1899-12-31")));
        QVERIFY(!lunarDateOf(date("2101-01-01")));
        QVERIFY(!lunarDateOf(QDate()));
        QVERIFY(lunarDateOf(date("2100-12-31")));
        QVERIFY(!solarDateOf({1899, 11, 1, false}));
        QVERIFY(!CivicDesk::lunarNewYear(2101));
        QVERIFY(!CivicDesk::lunarYearEnd(2100)); // it falls in 2101
        QVERIFY(lunarMonthsOf(1899).isEmpty());
        QVERIFY(lunarMonthsOf(2101).isEmpty());
    }

    void invalidLunarDates()
    {
        const QList<LunarMonth> months = lunarMonthsOf(2024);
        const auto shortMonth = std::find_if(months.begin(), months.end(),
                                             [](const LunarMonth &m) { return m.length == 29; });
        QVERIFY(shortMonth != months.end());
        QVERIFY(solarDateOf({2024, shortMonth->month, 29, false}));
        QVERIFY(!solarDateOf({2024, shortMonth->month, 30, false}));
        QVERIFY(!solarDateOf({2024, 1, 0, false}));
        QVERIFY(!solarDateOf({2024, 13, 1, false}));
        QVERIFY(!solarDateOf({2024, 0, 1, false}));
        QVERIFY(!solarDateOf({2024, 6, 1, true}));
    }

    // Working calendar

    void holidays2026()
    {
        const QList<Holiday> expected{
            {date("2026-01-01"), QStringLiteral("new_year")},
            {date("2026-02-16"), QStringLiteral("tet")},
            {date("2026-02-17"), QStringLiteral("tet")},
            {date("2026-02-18"), QStringLiteral("tet")},
            {date("2026-02-19"), QStringLiteral("tet")},
            {date("2026-02-20"), QStringLiteral("tet")},
            {date("2026-04-26"), QStringLiteral("hung_kings")},
            {date("2026-04-27"), QStringLiteral("compensatory")},
            {date("2026-04-30"), QStringLiteral("reunification")},
            {date("2026-05-01"), QStringLiteral("labour")},
            {date("2026-09-01"), QStringLiteral("national_day")},
            {date("2026-09-02"), QStringLiteral("national_day")},
        };
        QCOMPARE(WorkingCalendar().holidaysIn(2026), expected);
    }

    void compensatoryDays()
    {
        const WorkingCalendar calendar;

        // The Hung Kings' day on Sunday 26 April 2026 moves to Monday.
        QVERIFY(!calendar.isWorkingDay(date("2026-04-27")));
        QVERIFY(calendar.isWorkingDay(date("2026-04-28")));

        // Saturday 1 and Sunday 2 September 2029 give Monday and Tuesday.
        QVERIFY(!calendar.isWorkingDay(date("2029-09-03")));
        QVERIFY(!calendar.isWorkingDay(date("2029-09-04")));
        QVERIFY(calendar.isWorkingDay(date("2029-09-05")));

        // The Hung Kings' day (Saturday 29 April 2023) and 30 April (Sunday) move past 1 May.
        const QList<Holiday> holidays = calendar.holidaysIn(2023);
        QVERIFY(holidays.contains(Holiday{date("2023-05-02"), QStringLiteral("compensatory")}));
        QVERIFY(holidays.contains(Holiday{date("2023-05-03"), QStringLiteral("compensatory")}));
        QVERIFY(calendar.isWorkingDay(date("2023-05-04")));

        WorkingCalendar withoutCompensation;
        withoutCompensation.setCompensatesRestDayHolidays(false);
        QVERIFY(withoutCompensation.isWorkingDay(date("2026-04-27")));
        const QList<Holiday> plain = withoutCompensation.holidaysIn(2023);
        QVERIFY(std::none_of(plain.begin(), plain.end(), [](const Holiday &holiday) {
            return holiday.code == QLatin1String("compensatory");
        }));
    }

    void sharedHolidayDateCountsOnce()
    {
        // In some years the Hung Kings' day falls on 30 April or 1 May. The shared date is one
        // day off, so it gives at most one compensatory day.
        const WorkingCalendar calendar;
        int found = 0;
        for (int year = firstLunarCalendarYear; year <= lastLunarCalendarYear; ++year) {
            const QDate hungKings = solarDateOf({year, 3, 10, false}).value_or(QDate());
            if (hungKings != QDate(year, 4, 30) && hungKings != QDate(year, 5, 1))
                continue;
            ++found;

            const QList<Holiday> holidays = calendar.holidaysIn(year);
            QCOMPARE(std::count_if(holidays.begin(), holidays.end(),
                                   [&](const Holiday &h) { return h.date == hungKings; }),
                     2);
            QList<QDate> restDayHolidays;
            int compensatory = 0;
            for (const Holiday &holiday : holidays) {
                if (holiday.code == QLatin1String("compensatory"))
                    ++compensatory;
                else if (holiday.date.dayOfWeek() >= Qt::Saturday &&
                         !restDayHolidays.contains(holiday.date))
                    restDayHolidays.append(holiday.date);
            }
            QCOMPARE(compensatory, restDayHolidays.size());
        }
        QVERIFY(found > 0);
    }

    void nationalDayAdjacent()
    {
        WorkingCalendar calendar;
        QVERIFY(!calendar.isWorkingDay(date("2025-09-01")));
        QVERIFY(calendar.isWorkingDay(date("2025-09-03")));

        calendar.setNationalDayAdjacent(NationalDayAdjacent::September3);
        QVERIFY(calendar.isWorkingDay(date("2025-09-01")));
        QVERIFY(!calendar.isWorkingDay(date("2025-09-03")));
    }

    void tetDaysSetting()
    {
        WorkingCalendar calendar;
        calendar.setTetDaysBefore(2);
        calendar.setTetDaysAfter(3);
        // Tết 2025 is Wednesday 29 January.
        QVERIFY(calendar.isWorkingDay(date("2025-01-24")));
        QVERIFY(!calendar.isWorkingDay(date("2025-01-27")));
        QVERIFY(!calendar.isWorkingDay(date("2025-01-31")));
        QVERIFY(calendar.isWorkingDay(date("2025-02-03")));
    }

    void nextWorkingMinute_data()
    {
        QTest::addColumn<QDateTime>("arrival");
        QTest::addColumn<QDateTime>("expected");

        // 10 March 2025 is a Monday.
        QTest::newRow("before opening") << hue("2025-03-10 06:00") << hue("2025-03-10 07:30");
        QTest::newRow("at opening") << hue("2025-03-10 07:30") << hue("2025-03-10 07:30");
        QTest::newRow("in the morning") << hue("2025-03-10 09:15") << hue("2025-03-10 09:15");
        QTest::newRow("at lunch") << hue("2025-03-10 12:00") << hue("2025-03-10 13:30");
        QTest::newRow("at 11:30") << hue("2025-03-10 11:30") << hue("2025-03-10 13:30");
        QTest::newRow("after closing") << hue("2025-03-10 17:00") << hue("2025-03-11 07:30");
        QTest::newRow("Friday evening") << hue("2025-03-14 20:00") << hue("2025-03-17 07:30");
        QTest::newRow("Saturday") << hue("2025-03-15 10:00") << hue("2025-03-17 07:30");
        QTest::newRow("on Tết") << hue("2026-02-17 10:00") << hue("2026-02-23 07:30");
        QTest::newRow("UTC, in hours")
            << QDateTime(date("2025-03-10"), QTime(1, 0), Qt::UTC) << hue("2025-03-10 08:00");
        QTest::newRow("UTC, the evening before")
            << QDateTime(date("2025-03-09"), QTime(23, 0), Qt::UTC) << hue("2025-03-10 07:30");
    }

    void nextWorkingMinute()
    {
        QFETCH(QDateTime, arrival);
        QFETCH(QDateTime, expected);

        const QDateTime next = WorkingCalendar().nextWorkingMinute(arrival);
        QCOMPARE(next, expected);
        QCOMPARE(next.timeZone(), hueZone);
    }

    void deadline_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<ProcessingTime>("time");
        QTest::addColumn<QDateTime>("expected");

        QTest::newRow("one day, in hours")
            << hue("2025-03-12 10:00") << workingDays(1) << hue("2025-03-13 10:00");
        QTest::newRow("seven days across a weekend")
            << hue("2025-03-12 10:00") << workingDays(7) << hue("2025-03-21 10:00");
        QTest::newRow("one day from opening ends at closing")
            << hue("2025-03-10 07:30") << workingDays(1) << hue("2025-03-10 17:00");
        QTest::newRow("before opening")
            << hue("2025-03-10 06:00") << workingDays(2) << hue("2025-03-11 17:00");
        QTest::newRow("at lunch on Friday")
            << hue("2025-03-14 12:00") << workingDays(1) << hue("2025-03-17 11:30");
        QTest::newRow("after closing")
            << hue("2025-03-10 18:00") << workingHours(8) << hue("2025-03-12 08:00");
        QTest::newRow("on Saturday")
            << hue("2025-03-15 09:00") << workingHours(8) << hue("2025-03-18 08:00");
        QTest::newRow("eight hours over lunch")
            << hue("2025-03-10 08:00") << workingHours(8) << hue("2025-03-11 08:30");
        QTest::newRow("Friday before Tết 2026")
            << hue("2026-02-13 10:00") << workingDays(1) << hue("2026-02-23 10:00");
        QTest::newRow("across 30 April and 1 May")
            << hue("2025-04-29 15:00") << workingDays(1) << hue("2025-05-02 15:00");
        QTest::newRow("across 2 September and 1 September")
            << hue("2025-08-29 10:00") << workingDays(1) << hue("2025-09-03 10:00");
        QTest::newRow("across a compensatory Monday")
            << hue("2026-04-24 16:00") << workingHours(2) << hue("2026-04-28 08:30");
        QTest::newRow("UTC in, UTC out")
            << QDateTime(date("2025-03-10"), QTime(1, 0), Qt::UTC) << workingHours(8)
            << QDateTime(date("2025-03-11"), QTime(1, 30), Qt::UTC);
    }

    void deadline()
    {
        QFETCH(QDateTime, start);
        QFETCH(ProcessingTime, time);
        QFETCH(QDateTime, expected);

        QCOMPARE(deadlineFor(WorkingCalendar(), time, start), expected);
    }

    void deadlineWithNationalDayOn3September()
    {
        WorkingCalendar calendar;
        calendar.setNationalDayAdjacent(NationalDayAdjacent::September3);
        QCOMPARE(deadlineFor(calendar, workingDays(1), hue("2025-08-29 10:00")),
                 hue("2025-09-01 10:00"));
    }

    void deadlineWithExceptions()
    {
        // In 2025 the government moved Friday 2 May off and had Saturday 26 April worked.
        WorkingCalendar calendar;
        calendar.setExceptions({
            {date("2025-04-26"), true, QStringLiteral("make-up day for 2 May")},
            {date("2025-05-02"), false, QStringLiteral("bridge day after 1 May")},
        });
        QVERIFY(calendar.isWorkingDay(date("2025-04-26")));
        QVERIFY(!calendar.isWorkingDay(date("2025-05-02")));

        QCOMPARE(deadlineFor(calendar, workingDays(1), hue("2025-04-25 16:00")),
                 hue("2025-04-26 16:00"));
        QCOMPARE(deadlineFor(calendar, workingDays(1), hue("2025-04-29 15:00")),
                 hue("2025-05-05 15:00"));
    }

    void exceptionWinsOverHoliday()
    {
        WorkingCalendar calendar;
        calendar.setExceptions({{date("2026-04-27"), true, QString()}});
        QVERIFY(calendar.isWorkingDay(date("2026-04-27")));
        // The exception cancels the compensatory day, which does not move on.
        QVERIFY(calendar.isWorkingDay(date("2026-04-28")));
    }

    void workingMinutesBetween_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<qint64>("expected");

        QTest::newRow("a working week")
            << hue("2025-03-10 07:30") << hue("2025-03-14 17:00") << qint64(5 * 450);
        QTest::newRow("over lunch")
            << hue("2025-03-10 11:00") << hue("2025-03-10 14:00") << qint64(60);
        QTest::newRow("a weekend")
            << hue("2025-03-15 00:00") << hue("2025-03-17 00:00") << qint64(0);
        QTest::newRow("reversed") << hue("2025-03-14 17:00") << hue("2025-03-10 07:30")
                                  << qint64(0);
        QTest::newRow("equal") << hue("2025-03-10 09:00") << hue("2025-03-10 09:00") << qint64(0);
        QTest::newRow("seconds round down")
            << hue("2025-03-10 09:00") << hue("2025-03-10 09:01").addSecs(59) << qint64(1);
        QTest::newRow("Tết week 2026")
            << hue("2026-02-16 00:00") << hue("2026-02-21 00:00") << qint64(0);
    }

    void workingMinutesBetween()
    {
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(qint64, expected);

        QCOMPARE(WorkingCalendar().workingMinutesBetween(from, to), expected);
        QCOMPARE(WorkingCalendar().workingMinutesBetween(from.toUTC(), to.toUTC()), expected);
    }

    void addAndMeasureAgree()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        const WorkingCalendar calendar;
        const QDateTime origin = hue("2025-01-01 00:00");

        for (int i = 0; i < 300; ++i) {
            const QDateTime start = origin.addSecs(60 * qint64(random.bounded(2 * 366 * 24 * 60)));
            const qint64 minutes = random.bounded(20 * 450);
            const QDateTime end = calendar.addWorkingMinutes(start, minutes);
            QVERIFY2(end.isValid(), qPrintable(start.toString(Qt::ISODate)));
            QCOMPARE(calendar.workingMinutesBetween(start, end), minutes);
            if (minutes > 0) {
                // The result is the earliest such instant: a minute earlier is short by one.
                QCOMPARE(calendar.workingMinutesBetween(start, end.addSecs(-60)), minutes - 1);
            }
        }
    }

    void noWorkingTime()
    {
        WorkingCalendar calendar;
        calendar.setWorkingPeriods({});
        QVERIFY(!calendar.nextWorkingMinute(hue("2025-03-10 09:00")).isValid());
        QVERIFY(!calendar.addWorkingMinutes(hue("2025-03-10 09:00"), 60).isValid());
        QVERIFY(!WorkingCalendar().nextWorkingMinute(QDateTime()).isValid());
    }

    // Pauses and the fraction of time left

    void resumedDeadline_data()
    {
        QTest::addColumn<QDateTime>("due");
        QTest::addColumn<QDateTime>("pausedAt");
        QTest::addColumn<QDateTime>("resumedAt");
        QTest::addColumn<QDateTime>("expected");

        QTest::newRow("same day") << hue("2025-03-12 10:00") << hue("2025-03-10 09:00")
                                  << hue("2025-03-10 10:00") << hue("2025-03-12 11:00");
        QTest::newRow("over a weekend") << hue("2025-03-18 10:00") << hue("2025-03-14 16:00")
                                        << hue("2025-03-17 09:00") << hue("2025-03-18 14:30");
        QTest::newRow("resumed after closing")
            << hue("2025-03-12 16:00") << hue("2025-03-10 16:00") << hue("2025-03-10 19:00")
            << hue("2025-03-12 17:00");
        QTest::newRow("paused and resumed outside hours")
            << hue("2025-03-12 16:00") << hue("2025-03-10 18:00") << hue("2025-03-11 06:00")
            << hue("2025-03-12 16:00");
        QTest::newRow("paused when overdue") << hue("2025-03-12 10:00") << hue("2025-03-12 11:00")
                                             << hue("2025-03-14 10:00") << hue("2025-03-12 10:00");
        QTest::newRow("resumed before paused")
            << hue("2025-03-12 10:00") << hue("2025-03-11 11:00") << hue("2025-03-11 10:00")
            << hue("2025-03-12 10:00");
    }

    void resumedDeadline()
    {
        QFETCH(QDateTime, due);
        QFETCH(QDateTime, pausedAt);
        QFETCH(QDateTime, resumedAt);
        QFETCH(QDateTime, expected);

        QCOMPARE(CivicDesk::resumedDeadline(WorkingCalendar(), due, pausedAt, resumedAt), expected);
    }

    void fractionLeft_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<double>("expected");

        // One working day from Monday 10:00 to Tuesday 10:00.
        QTest::newRow("before start") << hue("2025-03-10 09:00") << 1.0;
        QTest::newRow("at start") << hue("2025-03-10 10:00") << 1.0;
        QTest::newRow("at lunch") << hue("2025-03-10 12:00") << 0.8;
        QTest::newRow("halfway") << hue("2025-03-10 15:45") << 0.5;
        QTest::newRow("overnight") << hue("2025-03-10 22:00") << 150.0 / 450.0;
        QTest::newRow("at the deadline") << hue("2025-03-11 10:00") << 0.0;
        QTest::newRow("past due") << hue("2025-03-12 09:00") << 0.0;
    }

    void fractionLeft()
    {
        QFETCH(QDateTime, now);
        QFETCH(double, expected);

        const WorkingCalendar calendar;
        const QDateTime start = hue("2025-03-10 10:00");
        const QDateTime due = deadlineFor(calendar, workingDays(1), start);
        QCOMPARE(due, hue("2025-03-11 10:00"));
        QCOMPARE(CivicDesk::fractionLeft(calendar, start, due, now), expected);
        QCOMPARE(CivicDesk::fractionLeft(calendar, start.toUTC(), due.toUTC(), now.toUTC()),
                 expected);
    }

    // Deadline rules

    void deadlineRules()
    {
        DeadlineRules rules;
        QCOMPARE(rules.processingTime(QStringLiteral("lighting"), Priority::Normal),
                 workingDays(7));
        QCOMPARE(rules.processingTime(QStringLiteral("lighting"), Priority::Urgent),
                 workingHours(8));

        rules.setOverrideTime(QStringLiteral("lighting"), Priority::Urgent, workingHours(4));
        QCOMPARE(rules.processingTime(QStringLiteral("lighting"), Priority::Urgent),
                 workingHours(4));
        QCOMPARE(rules.processingTime(QStringLiteral("lighting"), Priority::Normal),
                 workingDays(7));
        QCOMPARE(rules.processingTime(QStringLiteral("drainage"), Priority::Urgent),
                 workingHours(8));

        rules.removeOverrideTime(QStringLiteral("lighting"), Priority::Urgent);
        QCOMPARE(rules.processingTime(QStringLiteral("lighting"), Priority::Urgent),
                 workingHours(8));
        QCOMPARE(rules, DeadlineRules());
    }

    void processingTimeMinutes()
    {
        WorkingCalendar calendar;
        QCOMPARE(calendar.standardDayMinutes(), 450);
        QCOMPARE(workingDays(7).minutes(calendar), qint64(7 * 450));
        QCOMPARE(workingHours(8).minutes(calendar), qint64(480));

        calendar.setWorkingPeriods({{QTime(8, 0), QTime(12, 0)}, {QTime(13, 0), QTime(17, 0)}});
        QCOMPARE(workingDays(2).minutes(calendar), qint64(960));
    }

    // JSON

    void calendarJsonRoundTrip()
    {
        QString error;
        const WorkingCalendar defaults;
        QCOMPARE(WorkingCalendar::fromJson(defaults.toJson(), &error), defaults);
        QCOMPARE(WorkingCalendar::fromJson(QJsonObject(), &error), defaults);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        WorkingCalendar custom;
        custom.setTimeZone(QTimeZone(QByteArrayLiteral("Asia/Bangkok")));
        custom.setWorkingPeriods({{QTime(8, 0), QTime(12, 0)}, {QTime(13, 0), QTime(17, 30)}});
        custom.setWorkingWeekdays(
            {Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday, Qt::Friday, Qt::Saturday});
        custom.setTetDaysBefore(2);
        custom.setTetDaysAfter(3);
        custom.setNationalDayAdjacent(NationalDayAdjacent::September3);
        custom.setCompensatesRestDayHolidays(false);
        custom.setExceptions({{date("2025-04-26"), true, QStringLiteral("make-up day")},
                              {date("2025-05-02"), false, QString()}});
        const QJsonObject json = custom.toJson();
        QCOMPARE(WorkingCalendar::fromJson(json, &error), custom);
        QCOMPARE(json.value(u"working_periods").toArray(),
                 (QJsonArray{QStringLiteral("08:00-12:00"), QStringLiteral("13:00-17:30")}));
        QCOMPARE(json.value(u"national_day_adjacent").toString(), QStringLiteral("09-03"));
    }

    void calendarJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unknown key")
            << QByteArray(R"({"timezone": "Asia/Ho_Chi_Minh"})")
            << QStringLiteral("timezone: unknown key, expected one of time_zone, working_periods, "
                              "working_weekdays, tet_days_before, tet_days_after, "
                              "national_day_adjacent, compensatory_days, exceptions");
        QTest::newRow("unknown zone")
            << QByteArray(R"({"time_zone": "Asia/Hue"})")
            << QStringLiteral("time_zone: \"Asia/Hue\" is not a known IANA time zone id");
        QTest::newRow("zone not a string") << QByteArray(R"({"time_zone": 7})")
                                           << QStringLiteral("time_zone: expected a string, got 7");
        QTest::newRow("period ends before it starts")
            << QByteArray(R"({"working_periods": ["07:30-11:30", "13:30-11:00"]})")
            << QStringLiteral(
                   "working_periods: working period \"13:30-11:00\" ends before it starts");
        QTest::newRow("empty period")
            << QByteArray(R"({"working_periods": ["08:00-08:00"]})")
            << QStringLiteral("working_periods: working period \"08:00-08:00\" is empty");
        QTest::newRow("malformed period")
            << QByteArray(R"({"working_periods": ["7:30-11:30"]})")
            << QStringLiteral(
                   "working_periods: \"7:30-11:30\" is not a period in the form HH:mm-HH:mm");
        QTest::newRow("overlapping periods")
            << QByteArray(R"({"working_periods": ["07:30-11:30", "11:00-17:00"]})")
            << QStringLiteral("working_periods: working period \"11:00-17:00\" starts before "
                              "\"07:30-11:30\" ends. List the periods in order, without overlap");
        QTest::newRow("no periods")
            << QByteArray(R"({"working_periods": []})")
            << QStringLiteral("working_periods: at least one working period is "
                              "required");
        QTest::newRow("periods not an array")
            << QByteArray(R"({"working_periods": "07:30-11:30"})")
            << QStringLiteral("working_periods: expected an array, got \"07:30-11:30\"");
        QTest::newRow("unknown weekday")
            << QByteArray(R"({"working_weekdays": ["monday", "mon"]})")
            << QStringLiteral("working_weekdays: \"mon\" is not a weekday name (monday to sunday)");
        QTest::newRow("repeated weekday")
            << QByteArray(R"({"working_weekdays": ["monday", "monday"]})")
            << QStringLiteral("working_weekdays: \"monday\" is listed twice");
        QTest::newRow("no weekdays")
            << QByteArray(R"({"working_weekdays": []})")
            << QStringLiteral("working_weekdays: at least one working weekday is required");
        QTest::newRow("too many Tết days")
            << QByteArray(R"({"tet_days_before": 11})")
            << QStringLiteral("tet_days_before: expected a whole number from 0 to 10, got 11");
        QTest::newRow("fractional Tết days")
            << QByteArray(R"({"tet_days_after": 2.5})")
            << QStringLiteral("tet_days_after: expected a whole number from 0 to 10, got 2.5");
        QTest::newRow("bad adjacent day")
            << QByteArray(R"({"national_day_adjacent": "09-04"})")
            << QStringLiteral(
                   "national_day_adjacent: \"09-04\" is neither \"09-01\" nor \"09-03\"");
        QTest::newRow("compensation not a bool")
            << QByteArray(R"({"compensatory_days": "yes"})")
            << QStringLiteral("compensatory_days: expected true or false, got \"yes\"");
        QTest::newRow("exception not an object")
            << QByteArray(R"({"exceptions": ["2025-04-26"]})")
            << QStringLiteral("exceptions[0]: expected an object, got \"2025-04-26\"");
        QTest::newRow("exception with a bad date")
            << QByteArray(R"({"exceptions": [{"date": "2025-02-30", "working": true}]})")
            << QStringLiteral(
                   "exceptions[0].date: \"2025-02-30\" is not a date in the form yyyy-MM-dd");
        QTest::newRow("exception without working")
            << QByteArray(R"({"exceptions": [{"date": "2025-04-26"}]})")
            << QStringLiteral("exceptions[0].working: missing");
        QTest::newRow("exception with an unknown key")
            << QByteArray(R"({"exceptions": [{"date": "2025-04-26", "working": true,
                                              "comment": "x"}]})")
            << QStringLiteral(
                   "exceptions[0].comment: unknown key, expected one of date, working, note");
        QTest::newRow("exception with a note not a string")
            << QByteArray(R"({"exceptions": [{"date": "2025-04-26", "working": true,
                                              "note": 1}]})")
            << QStringLiteral("exceptions[0].note: expected a string, got 1");
        QTest::newRow("repeated exception")
            << QByteArray(R"({"exceptions": [{"date": "2025-04-26", "working": true},
                                             {"date": "2025-04-26", "working": false}]})")
            << QStringLiteral("exceptions[1].date: 2025-04-26 is listed twice");
    }

    void calendarJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);

        QString error;
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty());
        QVERIFY(!WorkingCalendar::fromJson(object, &error));
        QCOMPARE(error, expected);
    }

    void rulesJsonRoundTrip()
    {
        QString error;
        DeadlineRules rules;
        QCOMPARE(DeadlineRules::fromJson(rules.toJson(), &error), rules);
        QCOMPARE(DeadlineRules::fromJson(QJsonObject(), &error), rules);

        rules.setDefaultTime(Priority::Normal, workingDays(5));
        rules.setOverrideTime(QStringLiteral("lighting"), Priority::Urgent, workingHours(4));
        rules.setOverrideTime(QStringLiteral("drainage"), Priority::Normal, workingDays(10));
        QCOMPARE(DeadlineRules::fromJson(rules.toJson(), &error), rules);

        const std::optional<DeadlineRules> read = DeadlineRules::fromJson(
            parseObject(R"({"overrides": {"lighting": {"urgent": {"amount": 4,
                                                                   "unit": "working_hours"}}}})"),
            &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->processingTime(QStringLiteral("lighting"), Priority::Urgent),
                 workingHours(4));
        QCOMPARE(read->processingTime(QStringLiteral("lighting"), Priority::Normal),
                 workingDays(7));
    }

    void rulesJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        QTest::newRow("unknown key")
            << QByteArray(R"({"default": {}})")
            << QStringLiteral("default: unknown key, expected one of defaults, "
                              "overrides");
        QTest::newRow("unknown priority")
            << QByteArray(R"({"defaults": {"high": {"amount": 1, "unit": "working_days"}}})")
            << QStringLiteral("defaults.high: unknown key, expected one of normal, urgent");
        QTest::newRow("zero amount")
            << QByteArray(R"({"defaults": {"normal": {"amount": 0, "unit": "working_days"}}})")
            << QStringLiteral(
                   "defaults.normal.amount: expected a whole number from 1 to 1000, got 0");
        QTest::newRow("bad unit")
            << QByteArray(R"({"defaults": {"urgent": {"amount": 8, "unit": "hours"}}})")
            << QStringLiteral("defaults.urgent.unit: \"hours\" is neither \"working_days\" nor "
                              "\"working_hours\"");
        QTest::newRow("missing unit") << QByteArray(R"({"defaults": {"urgent": {"amount": 8}}})")
                                      << QStringLiteral("defaults.urgent.unit: missing");
        QTest::newRow("blank category")
            << QByteArray(R"({"overrides": {" lighting": {"urgent": {"amount": 4,
                                                         "unit": "working_hours"}}}})")
            << QStringLiteral("overrides: category \" lighting\" is empty or has spaces around it");
        QTest::newRow("category without priorities")
            << QByteArray(R"({"overrides": {"lighting": {}}})")
            << QStringLiteral("overrides.lighting: expected at least one of normal or urgent");
        QTest::newRow("override not an object")
            << QByteArray(R"({"overrides": {"lighting": 4}})")
            << QStringLiteral("overrides.lighting: expected an object, got 4");
    }

    void rulesJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);

        QString error;
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty());
        QVERIFY(!DeadlineRules::fromJson(object, &error));
        QCOMPARE(error, expected);
    }
};

QTEST_GUILESS_MAIN(CalendarTest)
#include "tst_calendar.moc"
