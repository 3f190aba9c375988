#include "core/lunarcalendar.h"

#include "core/logging.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

// The formulas are those of Jean Meeus, "Astronomical Algorithms", 2nd edition (1998): the
// new moon from chapter 49 and the sun's apparent longitude from chapter 25 (accurate to about
// 0.01 degree, a quarter of an hour of the sun's motion). ΔT follows the polynomials of
// Espenak and Meeus, https://eclipse.gsfc.nasa.gov/LEcat5/deltatpoly.html.
//
// The calendar's rules: a month begins on the local day (UTC+7) of a new moon. The 11th month
// is the one that contains the December solstice. When 13 months separate two 11th months,
// the first month after the first 11th month that contains no major solar term (a multiple of
// 30 degrees of the sun's longitude) is the leap month.

namespace CivicDesk {
namespace {

constexpr double zoneOffsetDays = 7.0 / 24.0;
constexpr double synodicMonth = 29.530588861;
constexpr double firstNewMoonOf2000 = 2451550.09766; // JDE of new moon number k = 0

double sinDegrees(double degrees)
{
    return std::sin(degrees * std::numbers::pi / 180.0);
}

double normalisedDegrees(double degrees)
{
    const double reduced = std::fmod(degrees, 360.0);
    return reduced < 0 ? reduced + 360.0 : reduced;
}

// Returns ΔT = TT - UT in seconds for a decimal year between 1900 and 2150.
double deltaTSeconds(double year)
{
    if (year < 1920) {
        const double t = year - 1900;
        return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * std::pow(t, 3) -
               0.000197 * std::pow(t, 4);
    }
    if (year < 1941) {
        const double t = year - 1920;
        return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * std::pow(t, 3);
    }
    if (year < 1961) {
        const double t = year - 1950;
        return 29.07 + 0.407 * t - t * t / 233 + std::pow(t, 3) / 2547;
    }
    if (year < 1986) {
        const double t = year - 1975;
        return 45.45 + 1.067 * t - t * t / 260 - std::pow(t, 3) / 718;
    }
    if (year < 2005) {
        const double t = year - 2000;
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * std::pow(t, 3) +
               0.000651814 * std::pow(t, 4) + 0.00002373599 * std::pow(t, 5);
    }
    if (year < 2050) {
        const double t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    const double u = (year - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - year);
}

double deltaTDays(double julianDay)
{
    return deltaTSeconds(2000.0 + (julianDay - 2451545.0) / 365.25) / 86400.0;
}

// Returns the Julian ephemeris day of new moon number k (k = 0 is 2000-01-06).
double newMoonJde(int k)
{
    const double T = k / 1236.85;
    const double T2 = T * T;
    const double T3 = T2 * T;
    const double T4 = T3 * T;
    const double jde = firstNewMoonOf2000 + synodicMonth * k + 0.00015437 * T2 - 0.000000150 * T3 +
                       0.00000000073 * T4;

    const double E = 1 - 0.002516 * T - 0.0000074 * T2;
    const double M = 2.5534 + 29.10535670 * k - 0.0000014 * T2 - 0.00000011 * T3;
    const double Mm =
        201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
    const double F =
        160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
    const double Omega = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

    const double periodic =
        -0.40720 * sinDegrees(Mm) + 0.17241 * E * sinDegrees(M) + 0.01608 * sinDegrees(2 * Mm) +
        0.01039 * sinDegrees(2 * F) + 0.00739 * E * sinDegrees(Mm - M) -
        0.00514 * E * sinDegrees(Mm + M) + 0.00208 * E * E * sinDegrees(2 * M) -
        0.00111 * sinDegrees(Mm - 2 * F) - 0.00057 * sinDegrees(Mm + 2 * F) +
        0.00056 * E * sinDegrees(2 * Mm + M) - 0.00042 * sinDegrees(3 * Mm) +
        0.00042 * E * sinDegrees(M + 2 * F) + 0.00038 * E * sinDegrees(M - 2 * F) -
        0.00024 * E * sinDegrees(2 * Mm - M) - 0.00017 * sinDegrees(Omega) -
        0.00007 * sinDegrees(Mm + 2 * M) + 0.00004 * sinDegrees(2 * Mm - 2 * F) +
        0.00004 * sinDegrees(3 * M) + 0.00003 * sinDegrees(Mm + M - 2 * F) +
        0.00003 * sinDegrees(2 * Mm + 2 * F) - 0.00003 * sinDegrees(Mm + M + 2 * F) +
        0.00003 * sinDegrees(Mm - M + 2 * F) - 0.00002 * sinDegrees(Mm - M - 2 * F) -
        0.00002 * sinDegrees(3 * Mm + M) + 0.00002 * sinDegrees(4 * Mm);

    // The planetary arguments A1-A14 and their coefficients, in days.
    const double planetary = 0.000325 * sinDegrees(299.77 + 0.107408 * k - 0.009173 * T2) +
                             0.000165 * sinDegrees(251.88 + 0.016321 * k) +
                             0.000164 * sinDegrees(251.83 + 26.651886 * k) +
                             0.000126 * sinDegrees(349.42 + 36.412478 * k) +
                             0.000110 * sinDegrees(84.66 + 18.206239 * k) +
                             0.000062 * sinDegrees(141.74 + 53.303771 * k) +
                             0.000060 * sinDegrees(207.14 + 2.453732 * k) +
                             0.000056 * sinDegrees(154.84 + 7.306860 * k) +
                             0.000047 * sinDegrees(34.52 + 27.261239 * k) +
                             0.000042 * sinDegrees(207.19 + 0.121824 * k) +
                             0.000040 * sinDegrees(291.34 + 1.844379 * k) +
                             0.000037 * sinDegrees(161.72 + 24.198154 * k) +
                             0.000035 * sinDegrees(239.56 + 25.513099 * k) +
                             0.000023 * sinDegrees(331.55 + 3.592518 * k);

    return jde + periodic + planetary;
}

// Returns the Julian day number of the local day (UTC+7) of new moon number k.
// NOTE: Some new moons of 1900-2100 fall within a minute of local midnight (1944-06-20,
// 1967-07-07, 2054-05-08, 2077-11-15, 2085-10-18). The month start there depends on ΔT and on
// the formulas' error of a few seconds, so another calendar may start those months a day apart.
qint64 newMoonDay(int k)
{
    const double jde = newMoonJde(k);
    const double universalTime = jde - deltaTDays(jde);
    return qint64(std::floor(universalTime + 0.5 + zoneOffsetDays));
}

// Returns the sun's apparent longitude in degrees, [0, 360), at a Julian ephemeris day.
double sunLongitude(double jde)
{
    const double T = (jde - 2451545.0) / 36525.0;
    const double meanLongitude = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
    const double meanAnomaly = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
    const double centre = (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDegrees(meanAnomaly) +
                          (0.019993 - 0.000101 * T) * sinDegrees(2 * meanAnomaly) +
                          0.000289 * sinDegrees(3 * meanAnomaly);
    const double omega = 125.04 - 1934.136 * T;
    return normalisedDegrees(meanLongitude + centre - 0.00569 - 0.00478 * sinDegrees(omega));
}

// Returns the number of the 30-degree sector (0-11) that the sun is in at the local midnight
// that begins the day. Sector 9 begins at the December solstice.
int solarTermSector(qint64 julianDayNumber)
{
    const double universalTime = double(julianDayNumber) - 0.5 - zoneOffsetDays;
    return int(sunLongitude(universalTime + deltaTDays(universalTime)) / 30.0);
}

int newMoonNumberBefore(qint64 julianDayNumber)
{
    int k = int(std::floor((double(julianDayNumber) - firstNewMoonOf2000) / synodicMonth));
    while (newMoonDay(k + 1) <= julianDayNumber)
        ++k;
    while (newMoonDay(k) > julianDayNumber)
        --k;
    return k;
}

// Returns the new moon number that begins the 11th month, the month of the December solstice
// of the Gregorian year.
int eleventhMonthNewMoon(int gregorianYear)
{
    const int k = newMoonNumberBefore(QDate(gregorianYear, 12, 31).toJulianDay());
    return solarTermSector(newMoonDay(k)) >= 9 ? k - 1 : k;
}

struct MonthEntry
{
    qint64 firstDay = 0; // Julian day number
    int lunarYear = 0;
    int month = 0;
    bool leapMonth = false;
};

bool hasNoMajorTerm(int k)
{
    return solarTermSector(newMoonDay(k)) == solarTermSector(newMoonDay(k + 1));
}

// Appends the months from the 11th month of the Gregorian year before `gregorianYear` up to,
// not including, the 11th month of `gregorianYear`.
void appendMonthsBetweenSolstices(int gregorianYear, std::vector<MonthEntry> &months)
{
    const int first = eleventhMonthNewMoon(gregorianYear - 1);
    const int count = eleventhMonthNewMoon(gregorianYear) - first;

    int leapIndex = -1;
    if (count == 13) {
        for (int i = 1; i < count && leapIndex < 0; ++i) {
            if (hasNoMajorTerm(first + i))
                leapIndex = i;
        }
        if (leapIndex < 0) {
            qCCritical(lcCore) << "Lunar year" << gregorianYear
                               << "has 13 months, but each contains a major solar term";
            leapIndex = count - 1;
        }
    }

    int month = 11;
    int lunarYear = gregorianYear - 1;
    for (int i = 0; i < count; ++i) {
        const bool leap = i == leapIndex;
        if (i > 0 && !leap)
            month = month % 12 + 1;
        if (month == 1 && !leap)
            lunarYear = gregorianYear;
        months.push_back({newMoonDay(first + i), lunarYear, month, leap});
    }
}

struct MonthTable
{
    std::vector<MonthEntry> months;
    qint64 endDay = 0; // the day after the last day of the last month
};

// The months that contain 1900-01-01 to 2100-12-31, computed once.
const MonthTable &monthTable()
{
    static const MonthTable table = [] {
        MonthTable built;
        for (int year = firstLunarCalendarYear; year <= lastLunarCalendarYear + 1; ++year)
            appendMonthsBetweenSolstices(year, built.months);
        built.endDay = newMoonDay(eleventhMonthNewMoon(lastLunarCalendarYear + 1));
        return built;
    }();
    return table;
}

qint64 firstSupportedDay()
{
    return QDate(firstLunarCalendarYear, 1, 1).toJulianDay();
}

qint64 lastSupportedDay()
{
    return QDate(lastLunarCalendarYear, 12, 31).toJulianDay();
}

qint64 endOfMonth(const MonthTable &table, std::vector<MonthEntry>::const_iterator month)
{
    const auto next = month + 1;
    return next == table.months.end() ? table.endDay : next->firstDay;
}

bool isBefore(const MonthEntry &entry, const LunarDate &date)
{
    if (entry.lunarYear != date.year)
        return entry.lunarYear < date.year;
    if (entry.month != date.month)
        return entry.month < date.month;
    return int(entry.leapMonth) < int(date.leapMonth);
}

} // namespace

std::optional<LunarDate> lunarDateOf(QDate date)
{
    if (!date.isValid())
        return std::nullopt;
    const qint64 day = date.toJulianDay();
    if (day < firstSupportedDay() || day > lastSupportedDay())
        return std::nullopt;

    const MonthTable &table = monthTable();
    const auto next = std::upper_bound(
        table.months.begin(), table.months.end(), day,
        [](qint64 value, const MonthEntry &entry) { return value < entry.firstDay; });
    const MonthEntry &month = *(next - 1);
    return LunarDate{month.lunarYear, month.month, int(day - month.firstDay) + 1, month.leapMonth};
}

std::optional<QDate> solarDateOf(const LunarDate &date)
{
    const MonthTable &table = monthTable();
    const auto month = std::lower_bound(table.months.begin(), table.months.end(), date, isBefore);
    if (month == table.months.end() || month->lunarYear != date.year ||
        month->month != date.month || month->leapMonth != date.leapMonth) {
        return std::nullopt;
    }
    if (date.day < 1 || date.day > endOfMonth(table, month) - month->firstDay)
        return std::nullopt;

    const qint64 day = month->firstDay + date.day - 1;
    if (day < firstSupportedDay() || day > lastSupportedDay())
        return std::nullopt;
    return QDate::fromJulianDay(day);
}

std::optional<QDate> lunarNewYear(int lunarYear)
{
    return solarDateOf({lunarYear, 1, 1, false});
}

std::optional<QDate> lunarYearEnd(int lunarYear)
{
    const std::optional<QDate> nextNewYear = lunarNewYear(lunarYear + 1);
    if (!nextNewYear)
        return std::nullopt;
    const QDate end = nextNewYear->addDays(-1);
    if (end.year() < firstLunarCalendarYear)
        return std::nullopt;
    return end;
}

QList<LunarMonth> lunarMonthsOf(int lunarYear)
{
    if (lunarYear < firstLunarCalendarYear || lunarYear > lastLunarCalendarYear)
        return {};

    const MonthTable &table = monthTable();
    QList<LunarMonth> months;
    for (auto month = table.months.begin(); month != table.months.end(); ++month) {
        if (month->lunarYear != lunarYear)
            continue;
        const int length = int(endOfMonth(table, month) - month->firstDay);
        months.append(
            {month->month, month->leapMonth, QDate::fromJulianDay(month->firstDay), length});
    }
    return months;
}

} // namespace CivicDesk
