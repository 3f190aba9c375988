#include "core/conflict.h"
#include "core/textedit.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

using namespace CivicDesk;

class CentralOperationsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Central> m_central;

    // Returns the first new report in id order; the fixture contains open and closed ones.
    Report firstReport()
    {
        QString error;
        const auto snapshots = m_central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New)
                return snapshot.report;
        }
        qFatal("the fixture has no new report");
    }

    ReportSnapshot snapshotOf(const QString &id)
    {
        QString error;
        const auto snapshots = m_central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.id == id)
                return snapshot;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_central = Test::createCentral(
            m_dir,
            QStringLiteral("ops-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        QVERIFY(m_central);
        QVERIFY(Test::importFile(
            *m_central, Test::dataPath(QStringLiteral("open311/bloomington_requests.json"))));
    }

    void cleanup() { m_central.reset(); }

    void appliedExactlyOnce()
    {
        const Report report = firstReport();
        const Operation classify =
            Test::makeOperation(OperationKind::Classify, report, Test::classifyPayload());
        QString error;
        const auto first = m_central->submit({classify}, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(first->first().accepted());
        const auto second = m_central->submit({classify}, &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->first().accepted());

        const ReportSnapshot after = snapshotOf(report.id);
        QCOMPARE(after.report.version, report.version + 1);
        QCOMPARE(after.report.status, Status::Triaged);
        int classified = 0;
        for (const Event &event : after.events)
            classified += event.kind == EventKind::Classified ? 1 : 0;
        QCOMPARE(classified, 1);
    }

    void staleVersionRefused()
    {
        const Report report = firstReport();
        const Operation a =
            Test::makeOperation(OperationKind::Classify, report, Test::classifyPayload());
        const Operation b =
            Test::makeOperation(OperationKind::Classify, report,
                                Test::classifyPayload(QStringLiteral("environmental_sanitation")),
                                QStringLiteral("minh"));
        QString error;
        const auto results = m_central->submit({a, b}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY(results->at(0).accepted());
        QCOMPARE(results->at(1).refusal, Refusal::StaleVersion);
        QVERIFY2(results->at(1).reason.contains(QStringLiteral("status or assignment")),
                 qPrintable(results->at(1).reason));
        QVERIFY(results->at(1).current);
        QCOMPARE(results->at(1).current->report.category, QStringLiteral("urban_infrastructure"));
        bool recorded = false;
        for (const Event &event : results->at(1).current->events)
            recorded = recorded || (event.kind == EventKind::Refused && event.id == b.eventId);
        QVERIFY(recorded);
    }

    void colleagueFieldsMerge()
    {
        const Report report = firstReport();
        const Operation title =
            Test::makeOperation(OperationKind::EditText, report,
                                textEditPayload({{TextField::Title, report.title,
                                                  QStringLiteral("Ổ gà đường Lê Lợi")}}));
        const Operation description =
            Test::makeOperation(OperationKind::EditText, report,
                                textEditPayload({{TextField::Description, report.description,
                                                  QStringLiteral("Ổ gà sâu trước số 12")}}),
                                QStringLiteral("minh"));
        QString error;
        const auto results = m_central->submit({title, description}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY2(results->at(0).accepted(), qPrintable(results->at(0).reason));
        QVERIFY2(results->at(1).accepted(), qPrintable(results->at(1).reason));

        const ReportSnapshot after = snapshotOf(report.id);
        QCOMPARE(after.report.title, QStringLiteral("Ổ gà đường Lê Lợi"));
        QCOMPARE(after.report.description, QStringLiteral("Ổ gà sâu trước số 12"));
        QCOMPARE(after.report.version, report.version + 2);
        int edited = 0;
        for (const Event &event : after.events)
            edited += event.kind == EventKind::Edited ? 1 : 0;
        QCOMPARE(edited, 2);
    }

    void sameFieldConflicts()
    {
        const Report report = firstReport();
        const Operation lan = Test::makeOperation(
            OperationKind::EditText, report,
            textEditPayload({{TextField::Title, report.title, QStringLiteral("Ổ gà Lê Lợi")}}));
        // Minh edits the same title and the address; nothing of his edit may be applied.
        const Operation minh = Test::makeOperation(
            OperationKind::EditText, report,
            textEditPayload({{TextField::Title, report.title, QStringLiteral("Hố sâu")},
                             {TextField::Address, report.address, QStringLiteral("12 Lê Lợi")}}),
            QStringLiteral("minh"));
        QString error;
        const auto results = m_central->submit({lan, minh}, &error);
        QVERIFY2(results, qPrintable(error));
        QVERIFY(results->at(0).accepted());
        QCOMPARE(results->at(1).refusal, Refusal::Conflict);
        QVERIFY2(results->at(1).reason.contains(QStringLiteral("title")),
                 qPrintable(results->at(1).reason));
        QVERIFY(results->at(1).current);
        QCOMPARE(results->at(1).current->report.title, QStringLiteral("Ổ gà Lê Lợi"));
        QCOMPARE(results->at(1).current->report.address, report.address);

        // The timeline records the refusal once, under Minh's name, with both versions.
        QVERIFY(m_central->submit({minh}, &error));
        const ReportSnapshot after = snapshotOf(report.id);
        QList<Event> refused;
        for (const Event &event : after.events) {
            if (event.kind == EventKind::Refused)
                refused.append(event);
        }
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().id, minh.eventId);
        QCOMPARE(refused.first().actor, QStringLiteral("minh"));
        const QList<FieldDifference> fields =
            differencesFromJson(refused.first().data.value(QLatin1String("fields")).toArray());
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.first(), (FieldDifference{QStringLiteral("title"), QStringLiteral("Hố sâu"),
                                                  QStringLiteral("Ổ gà Lê Lợi"), true}));
        QCOMPARE(fields.last().field, QStringLiteral("address"));
        QVERIFY(!fields.last().conflicting);
        QCOMPARE(after.report.version, report.version + 1);
    }

    void classifyAfterColleagueNoteOrEdit()
    {
        const Report report = firstReport();
        const Operation note = Test::makeOperation(
            OperationKind::AddNote, report,
            {{QStringLiteral("text"), QStringLiteral("Đã gọi lại")}}, QStringLiteral("minh"));
        const Operation edit = Test::makeOperation(
            OperationKind::EditText, report,
            textEditPayload({{TextField::Address, report.address, QStringLiteral("12 Lê Lợi")}}),
            QStringLiteral("minh"));
        const Operation classify =
            Test::makeOperation(OperationKind::Classify, report, Test::classifyPayload());
        QString error;
        const auto results = m_central->submit({note, edit, classify}, &error);
        QVERIFY2(results, qPrintable(error));
        for (const OperationResult &result : *results)
            QVERIFY2(result.accepted(), qPrintable(result.reason));
        const Report after = snapshotOf(report.id).report;
        QCOMPARE(after.status, Status::Triaged);
        QCOMPARE(after.address, QStringLiteral("12 Lê Lợi"));
        QCOMPARE(after.version, report.version + 2);
    }

    void refusalHoldsLaterOperations()
    {
        QString error;
        QStringList fresh;
        const auto snapshots = m_central->snapshots(&error);
        QVERIFY2(snapshots, qPrintable(error));
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New)
                fresh.append(snapshot.report.id);
        }
        QVERIFY(fresh.size() >= 2);
        const Report report = snapshotOf(fresh.at(0)).report;
        const Report other = snapshotOf(fresh.at(1)).report;
        QVERIFY(m_central->submit(
            {Test::makeOperation(OperationKind::Classify, report, Test::classifyPayload(),
                                 QStringLiteral("minh"))},
            &error));

        const Operation stale =
            Test::makeOperation(OperationKind::Classify, report,
                                Test::classifyPayload(QStringLiteral("environmental_sanitation")));
        const Operation note = Test::makeOperation(
            OperationKind::AddNote, report, {{QStringLiteral("text"), QStringLiteral("Chờ ảnh")}});
        const Operation elsewhere =
            Test::makeOperation(OperationKind::Classify, other, Test::classifyPayload());
        const auto results = m_central->submit({stale, note, elsewhere}, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->at(0).refusal, Refusal::StaleVersion);
        QVERIFY(results->at(1).held);
        QVERIFY(!results->at(1).accepted());
        QVERIFY2(results->at(2).accepted(), qPrintable(results->at(2).reason));
        for (const Event &event : snapshotOf(report.id).events)
            QVERIFY(event.id != note.eventId);

        // Held means undecided: sent again on its own, the note is applied.
        const auto again = m_central->submit({note}, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(again->first().accepted());
        QVERIFY(!again->first().held);
    }

    void refusalRepeatedOnRetry()
    {
        const Report report = firstReport();
        const Operation assign =
            Test::makeOperation(OperationKind::Assign, report, Test::assignPayload());
        QString error;
        const auto first = m_central->submit({assign}, &error);
        QCOMPARE(first->first().refusal, Refusal::InvalidTransition);
        const auto second = m_central->submit({assign}, &error);
        QCOMPARE(second->first().refusal, Refusal::InvalidTransition);
        QCOMPARE(second->first().reason, first->first().reason);
    }

    void unknownAgencyRefused()
    {
        Report report = firstReport();
        QString error;
        QVERIFY(m_central->submit(
            {Test::makeOperation(OperationKind::Classify, report, Test::classifyPayload())},
            &error));
        report = snapshotOf(report.id).report;
        const auto results =
            m_central->submit({Test::makeOperation(OperationKind::Assign, report,
                                                   Test::assignPayload(QStringLiteral("nobody")))},
                              &error);
        QCOMPARE(results->first().refusal, Refusal::InvalidValue);
        QVERIFY(results->first().reason.contains(QStringLiteral("nobody")));
    }

    void unknownReportRefused()
    {
        Report ghost;
        ghost.id = QStringLiteral("00000000-0000-4000-8000-00000000dead");
        QString error;
        const auto results = m_central->submit(
            {Test::makeOperation(OperationKind::AddNote, ghost,
                                 {{QStringLiteral("text"), QStringLiteral("?")}})},
            &error);
        QCOMPARE(results->first().refusal, Refusal::UnknownReport);
    }

    void notesNeverConflict()
    {
        const Report report = firstReport();
        const Operation a =
            Test::makeOperation(OperationKind::AddNote, report,
                                {{QStringLiteral("text"), QStringLiteral("Đã gọi lại")}});
        const Operation b = Test::makeOperation(
            OperationKind::AddNote, report, {{QStringLiteral("text"), QStringLiteral("Chờ ảnh")}},
            QStringLiteral("minh"));
        QString error;
        const auto results = m_central->submit({a, b}, &error);
        QVERIFY(results->at(0).accepted());
        QVERIFY(results->at(1).accepted());
        QCOMPARE(snapshotOf(report.id).report.version, report.version);
    }

    void operatorTextsStoredLiterally()
    {
        // Texts an operator typed reach the central as written: a note, an edit and a reason.
        const QString sql = QStringLiteral("x'); DROP TABLE report; -- \"; DELETE FROM event;");
        const QString markup =
            QStringLiteral("<img src=x onerror=alert(1)> import QtQuick; Qt.quit() %1 ${1+1}");
        const QString control = QStringLiteral("chuông\u0007 \u001b[31mđỏ\r\n\u202Eđảo");
        const Report report = firstReport();
        const QString reason = control + markup;
        QString error;
        const auto results = m_central->submit(
            {Test::makeOperation(OperationKind::AddNote, report, {{QStringLiteral("text"), sql}}),
             Test::makeOperation(OperationKind::EditText, report,
                                 textEditPayload({{TextField::Title, report.title, markup},
                                                  {TextField::Address, report.address, control}}))},
            &error);
        QVERIFY2(results, qPrintable(error));
        for (const OperationResult &result : *results)
            QVERIFY2(result.accepted(), qPrintable(result.reason));
        const auto rejected = m_central->submit(
            {Test::makeOperation(OperationKind::Reject, snapshotOf(report.id).report,
                                 {{QStringLiteral("reason"), reason}})},
            &error);
        QVERIFY2(rejected, qPrintable(error));
        QVERIFY2(rejected->first().accepted(), qPrintable(rejected->first().reason));

        const ReportSnapshot stored = snapshotOf(report.id);
        QCOMPARE(stored.report.title, markup);
        QCOMPARE(stored.report.address, control);
        QCOMPARE(stored.report.rejectReason, reason);
        QStringList notes;
        for (const Event &event : stored.events) {
            if (event.kind == EventKind::Note)
                notes.append(event.data.value(QStringLiteral("text")).toString());
        }
        QCOMPARE(notes, QStringList{sql});
    }

    void unstorableOperatorTextRejected_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        const QString nul = QStringLiteral("trước") + QChar(0) + QStringLiteral("sau");
        QTest::newRow("note with NUL")
            << int(OperationKind::AddNote) << nul << QStringLiteral("NUL character");
        QTest::newRow("reason with NUL")
            << int(OperationKind::Reject) << nul << QStringLiteral("NUL character");
        QTest::newRow("title with NUL")
            << int(OperationKind::EditText) << nul << QStringLiteral("NUL character");
        QTest::newRow("note too long")
            << int(OperationKind::AddNote) << QString(100 * 1024, QLatin1Char('x'))
            << QStringLiteral("more than the 4000 allowed");
        QTest::newRow("reason too long")
            << int(OperationKind::Reject) << QString(4001, QLatin1Char('x'))
            << QStringLiteral("more than the 4000 allowed");
    }

    void unstorableOperatorTextRejected()
    {
        // The central rejects the operation with its reason instead of failing the whole
        // submission on a database error, which would stop the workstation's sync.
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Report report = firstReport();
        QJsonObject payload;
        if (OperationKind(kind) == OperationKind::AddNote)
            payload = {{QStringLiteral("text"), text}};
        else if (OperationKind(kind) == OperationKind::Reject)
            payload = {{QStringLiteral("reason"), text}};
        else
            payload = textEditPayload({{TextField::Title, report.title, text}});
        QString error;
        const auto results =
            m_central->submit({Test::makeOperation(OperationKind(kind), report, payload)}, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->first().refusal, Refusal::InvalidValue);
        QVERIFY2(results->first().reason.contains(reason), qPrintable(results->first().reason));
        const ReportSnapshot stored = snapshotOf(report.id);
        QCOMPARE(stored.report.status, Status::New);
        QCOMPARE(stored.report.title, report.title);
    }

    void revealRecordsReason()
    {
        IncomingReport call;
        call.recordNumber = 1;
        call.report.source = QStringLiteral("hotline");
        call.report.sourceId = QStringLiteral("call-1");
        call.report.channel = Channel::Hotline;
        call.report.description = QStringLiteral("Cây đổ chắn đường Lê Lợi");
        call.report.receivedAt = QDateTime(QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc());
        call.reporters = {
            {QString(), QStringLiteral("Nguyễn Văn A"), QStringLiteral("+84912345678")}};
        QString error;
        QVERIFY2(m_central->importReports({call}, &error), qPrintable(error));
        QString id;
        const auto snapshots = m_central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.sourceId == QLatin1String("call-1"))
                id = snapshot.report.id;
        }
        QVERIFY(!id.isEmpty());
        QCOMPARE(snapshotOf(id).report.reporterCount, 1);
        const auto before = m_central->changesSince({}, 1000, &error);

        QVERIFY(
            !m_central->revealReporters(id, QStringLiteral("lan"), QStringLiteral("  "), &error));
        QVERIFY2(error.contains(QStringLiteral("reason")), qPrintable(error));

        const auto reporters = m_central->revealReporters(
            id, QStringLiteral("lan"), QStringLiteral("gọi lại xác minh"), &error);
        QVERIFY2(reporters, qPrintable(error));
        QCOMPARE(reporters->size(), 1);
        QCOMPARE(reporters->first().name, QStringLiteral("Nguyễn Văn A"));
        QCOMPARE(reporters->first().phone, QStringLiteral("+84912345678"));

        // The timeline records who asked and why, never what was shown, and the feed carries it.
        const ReportSnapshot after = snapshotOf(id);
        int revealed = 0;
        for (const Event &event : after.events) {
            if (event.kind != EventKind::ReporterRevealed)
                continue;
            ++revealed;
            // PostgreSQL records the signed-in role, whatever the client claims.
            const QString actor =
                Test::testingPostgres() ? QUrl(m_central->url()).userName() : QStringLiteral("lan");
            QCOMPARE(event.actor, actor);
            QCOMPARE(event.data.value(QLatin1String("reason")).toString(),
                     QStringLiteral("gọi lại xác minh"));
            QVERIFY(!QJsonDocument(event.data).toJson().contains("0912345678"));
        }
        QCOMPARE(revealed, 1);
        const auto changes = m_central->changesSince(before->cursor, 1000, &error);
        QCOMPARE(changes->reports.size(), 1);
        QCOMPARE(after.report.version, snapshotOf(id).report.version);
    }

    void feedInCommitOrder()
    {
        QString error;
        const auto all = m_central->changesSince({}, 1000, &error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(all->reports.size(), 21);
        QVERIFY(!all->more);

        const auto page = m_central->changesSince({}, 5, &error);
        QCOMPARE(page->reports.size(), 5);
        QVERIFY(page->more);
        const Report report = firstReport();
        QVERIFY(m_central->submit(
            {Test::makeOperation(OperationKind::Classify, report, Test::classifyPayload())},
            &error));
        const auto after = m_central->changesSince(all->cursor, 1000, &error);
        QCOMPARE(after->reports.size(), 1);
        QCOMPARE(after->reports.first().report.id, report.id);
        QVERIFY(after->cursor != all->cursor);
    }
};

QTEST_GUILESS_MAIN(CentralOperationsTest)
#include "tst_centraloperations.moc"
