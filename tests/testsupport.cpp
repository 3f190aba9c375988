#include "testsupport.h"

#include "central/referencedata.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "intake/importfile.h"
#include "resources/resources.h"

#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>
#include <QUrl>
#include <QUuid>
#include <sys/socket.h>
#include <unistd.h>

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
    QString error;
    const QString url = createPostgresDatabase(adminUrl, QStringLiteral("civicdesk"), &error);
    if (url.isEmpty()) {
        qWarning() << "cannot create a test database:" << error;
        return QString();
    }
    made.insert(key, url);
    qInfo() << "central database for" << name << ":" << url;
    return url;
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
    const QString url = centralUrl(dir, name);
    if (url.isEmpty())
        return nullptr;
    return createCentralAt(url);
}

std::unique_ptr<Central> createCentralAt(const QString &url)
{
    QString error;
    const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
    if (!reference) {
        qWarning() << "reference data:" << error;
        return nullptr;
    }
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

namespace {

QString postgresBindir()
{
    QProcess config;
    config.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (config.waitForFinished(10000) && config.exitCode() == 0) {
        const QString dir = QString::fromLocal8Bit(config.readAllStandardOutput()).trimmed();
        if (QFileInfo(QDir(dir).filePath(QStringLiteral("initdb"))).isExecutable())
            return dir;
    }
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                               .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    return versions.isEmpty() ? QString()
                              : QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.last());
}

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

} // namespace

TestCluster::~TestCluster()
{
    QString error;
    if (m_running && !stop(&error))
        qWarning() << "cannot stop the test server:" << error;
}

bool TestCluster::run(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = QDir(m_bindir).filePath(program);
    if (::geteuid() == 0)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), path} +
                          arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2")
                     .arg(program, QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    return true;
}

bool TestCluster::create(QString *error)
{
    m_bindir = postgresBindir();
    if (m_bindir.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server binaries not found (package postgresql)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(
        QDir::temp().filePath(QStringLiteral("civicdesk-pg-XXXXXX")));
    if (::geteuid() == 0) {
        const passwd *user = ::getpwnam("postgres");
        if (!user || ::chown(QFile::encodeName(m_dir->path()).constData(), user->pw_uid,
                             user->pw_gid) != 0) {
            *error = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir->path());
            return false;
        }
    }
    m_port = freePort();
    qInfo() << "test server on 127.0.0.1 port" << m_port << "in" << m_dir->path();
    QStringList arguments{QStringLiteral("-D"),
                          m_dir->filePath(QStringLiteral("data")),
                          QStringLiteral("-U"),
                          QStringLiteral("postgres"),
                          QStringLiteral("-E"),
                          QStringLiteral("UTF8"),
                          QStringLiteral("--locale=C.UTF-8")};
    const QString passwordFile = m_dir->filePath(QStringLiteral("superuser-password"));
    if (m_password.isEmpty()) {
        arguments << QStringLiteral("-A") << QStringLiteral("trust");
    } else {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(m_password.toUtf8() + '\n') < 0) {
            *error = QStringLiteral("cannot write %1").arg(passwordFile);
            return false;
        }
        file.close();
        arguments << QStringLiteral("--auth-local=trust")
                  << QStringLiteral("--auth-host=scram-sha-256")
                  << QStringLiteral("--pwfile=") + passwordFile;
    }
    const bool created = run(QStringLiteral("initdb"), arguments, error);
    QFile::remove(passwordFile);
    return created && start(error);
}

bool TestCluster::enableTls(const QString &certificate, const QString &key, QString *error,
                            const QString &authority)
{
    QList<std::pair<QString, QString>> copies{
        {certificate, m_dir->filePath(QStringLiteral("server.crt"))},
        {key, m_dir->filePath(QStringLiteral("server.key"))}};
    if (!authority.isEmpty())
        copies.append({authority, m_dir->filePath(QStringLiteral("client-authority.crt"))});
    for (const auto &[from, to] : copies) {
        QFile::remove(to);
        if (!QFile::copy(from, to)) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(from, to);
            return false;
        }
        // The server refuses a key that others may read.
        QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (::geteuid() == 0) {
            const passwd *user = ::getpwnam("postgres");
            if (!user ||
                ::chown(QFile::encodeName(to).constData(), user->pw_uid, user->pw_gid) != 0) {
                *error = QStringLiteral("cannot give %1 to the postgres user").arg(to);
                return false;
            }
        }
    }
    if (m_running && !stop(error))
        return false;
    m_tls = true;
    m_clientAuthority = !authority.isEmpty();
    return start(error);
}

bool TestCluster::addAuthenticationRule(const QString &rule, QString *error)
{
    QFile rules(m_dir->filePath(QStringLiteral("data/pg_hba.conf")));
    if (!rules.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(rules.fileName());
        return false;
    }
    const QByteArray existing = rules.readAll();
    rules.close();
    if (!rules.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        rules.write(rule.toUtf8() + '\n' + existing) < 0) {
        *error = QStringLiteral("cannot write %1").arg(rules.fileName());
        return false;
    }
    rules.close();
    // A restart, not a reload: a reload is applied some time after pg_ctl returns.
    return (!m_running || stop(error)) && start(error);
}

bool TestCluster::start(QString *error)
{
    QString options =
        QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -c fsync=off").arg(m_port).arg(m_dir->path());
    if (m_tls) {
        options += QStringLiteral(" -c ssl=on -c ssl_cert_file=%1 -c ssl_key_file=%2")
                       .arg(m_dir->filePath(QStringLiteral("server.crt")),
                            m_dir->filePath(QStringLiteral("server.key")));
        if (m_clientAuthority)
            options += QStringLiteral(" -c ssl_ca_file=%1")
                           .arg(m_dir->filePath(QStringLiteral("client-authority.crt")));
    }
    m_running = run(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                     QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                     QStringLiteral("-w"), QStringLiteral("-o"), options, QStringLiteral("start")},
                    error);
    return m_running;
}

bool TestCluster::stop(QString *error)
{
    const bool stopped =
        run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
            error);
    if (stopped)
        m_running = false;
    return stopped;
}

QString TestCluster::superuserUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(QStringLiteral("postgres"));
    if (!m_password.isEmpty())
        url.setPassword(m_password);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/postgres"));
    return url.toString();
}

QString TestCluster::createDatabase(QString *error)
{
    return createPostgresDatabase(superuserUrl(), QStringLiteral("civicdesk"), error);
}

CtlRun runCtl(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProgram(
        QDir(QStringLiteral(CIVICDESK_BIN_DIR)).filePath(QStringLiteral("civicdeskctl")));
    process.setArguments(arguments);
    process.start();
    process.write(input);
    process.closeWriteChannel();
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
