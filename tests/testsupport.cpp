#include "testsupport.h"

#include "central/referencedata.h"
#include "intake/importfile.h"
#include "resources/resources.h"

#include <QDir>
#include <QProcess>
#include <QTest>
#include <QUuid>

namespace CivicDesk::Test {

QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(CIVICDESK_TEST_DATA)).filePath(relative);
}

std::unique_ptr<Central> createCentral(const QTemporaryDir &dir, const QString &name)
{
    QString error;
    const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
    if (!reference) {
        qWarning() << "reference data:" << error;
        return nullptr;
    }
    auto central = Central::open(QStringLiteral("sqlite:") + dir.filePath(name), true, &error);
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
