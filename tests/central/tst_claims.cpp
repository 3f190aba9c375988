#include "central/pgusers.h"
#include "central/sqlcentral.h"
#include "core/timeutil.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "testsupport.h"

#include <algorithm>
#include <map>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <thread>
#include <vector>

using namespace CivicDesk;

namespace {

struct Person
{
    const char *key;
    Role role;
};

// lan and minh are operators and thu is a supervisor. The agency user and the wall display may
// not claim.
constexpr Person people[] = {
    {"lan", Role::Operator}, {"minh", Role::Operator}, {"thu", Role::Supervisor},
    {"hepco", Role::Agency}, {"wall", Role::Kiosk},
};

// The order in which "claim next" hands out reports: urgent first, then by deadline with
// reports without one last, then oldest received, then by id.
bool comesFirst(const Report &a, const Report &b)
{
    const auto key = [](const Report &report) {
        return std::make_tuple(report.priority != Priority::Urgent, !report.dueAt.isValid(),
                               report.dueAt, report.receivedAt, report.id);
    };
    return key(a) < key(b);
}

// Calls in flight on threads of their own while a latch keeps them waiting. Releasing opens the
// latch and joins the threads. The destructor does so too, so that a failed check leaves no
// thread waiting.
class LatchedCalls
{
public:
    explicit LatchedCalls(SqlTransaction &latch)
        : m_latch(&latch)
    {}
    ~LatchedCalls() { release(); }
    LatchedCalls(const LatchedCalls &) = delete;
    LatchedCalls &operator=(const LatchedCalls &) = delete;

    void start(std::thread thread) { m_threads.push_back(std::move(thread)); }

    bool release()
    {
        QString error;
        const bool committed = !m_latch || m_latch->commit(&error);
        m_latch = nullptr;
        for (std::thread &thread : m_threads) {
            if (thread.joinable())
                thread.join();
        }
        return committed;
    }

private:
    SqlTransaction *m_latch;
    std::vector<std::thread> m_threads;
};

} // namespace

