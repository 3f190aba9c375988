#include "app/ctlcommands.h"

#include "app/ctlbasemap.h"
#include "app/ctlusers.h"
#include "central/central.h"
#include "central/pgschema.h"
#include "central/referencedata.h"
#include "core/logging.h"
#include "core/textfold.h"
#include "core/timeutil.h"
#include "db/sqlconnection.h"
#include "intake/importfile.h"
#include "resources/resources.h"
#include "sync/syncsession.h"
#include "sync/verify.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QUuid>
#include <unistd.h>

namespace CivicDesk {
namespace {

const QString usageText = QStringLiteral(
    "Usage: civicdeskctl COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  init    --central URL [--reference DIR]\n"
    "          Create the central database, or refresh it, with the reference data of the\n"
    "          Hue deployment (fields, agencies, the 40 wards and communes).\n"
    "  import  FILE... --central URL [--source NAME] [--timezone ZONE] [--mapping FILE]\n"
    "          [--strict]\n"
    "          Import Open311 GeoReport v2 JSON or XML, or CSV described by a mapping file.\n"
    "          A record is known by its source and id: --source defaults to the file name\n"
    "          without extension, so give the same --source when a feed comes back under\n"
    "          another file name. --timezone defaults to Asia/Ho_Chi_Minh.\n"
    "  sync    --central URL --replica PATH --once [--fail-after send|apply|ack]\n"
    "          [--page-size N]\n"
    "          Send the outbox and pull every change; --fail-after exits with code 70\n"
    "          right after that step. The feed comes in pages of N reports (5000), and\n"
    "          the pages of a long feed are committed ten at a time.\n"
    "  verify  --central URL --replica PATH\n"
    "          Compare the replica with the central; print the first difference, exit 1.\n"
    "  central migrate --central postgresql://USER@HOST:PORT/DATABASE\n"
    "          Apply the PostgreSQL schema versions the database lacks, each once.\n"
    "  stats   (--central URL | --replica PATH) [--json]\n"
    "          Count reports: total, with a position, by status and by field.\n"
    "  user add NAME --role ROLE [--agency ID] [--password-file FILE] --central URL\n"
    "          Create a user of a PostgreSQL central who signs in as NAME. ROLE is operator,\n"
    "          supervisor, agency (with --agency, the agency's id), admin or kiosk. The\n"
    "          password is the first line of FILE, or is read from standard input (asked\n"
    "          twice without echo on a terminal). Needs an administrator or the owner.\n"
    "  user disable NAME --central URL\n"
    "          Stop NAME from signing in and end their open sessions where allowed.\n"
    "  user list --central URL\n"
    "          List the users with their role, agency and state.\n"
    "  rate CODE satisfied|acceptable|unsatisfied [--comment TEXT] --central URL\n"
    "          Record a citizen's rating of the answer to report CODE (HUE-251205-0007).\n"
    "          Satisfied and acceptable close the report; unsatisfied needs the citizen's\n"
    "          comment and sends the report back to its agency with a new deadline.\n"
    "  maintenance --central URL\n"
    "          Run the workflow's time-based steps once, by the central's clock: close\n"
    "          answered reports whose 7-day rating period ended, and remind every\n"
    "          workstation of urgent reports nobody has claimed, every 10 minutes. Meant\n"
    "          to run every minute; runs at the same time change each report once.\n"
    "  basemap build --out FILE.mbtiles [--min-zoom 8] [--max-zoom 16]\n"
    "          [--bounds WEST,SOUTH,EAST,NORTH] [--attribution TEXT]...\n"
    "          [--max-zoom-of INPUT=ZOOM]... INPUT...\n"
    "          Draw GeoJSON and OpenStreetMap Overpass JSON (\"out geom\") files into an\n"
    "          offline base map: raster MBTiles of 256 px PNG tiles, identical tiles stored\n"
    "          once. Bounds default to the inputs' extent. An input whose lines have a\n"
    "          median vertex spacing above 150 m (200 segments or more) is generalised and\n"
    "          drawn up to zoom 11 only; --max-zoom-of sets the highest zoom of one input\n"
    "          either way. Overpass input adds \"© OpenStreetMap contributors (ODbL)\" to\n"
    "          the attribution; --attribution adds the credit of other inputs. An input\n"
    "          that cannot be parsed builds nothing (exit code 2); features with invalid\n"
    "          geometry are skipped and counted by reason.\n"
    "\n"
    "URL is sqlite:PATH for the embedded central database or\n"
    "postgresql://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=MODE&sslrootcert=FILE] for\n"
    "PostgreSQL (sslcert and sslkey give a client certificate); init applies the schema\n"
    "to an empty PostgreSQL database. Passwords are never printed.\n");

struct Context
{
    QCommandLineParser parser;
    QTextStream &out;
    QTextStream &err;
};

int usageError(Context &context, const QString &message)
{
    context.err << "civicdeskctl: " << message
                << "\nRun civicdeskctl --help for the commands and their options.\n";
    return ExitUsage;
}

std::unique_ptr<Central> openCentral(Context &context, bool create)
{
    const QString url = context.parser.value(QStringLiteral("central"));
    QString error;
    auto central = Central::open(url, create, &error);
    if (!central)
        context.err << "civicdeskctl: " << error << '\n';
    return central;
}

// Opens the replica named by --replica. Only sync may create a new one, so that a mistyped
// path is an error instead of an empty replica.
std::unique_ptr<Replica> openReplica(Context &context, bool create)
{
    auto replica = std::make_unique<Replica>(context.parser.value(QStringLiteral("replica")));
    QString error;
    if (!replica->open(&error, create)) {
        context.err << "civicdeskctl: " << error << '\n';
        return nullptr;
    }
    return replica;
}

int runInit(Context &context)
{
    if (!context.parser.isSet(QStringLiteral("central")))
        return usageError(context, QStringLiteral("init needs --central URL"));
    const QString directory = context.parser.isSet(QStringLiteral("reference"))
                                  ? context.parser.value(QStringLiteral("reference"))
                                  : builtInReferenceDirectory();
    QString error;
    const auto data = readReferenceData(directory, &error);
    if (!data) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    auto central = openCentral(context, true);
    if (!central)
        return ExitFailure;
    if (!central->initialize(*data, &error)) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    context.out << "initialised " << central->displayUrl() << ": " << data->categories.size()
                << " fields, " << data->agencies.size() << " agencies, " << data->adminUnits.size()
                << " wards and communes\n";
    return ExitOk;
}

int importOne(Context &context, Central &central, const QString &path, ImportOptions options)
{
    const ParsedFile parsed = readImportFile(path, options);
    for (const QString &warning : parsed.warnings)
        context.err << "warning: " << printableText(warning) << '\n';
    if (!parsed.ok()) {
        context.err << "civicdeskctl: " << printableText(parsed.error) << '\n'
                    << path << ": nothing imported\n";
        return ExitFailure;
    }

    QString error;
    const auto summary = central.importReports(parsed.reports, &error);
    if (!summary) {
        context.err << "civicdeskctl: importing " << path << " failed: " << printableText(error)
                    << '\n';
        return ExitFailure;
    }
    QList<Rejection> rejections = parsed.rejections;
    for (Rejection rejection : summary->rejections) {
        rejection.file = path;
        rejections.append(rejection);
    }
    // Past a screenful the list stops helping, so the rest is only counted.
    constexpr int listedRejections = 20;
    for (qsizetype i = 0; i < rejections.size() && i < listedRejections; ++i)
        context.err << "rejected: " << rejections.at(i).toString() << '\n';
    if (rejections.size() > listedRejections)
        context.err << "rejected: " << rejections.size() - listedRejections
                    << " more records not listed\n";

    context.out << path << " (" << parsed.format << ", source \""
                << printableText(options.source.isEmpty() ? QFileInfo(path).completeBaseName()
                                                          : options.source)
                << "\"): " << summary->imported << " imported, " << summary->updated << " updated, "
                << summary->unchanged << " unchanged, " << rejections.size()
                << " rejected; times without a zone read in "
                << QString::fromUtf8(options.timeZone.id()) << '\n';
    return ExitOk;
}

int runCentralMigrate(Context &context)
{
    const QString url = context.parser.value(QStringLiteral("central"));
    if (context.parser.positionalArguments().value(1) != QLatin1String("migrate") || url.isEmpty())
        return usageError(context,
                          QStringLiteral("expected: central migrate --central postgresql://..."));
    if (!url.startsWith(QLatin1String("postgres")))
        return usageError(context, QStringLiteral("central migrate is for PostgreSQL; an embedded "
                                                  "central migrates itself when opened"));
    const QString connection = QStringLiteral("civicdeskctl-migrate");
    int status = ExitOk;
    {
        QString error;
        if (!openPostgres(url, connection, &error)) {
            context.err << "civicdeskctl: " << error << '\n';
            status = ExitFailure;
        } else {
            QList<int> applied;
            if (!migratePostgres(QSqlDatabase::database(connection), &applied, &error)) {
                context.err << "civicdeskctl: migrating " << redactedUrl(url)
                            << " failed: " << error << '\n';
                status = ExitFailure;
            } else if (applied.isEmpty()) {
                context.out << redactedUrl(url) << " is at schema version "
                            << latestPostgresSchemaVersion() << "; nothing to apply\n";
            } else {
                QStringList versions;
                for (int version : std::as_const(applied))
                    versions.append(QString::number(version));
                context.out << "applied schema version(s) " << versions.join(QStringLiteral(", "))
                            << " to " << redactedUrl(url) << '\n';
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return status;
}

int runImport(Context &context)
{
    const QStringList files = context.parser.positionalArguments().mid(1);
    if (files.isEmpty() || !context.parser.isSet(QStringLiteral("central")))
        return usageError(context, QStringLiteral("import needs FILE... and --central URL"));

    ImportOptions options;
    options.source = context.parser.value(QStringLiteral("source"));
    options.mappingPath = context.parser.value(QStringLiteral("mapping"));
    options.strict = context.parser.isSet(QStringLiteral("strict"));
    const QString zoneId = context.parser.isSet(QStringLiteral("timezone"))
                               ? context.parser.value(QStringLiteral("timezone"))
                               : QString::fromLatin1(defaultTimeZoneId);
    options.timeZone = QTimeZone(zoneId.toUtf8());
    if (zoneId.isEmpty() || !options.timeZone.isValid())
        return usageError(context, QStringLiteral("unknown time zone \"%1\" given to --timezone; "
                                                  "use an IANA name such as Asia/Ho_Chi_Minh")
                                       .arg(zoneId));

    auto central = openCentral(context, false);
    if (!central)
        return ExitFailure;
    int status = ExitOk;
    for (const QString &file : files) {
        if (importOne(context, *central, file, options) != ExitOk)
            status = ExitFailure;
    }
    return status;
}

int runSync(Context &context)
{
    if (!context.parser.isSet(QStringLiteral("central")) ||
        !context.parser.isSet(QStringLiteral("replica")))
        return usageError(context, QStringLiteral("sync needs --central URL and --replica PATH"));
    if (!context.parser.isSet(QStringLiteral("once")))
        return usageError(context, QStringLiteral("sync runs one pass only: add --once "
                                                  "(the civicdesk program syncs continuously)"));
    std::optional<SyncStep> failAfter;
    if (context.parser.isSet(QStringLiteral("fail-after"))) {
        failAfter = syncStepFromCode(context.parser.value(QStringLiteral("fail-after")));
        if (!failAfter)
            return usageError(context,
                              QStringLiteral("--fail-after takes send, apply or ack, not \"%1\"")
                                  .arg(context.parser.value(QStringLiteral("fail-after"))));
    }

    int pageSize = 0;
    if (context.parser.isSet(QStringLiteral("page-size"))) {
        bool ok = false;
        pageSize = context.parser.value(QStringLiteral("page-size")).toInt(&ok);
        if (!ok || pageSize < 1)
            return usageError(context,
                              QStringLiteral("--page-size takes a number of reports above 0, "
                                             "not \"%1\"")
                                  .arg(context.parser.value(QStringLiteral("page-size"))));
    }

    auto central = openCentral(context, false);
    auto replica = central ? openReplica(context, true) : nullptr;
    if (!replica)
        return ExitFailure;

    SyncSession session(*replica, *central);
    if (pageSize > 0)
        session.setPageSize(pageSize);
    if (failAfter) {
        session.setStepHook([&context, failAfter](SyncStep step) {
            if (step != *failAfter)
                return;
            context.err << "civicdeskctl: failing on purpose after step " << syncStepCode(step)
                        << '\n';
            context.err.flush();
            // Ends the process as a crash would: no destructor runs, no transaction is left
            // half done because every step has committed before the hook runs.
            _exit(ExitInjected);
        });
    }
    QString error;
    const auto summary = session.run(&error);
    if (!summary) {
        context.err << "civicdeskctl: sync failed: " << error << '\n';
        return ExitFailure;
    }
    context.out << "sent " << summary->sent
                << (summary->sent == 1 ? " operation: " : " operations: ") << summary->accepted
                << " accepted, " << summary->refused << " refused; received " << summary->received
                << (summary->received == 1 ? " changed report" : " changed reports");
    if (summary->removed > 0)
        context.out << "; removed " << summary->removed
                    << (summary->removed == 1 ? " report" : " reports")
                    << " no longer visible to this user";
    context.out << "; feed position " << summary->cursor.toString() << '\n';
    // The central's reason quotes values of the operation, such as an unknown agency code.
    for (const AttentionItem &item : replica->attentionItems(nullptr))
        context.out << "needs attention: report " << printableText(item.reportId) << ": "
                    << operationKindCode(item.kind) << " refused: " << printableText(item.reason)
                    << '\n';
    return ExitOk;
}

int runVerify(Context &context)
{
    if (!context.parser.isSet(QStringLiteral("central")) ||
        !context.parser.isSet(QStringLiteral("replica")))
        return usageError(context, QStringLiteral("verify needs --central URL and --replica PATH"));
    auto central = openCentral(context, false);
    auto replica = central ? openReplica(context, false) : nullptr;
    if (!replica)
        return ExitFailure;
    QString error;
    const auto result = verifyReplica(*replica, *central, &error);
    if (!result) {
        context.err << "civicdeskctl: verify failed: " << error << '\n';
        return ExitFailure;
    }
    if (!result->matches()) {
        context.out << "replica differs from the central: "
                    << printableText(result->firstDifference) << '\n';
        return ExitFailure;
    }
    context.out << "replica matches the central: " << result->reportsCompared
                << (result->reportsCompared == 1 ? " report\n" : " reports\n");
    return ExitOk;
}

int runStats(Context &context)
{
    const bool fromCentral = context.parser.isSet(QStringLiteral("central"));
    if (fromCentral == context.parser.isSet(QStringLiteral("replica")))
        return usageError(context,
                          QStringLiteral("stats needs either --central URL or --replica PATH"));
    QString error;
    std::optional<ReportStats> stats;
    if (fromCentral) {
        auto central = openCentral(context, false);
        if (!central)
            return ExitFailure;
        stats = central->stats(&error);
    } else {
        auto replica = openReplica(context, false);
        if (!replica)
            return ExitFailure;
        stats = replica->stats(&error);
    }
    if (!stats) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    if (context.parser.isSet(QStringLiteral("json"))) {
        context.out << QJsonDocument(stats->toJson()).toJson(QJsonDocument::Compact) << '\n';
        return ExitOk;
    }
    context.out << "total: " << stats->total << "\nwith position: " << stats->withPosition << '\n';
    for (auto it = stats->byStatus.cbegin(); it != stats->byStatus.cend(); ++it)
        context.out << "status " << it.key() << ": " << it.value() << '\n';
    for (auto it = stats->byCategory.cbegin(); it != stats->byCategory.cend(); ++it)
        context.out << "field " << it.key() << ": " << it.value() << '\n';
    return ExitOk;
}

int runRate(Context &context)
{
    const QStringList positional = context.parser.positionalArguments();
    const QString code = positional.value(1);
    const QString ratingText = positional.value(2);
    if (code.isEmpty() || ratingText.isEmpty() || positional.size() > 3 ||
        !context.parser.isSet(QStringLiteral("central")))
        return usageError(context, QStringLiteral("rate needs CODE, a rating and --central URL"));
    const auto rating = ratingFromCode(ratingText);
    if (!rating)
        return usageError(context, QStringLiteral("the rating is satisfied, acceptable or "
                                                  "unsatisfied, not \"%1\"")
                                       .arg(printableText(ratingText)));
    auto central = openCentral(context, false);
    if (!central)
        return ExitFailure;
    QString error;
    const auto id = central->reportIdForCode(code, &error);
    if (!id) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    if (id->isEmpty()) {
        context.err << "civicdeskctl: no report has the code \"" << printableText(code) << "\"\n";
        return ExitFailure;
    }
    const auto snapshots = central->snapshotsOf({*id}, &error);
    if (!snapshots || snapshots->isEmpty()) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    const Report &report = snapshots->first().report;

    Operation operation;
    operation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    operation.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    operation.reportId = report.id;
    operation.kind = OperationKind::Rate;
    operation.baseVersion = report.version;
    operation.baseState = assignmentStateOf(report);
    operation.actor = QStringLiteral("citizen");
    operation.actorRole = Role::System;
    operation.createdAt = QDateTime::currentDateTimeUtc();
    operation.payload = {{QLatin1String("rating"), ratingCode(*rating)}};
    if (context.parser.isSet(QStringLiteral("comment")))
        operation.payload.insert(QLatin1String("comment"),
                                 context.parser.value(QStringLiteral("comment")));
    const auto results = central->submit({operation}, &error);
    if (!results || results->isEmpty()) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    if (!results->first().accepted()) {
        context.err << "civicdeskctl: the rating of " << printableText(code)
                    << " was refused: " << results->first().reason << '\n';
        return ExitFailure;
    }
    context.out << printableText(code) << ": " << ratingCode(*rating)
                << (*rating == Rating::Unsatisfied ? ", sent back to its agency\n" : ", closed\n");
    return ExitOk;
}

int runMaintenance(Context &context)
{
    if (!context.parser.isSet(QStringLiteral("central")))
        return usageError(context, QStringLiteral("maintenance needs --central URL"));
    auto central = openCentral(context, false);
    if (!central)
        return ExitFailure;
    QString error;
    const auto summary = central->runMaintenance(&error);
    if (!summary) {
        context.err << "civicdeskctl: " << error << '\n';
        return ExitFailure;
    }
    context.out << "closed after the rating period: " << summary->closed
                << "\nurgent reminders: " << summary->reminded << '\n';
    for (const QString &problem : summary->problems)
        context.err << "civicdeskctl: " << problem << '\n';
    return summary->problems.isEmpty() ? ExitOk : ExitFailure;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("central"), QStringLiteral("Central database URL."), QStringLiteral("URL")},
        {QStringLiteral("replica"), QStringLiteral("Replica file."), QStringLiteral("PATH")},
        {QStringLiteral("reference"), QStringLiteral("Folder of reference data."),
         QStringLiteral("DIR")},
        {QStringLiteral("source"), QStringLiteral("Source name of imported records."),
         QStringLiteral("NAME")},
        {QStringLiteral("timezone"), QStringLiteral("Zone of times written without one."),
         QStringLiteral("ZONE")},
        {QStringLiteral("mapping"), QStringLiteral("JSON mapping of a CSV file."),
         QStringLiteral("FILE")},
        {QStringLiteral("strict"),
         QStringLiteral("Reject the whole file when a record is invalid.")},
        {QStringLiteral("once"), QStringLiteral("Run one sync and exit.")},
        {QStringLiteral("fail-after"), QStringLiteral("Exit with code 70 after this sync step."),
         QStringLiteral("STEP")},
        {QStringLiteral("page-size"), QStringLiteral("Reports per page of the feed."),
         QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("role"),
         QStringLiteral("Role of a new user: operator, supervisor, agency, admin or kiosk."),
         QStringLiteral("ROLE")},
        {QStringLiteral("agency"), QStringLiteral("Agency id of a user of role agency."),
         QStringLiteral("ID")},
        {QStringLiteral("password-file"),
         QStringLiteral("File whose first line is the new user's password."),
         QStringLiteral("FILE")},
        {QStringLiteral("out"), QStringLiteral("MBTiles file to write."), QStringLiteral("FILE")},
        {QStringLiteral("comment"), QStringLiteral("The citizen's comment with a rating."),
         QStringLiteral("TEXT")},
        {QStringLiteral("min-zoom"), QStringLiteral("Lowest zoom level of the base map."),
         QStringLiteral("ZOOM")},
        {QStringLiteral("max-zoom"), QStringLiteral("Highest zoom level of the base map."),
         QStringLiteral("ZOOM")},
        {QStringLiteral("bounds"), QStringLiteral("Area of the base map, in degrees."),
         QStringLiteral("WEST,SOUTH,EAST,NORTH")},
        {QStringLiteral("attribution"), QStringLiteral("Credit of an input, for the map's text."),
         QStringLiteral("TEXT")},
        {QStringLiteral("max-zoom-of"), QStringLiteral("Highest zoom level one input is drawn at."),
         QStringLiteral("INPUT=ZOOM")},
    });
    parser.addHelpOption();
}

} // namespace

int runCtl(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Context context{{}, out, err};
    addOptions(context.parser);
    if (!context.parser.parse(arguments))
        return usageError(context, context.parser.errorText());
    if (context.parser.isSet(QStringLiteral("help"))) {
        out << usageText;
        return ExitOk;
    }

    const QString url = context.parser.value(QStringLiteral("central"));
    if (context.parser.isSet(QStringLiteral("central")) &&
        !url.startsWith(QLatin1String("sqlite:")) &&
        !url.startsWith(QLatin1String("postgresql://")) &&
        !url.startsWith(QLatin1String("postgres://"))) {
        return usageError(context,
                          QStringLiteral("--central takes a URL, sqlite:PATH or "
                                         "postgresql://USER@HOST:PORT/DATABASE, not \"%1\"")
                              .arg(redactedUrl(url)));
    }

    const QStringList positional = context.parser.positionalArguments();
    const QString command = positional.value(0);
    if (command == QLatin1String("init"))
        return runInit(context);
    if (command == QLatin1String("import"))
        return runImport(context);
    if (command == QLatin1String("sync"))
        return runSync(context);
    if (command == QLatin1String("verify"))
        return runVerify(context);
    if (command == QLatin1String("stats"))
        return runStats(context);
    if (command == QLatin1String("central"))
        return runCentralMigrate(context);
    if (command == QLatin1String("user"))
        return runUserCommand(context.parser, out, err);
    if (command == QLatin1String("basemap"))
        return runBasemapCommand(context.parser, out, err);
    if (command == QLatin1String("rate"))
        return runRate(context);
    if (command == QLatin1String("maintenance"))
        return runMaintenance(context);
    if (command.isEmpty())
        return usageError(context, QStringLiteral("no command given"));
    return usageError(context, QStringLiteral("unknown command \"%1\"").arg(command));
}

} // namespace CivicDesk
