#pragma once

#include <optional>
#include <QDate>
#include <QList>

namespace CivicDesk {

// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 from the astronomical new
// moons and the sun's longitude. Conversions accept and return Gregorian dates from
// 1900-01-01 to 2100-12-31 and return nullopt outside that range.
//
// NOTE: Vietnam counted its calendar at UTC+8 until 1967, so for earlier years this calendar
// can differ by a day or a month from the one in use at the time.

inline constexpr int firstLunarCalendarYear = 1900;
inline constexpr int lastLunarCalendarYear = 2100;

// A day of the lunar calendar. A leap month (tháng nhuận) repeats the number of the month
// before it.
struct LunarDate
{
    int year = 0;  // the Gregorian year in which the lunar year begins
    int month = 0; // 1-12
    int day = 0;   // 1-30
    bool leapMonth = false;

    friend bool operator==(const LunarDate &, const LunarDate &) = default;
};

// One month of a lunar year.
struct LunarMonth
{
    int month = 0;
    bool leapMonth = false;
    QDate firstDay;
    int length = 0; // 29 or 30 days

    friend bool operator==(const LunarMonth &, const LunarMonth &) = default;
};

std::optional<LunarDate> lunarDateOf(QDate date);

// Returns nullopt for a date that does not exist, such as the 30th of a 29-day month or a leap
// month in a year without one.
std::optional<QDate> solarDateOf(const LunarDate &date);

// Returns the first day of the lunar year (the first day of Tết).
std::optional<QDate> lunarNewYear(int lunarYear);

// Returns the last day of the lunar year, the day before the next lunar new year. It is the 29th
// or 30th of the 12th month, or of the leap 12th month in a year that has one.
std::optional<QDate> lunarYearEnd(int lunarYear);

// Returns the 12 or 13 months of a lunar year in order, or an empty list for a year outside
// 1900-2100. The last months of 2100 reach into 2101.
QList<LunarMonth> lunarMonthsOf(int lunarYear);

} // namespace CivicDesk
