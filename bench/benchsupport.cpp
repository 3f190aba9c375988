#include "benchsupport.h"

#include "central/referencedata.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "resources/resources.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QUrl>

namespace CivicDesk::Bench {
namespace {

// Runs one statement on the server's administration database.
bool adminExec(const QString &adminUrl, const QString &sql, QString *error)
{
    const QString connection = QStringLiteral("bench-admin");
    bool ok = false;
    {
        ok = openPostgres(adminUrl, connection, error) &&
             execSql(QSqlDatabase::database(connection), sql, error);
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

// Returns a field of /proc/self/status given in kB, such as "VmRSS:", or -1.
qint64 statusFieldKiB(const QByteArray &name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    // Files in /proc report a size of 0, so the whole file is read at once.
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (!line.startsWith(name))
            continue;
        // "VmHWM:     123456 kB"
        const QList<QByteArray> fields = line.simplified().split(' ');
        return fields.size() >= 2 ? fields.at(1).toLongLong() : -1;
    }
    return -1;
}

} // namespace

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

void fail(const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                 message.toUtf8().constData());
    std::exit(1);
}

void addSeedOption(QCommandLineParser &parser, const QString &description)
{
    parser.addOption({QStringLiteral("seed"), description, QStringLiteral("number")});
}

quint32 seedFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("seed")))
        return QRandomGenerator::global()->generate();
    bool ok = false;
    const quint32 seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
    if (!ok)
        fail(QStringLiteral("invalid --seed: give a number below 2^32"));
    return seed;
}

QString createDatabase(const QString &adminUrl)
{
    QString error;
    const QString url = createPostgresDatabase(adminUrl, QStringLiteral("civicdesk_bench"), &error);
    if (url.isEmpty())
        fail(error);
    return url;
}

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index =
        std::min<qsizetype>(values.size() - 1, qsizetype(fraction * double(values.size())));
    return values.at(index);
}

void dropDatabase(const QString &adminUrl, const QString &url)
{
    const QString name = QUrl(url).path().mid(1);
    QString error;
    if (!adminExec(adminUrl, QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name), &error))
        std::fprintf(stderr, "%s\n", error.toUtf8().constData());
}

qint64 memoryPeakMiB()
{
    const qint64 peak = statusFieldKiB("VmHWM:");
    return peak < 0 ? -1 : peak / 1024;
}

qint64 residentMemoryKiB()
{
    return statusFieldKiB("VmRSS:");
}

void restartMemoryPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

QList<Ward> readWards()
{
    const QString path = builtInReferenceDirectory() + QStringLiteral("/hue_wards_osm_2025.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QString error;
    const auto units = adminUnitsFromOverpass(file.readAll(), path, &error);
    if (!units || units->isEmpty())
        fail(units ? QStringLiteral("%1 holds no ward").arg(path) : error);

    QList<Ward> wards;
    for (const AdminUnit &unit : *units) {
        wards.append({unit.code, unit.nameVi,
                      multiPolygonFromGeoJson(unit.boundaryGeoJson.toUtf8()), unit.minLatitude,
                      unit.minLongitude, unit.maxLatitude, unit.maxLongitude});
    }
    return wards;
}

GeoPoint randomPosition(const QList<Ward> &wards, QRandomGenerator &random)
{
    const Ward &ward = wards.at(random.bounded(int(wards.size())));
    GeoPoint position;
    do {
        position.latitude = ward.south + random.generateDouble() * (ward.north - ward.south);
        position.longitude = ward.west + random.generateDouble() * (ward.east - ward.west);
    } while (!contains(ward.shape, position));
    return position;
}

} // namespace CivicDesk::Bench
