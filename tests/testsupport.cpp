#include "testsupport.h"

#include "central/referencedata.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "intake/importfile.h"
#include "resources/resources.h"

#include <QDir>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace CivicDesk::Test {

QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(CIVICDESK_TEST_DATA)).filePath(relative);
}

bool testingPostgres()
{
    return qEnvironmentVariable("CIVICDESK_TEST_CENTRAL") == QLatin1String("postgresql");
}

QString centralUrl(const QTemporaryDir &dir, const QString &name)
{
    if (!testingPostgres())
        return QStringLiteral("sqlite:") + dir.filePath(name);

    static QHash<QString, QString> made;
    const QString key = dir.filePath(name);
    if (made.contains(key))
        return made.value(key);

    const QString adminUrl = qEnvironmentVariable("CIVICDESK_TEST_PG");
    if (adminUrl.isEmpty()) {
        qWarning() << "CIVICDESK_TEST_PG is not set; scripts/test starts a PostgreSQL cluster "
                      "and sets it";
        return QString();
    }
    // The cluster is private to this test run and deleted with it, databases included.
    const QString database =
        QStringLiteral("civicdesk_%1").arg(QRandomGenerator::global()->generate());
    const QString connection = QStringLiteral("test-admin-") + database;
    bool created = false;
    {
        QString error;
        created = openPostgres(adminUrl, connection, &error) &&
                  execSql(QSqlDatabase::database(connection),
                          QStringLiteral("CREATE DATABASE %1").arg(database), &error);
        if (!created)
            qWarning() << "cannot create a test database:" << error;
    }
    QSqlDatabase::removeDatabase(connection);
    if (!created)
        return QString();
    QUrl url(adminUrl);
    url.setPath(QLatin1Char('/') + database);
    made.insert(key, url.toString());
    qInfo() << "central database for" << name << ":" << url.toString();
    return made.value(key);
}

QVariant centralScalar(const QString &url, const QString &sql, const QVariantMap &values)
{
    const QString connection = QStringLiteral("test-check");
    QVariant value;
    {
        QString error;
        bool open = false;
        if (!url.startsWith(QLatin1String("postgres"))) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(
                url.startsWith(QLatin1String("sqlite:")) ? url.mid(int(qstrlen("sqlite:"))) : url);
            open = db.open();
            error = db.lastError().text();
        } else {
            open = openPostgres(url, connection, &error);
        }
        if (open)
            value = SqlStatement(QSqlDatabase::database(connection), sql)
                        .bindAll(values)
                        .scalar(&error)
                        .value_or(QVariant());
        if (!value.isValid())
            qWarning() << "query on" << url << "failed:" << error;
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

std::unique_ptr<Central> createCentral(const QTemporaryDir &dir, const QString &name)
{
    QString error;
    const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
    if (!reference) {
        qWarning() << "reference data:" << error;
        return nullptr;
    }
    const QString url = centralUrl(dir, name);
    if (url.isEmpty())
        return nullptr;
    auto central = Central::open(url, true, &error);
    if (!central || !central->initialize(*reference, &error)) {
        qWarning() << "central:" << error;
        return nullptr;
    }
    return central;
}

std::unique_ptr<Replica> openReplica(const QTemporaryDir &dir, const QString &name)
{
    auto replica = std::make_unique<Replica>(dir.filePath(name));
    QString error;
    if (!replica->open(&error)) {
        qWarning() << "replica:" << error;
        return nullptr;
    }
    return replica;
}

std::optional<ImportSummary> importFile(Central &central, const QString &path, const QString &zone,
                                        const QString &mapping)
{
    ImportOptions options;
    options.timeZone = QTimeZone(zone.toUtf8());
    options.mappingPath = mapping;
    const ParsedFile parsed = readImportFile(path, options);
    if (!parsed.ok()) {
        qWarning() << "parse:" << parsed.error;
        return std::nullopt;
    }
    QString error;
    auto summary = central.importReports(parsed.reports, &error);
    if (!summary) {
        qWarning() << "import:" << error;
        return std::nullopt;
    }
    summary->rejections.append(parsed.rejections);
    return summary;
}

CtlRun runCtl(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(
        QDir(QStringLiteral(CIVICDESK_BIN_DIR)).filePath(QStringLiteral("civicdeskctl")));
    process.setArguments(arguments);
    process.start();
    CtlRun run;
    if (!process.waitForFinished(120000)) {
        qWarning() << "civicdeskctl did not finish:" << arguments;
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

Operation makeOperation(OperationKind kind, const Report &report, const QJsonObject &payload,
                        const QString &actor)
{
    Operation operation;
    operation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    operation.reportId = report.id;
    operation.kind = kind;
    operation.baseVersion = report.version;
    operation.baseState = assignmentStateOf(report);
    operation.actor = actor;
    operation.createdAt = QDateTime::currentDateTimeUtc();
    operation.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    operation.payload = payload;
    return operation;
}

QJsonObject classifyPayload(const QString &category, const QString &priority)
{
    return {{QStringLiteral("category"), category}, {QStringLiteral("priority"), priority}};
}

QJsonObject assignPayload(const QString &agency)
{
    return {{QStringLiteral("agency"), agency}};
}

} // namespace CivicDesk::Test
