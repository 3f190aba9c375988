#include "core/textedit.h"
#include "twoworkstations.h"

#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// Two workstations, alpha (Lan) and beta (Minh), changing the same reports through their
// outboxes: merges, conflicts, refusals that hold back only their own report, and the
// operator's decisions, ending with both replicas equal to the central.
class SyncConflictsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Test::TwoWorkstations m_two;

    std::optional<SyncSummary> sync(Replica &replica) { return m_two.sync(replica); }
    QString difference(Replica &replica) { return m_two.difference(replica); }

    Report local(Replica &replica, const QString &id)
    {
        QString error;
        return replica.report(id, &error).value_or(Report());
    }

    std::optional<Operation> act(Replica &replica, OperationKind kind, const QString &id,
                                 const QJsonObject &payload)
    {
        QString error;
        const QString actor =
            &replica == m_two.alpha.get() ? QStringLiteral("lan") : QStringLiteral("minh");
        auto operation = replica.submit(kind, id, payload, actor, Role::Operator, &error);
        if (!operation)
            qWarning() << "submit failed:" << error;
        return operation;
    }

    std::optional<Operation> editTitle(Replica &replica, const QString &id, const QString &title)
    {
        const Report seen = local(replica, id);
        return act(replica, OperationKind::EditText, id,
                   textEditPayload({{TextField::Title, seen.title, title}}));
    }

    QList<Event> localEvents(Replica &replica, const QString &id, EventKind kind)
    {
        QString error;
        QList<Event> events;
        const auto snapshots = replica.snapshotsOf({id}, &error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            for (const Event &event : snapshot.events) {
                if (event.kind == kind)
                    events.append(event);
            }
        }
        return events;
    }

    AttentionItem onlyAttention(Replica &replica)
    {
        QString error;
        const QList<AttentionItem> items = replica.attentionItems(&error);
        if (items.size() != 1)
            qWarning() << "expected one attention item, found" << items.size() << error;
        return items.value(0);
    }

