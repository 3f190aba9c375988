#pragma once

#include "central/central.h"
#include "storage/replica.h"

#include <memory>
#include <QString>
#include <QTemporaryDir>

namespace CivicDesk::Test {

// Path of a fixture under tests/data.
QString dataPath(const QString &relative);

// Whether this run tests the PostgreSQL central: CIVICDESK_TEST_CENTRAL=postgresql, set by CTest
// for the "_pg" variant of a test, which then works on the cluster named by CIVICDESK_TEST_PG.
// Otherwise tests use the embedded central.
bool testingPostgres();

// URL of a new, empty central database called `name`: a file in `dir`, or on PostgreSQL a fresh
// database of its own. The same arguments give the same URL again.
QString centralUrl(const QTemporaryDir &dir,
                   const QString &name = QStringLiteral("central.sqlite"));

// Creates the central database at `url` with the built-in reference data of Hue.
std::unique_ptr<Central> createCentralAt(const QString &url);

// Creates the central database of centralUrl(dir, name) with the built-in reference data of Hue.
std::unique_ptr<Central> createCentral(const QTemporaryDir &dir,
                                       const QString &name = QStringLiteral("central.sqlite"));

// Returns the first column of the first row that `sql` returns on the central database at
// `url`, or on an SQLite file given by its path such as a replica. For checks of tables the
// Central interface does not expose; `values` fill its :placeholders. An invalid QVariant on
// failure.
QVariant centralScalar(const QString &url, const QString &sql, const QVariantMap &values = {});
std::unique_ptr<Replica> openReplica(const QTemporaryDir &dir, const QString &name);

// Imports a file through the same reader as civicdeskctl; fails the test on a parse error.
std::optional<ImportSummary> importFile(Central &central, const QString &path,
                                        const QString &zone = QStringLiteral("Asia/Ho_Chi_Minh"),
                                        const QString &mapping = QString());

// A PostgreSQL server of the test's own, for tests that stop and restart it: a new cluster in a
// temporary folder, on 127.0.0.1 and a free port. initdb and the server refuse to run as root,
// so a test running as root runs them as the postgres user. The destructor stops the server.
class TestCluster
{
public:
    TestCluster() = default;
    ~TestCluster();
    TestCluster(const TestCluster &) = delete;
    TestCluster &operator=(const TestCluster &) = delete;

    // With a superuser password set before create(), connections over TCP authenticate with
    // SCRAM-SHA-256 as on a real server, so a wrong password or a disabled role is rejected.
    // Without one, the server trusts every connection.
    void setSuperuserPassword(const QString &password) { m_password = password; }
    // Creates the cluster and starts the server.
    bool create(QString *error);
    // Restarts the server with TLS on, presenting this certificate and key (PEM files), and
    // trusting client certificates issued by `authority` when one is given. The files are
    // copied into the cluster's folder, readable by the server only.
    bool enableTls(const QString &certificate, const QString &key, QString *error,
                   const QString &authority = {});
    // Puts a rule first in pg_hba.conf and restarts the server.
    bool addAuthenticationRule(const QString &rule, QString *error);
    bool start(QString *error);
    bool stop(QString *error);
    // URL of a new database on this server.
    QString createDatabase(QString *error);
    // URL of the database "postgres" as the superuser, password included.
    QString superuserUrl() const;
    int port() const { return m_port; }

private:
    bool run(const QString &program, const QStringList &arguments, QString *error);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_bindir;
    int m_port = 0;
    QString m_password;
    bool m_running = false;
    bool m_tls = false;
    bool m_clientAuthority = false;
};

// Exit code and output of one civicdeskctl run.
struct CtlRun
{
    int exitCode = -1; // -1 when the program crashed or did not finish
    QString out;
    QString err;
};

// Runs the civicdeskctl built beside the tests to its end, with `input` on its standard input;
// a run that has not ended after two minutes is killed and reported with exit code -1.
CtlRun runCtl(const QStringList &arguments, const QByteArray &input = {});

// Builds an operation as a workstation would, based on the report's current version, status and
// assignment.
Operation makeOperation(OperationKind kind, const Report &report, const QJsonObject &payload,
                        const QString &actor = QStringLiteral("lan"));

// Classify and assign payloads used across the tests.
QJsonObject classifyPayload(const QString &category = QStringLiteral("urban_infrastructure"),
                            const QString &priority = QStringLiteral("normal"));
QJsonObject assignPayload(const QString &agency = QStringLiteral("hepco"));

} // namespace CivicDesk::Test