// Claims on the central: leases granted, renewed, refused, expired by the central's clock and
// released, and "claim next" handing out each report once. On PostgreSQL each person signs in
// as a user of their own; the embedded central takes the name and role the client gives.
class ClaimsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Central> m_central; // the owner of a PostgreSQL central
    std::map<QString, std::unique_ptr<Central>> m_signedIn;
    QDateTime m_now; // the embedded central's clock
    int m_runs = 0;

    static Role roleOf(const QString &who)
    {
        for (const Person &person : people) {
            if (who == QLatin1String(person.key))
                return person.role;
        }
        return Role::Operator;
    }

    // The user name of a person: on PostgreSQL a role of this database, because roles belong
    // to the whole server.
    QString holderName(const QString &who) const
    {
        if (!Test::testingPostgres())
            return who;
        return who + QLatin1Char('_') + QUrl(m_central->url()).path().mid(1);
    }

    ClaimActor actor(const QString &who) const { return {holderName(who), roleOf(who)}; }

    Central &as(const QString &who)
    {
        return Test::testingPostgres() ? *m_signedIn.at(who) : *m_central;
    }

    QSqlDatabase ownerDatabase() const { return static_cast<SqlCentral &>(*m_central).database(); }

    bool execOwner(const QString &sql, const QVariantMap &values = {})
    {
        QString error;
        SqlStatement statement(ownerDatabase(), sql);
        if (!statement.bindAll(values).exec(&error)) {
            qWarning() << "owner statement failed:" << error;
            return false;
        }
        return true;
    }

    QString userUrl(const QString &who) const
    {
        QUrl url(m_central->url());
        url.setUserName(holderName(who));
        url.setPassword(QStringLiteral("claims-test-password"));
        return url.toString();
    }

    bool addUsers()
    {
        QString error;
        for (const Person &person : people) {
            const QString who = QLatin1String(person.key);
            NewUser user;
            user.name = holderName(who);
            user.role = person.role;
            user.agency = person.role == Role::Agency ? QStringLiteral("hepco") : QString();
            user.password = QStringLiteral("claims-test-password");
            if (!addPostgresUser(ownerDatabase(), user, &error)) {
                qWarning() << "adding user" << user.name << "failed:" << error;
                return false;
            }
            auto central = Central::open(userUrl(who), false, &error);
            if (!central) {
                qWarning() << "signing in as" << user.name << "failed:" << error;
                return false;
            }
            m_signedIn[who] = std::move(central);
        }
        return true;
    }

    ReportSnapshot snapshotOf(const QString &id)
    {
        QString error;
        const auto snapshots = m_central->snapshotsOf({id}, &error);
        return snapshots && snapshots->size() == 1 ? snapshots->first() : ReportSnapshot();
    }

    QList<Report> queue()
    {
        QString error;
        QList<Report> reports;
        const auto snapshots = m_central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New || snapshot.report.status == Status::Triaged)
                reports.append(snapshot.report);
        }
        std::sort(reports.begin(), reports.end(), comesFirst);
        return reports;
    }

    QList<Event> claimEvents(const QString &id)
    {
        QList<Event> events;
        for (const Event &event : snapshotOf(id).events) {
            if (event.kind == EventKind::Claimed)
                events.append(event);
        }
        return events;
    }

    ClaimResult claimAs(const QString &who, const QString &id, int lease = defaultClaimLeaseSeconds)
    {
        QString error;
        const auto result = as(who).claim(id, actor(who), lease, &error);
        if (!result)
            qWarning() << "claim by" << who << "failed:" << error;
        return result.value_or(ClaimResult());
    }

    ClaimResult releaseAs(const QString &who, const QString &id, const QString &reason = {})
    {
        QString error;
        const auto result = as(who).releaseClaim(id, actor(who), reason, &error);
        if (!result)
            qWarning() << "release by" << who << "failed:" << error;
        return result.value_or(ClaimResult());
    }

    ClaimResult claimNextAs(const QString &who, const ClaimCriteria &criteria = {})
    {
        QString error;
        const auto result =
            as(who).claimNext(criteria, actor(who), defaultClaimLeaseSeconds, &error);
        if (!result)
            qWarning() << "claim next by" << who << "failed:" << error;
        return result.value_or(ClaimResult());
    }

    // Ends the claim on a report as if its lease had run out: the embedded central's clock
    // moves past it, and on PostgreSQL, whose clock the test cannot move, the owner writes an
    // expiry in the past.
    bool expireClaim(const QString &id)
    {
        if (!Test::testingPostgres()) {
            m_now = m_now.addSecs(defaultClaimLeaseSeconds + 1);
            return true;
        }
        return execOwner(QStringLiteral("UPDATE report SET claim_expires_at = now() - interval "
                                        "'1 second' WHERE id = :id"),
                         {{QStringLiteral("id"), id}});
    }

    // Runs `call` on a thread of its own with a Central signed in as `who`, as a second
    // workstation would; Qt SQL ties a connection to the thread that opened it.
    std::thread
    onOwnConnection(const QString &who,
                    std::function<std::optional<ClaimResult>(Central &, QString *)> call,
                    std::optional<ClaimResult> *result, QString *error)
    {
        return std::thread([url = userUrl(who), call, result, error] {
            auto central = Central::open(url, false, error);
            if (central)
                *result = call(*central, error);
        });
    }

    // Number of this database's sessions of lan and minh that wait for a lock.
    int sessionsWaitingForLock(const QSqlDatabase &latch)
    {
        QString error;
        // Inside a transaction, PostgreSQL keeps showing the activity it read first.
        if (!execSql(latch, QStringLiteral("SELECT pg_stat_clear_snapshot()"), &error))
            return -1;
        const auto count =
            SqlStatement(latch, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                               "datname = current_database() AND "
                                               "wait_event_type = 'Lock' AND "
                                               "usename IN (:lan, :minh)"))
                .bindAll({{QStringLiteral("lan"), holderName(QStringLiteral("lan"))},
                          {QStringLiteral("minh"), holderName(QStringLiteral("minh"))}})
                .scalar(&error);
        return count ? count->toInt() : -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // A central of its own for each row of a data table as well.
        m_central = Test::createCentral(m_dir, QStringLiteral("claims-%1-%2.sqlite")
                                                   .arg(QLatin1String(QTest::currentTestFunction()))
                                                   .arg(++m_runs));
        QVERIFY(m_central);
        QVERIFY(Test::importFile(
            *m_central, Test::dataPath(QStringLiteral("open311/bloomington_requests.json"))));
        m_now = QDateTime(QDate(2026, 3, 2), QTime(8, 0), QTimeZone::utc());
        m_central->setClock([this] { return m_now; });
        if (Test::testingPostgres())
            QVERIFY(addUsers());
    }

    void cleanup()
    {
        m_signedIn.clear();
        m_central.reset();
    }

    void claimGranted()
    {
        const Report report = queue().first();
        const ClaimResult result = claimAs(QStringLiteral("lan"), report.id);
        QVERIFY2(result.granted, qPrintable(result.message));
        QVERIFY(!result.renewed);
        QCOMPARE(result.reportId, report.id);
        QCOMPARE(result.holder, holderName(QStringLiteral("lan")));
        QVERIFY(result.centralTime.isValid());
        QCOMPARE(result.expiresAt, result.centralTime.addSecs(defaultClaimLeaseSeconds));
        if (!Test::testingPostgres())
            QCOMPARE(result.centralTime, m_now);

        const Report after = snapshotOf(report.id).report;
        QCOMPARE(after.claimHolder, holderName(QStringLiteral("lan")));
        QCOMPARE(after.claimExpiresAt, result.expiresAt);
        QCOMPARE(activeClaimHolder(after, result.centralTime), holderName(QStringLiteral("lan")));
    }

    void claimKeepsVersionAndAdvancesRevision()
    {
        const Report report = queue().first();
        QString error;
        const auto before = m_central->changesSince({}, 1000, &error);
        QVERIFY2(before, qPrintable(error));
        qint64 revisionBefore = 0;
        for (const ReportSnapshot &snapshot : before->reports) {
            if (snapshot.report.id == report.id)
                revisionBefore = snapshot.revision;
        }
        QVERIFY(revisionBefore > 0);

        QVERIFY(claimAs(QStringLiteral("lan"), report.id).granted);
        const auto changes = m_central->changesSince(before->cursor, 1000, &error);
        QVERIFY2(changes, qPrintable(error));
        QCOMPARE(changes->reports.size(), 1);
        const ReportSnapshot changed = changes->reports.first();
        QCOMPARE(changed.report.id, report.id);
        QVERIFY(changed.revision > revisionBefore);
        QCOMPARE(changed.report.version, report.version);
        QCOMPARE(changed.report.claimHolder, holderName(QStringLiteral("lan")));
        QVERIFY(changed.report.claimExpiresAt.isValid());
    }

    void claimRefusedToSecondHolder()
    {
        const Report report = queue().first();
        const ClaimResult first = claimAs(QStringLiteral("lan"), report.id);
        QVERIFY(first.granted);

        const ClaimResult second = claimAs(QStringLiteral("minh"), report.id);
        QVERIFY(!second.granted);
        QCOMPARE(second.holder, holderName(QStringLiteral("lan")));
        QCOMPARE(second.expiresAt, first.expiresAt);
        QVERIFY2(second.message.contains(holderName(QStringLiteral("lan"))),
                 qPrintable(second.message));
        QCOMPARE(snapshotOf(report.id).report.claimHolder, holderName(QStringLiteral("lan")));
        QCOMPARE(claimEvents(report.id).size(), 1);
    }

    void holderRenewsClaim()
    {
        const Report report = queue().first();
        const ClaimResult first = claimAs(QStringLiteral("lan"), report.id);
        QVERIFY(first.granted);
        m_now = m_now.addSecs(120);

        const ClaimResult renewal = claimAs(QStringLiteral("lan"), report.id);
        QVERIFY(renewal.granted);
        QVERIFY(renewal.renewed);
        QCOMPARE(renewal.expiresAt, renewal.centralTime.addSecs(defaultClaimLeaseSeconds));
        QVERIFY(renewal.expiresAt >= first.expiresAt);
        if (!Test::testingPostgres())
            QCOMPARE(renewal.expiresAt, first.expiresAt.addSecs(120));
        // A renewal is no new claim: the timeline keeps one entry.
        QCOMPARE(claimEvents(report.id).size(), 1);
        QCOMPARE(snapshotOf(report.id).report.version, report.version);
    }

    void expiredClaimGoesToNextOperator()
    {
        const Report report = queue().first();
        QVERIFY(claimAs(QStringLiteral("lan"), report.id).granted);
        QVERIFY(!claimAs(QStringLiteral("minh"), report.id).granted);
        QVERIFY(expireClaim(report.id));

        // Nothing cleared the expired claim: the central judges it when it reads the row.
        QCOMPARE(snapshotOf(report.id).report.claimHolder, holderName(QStringLiteral("lan")));
        const ClaimResult taken = claimAs(QStringLiteral("minh"), report.id);
        QVERIFY2(taken.granted, qPrintable(taken.message));
        QVERIFY(!taken.renewed);
        QCOMPARE(taken.holder, holderName(QStringLiteral("minh")));
        QCOMPARE(snapshotOf(report.id).report.claimHolder, holderName(QStringLiteral("minh")));

        // Both claims are in the timeline, and only the first measures the time to claim.
        const QList<Event> events = claimEvents(report.id);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).actor, holderName(QStringLiteral("lan")));
        QCOMPARE(events.at(1).actor, holderName(QStringLiteral("minh")));
        QVERIFY(events.at(0).data.contains(QLatin1String("seconds_to_claim")));
        QVERIFY(!events.at(1).data.contains(QLatin1String("seconds_to_claim")));
    }

    void firstClaimMeasuresTimeToClaim()
    {
        const Report report = queue().first();
        m_now = report.receivedAt.addSecs(3725);
        const ClaimResult result = claimAs(QStringLiteral("lan"), report.id);
        QVERIFY(result.granted);

        const QList<Event> events = claimEvents(report.id);
        QCOMPARE(events.size(), 1);
        const Event event = events.first();
        QCOMPARE(event.actor, holderName(QStringLiteral("lan")));
        QCOMPARE(event.data.value(QLatin1String("lease_seconds")).toInt(),
                 defaultClaimLeaseSeconds);
        QCOMPARE(event.at, result.centralTime);
        const qint64 expected = Test::testingPostgres() ? report.receivedAt.secsTo(event.at) : 3725;
        QCOMPARE(event.data.value(QLatin1String("seconds_to_claim")).toInteger(), expected);
    }

    void supervisorReleasesWithReason()
    {
        const Report report = queue().first();
        QVERIFY(claimAs(QStringLiteral("lan"), report.id).granted);

        QString error;
        QVERIFY(!as(QStringLiteral("thu"))
                     .releaseClaim(report.id, actor(QStringLiteral("thu")), QStringLiteral("  "),
                                   &error));
        QVERIFY2(error.contains(QStringLiteral("reason")), qPrintable(error));
        QCOMPARE(snapshotOf(report.id).report.claimHolder, holderName(QStringLiteral("lan")));

        const QString reason = QStringLiteral("Lan nghỉ ca, chuyển cho người khác");
        m_now = m_now.addSecs(60); // the timeline orders events by time
        const ClaimResult released = releaseAs(QStringLiteral("thu"), report.id, reason);
        QVERIFY2(released.granted, qPrintable(released.message));
        QVERIFY(released.holder.isEmpty());
        const Report after = snapshotOf(report.id).report;
        QVERIFY(after.claimHolder.isEmpty());
        QVERIFY(!after.claimExpiresAt.isValid());
        QCOMPARE(after.version, report.version);

        const QList<Event> events = claimEvents(report.id);
        QCOMPARE(events.size(), 2);
        const Event release = events.last();
        QCOMPARE(release.actor, holderName(QStringLiteral("thu")));
        QCOMPARE(release.data.value(QLatin1String("released")).toBool(), true);
        QCOMPARE(release.data.value(QLatin1String("holder")).toString(),
                 holderName(QStringLiteral("lan")));
        QCOMPARE(release.data.value(QLatin1String("reason")).toString(), reason);

        // Released, the report is free for anyone again.
        QVERIFY(claimAs(QStringLiteral("minh"), report.id).granted);
    }

    void holderReleasesOwnClaim()
    {
        const Report report = queue().first();
        QVERIFY(claimAs(QStringLiteral("lan"), report.id).granted);
        QString error;
        const auto before = m_central->changesSince({}, 1000, &error);
        m_now = m_now.addSecs(60); // the timeline orders events by time

        const ClaimResult released = releaseAs(QStringLiteral("lan"), report.id);
        QVERIFY2(released.granted, qPrintable(released.message));
        QVERIFY(snapshotOf(report.id).report.claimHolder.isEmpty());
        const Event release = claimEvents(report.id).last();
        QCOMPARE(release.data.value(QLatin1String("released")).toBool(), true);
        QVERIFY(!release.data.contains(QLatin1String("reason")));
        const auto changes = m_central->changesSince(before->cursor, 1000, &error);
        QCOMPARE(changes->reports.size(), 1);
        QVERIFY(changes->reports.first().report.claimHolder.isEmpty());

        // Releasing again finds nothing to release and records nothing.
        QVERIFY(releaseAs(QStringLiteral("lan"), report.id).granted);
        QCOMPARE(claimEvents(report.id).size(), 2);
    }

    void operatorCannotReleaseOthersClaim()
    {
        const Report report = queue().first();
        QVERIFY(claimAs(QStringLiteral("lan"), report.id).granted);

        const ClaimResult refused =
            releaseAs(QStringLiteral("minh"), report.id, QStringLiteral("tôi làm thay"));
        QVERIFY(!refused.granted);
        QCOMPARE(refused.holder, holderName(QStringLiteral("lan")));
        QVERIFY2(refused.message.contains(holderName(QStringLiteral("lan"))),
                 qPrintable(refused.message));
        QVERIFY2(refused.message.contains(QStringLiteral("supervisor")),
                 qPrintable(refused.message));
        QCOMPARE(snapshotOf(report.id).report.claimHolder, holderName(QStringLiteral("lan")));
        QCOMPARE(claimEvents(report.id).size(), 1);
    }

    void agencyAndWallDisplayMayNotClaim_data()
    {
        QTest::addColumn<QString>("who");
        QTest::newRow("agency") << QStringLiteral("hepco");
        QTest::newRow("wall display") << QStringLiteral("wall");
    }

    void agencyAndWallDisplayMayNotClaim()
    {
        QFETCH(QString, who);
        const Report report = queue().first();
        const ClaimResult result = claimAs(who, report.id);
        QVERIFY(!result.granted);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(!claimNextAs(who).granted);
        QVERIFY(snapshotOf(report.id).report.claimHolder.isEmpty());
        QVERIFY(claimEvents(report.id).isEmpty());

        // Nor may they release an operator's claim.
        QVERIFY(claimAs(QStringLiteral("lan"), report.id).granted);
        const ClaimResult release = releaseAs(who, report.id, QStringLiteral("màn hình"));
        QVERIFY(!release.granted);
        QVERIFY(!release.message.isEmpty());
        QCOMPARE(snapshotOf(report.id).report.claimHolder, holderName(QStringLiteral("lan")));
    }

    void queueWithoutStatusFails()
    {
        ClaimCriteria criteria;
        criteria.statuses.clear();
        QString error;
        QVERIFY(!as(QStringLiteral("lan"))
                     .claimNext(criteria, actor(QStringLiteral("lan")), defaultClaimLeaseSeconds,
                                &error));
        QVERIFY2(error.contains(QStringLiteral("status")), qPrintable(error));
    }

    void leaseOutOfBoundsRejected_data()
    {
        QTest::addColumn<int>("lease");
        QTest::newRow("zero") << 0;
        QTest::newRow("negative") << -600;
        QTest::newRow("over an hour") << maxClaimLeaseSeconds + 1;
    }

    void leaseOutOfBoundsRejected()
    {
        QFETCH(int, lease);
        const Report report = queue().first();
        QString error;
        QVERIFY(!as(QStringLiteral("lan"))
                     .claim(report.id, actor(QStringLiteral("lan")), lease, &error));
        QVERIFY2(error.contains(QStringLiteral("3600")), qPrintable(error));
        QVERIFY(
            !as(QStringLiteral("lan")).claimNext({}, actor(QStringLiteral("lan")), lease, &error));
        QVERIFY(snapshotOf(report.id).report.claimHolder.isEmpty());
        QVERIFY(claimAs(QStringLiteral("lan"), report.id, maxClaimLeaseSeconds).granted);
    }

    void unknownReportFails()
    {
        QString error;
        QVERIFY(!as(QStringLiteral("lan"))
                     .claim(QStringLiteral("no-such-report"), actor(QStringLiteral("lan")),
                            defaultClaimLeaseSeconds, &error));
        QVERIFY2(error.contains(QStringLiteral("not found")), qPrintable(error));
    }

    void claimNextFollowsQueueOrder()
    {
        QList<Report> open = queue();
        QVERIFY(open.size() >= 4);
        // One report becomes urgent, one gets an early deadline and one none at all, so that
        // each key of the order decides somewhere.
        const Report urgent = open.at(open.size() - 1);
        QString error;
        const auto classified = m_central->submit(
            {Test::makeOperation(OperationKind::Classify, urgent,
                                 Test::classifyPayload(QStringLiteral("urban_infrastructure"),
                                                       QStringLiteral("urgent")))},
            &error);
        QVERIFY2(classified && classified->first().accepted(), qPrintable(error));
        const QString dueSql =
            Test::testingPostgres()
                ? QStringLiteral("UPDATE report SET due_at = CAST(:due AS "
                                 "timestamptz) WHERE id = :id")
                : QStringLiteral("UPDATE report SET due_at = :due WHERE id = :id");
        QVERIFY(execOwner(
            dueSql, {{QStringLiteral("due"), toStorageTime(open.at(1).receivedAt.addSecs(-3600))},
                     {QStringLiteral("id"), open.at(1).id}}));
        QVERIFY(execOwner(QStringLiteral("UPDATE report SET due_at = NULL WHERE id = :id"),
                          {{QStringLiteral("id"), open.at(0).id}}));

        open = queue();
        QCOMPARE(open.first().id, urgent.id);
        QStringList expected;
        for (const Report &report : open)
            expected.append(report.id);
        QStringList handedOut;
        for (int i = 0; i < open.size(); ++i) {
            const ClaimResult result =
                claimNextAs(i % 2 == 0 ? QStringLiteral("lan") : QStringLiteral("minh"));
            QVERIFY2(result.granted, qPrintable(result.message));
            handedOut.append(result.reportId);
        }
        QCOMPARE(handedOut, expected);

        const ClaimResult nothing = claimNextAs(QStringLiteral("lan"));
        QVERIFY(!nothing.granted);
        QVERIFY(nothing.reportId.isEmpty());
        QCOMPARE(nothing.message, nothingToClaimMessage());
    }

    void claimNextTakesExpiredClaims()
    {
        const QList<Report> open = queue();
        QVERIFY(claimAs(QStringLiteral("lan"), open.first().id).granted);
        QCOMPARE(claimNextAs(QStringLiteral("minh")).reportId, open.at(1).id);
        QVERIFY(expireClaim(open.first().id));
        if (Test::testingPostgres())
            QVERIFY(expireClaim(open.at(1).id));
        QCOMPARE(claimNextAs(QStringLiteral("minh")).reportId, open.first().id);
    }

    void claimNextMatchesCriteria()
    {
        const QList<Report> open = queue();
        QVERIFY(open.size() >= 3);
        QString error;
        // A field, an agency and a ward, each on one report only.
        const auto results = m_central->submit(
            {Test::makeOperation(OperationKind::Classify, open.at(1),
                                 Test::classifyPayload(QStringLiteral("environmental_sanitation"))),
             Test::makeOperation(OperationKind::Classify, open.at(2), Test::classifyPayload())},
            &error);
        QVERIFY2(results, qPrintable(error));
        const Report classified = snapshotOf(open.at(2).id).report;
        const auto assigned = m_central->submit(
            {Test::makeOperation(OperationKind::Assign, classified, Test::assignPayload())},
            &error);
        QVERIFY2(assigned && assigned->first().accepted(), qPrintable(error));
        const QString ward = QStringLiteral("phuong-thuan-hoa");
        QVERIFY(execOwner(QStringLiteral("UPDATE report SET admin_unit = :ward WHERE id = :id"),
                          {{QStringLiteral("ward"), ward}, {QStringLiteral("id"), open.at(3).id}}));

        ClaimCriteria byField;
        byField.categories = {QStringLiteral("environmental_sanitation")};
        QCOMPARE(claimNextAs(QStringLiteral("lan"), byField).reportId, open.at(1).id);
        QVERIFY(claimNextAs(QStringLiteral("lan"), byField).reportId.isEmpty());

        ClaimCriteria byAgency;
        byAgency.statuses = {Status::Assigned};
        byAgency.agency = QStringLiteral("hepco");
        QCOMPARE(claimNextAs(QStringLiteral("lan"), byAgency).reportId, open.at(2).id);
        byAgency.agency = QStringLiteral("no-such-agency");
        QVERIFY(claimNextAs(QStringLiteral("lan"), byAgency).reportId.isEmpty());

        ClaimCriteria byWard;
        byWard.adminUnits = {ward};
        QCOMPARE(claimNextAs(QStringLiteral("minh"), byWard).reportId, open.at(3).id);
        QVERIFY(claimNextAs(QStringLiteral("minh"), byWard).reportId.isEmpty());
    }

    void clientCannotForgeClaims()
    {
        if (!Test::testingPostgres())
            QSKIP("the embedded central has no users; its clients are trusted");
        const Report report = queue().first();
        const QString connection = QStringLiteral("forged-claim");
        QString error;
        {
            QVERIFY2(openPostgres(userUrl(QStringLiteral("lan")), connection, &error),
                     qPrintable(error));
            const QSqlDatabase forged = QSqlDatabase::database(connection);
            QVERIFY(!execSql(forged,
                             QStringLiteral("UPDATE report SET claim_holder = '%1', "
                                            "claim_expires_at = now() + interval '30 days' "
                                            "WHERE id = '%2'")
                                 .arg(holderName(QStringLiteral("minh")), report.id),
                             &error));
            QVERIFY2(isPermissionError(error), qPrintable(error));

            // A new report must arrive unclaimed, but one without a claim is still accepted.
            const QString insert = QStringLiteral(
                "INSERT INTO report (id, channel, priority, status, received_at, version, "
                "revision, claim_holder, claim_expires_at) VALUES ('%1', 'hotline', 'normal', "
                "'new', now(), 1, 0, %2, %3)");
            QVERIFY(
                !execSql(forged,
                         insert.arg(QStringLiteral("forged-report"),
                                    QStringLiteral("'%1'").arg(holderName(QStringLiteral("minh"))),
                                    QStringLiteral("now() + interval '30 days'")),
                         &error));
            QVERIFY2(isPermissionError(error), qPrintable(error));
            QVERIFY2(execSql(forged,
                             insert.arg(QStringLiteral("hotline-report"), QStringLiteral("NULL"),
                                        QStringLiteral("NULL")),
                             &error),
                     qPrintable(error));
        }
        QSqlDatabase::removeDatabase(connection);
        QVERIFY(snapshotOf(report.id).report.claimHolder.isEmpty());
        QVERIFY(snapshotOf(QStringLiteral("forged-report")).report.id.isEmpty());
        QCOMPARE(snapshotOf(QStringLiteral("hotline-report")).report.id,
                 QStringLiteral("hotline-report"));
    }

    void concurrentClaimNextGetsDifferentReports()
    {
        if (!Test::testingPostgres())
            QSKIP("SQLite's write lock serialises claims; the race is PostgreSQL's");
        QVERIFY(queue().size() >= 2);
        const QString latchName = QStringLiteral("claims-latch");
        QString error;
        std::optional<ClaimResult> lan;
        std::optional<ClaimResult> minh;
        QString lanError;
        QString minhError;
        {
            QVERIFY2(openPostgres(m_central->url(), latchName, &error), qPrintable(error));
            const QSqlDatabase latch = QSqlDatabase::database(latchName);
            // The latch: a lock on the whole table that both claim_next() calls wait behind, so
            // that both are in flight when it opens.
            SqlTransaction transaction(latch);
            QVERIFY(transaction.isActive());
            QVERIFY2(execSql(latch, QStringLiteral("LOCK TABLE report IN EXCLUSIVE MODE"), &error),
                     qPrintable(error));

            const auto next = [](Central &central, QString *callError) {
                return central.claimNext({}, {}, defaultClaimLeaseSeconds, callError);
            };
            LatchedCalls calls(transaction);
            calls.start(onOwnConnection(QStringLiteral("lan"), next, &lan, &lanError));
            calls.start(onOwnConnection(QStringLiteral("minh"), next, &minh, &minhError));
            QTRY_VERIFY2_WITH_TIMEOUT(sessionsWaitingForLock(latch) == 2,
                                      "both claim_next() calls waiting behind the table lock",
                                      60000);
            QVERIFY(calls.release());
        }
        QSqlDatabase::removeDatabase(latchName);

        QVERIFY2(lan, qPrintable(lanError));
        QVERIFY2(minh, qPrintable(minhError));
        QVERIFY2(lan->granted, qPrintable(lan->message));
        QVERIFY2(minh->granted, qPrintable(minh->message));
        QVERIFY(lan->reportId != minh->reportId);
        QCOMPARE(snapshotOf(lan->reportId).report.claimHolder, holderName(QStringLiteral("lan")));
        QCOMPARE(snapshotOf(minh->reportId).report.claimHolder, holderName(QStringLiteral("minh")));
    }

    void concurrentClaimGrantsOne()
    {
        if (!Test::testingPostgres())
            QSKIP("SQLite's write lock serialises claims; the race is PostgreSQL's");
        const Report report = queue().first();
        const QString latchName = QStringLiteral("claims-latch");
        QString error;
        std::optional<ClaimResult> lan;
        std::optional<ClaimResult> minh;
        QString lanError;
        QString minhError;
        {
            QVERIFY2(openPostgres(m_central->url(), latchName, &error), qPrintable(error));
            const QSqlDatabase latch = QSqlDatabase::database(latchName);
            // The latch: the report's row locked in an open transaction.
            SqlTransaction transaction(latch);
            QVERIFY(transaction.isActive());
            SqlStatement lock(latch,
                              QStringLiteral("SELECT id FROM report WHERE id = :id FOR UPDATE"));
            QVERIFY2(lock.bind(QStringLiteral(":id"), report.id).exec(&error), qPrintable(error));
            lock.query().finish();

            const auto claim = [id = report.id](Central &central, QString *callError) {
                return central.claim(id, {}, defaultClaimLeaseSeconds, callError);
            };
            LatchedCalls calls(transaction);
            calls.start(onOwnConnection(QStringLiteral("lan"), claim, &lan, &lanError));
            calls.start(onOwnConnection(QStringLiteral("minh"), claim, &minh, &minhError));
            QTRY_VERIFY2_WITH_TIMEOUT(sessionsWaitingForLock(latch) == 2,
                                      "both claim_report() calls waiting for the report's row",
                                      60000);
            QVERIFY(calls.release());
        }
        QSqlDatabase::removeDatabase(latchName);

        QVERIFY2(lan, qPrintable(lanError));
        QVERIFY2(minh, qPrintable(minhError));
        QCOMPARE(int(lan->granted) + int(minh->granted), 1);
        const ClaimResult &winner = lan->granted ? *lan : *minh;
        const ClaimResult &loser = lan->granted ? *minh : *lan;
        QCOMPARE(loser.holder, winner.holder);
        QVERIFY2(loser.message.contains(winner.holder), qPrintable(loser.message));
        QCOMPARE(snapshotOf(report.id).report.claimHolder, winner.holder);
        QCOMPARE(claimEvents(report.id).size(), 1);
    }
};

QTEST_GUILESS_MAIN(ClaimsTest)
#include "tst_claims.moc"