private Q_SLOTS:
    void init()
    {
        const QString problem = m_two.open(m_dir, QLatin1String(QTest::currentTestFunction()));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_two.fresh.size() >= 2);
    }

    void cleanup() { m_two.close(); }

    void differentFieldsBothSurvive()
    {
        const QString id = m_two.fresh.first();
        QVERIFY(editTitle(*m_two.alpha, id, QStringLiteral("Ổ gà đường Lê Lợi")));
        const Report seen = local(*m_two.beta, id);
        QVERIFY(act(*m_two.beta, OperationKind::EditText, id,
                    textEditPayload({{TextField::Description, seen.description,
                                      QStringLiteral("Ổ gà sâu trước số 12")}})));
        QCOMPARE(sync(*m_two.alpha)->accepted, 1);
        QCOMPARE(sync(*m_two.beta)->accepted, 1);
        QVERIFY(sync(*m_two.alpha));

        for (Replica *replica : {m_two.alpha.get(), m_two.beta.get()}) {
            const Report merged = local(*replica, id);
            QCOMPARE(merged.title, QStringLiteral("Ổ gà đường Lê Lợi"));
            QCOMPARE(merged.description, QStringLiteral("Ổ gà sâu trước số 12"));
            QCOMPARE(difference(*replica), QString());
        }
    }

    void sameFieldReapplyMine()
    {
        const QString id = m_two.fresh.first();
        QVERIFY(editTitle(*m_two.alpha, id, QStringLiteral("Ổ gà Lê Lợi")));
        const auto minh = editTitle(*m_two.beta, id, QStringLiteral("Hố sâu giữa đường"));
        QVERIFY(minh);
        QVERIFY(sync(*m_two.alpha));
        QCOMPARE(sync(*m_two.beta)->refused, 1);

        // Minh sees both versions; his replica shows the central's title and the refusal.
        const AttentionItem item = onlyAttention(*m_two.beta);
        QCOMPARE(item.operationId, minh->id);
        QCOMPARE(item.refusal, Refusal::Conflict);
        QCOMPARE(item.differences.size(), 1);
        QCOMPARE(item.differences.first().mine, QStringLiteral("Hố sâu giữa đường"));
        QCOMPARE(item.differences.first().theirs, QStringLiteral("Ổ gà Lê Lợi"));
        QVERIFY(item.canReapply);
        QCOMPARE(local(*m_two.beta, id).title, QStringLiteral("Ổ gà Lê Lợi"));
        QCOMPARE(localEvents(*m_two.beta, id, EventKind::Refused).size(), 1);
        QCOMPARE(difference(*m_two.beta), QString());

        QString error;
        QVERIFY2(m_two.beta->resolveAttention(item.operationId, Resolution::ReapplyMine, &error),
                 qPrintable(error));
        QCOMPARE(local(*m_two.beta, id).title, QStringLiteral("Hố sâu giữa đường"));
        QCOMPARE(sync(*m_two.beta)->accepted, 1);
        QVERIFY(sync(*m_two.alpha));
        QCOMPARE(local(*m_two.alpha, id).title, QStringLiteral("Hố sâu giữa đường"));
        QVERIFY(m_two.beta->attentionItems(&error).isEmpty());
        QCOMPARE(difference(*m_two.alpha), QString());
        QCOMPARE(difference(*m_two.beta), QString());
    }

    void sameFieldKeepTheirs()
    {
        const QString id = m_two.fresh.first();
        QVERIFY(editTitle(*m_two.alpha, id, QStringLiteral("Ổ gà Lê Lợi")));
        const Report seen = local(*m_two.beta, id);
        QVERIFY(act(*m_two.beta, OperationKind::EditText, id,
                    textEditPayload(
                        {{TextField::Title, seen.title, QStringLiteral("Hố sâu")},
                         {TextField::Address, seen.address, QStringLiteral("12 Lê Lợi, Huế")}})));
        QVERIFY(sync(*m_two.alpha));
        QCOMPARE(sync(*m_two.beta)->refused, 1);
        // All or nothing: the address waits for Minh's decision as well.
        QCOMPARE(local(*m_two.beta, id).address, seen.address);

        const AttentionItem item = onlyAttention(*m_two.beta);
        QVERIFY(item.canKeepTheirs);
        QString error;
        QVERIFY2(m_two.beta->resolveAttention(item.operationId, Resolution::KeepTheirs, &error),
                 qPrintable(error));
        QCOMPARE(sync(*m_two.beta)->accepted, 1);
        QVERIFY(sync(*m_two.alpha));
        for (Replica *replica : {m_two.alpha.get(), m_two.beta.get()}) {
            QCOMPARE(local(*replica, id).title, QStringLiteral("Ổ gà Lê Lợi"));
            QCOMPARE(local(*replica, id).address, QStringLiteral("12 Lê Lợi, Huế"));
            QCOMPARE(difference(*replica), QString());
        }
    }

    void classifyAfterColleagueEdit()
    {
        const QString id = m_two.fresh.first();
        QVERIFY(editTitle(*m_two.alpha, id, QStringLiteral("Ổ gà Lê Lợi")));
        QVERIFY(act(*m_two.alpha, OperationKind::AddNote, id,
                    {{QStringLiteral("text"), QStringLiteral("Đã gọi lại")}}));
        QVERIFY(act(*m_two.beta, OperationKind::Classify, id, Test::classifyPayload()));
        QCOMPARE(sync(*m_two.alpha)->accepted, 2);
        const auto summary = sync(*m_two.beta);
        QCOMPARE(summary->accepted, 1);
        QCOMPARE(summary->refused, 0);
        QVERIFY(sync(*m_two.alpha));
        for (Replica *replica : {m_two.alpha.get(), m_two.beta.get()}) {
            QCOMPARE(local(*replica, id).status, Status::Triaged);
            QCOMPARE(local(*replica, id).title, QStringLiteral("Ổ gà Lê Lợi"));
            QCOMPARE(difference(*replica), QString());
        }
    }

    void refusalHoldsOnlyItsReport()
    {
        const QString id = m_two.fresh.at(0);
        const QString other = m_two.fresh.at(1);
        QVERIFY(act(*m_two.alpha, OperationKind::Classify, id, Test::classifyPayload()));
        QVERIFY(sync(*m_two.alpha));

        // Minh works offline: a classification of the report Lan classified, then a note on it,
        // then a classification of another report.
        QVERIFY(act(*m_two.beta, OperationKind::Classify, id,
                    Test::classifyPayload(QStringLiteral("environmental_sanitation"))));
        const auto note = act(*m_two.beta, OperationKind::AddNote, id,
                              {{QStringLiteral("text"), QStringLiteral("Chờ ảnh bổ sung")}});
        QVERIFY(note);
        QVERIFY(act(*m_two.beta, OperationKind::Classify, other, Test::classifyPayload()));

        const auto summary = sync(*m_two.beta);
        QVERIFY(summary);
        QCOMPARE(summary->sent, 3);
        QCOMPARE(summary->refused, 1);
        QCOMPARE(summary->held, 1);
        QCOMPARE(summary->accepted, 1);

        QString error;
        QCOMPARE(local(*m_two.beta, other).status, Status::Triaged);
        QCOMPARE(local(*m_two.beta, id).category, QStringLiteral("urban_infrastructure"));
        QCOMPARE(localEvents(*m_two.beta, id, EventKind::Note).size(), 0);
        QCOMPARE(m_two.beta->pendingOperationCount(), 1);
        QVERIFY(m_two.beta->pendingOperations(&error).isEmpty());
        QCOMPARE(onlyAttention(*m_two.beta).heldOperations, 1);
        QVERIFY2(difference(*m_two.beta).contains(QStringLiteral("not yet sent")),
                 qPrintable(difference(*m_two.beta)));

        // The held note is not sent again, and the report takes no new action until Minh
        // decides.
        QCOMPARE(sync(*m_two.beta)->sent, 0);
        QVERIFY(!m_two.beta->submit(OperationKind::AddNote, id,
                                    {{QStringLiteral("text"), QStringLiteral("Thêm")}},
                                    QStringLiteral("minh"), Role::Operator, &error));
        QVERIFY2(error.contains(QStringLiteral("needs attention")), qPrintable(error));

        QVERIFY(m_two.beta->resolveAttention(onlyAttention(*m_two.beta).operationId,
                                             Resolution::Dismiss, &error));
        QCOMPARE(localEvents(*m_two.beta, id, EventKind::Note).size(), 1);
        const auto released = sync(*m_two.beta);
        QCOMPARE(released->sent, 1);
        QCOMPARE(released->accepted, 1);
        QVERIFY(sync(*m_two.alpha));
        QCOMPARE(localEvents(*m_two.alpha, id, EventKind::Note).first().id, note->eventId);
        QCOMPARE(local(*m_two.alpha, id).category, QStringLiteral("urban_infrastructure"));
        QCOMPARE(difference(*m_two.alpha), QString());
        QCOMPARE(difference(*m_two.beta), QString());
    }

    void retryGoesBeforeHeldOperations()
    {
        const QString id = m_two.fresh.first();
        QVERIFY(act(*m_two.alpha, OperationKind::Classify, id, Test::classifyPayload()));
        QVERIFY(sync(*m_two.alpha));

        // Minh classifies and forwards on the state he saw; the forward depends on his field.
        QVERIFY(act(*m_two.beta, OperationKind::Classify, id,
                    Test::classifyPayload(QStringLiteral("environmental_sanitation"))));
        QVERIFY(act(*m_two.beta, OperationKind::Assign, id, Test::assignPayload()));
        const auto summary = sync(*m_two.beta);
        QCOMPARE(summary->refused, 1);
        QCOMPARE(summary->held, 1);

        const AttentionItem item = onlyAttention(*m_two.beta);
        QCOMPARE(item.refusal, Refusal::StaleVersion);
        QVERIFY(item.canReapply);
        QVERIFY(!item.canKeepTheirs);
        QString error;
        QVERIFY2(m_two.beta->resolveAttention(item.operationId, Resolution::ReapplyMine, &error),
                 qPrintable(error));
        QCOMPARE(local(*m_two.beta, id).status, Status::Assigned);

        const auto retried = sync(*m_two.beta);
        QCOMPARE(retried->sent, 2);
        QCOMPARE(retried->accepted, 2);
        QVERIFY(sync(*m_two.alpha));
        const Report seen = local(*m_two.alpha, id);
        QCOMPARE(seen.category, QStringLiteral("environmental_sanitation"));
        QCOMPARE(seen.agency, QStringLiteral("hepco"));
        QCOMPARE(difference(*m_two.alpha), QString());
        QCOMPARE(difference(*m_two.beta), QString());
    }

    void staleEditQueuedForDecision()
    {
        const QString id = m_two.fresh.first();
        const Report seen = local(*m_two.beta, id); // Minh opens the editor
        QVERIFY(editTitle(*m_two.alpha, id, QStringLiteral("Ổ gà Lê Lợi")));
        QVERIFY(sync(*m_two.alpha));
        QVERIFY(sync(*m_two.beta)); // Lan's title arrives while Minh is still typing

        const auto minh =
            act(*m_two.beta, OperationKind::EditText, id,
                textEditPayload({{TextField::Title, seen.title, QStringLiteral("Hố sâu")}}));
        QVERIFY(minh);
        QCOMPARE(local(*m_two.beta, id).title, QStringLiteral("Ổ gà Lê Lợi"));
        QCOMPARE(m_two.beta->pendingOperationCount(), 1);
        QCOMPARE(sync(*m_two.beta)->refused, 1);
        const AttentionItem item = onlyAttention(*m_two.beta);
        QCOMPARE(item.operationId, minh->id);
        QCOMPARE(item.differences.first().theirs, QStringLiteral("Ổ gà Lê Lợi"));
        QCOMPARE(difference(*m_two.beta), QString());
    }
};

QTEST_GUILESS_MAIN(SyncConflictsTest)
#include "tst_syncconflicts.moc"
