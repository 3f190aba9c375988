#pragma once

#include "core/geo.h"

#include <QCommandLineParser>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace CivicDesk::Bench {

// Prints a line of results and flushes it, so that a long run shows progress.
void say(const QString &line);

// Prints the message after the program's name and exits with status 1.
[[noreturn]] void fail(const QString &message);

// Adds the --seed option, a number below 2^32, that seedFrom() reads.
void addSeedOption(QCommandLineParser &parser, const QString &description);
// Returns the --seed value, or a random seed when the option is not given. Exits when the value
// is invalid.
quint32 seedFrom(const QCommandLineParser &parser);

// Creates a database with a random name on the server and returns its URL; exits on failure.
QString createDatabase(const QString &adminUrl);

// The peak resident memory of this process in MiB since it started or since the last
// restartMemoryPeak(); -1 where /proc does not tell.
qint64 memoryPeakMiB();
// The resident memory of this process in KiB now; -1 when /proc/self/status cannot be read.
qint64 residentMemoryKiB();
// Starts a new peak at the current resident memory (Linux 4.0 and later).
void restartMemoryPeak();

// Returns the value at a fraction of the sorted values (0.5 for the median, 1 for the maximum),
// or 0 when there are none.
double percentile(QList<double> values, double fraction);

// Drops the database of `url` again, closing its remaining connections.
void dropDatabase(const QString &adminUrl, const QString &url);

// A ward or commune of Hue, from the reference data's boundaries.
struct Ward
{
    QString code;
    QString nameVi;     // "Phường Phú Xuân"
    MultiPolygon shape; // (longitude, latitude) in degrees
    double south = 0;
    double west = 0;
    double north = 0;
    double east = 0;
};

// Reads the wards and communes of Hue from resources/reference/hue_wards_osm_2025.json, as
// readReferenceData() does. Exits when the file cannot be read.
QList<Ward> readWards();

// Picks a ward with equal chance, then a position uniformly inside its boundary by rejection
// from its bounding box. Small urban wards so get denser points than large rural communes.
GeoPoint randomPosition(const QList<Ward> &wards, QRandomGenerator &random);

} // namespace CivicDesk::Bench
