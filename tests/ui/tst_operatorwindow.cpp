#include "app/datafolder.h"
#include "core/codes.h"
#include "core/textedit.h"
#include "map/mapview.h"
#include "map/mercator.h"
#include "models/shortcuts.h"
#include "models/workstation.h"
#include "operatorfixture.h"
#include "testsupport.h"

#include <algorithm>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QGeoRectangle>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

using namespace CivicDesk;

// The operator's window on an embedded demo central, driven from the keyboard as an operator
// would: open a report, classify it, forward it, and find the change in the central database.
class OperatorWindowTest : public QObject
{
    Q_OBJECT

private:
    Test::OperatorWindowFixture m_fixture;

    // Returns how many text items show `text` exactly, after checking that each of them, and
    // every other text item whose text could be read as markup, shows plain text.
    int plainTextItemsShowing(const QString &text)
    {
        // The visual tree, because the delegates of a list view have no QObject parent.
        QList<QQuickItem *> items{m_fixture.window->contentItem()};
        for (qsizetype i = 0; i < items.size(); ++i)
            items.append(items.at(i)->childItems());
        int showing = 0;
        for (QQuickItem *item : std::as_const(items)) {
            if (item->metaObject()->indexOfProperty("textFormat") < 0)
                continue;
            const QString shown = item->property("text").toString();
            if (shown == text)
                showing += 1;
            if (shown.contains(QLatin1Char('<')) || shown == text) {
                if (item->property("textFormat").toInt() != int(Qt::PlainText)) {
                    qWarning() << "not plain text:" << item << shown.left(200);
                    return -1;
                }
            }
        }
        return showing;
    }

    // Opens the text popup `name` with its key, fills it with `text` as a paste would and
    // confirms it with Ctrl+Enter. Returns the text as the popup's editor contains it.
    QString submitTextPopup(const char *name, Qt::Key key, const QString &text)
    {
        QObject *popup = m_fixture.window->findChild<QObject *>(QLatin1String(name));
        if (!popup)
            return {};
        // Waits for the popup of an earlier step to finish closing: the keys act only without one.
        if (!QTest::qWaitFor([&] { return popupsClosed(); }, 5000))
            return {};
        QTest::keyClick(m_fixture.window, key);
        if (!QTest::qWaitFor([&] { return popup->property("opened").toBool(); }, 5000))
            return {};
        QObject *area = popup->findChild<QObject *>(QStringLiteral("textPopupArea"));
        area->setProperty("text", text);
        const QString entered = area->property("text").toString();
        QTest::keyClick(m_fixture.window, Qt::Key_Return, Qt::ControlModifier);
        return entered;
    }

    // Whether every popup has finished closing: one that plays its closing transition is no
    // longer "opened" but still takes the keys.
    bool popupsClosed() const
    {
        const QList<QObject *> objects = m_fixture.window->findChildren<QObject *>();
        return std::none_of(objects.begin(), objects.end(), [](const QObject *object) {
            return object->inherits("QQuickPopup") && object->property("visible").toBool();
        });
    }

    // Opens report `id` and starts editing its text with E, as an operator would.
    // Returns what it waited for in vain, or an empty string.
    QString startEditing(const QString &id)
    {
        m_fixture.workstation->select(id);
        if (!QTest::qWaitFor([&] { return m_fixture.workstation->detail()->reportId() == id; },
                             20000))
            return QStringLiteral("the detail pane did not open report ") + id;
        // Waits for the popup of an earlier step to finish closing: E acts only without one.
        if (!QTest::qWaitFor([&] { return popupsClosed(); }, 10000))
            return QStringLiteral("a popup stayed open");
        const bool editable = !m_fixture.workstation->detail()->editableFields().isEmpty();
        QTest::keyClick(m_fixture.window, Qt::Key_E);
        QObject *pane = m_fixture.window->findChild<QObject *>(QStringLiteral("detailPane"));
        // Waits for the editors to open: with a 100 KB description on a busy machine, laying it
        // out takes seconds.
        if (!QTest::qWaitFor([&] { return pane->property("editing").toBool(); }, 30000)) {
            return QStringLiteral("E did not open the editors (editable fields: %1, focus on %2)")
                .arg(editable ? QStringLiteral("some") : QStringLiteral("none"),
                     m_fixture.window->activeFocusItem()
                         ? QString::fromLatin1(
                               m_fixture.window->activeFocusItem()->metaObject()->className())
                         : QStringLiteral("nothing"));
        }
        return {};
    }

    // The shortcut model the window's QML reads.
    ShortcutModel *shortcutModel() const
    {
        const int type = qmlTypeId("CivicDesk.Models", 1, 0, "Shortcuts");
        return m_fixture.engine->singletonInstance<ShortcutModel *>(type);
    }

    bool hasActiveFocus(const char *name) const
    {
        QObject *item = m_fixture.window->findChild<QObject *>(QLatin1String(name));
        return item && item->property("activeFocus").toBool();
    }

    QString firstReportIn(Status status)
    {
        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        const auto snapshots = central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            // The report with the 100 KB description stays editable for its own test.
            if (snapshot.report.status == status &&
                snapshot.report.sourceId != QLatin1String("hostile-huge"))
                return snapshot.report.id;
        }
        return {};
    }

    // Creates a new report as a hotline call does and waits until the central and the queue
    // contain it. Returns its id, or an empty string when a step timed out.
    QString newHotlineReport(const QString &title)
    {
        QSignalSpy created(m_fixture.workstation.get(), &Workstation::reportCreated);
        const QVariantMap errors =
            m_fixture.workstation->createReport({{QStringLiteral("title"), title}}, {});
        if (!errors.isEmpty() || !created.wait(10000))
            return {};
        const QString id = created.first().first().toString();
        if (!QTest::qWaitFor([this] { return m_fixture.workstation->pendingCount() == 0; },
                             30000) ||
            !QTest::qWaitFor([&] { return m_fixture.workstation->queue()->rowOf(id) >= 0; }, 10000))
            return {};
        return id;
    }

    // Returns the id of a closed report without a refused change waiting.
    QString closedReport()
    {
        const QVariantList attention = m_fixture.workstation->attentionItems();
        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        const auto snapshots = central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            const bool refused = std::any_of(
                attention.cbegin(), attention.cend(), [&snapshot](const QVariant &item) {
                    return item.toMap().value(QStringLiteral("reportId")) == snapshot.report.id;
                });
            if (snapshot.report.status == Status::Closed && !refused)
                return snapshot.report.id;
        }
        return {};
    }

    // Opens each report and marks it with Space. Returns the step that timed out, or an empty
    // string.
    QString markWithSpace(const QStringList &ids)
    {
        for (const QString &id : ids) {
            m_fixture.workstation->select(id);
            if (!QTest::qWaitFor([&] { return m_fixture.workstation->detail()->reportId() == id; },
                                 10000))
                return QStringLiteral("the detail pane did not open report ") + id;
            if (!QTest::qWaitFor([&] { return hasActiveFocus("queueView"); }, 5000))
                return QStringLiteral("the queue did not get the keyboard");
            QTest::keyClick(m_fixture.window, Qt::Key_Space);
            if (!QTest::qWaitFor([&] { return m_fixture.workstation->queue()->isMarked(id); },
                                 5000))
                return QStringLiteral("Space did not mark report ") + id;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString failed = m_fixture.open();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase() { m_fixture.close(); }

    void queueListsDemoReports()
    {
        QCOMPARE(m_fixture.workstation->queue()->rowCount(), 16);
        QCOMPARE(m_fixture.workstation->categories().size(), 8);
        QCOMPARE(m_fixture.workstation->wards().size(), 40);
    }

    void searchFoldsMarks()
    {
        QueueModel *queue = m_fixture.workstation->queue();
        queue->setSearch(QStringLiteral("duong"));
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
        const int withoutMarks = queue->rowCount();
        queue->setSearch(QStringLiteral("đường"));
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
        QVERIFY(withoutMarks > 0);
        QCOMPARE(queue->rowCount(), withoutMarks);
        queue->setSearch(QString());
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->rowCount() == 16, 10000);
    }

    void queueModelConsistent()
    {
        QueueModel *queue = m_fixture.workstation->queue();
        QAbstractItemModelTester tester(queue,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        queue->setSearch(QStringLiteral("rac"));
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
        queue->sortBy(int(QueueColumn::Code));
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
        queue->setSearch(QString());
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->rowCount() == 16, 10000);
    }

    void columnsReorder()
    {
        QueueModel *queue = m_fixture.workstation->queue();
        const QString codeHeader = queue->headerText(0);
        const QString firstCode = queue->data(queue->index(0, 0), Qt::DisplayRole).toString();
        queue->moveColumn(0, 3);
        QCOMPARE(queue->headerText(3), codeHeader);
        QCOMPARE(queue->data(queue->index(0, 3), Qt::DisplayRole).toString(), firstCode);
        QCOMPARE(queue->data(queue->index(0, 3), QueueModel::ColumnKindRole).toInt(),
                 int(QueueColumn::Code));
        queue->setColumnOrder({0, 0, 1, 2, 3, 4, 5}); // not a permutation: ignored
        QCOMPARE(queue->headerText(3), codeHeader);
        queue->moveColumn(3, 0);
        QCOMPARE(queue->headerText(0), codeHeader);
    }

    void mapFollowsFilters()
    {
        QueueModel *queue = m_fixture.workstation->queue();
        MapMarkerSet *markers = m_fixture.workstation->mapMarkers();
        const int all = markers->count();
        QVERIFY(all > 0);
        queue->setStatusFilter(QStringLiteral("rejected"));
        QTRY_COMPARE_WITH_TIMEOUT(markers->count(), 0, 10000); // no demo report is rejected
        queue->setStatusFilter(QString());
        QTRY_COMPARE_WITH_TIMEOUT(markers->count(), all, 10000);
    }

    void urgentNotCarriedOver()
    {
        QStringList fresh;
        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        const auto snapshots = central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.status == Status::New)
                fresh.append(snapshot.report.id);
        }
        QVERIFY(fresh.size() >= 3);
        central.reset();

        // The last new report is classified urgent...
        m_fixture.workstation->select(fresh.last());
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->reportId(), fresh.last(), 10000);
        QTest::keyClick(m_fixture.window, Qt::Key_C);
        QObject *picker = m_fixture.window->findChild<QObject *>(QStringLiteral("classifyPopup"));
        QTRY_VERIFY_WITH_TIMEOUT(picker->property("opened").toBool(), 5000);
        QObject *urgent = m_fixture.window->findChild<QObject *>(QStringLiteral("urgentBox"));
        QVERIFY(urgent);
        urgent->setProperty("checked", true);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->priorityCode(),
                                  QStringLiteral("urgent"), 10000);

        // ...and the next report's picker starts from that report's own, normal, priority.
        m_fixture.workstation->select(fresh.at(fresh.size() - 2));
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->reportId(),
                                  fresh.at(fresh.size() - 2), 10000);
        QTest::keyClick(m_fixture.window, Qt::Key_C);
        QTRY_VERIFY_WITH_TIMEOUT(picker->property("opened").toBool(), 5000);
        QCOMPARE(urgent->property("checked").toBool(), false);
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!picker->property("opened").toBool(), 5000);
    }

    // The shortcut sheet, driven from the keyboard alone: F1 opens it, Down chooses "classify",
    // Enter waits for a key. A key in use is rejected with a message. A free one takes effect at
    // once, and as a single key it acts only while the queue has the keyboard.
    void shortcutSheetReassignsClassify()
    {
        ShortcutModel *shortcuts = shortcutModel();
        QVERIFY(shortcuts);
        // The later tests press C: whatever fails here, the defaults come back.
        const auto restore = qScopeGuard([shortcuts] { shortcuts->resetAll(); });
        const QString id = firstReportIn(Status::New);
        QVERIFY(!id.isEmpty());
        m_fixture.workstation->select(id);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->reportId(), id, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(hasActiveFocus("queueView"), "the queue has the keyboard", 5000);

        QObject *sheet = m_fixture.window->findChild<QObject *>(QStringLiteral("shortcutSheet"));
        QVERIFY(sheet);
        QTest::keyClick(m_fixture.window, Qt::Key_F1);
        QTRY_VERIFY_WITH_TIMEOUT(sheet->property("opened").toBool(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(hasActiveFocus("shortcutList"), 5000);
        for (int step = 0; step < shortcuts->rowCount(); ++step) {
            if (sheet->property("currentActionId").toString() == QLatin1String("classify"))
                break;
            QTest::keyClick(m_fixture.window, Qt::Key_Down);
        }
        QCOMPARE(sheet->property("currentActionId").toString(), QStringLiteral("classify"));

        // F belongs to "forward": rejected, with both named, and classify keeps C.
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QVERIFY(sheet->property("capturing").toBool());
        QTest::keyClick(m_fixture.window, Qt::Key_F);
        const QString rejection = sheet->property("rejection").toString();
        QVERIFY2(rejection.startsWith(QLatin1String("F ")), qPrintable(rejection));
        QVERIFY2(rejection.contains(shortcuts->descriptionOf(QStringLiteral("forward"))),
                 qPrintable(rejection));
        QVERIFY(sheet->property("capturing").toBool());
        QCOMPARE(shortcuts->keyOf(QStringLiteral("classify")), QStringLiteral("C"));
        QCOMPARE(shortcuts->keyOf(QStringLiteral("forward")), QStringLiteral("F"));

        // Y is free: it becomes the key of classify, and the button shows it.
        QTest::keyClick(m_fixture.window, Qt::Key_Y);
        QVERIFY(!sheet->property("capturing").toBool());
        QCOMPARE(sheet->property("rejection").toString(), QString());
        QCOMPARE(shortcuts->keyOf(QStringLiteral("classify")), QStringLiteral("Y"));
        QObject *button = m_fixture.window->findChild<QObject *>(QStringLiteral("classifyButton"));
        QVERIFY(button);
        QCOMPARE(button->property("shortcutText").toString(), QStringLiteral("Y"));

        // Escape cancels a wait for a key, and a second Escape closes the sheet.
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QVERIFY(sheet->property("capturing").toBool());
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QVERIFY(!sheet->property("capturing").toBool());
        QVERIFY(sheet->property("visible").toBool());
        QCOMPARE(shortcuts->keyOf(QStringLiteral("classify")), QStringLiteral("Y"));
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(hasActiveFocus("queueView"), "the queue has the keyboard", 5000);

        // The old key does nothing, and the new one opens the picker. A shortcut acts as its key
        // event is delivered, so the picker would be visible at once.
        QObject *picker = m_fixture.window->findChild<QObject *>(QStringLiteral("classifyPopup"));
        QTest::keyClick(m_fixture.window, Qt::Key_C);
        QVERIFY(!picker->property("visible").toBool());
        QTest::keyClick(m_fixture.window, Qt::Key_Y);
        QTRY_VERIFY_WITH_TIMEOUT(picker->property("opened").toBool(), 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(hasActiveFocus("queueView"), "the queue has the keyboard", 5000);

        // In the search field, Y is a letter of the search.
        QueueModel *queue = m_fixture.workstation->queue();
        QTest::keyClick(m_fixture.window, Qt::Key_F, Qt::ControlModifier);
        QObject *search = m_fixture.window->focusObject();
        QVERIFY(search && search->inherits("QQuickTextInput"));
        QTest::keyClick(m_fixture.window, Qt::Key_Y);
        QVERIFY(!picker->property("visible").toBool());
        QCOMPARE(search->property("text").toString(), QStringLiteral("y"));
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY2_WITH_TIMEOUT(hasActiveFocus("queueView"), "the queue has the keyboard", 5000);
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->rowCount() == 16, 10000);

        // On the map, Y does nothing either. A click on a marker hands the keyboard back.
        MapView *map = mapView();
        map->forceActiveFocus();
        QVERIFY(map->hasActiveFocus());
        QTest::keyClick(m_fixture.window, Qt::Key_Y);
        QVERIFY(!picker->property("visible").toBool());
        Q_EMIT map->markerClicked(id);
        QTRY_VERIFY2_WITH_TIMEOUT(hasActiveFocus("queueView"), "the queue has the keyboard", 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_Y);
        QTRY_VERIFY_WITH_TIMEOUT(picker->property("opened").toBool(), 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);

        // Delete in the sheet gives classify its default key back.
        QTest::keyClick(m_fixture.window, Qt::Key_F1);
        QTRY_VERIFY_WITH_TIMEOUT(sheet->property("opened").toBool(), 5000);
        QCOMPARE(sheet->property("currentActionId").toString(), QStringLiteral("classify"));
        QTest::keyClick(m_fixture.window, Qt::Key_Delete);
        QCOMPARE(shortcuts->keyOf(QStringLiteral("classify")), QStringLiteral("C"));
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QCOMPARE(button->property("shortcutText").toString(), QStringLiteral("C"));
    }

    void classifyAndForwardByKeyboard()
    {
        const QString id = firstReportIn(Status::New);
        QVERIFY(!id.isEmpty());
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);
        QCOMPARE(detail->statusCode(), QStringLiteral("new"));

        // C opens the field picker; typing filters it; Enter confirms the first match.
        QTest::keyClick(m_fixture.window, Qt::Key_C);
        QObject *picker = m_fixture.window->findChild<QObject *>(QStringLiteral("classifyPopup"));
        QVERIFY(picker);
        QTRY_VERIFY_WITH_TIMEOUT(picker->property("opened").toBool(), 5000);
        m_fixture.typeText(QStringLiteral("ve sinh"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("triaged"), 10000);
        QCOMPARE(detail->categoryCode(), QStringLiteral("environmental_sanitation"));
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000); // the central accepted it

        // F forwards to an agency picked by typing part of its name without marks.
        QTest::keyClick(m_fixture.window, Qt::Key_F);
        m_fixture.typeText(QStringLiteral("moi truong"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("assigned"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);

        const auto stored = m_fixture.centralReport(id);
        QVERIFY(stored);
        QCOMPARE(stored->report.status, Status::Assigned);
        QCOMPARE(stored->report.category, QStringLiteral("environmental_sanitation"));
        QCOMPARE(stored->report.agency, QStringLiteral("hepco"));
        QCOMPARE(stored->report.version, 3);
        QCOMPARE(m_fixture.workstation->pendingCount(), 0);
    }

    void noteAppearsInTimeline()
    {
        ReportDetail *detail = m_fixture.workstation->detail();
        const int before = int(detail->events().size());
        QTest::keyClick(m_fixture.window, Qt::Key_N);
        m_fixture.typeText(QStringLiteral("Đã gọi lại người dân"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(int(detail->events().size()), before + 1, 10000);
        const QVariantMap last = detail->events().last().toMap();
        QCOMPARE(last.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Đã gọi lại người dân"));
    }

    void editTitleByKeyboard()
    {
        const QString id = firstReportIn(Status::New);
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);
        const QString before = detail->title();

        // E opens the editor on the title; Escape leaves it unchanged.
        QTest::keyClick(m_fixture.window, Qt::Key_E);
        QObject *pane = m_fixture.window->findChild<QObject *>(QStringLiteral("detailPane"));
        QVERIFY(pane);
        QTRY_VERIFY_WITH_TIMEOUT(pane->property("editing").toBool(), 5000);
        m_fixture.typeText(QStringLiteral(" (bỏ)"));
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->property("editing").toBool(), 5000);
        QCOMPARE(detail->title(), before);

        // Enter saves through the outbox, without the spaces around the text.
        const QString saved = QString(before + QStringLiteral(" - đã xác minh")).trimmed();
        QTest::keyClick(m_fixture.window, Qt::Key_E);
        QTRY_VERIFY_WITH_TIMEOUT(pane->property("editing").toBool(), 5000);
        m_fixture.typeText(QStringLiteral(" - đã xác minh"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(detail->title(), saved, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000); // the central accepted it
        QCOMPARE(m_fixture.centralReport(id)->report.title, saved);
    }

    void conflictResolvedFromAttention()
    {
        const QString id = firstReportIn(Status::New);
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);
        QObject *pane = m_fixture.window->findChild<QObject *>(QStringLiteral("detailPane"));
        QTest::keyClick(m_fixture.window, Qt::Key_E);
        QTRY_VERIFY_WITH_TIMEOUT(pane->property("editing").toBool(), 5000);
        const QString seen = detail->title();

        // A colleague changes the title on the central while the operator is typing.
        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        QVERIFY2(central, qPrintable(error));
        const Report stored = m_fixture.centralReport(id)->report;
        const auto results = central->submit(
            {Test::makeOperation(
                OperationKind::EditText, stored,
                textEditPayload({{TextField::Title, stored.title, QStringLiteral("Cột đèn đổ")}}),
                QStringLiteral("minh"))},
            &error);
        QVERIFY2(results && results->first().accepted(), qPrintable(error));
        central.reset();
        // Waits for the colleague's title to reach the replica and the open report.
        QTRY_COMPARE_WITH_TIMEOUT(detail->title(), QStringLiteral("Cột đèn đổ"), 20000);
        QVERIFY(pane->property("editing").toBool());

        const QString mine = QString(seen + QStringLiteral(" ở Lê Lợi")).trimmed();
        m_fixture.typeText(QStringLiteral(" ở Lê Lợi"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        // Waits for the central's refusal to come back as an item needing attention.
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->attentionCount(), 1, 20000);
        const QVariantMap item = m_fixture.workstation->attentionItems().first().toMap();
        QCOMPARE(item.value(QStringLiteral("refusal")).toString(), QStringLiteral("conflict"));
        const QVariantMap field = item.value(QStringLiteral("fields")).toList().first().toMap();
        QCOMPARE(field.value(QStringLiteral("mine")).toString(), mine);
        QCOMPARE(field.value(QStringLiteral("theirs")).toString(), QStringLiteral("Cột đèn đổ"));
        QCOMPARE(detail->title(), QStringLiteral("Cột đèn đổ"));
        // Waits for the refusal recorded by the central to reach the timeline.
        QTRY_COMPARE_WITH_TIMEOUT(
            detail->events().last().toMap().value(QStringLiteral("kind")).toString(),
            QStringLiteral("refused"), 10000);

        // A opens the list; M re-applies the operator's title on the current state.
        QTest::keyClick(m_fixture.window, Qt::Key_A);
        QObject *popup = m_fixture.window->findChild<QObject *>(QStringLiteral("attentionPopup"));
        QVERIFY(popup);
        QTRY_VERIFY_WITH_TIMEOUT(popup->property("opened").toBool(), 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_M);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->attentionCount(), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(detail->title(), mine, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000); // the central accepted the retry
        QCOMPARE(m_fixture.centralReport(id)->report.title, mine);
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!popup->property("opened").toBool(), 5000);
    }
    void hostileTextShownLiterally()
    {
        // Texts that would be SQL, QML, HTML or terminal commands if anything interpreted them,
        // plus a 100 KB description, go through import, sync and display unchanged.
        const QString sql = QStringLiteral("x'); DROP TABLE report; -- \"; DELETE FROM event;");
        const QString markup = QStringLiteral(
            "<img src=x onerror=alert(1)><b>in đậm</b><a href=\"file:///etc/passwd\">xem</a> "
            "import QtQuick; Qt.quit() ${1+1} %1 \\N");
        const QString control = QStringLiteral("chuông\u0007 thoát\u001b[31m đỏ \u202Eđảo");
        QString huge;
        while (huge.size() < 100 * 1024)
            huge += QStringLiteral("Đường Lê Lợi ngập nước <i>sâu</i> '; ");
        const QList<QStringList> records{{QStringLiteral("hostile-sql"), sql, sql},
                                         {QStringLiteral("hostile-markup"), markup, markup},
                                         {QStringLiteral("hostile-control"), control, control},
                                         {QStringLiteral("hostile-huge"), markup, huge}};
        QJsonArray requests;
        for (const QStringList &record : records) {
            requests.append(QJsonObject{
                {QStringLiteral("service_request_id"), record.at(0)},
                {QStringLiteral("status"), QStringLiteral("open")},
                {QStringLiteral("service_name"), record.at(1)},
                {QStringLiteral("address"), record.at(1)},
                {QStringLiteral("description"), record.at(2)},
                {QStringLiteral("requested_datetime"), QStringLiteral("2026-12-04T08:00:00+07:00")},
                {QStringLiteral("lat"), 16.4637},
                {QStringLiteral("long"), 107.5909}});
        }
        const QString file = m_fixture.dir.filePath(QStringLiteral("hostile.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(requests).toJson());
        out.close();
        const Test::CtlRun imported = Test::runCtl(
            {QStringLiteral("import"), file, QStringLiteral("--central"),
             m_fixture.paths.centralUrl, QStringLiteral("--source"), QStringLiteral("hostile")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("4 imported")), qPrintable(imported.out));

        for (const QStringList &record : records) {
            const QString where = QStringLiteral(" FROM report WHERE source = 'hostile' AND "
                                                 "source_id = :id");
            const QVariantMap id{{QStringLiteral("id"), record.at(0)}};
            // Waits for the sync to bring the report into the replica.
            QTRY_VERIFY_WITH_TIMEOUT(Test::centralScalar(m_fixture.paths.replicaPath,
                                                         QStringLiteral("SELECT count(*)") + where,
                                                         id)
                                             .toInt() == 1,
                                     20000);
            for (const QString &path : {m_fixture.paths.centralUrl, m_fixture.paths.replicaPath}) {
                QCOMPARE(Test::centralScalar(path, QStringLiteral("SELECT description") + where, id)
                             .toString(),
                         record.at(2));
                QCOMPARE(Test::centralScalar(path, QStringLiteral("SELECT address") + where, id)
                             .toString(),
                         record.at(1));
            }
            const QString reportId = Test::centralScalar(m_fixture.paths.replicaPath,
                                                         QStringLiteral("SELECT id") + where, id)
                                         .toString();
            m_fixture.workstation->select(reportId);
            ReportDetail *detail = m_fixture.workstation->detail();
            // Waits for the detail pane to load the report.
            QTRY_COMPARE_WITH_TIMEOUT(detail->description(), record.at(2), 10000);

            // Every text item that shows the description shows it as plain text.
            int showing = 0;
            for (QQuickItem *item : m_fixture.window->findChildren<QQuickItem *>()) {
                const QVariant text = item->property("text");
                if (!text.isValid() || text.toString() != record.at(2))
                    continue;
                showing += 1;
                QCOMPARE(item->property("textFormat").toInt(), int(Qt::PlainText));
            }
            QVERIFY2(showing > 0, qPrintable(record.at(0)));
        }
        // The tables are all still there.
        QVERIFY(Test::centralScalar(m_fixture.paths.centralUrl,
                                    QStringLiteral("SELECT count(*) FROM event"))
                    .toInt() > 0);
    }

    void operatorTextsShownLiterally()
    {
        // A note, an edit and a reason that would be markup, SQL or terminal commands if anything
        // interpreted them travel through the outbox and the central, and come back as written.
        const QString markup = QStringLiteral("<b>đậm</b> <img src=x onerror=alert(1)> "
                                              "import QtQuick; Qt.quit() %1 ${1+1}");
        const QString sql = QStringLiteral("x'); DROP TABLE event; -- \"; DELETE FROM report;");
        const QString control = QStringLiteral("chuông\u0007 \u001b[31mđỏ \u202Eđảo");
        const QString id = firstReportIn(Status::New);
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);

        const QString note =
            submitTextPopup("notePopup", Qt::Key_N, markup + QLatin1Char('\n') + sql + control)
                .trimmed();
        QVERIFY(note.contains(QStringLiteral("\u001b[31m")));
        // Waits for the note to reach the timeline and for the central to accept it.
        QTRY_COMPARE_WITH_TIMEOUT(
            detail->events().last().toMap().value(QStringLiteral("text")).toString(), note, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);
        QCOMPARE(plainTextItemsShowing(note), 1);

        const QString editing = startEditing(id);
        QVERIFY2(editing.isEmpty(), qPrintable(editing));
        m_fixture.window->findChild<QObject *>(QStringLiteral("titleEditor"))
            ->setProperty("text", markup);
        m_fixture.window->findChild<QObject *>(QStringLiteral("addressEditor"))
            ->setProperty("text", control);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        // Waits for the edit to show and for the central to accept it.
        QTRY_COMPARE_WITH_TIMEOUT(detail->title(), markup, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);
        QCOMPARE(detail->address(), control);
        QVERIFY(plainTextItemsShowing(markup) >= 1);
        QVERIFY(plainTextItemsShowing(control) >= 1);

        const QString reason = submitTextPopup("rejectPopup", Qt::Key_R, sql + markup).trimmed();
        // Waits for the rejection to show and for the central to accept it.
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("rejected"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);
        QCOMPARE(detail->rejectReason(), reason);
        QCOMPARE(plainTextItemsShowing(reason), 2); // the reason row and the timeline

        const auto stored = m_fixture.centralReport(id);
        QVERIFY(stored);
        QCOMPARE(stored->report.title, markup);
        QCOMPARE(stored->report.address, control);
        QCOMPARE(stored->report.rejectReason, reason);
        QStringList notes;
        for (const Event &event : stored->events) {
            if (event.kind == EventKind::Note)
                notes.append(event.data.value(QStringLiteral("text")).toString());
        }
        QVERIFY(notes.contains(note));
        QCOMPARE(m_fixture.workstation->pendingCount(), 0);
    }

    void overlongNoteKeptInPopup()
    {
        // A note over the limit cannot be confirmed, so the popup stays open with the text.
        const QString id = firstReportIn(Status::New);
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);
        const int before = int(detail->events().size());
        const QString text(m_fixture.workstation->maxOperatorTextLength() + 1, QLatin1Char('x'));
        QCOMPARE(submitTextPopup("notePopup", Qt::Key_N, text), text);
        QObject *popup = m_fixture.window->findChild<QObject *>(QStringLiteral("notePopup"));
        QVERIFY(popup->property("opened").toBool());
        QVERIFY(popup->property("tooLong").toBool());
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!popup->property("opened").toBool(), 5000);
        QCOMPARE(int(detail->events().size()), before);
    }

    void titleEditKeepsLongDescription()
    {
        // The 100 KB description imported above ends with a space. Editing only the title sends
        // only the title: the trimmed description would be an edit over the length limit.
        const QString reportId =
            Test::centralScalar(m_fixture.paths.replicaPath,
                                QStringLiteral("SELECT id FROM report WHERE source = 'hostile' "
                                               "AND source_id = 'hostile-huge'"))
                .toString();
        QVERIFY(!reportId.isEmpty());
        const QString editing = startEditing(reportId);
        QVERIFY2(editing.isEmpty(), qPrintable(editing));
        ReportDetail *detail = m_fixture.workstation->detail();
        const QString description = detail->description();
        QVERIFY(description.size() > 100 * 1024);
        QVERIFY(description.endsWith(QLatin1Char(' ')));
        m_fixture.window->findChild<QObject *>(QStringLiteral("titleEditor"))
            ->setProperty("text", QStringLiteral("Ngập nước đường Lê Lợi"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        // Waits for the central to accept the new title.
        QTRY_COMPARE_WITH_TIMEOUT(detail->title(), QStringLiteral("Ngập nước đường Lê Lợi"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);
        QCOMPARE(m_fixture.workstation->attentionCount(), 0);
        const auto stored = m_fixture.centralReport(reportId);
        QCOMPARE(stored->report.title, QStringLiteral("Ngập nước đường Lê Lợi"));
        QCOMPARE(stored->report.description, description);
    }

    void hostileConflictShownLiterally()
    {
        // Both versions of a conflicting edit are shown as written on the "needs attention" list.
        const QString mine = QStringLiteral("<h1>của tôi</h1>\u202E x'); DROP TABLE report; --");
        const QString theirs = QStringLiteral("<a href=\"file:///etc/passwd\">của họ</a> %1");
        const QString id = firstReportIn(Status::New);
        const QString editing = startEditing(id);
        QVERIFY2(editing.isEmpty(), qPrintable(editing));
        ReportDetail *detail = m_fixture.workstation->detail();

        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        QVERIFY2(central, qPrintable(error));
        const Report stored = m_fixture.centralReport(id)->report;
        const auto results = central->submit(
            {Test::makeOperation(OperationKind::EditText, stored,
                                 textEditPayload({{TextField::Title, stored.title, theirs}}),
                                 QStringLiteral("minh"))},
            &error);
        QVERIFY2(results && results->first().accepted(), qPrintable(error));
        central.reset();
        // Waits for the colleague's title to reach the open report.
        QTRY_COMPARE_WITH_TIMEOUT(detail->title(), theirs, 20000);

        m_fixture.window->findChild<QObject *>(QStringLiteral("titleEditor"))
            ->setProperty("text", mine);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        // Waits for the central's refusal to come back as an item needing attention.
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->attentionCount(), 1, 20000);
        QTest::keyClick(m_fixture.window, Qt::Key_A);
        QObject *popup = m_fixture.window->findChild<QObject *>(QStringLiteral("attentionPopup"));
        QTRY_VERIFY_WITH_TIMEOUT(popup->property("opened").toBool(), 5000);
        // Waits for the list to lay out its item: both versions show there, "mine" also in the
        // closed editor and "theirs" in the open report.
        QTRY_COMPARE_WITH_TIMEOUT(plainTextItemsShowing(mine), 2, 5000);
        QCOMPARE(plainTextItemsShowing(theirs), 2);

        QTest::keyClick(m_fixture.window, Qt::Key_T); // keeps the colleague's title
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->attentionCount(), 0, 20000);
        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!popup->property("opened").toBool(), 5000);
        QCOMPARE(m_fixture.centralReport(id)->report.title, theirs);
    }
    MapView *mapView() { return m_fixture.window->findChild<MapView *>(QStringLiteral("mapView")); }

    // Located reports of the central, at most count of them.
    QList<ReportSnapshot> locatedReports(int count)
    {
        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        QList<ReportSnapshot> located;
        const auto snapshots = central->snapshots(&error);
        if (!snapshots)
            return located;
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (snapshot.report.position && located.size() < count)
                located.append(snapshot);
        }
        return located;
    }

    void mapDrawsReportsWhereTheyAre()
    {
        MapView *map = mapView();
        QVERIFY(map);
        const QList<ReportSnapshot> located = locatedReports(6);
        QVERIFY(located.size() >= 3);
        for (const ReportSnapshot &snapshot : located) {
            const GeoPoint &position = *snapshot.report.position;
            const QGeoCoordinate coordinate(position.latitude, position.longitude);
            map->setCenter(coordinate);
            map->setZoomLevel(18);
            QTRY_VERIFY_WITH_TIMEOUT(!map->pendingWork(), 15000);
            // The report's marker, or the face of the cluster that contains it, at its position.
            const QImage image = m_fixture.window->grabWindow();
            const QPointF centre = map->mapToScene(map->fromCoordinate(coordinate));
            const QColor pixel = image.pixelColor((centre * image.devicePixelRatio()).toPoint());
            const QColor expected =
                m_fixture.workstation->statusColor(statusCode(snapshot.report.status));
            const bool marker = std::abs(pixel.red() - expected.red()) <= 2 &&
                                std::abs(pixel.green() - expected.green()) <= 2 &&
                                std::abs(pixel.blue() - expected.blue()) <= 2;
            const bool clusterFace = pixel.lightness() > 235 || pixel.lightness() < 120;
            QVERIFY2(marker || clusterFace,
                     qPrintable(QStringLiteral("%1 at %2: %3")
                                    .arg(snapshot.report.publicCode, QString::number(centre.x()),
                                         pixel.name())));
        }

        // Reports without a position are not drawn at 0, 0.
        map->setCenter(QGeoCoordinate(0, 0));
        map->setZoomLevel(8);
        QTRY_VERIFY_WITH_TIMEOUT(!map->pendingWork(), 15000);
        QCOMPARE(map->markersInView(), 0);

        // The cluster of every report zooms to Hue, never towards 0, 0.
        map->setCenter(QGeoCoordinate(16.46, 107.59));
        map->setZoomLevel(5);
        QTRY_VERIFY_WITH_TIMEOUT(!map->pendingWork(), 15000);
        QCOMPARE(map->clusters().size(), std::size_t(1));
        const QPointF all = map->mapToScene(
            map->fromCoordinate(Mercator::unproject(map->clusters().front().position)));
        QTest::mouseClick(m_fixture.window, Qt::LeftButton, Qt::NoModifier, all.toPoint());
        QCOMPARE_GT(map->zoomLevel(), 9.0);
        QVERIFY(QGeoRectangle(QGeoCoordinate(16.8, 107.0), QGeoCoordinate(16.0, 108.2))
                    .contains(map->center()));
    }

    void mapGoToMovesToWard()
    {
        MapView *map = mapView();
        map->setCenter(QGeoCoordinate(16.46, 107.59));
        map->setZoomLevel(10);
        QTest::keyClick(m_fixture.window, Qt::Key_G, Qt::ControlModifier);
        QObject *field = m_fixture.window->findChild<QObject *>(QStringLiteral("goToField"));
        QTRY_VERIFY_WITH_TIMEOUT(field->property("activeFocus").toBool(), 5000);
        // "an cuu" types a C, which must not open the classification picker.
        m_fixture.typeText(QStringLiteral("an cuu"));
        QObject *picker = m_fixture.window->findChild<QObject *>(QStringLiteral("classifyPopup"));
        QVERIFY(!picker->property("opened").toBool());
        const QVariantList places = m_fixture.workstation->findPlaces(QStringLiteral("an cuu"));
        QVERIFY(!places.isEmpty());
        QCOMPARE(places.first().toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Phường An Cựu"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        const QGeoRectangle ward(
            places.first().toMap().value(QStringLiteral("area")).value<QGeoShape>());
        QVERIFY(ward.contains(map->center()));
        QCOMPARE_GT(map->zoomLevel(), 11.0);
        QVERIFY(map->hasActiveFocus());
    }

    void mapAreaFiltersQueue()
    {
        MapView *map = mapView();
        QueueModel *queue = m_fixture.workstation->queue();
        const int before = queue->rowCount();
        const QList<ReportSnapshot> located = locatedReports(1);
        QVERIFY(!located.isEmpty());
        const GeoPoint &position = *located.first().report.position;
        const QGeoCoordinate coordinate(position.latitude, position.longitude);
        map->setCenter(coordinate);
        map->setZoomLevel(16);
        QTRY_VERIFY_WITH_TIMEOUT(!map->pendingWork(), 15000);

        // Shift and a drag around the report's position.
        const QPoint centre = map->mapToScene(map->fromCoordinate(coordinate)).toPoint();
        QTest::mousePress(m_fixture.window, Qt::LeftButton, Qt::ShiftModifier,
                          centre - QPoint(40, 40));
        for (int step = 1; step <= 8; ++step)
            QTest::mouseMove(m_fixture.window, centre - QPoint(40, 40) + QPoint(10, 10) * step);
        QTest::mouseRelease(m_fixture.window, Qt::LeftButton, Qt::ShiftModifier,
                            centre + QPoint(40, 40));
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->rowCount() < before, 10000);
        QVERIFY(queue->areaFilter().contains(coordinate));
        QCOMPARE_GT(queue->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->mapMarkers()->count(), queue->rowCount(),
                                  10000);
        QCOMPARE(map->highlightedArea(), queue->areaFilter());

        QObject *clear = m_fixture.window->findChild<QObject *>(QStringLiteral("clearAreaButton"));
        QVERIFY(clear->property("visible").toBool());
        QMetaObject::invokeMethod(clear, "clicked");
        QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->rowCount() == before, 10000);
        QVERIFY(!map->highlightedArea().isValid());
    }

    void mapClusterListOpensReport()
    {
        MapView *map = mapView();
        const QList<ReportSnapshot> located = locatedReports(3);
        QStringList ids;
        for (const ReportSnapshot &snapshot : located)
            ids.append(snapshot.report.id);
        // As a click on a cluster whose reports share one position would.
        Q_EMIT map->clusterClicked(ids, QGeoCoordinate(16.46, 107.59));
        QObject *popup = m_fixture.window->findChild<QObject *>(QStringLiteral("clusterList"));
        QTRY_VERIFY_WITH_TIMEOUT(popup->property("opened").toBool(), 5000);
        QObject *list = m_fixture.window->findChild<QObject *>(QStringLiteral("clusterListView"));
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), int(ids.size()), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(list->property("activeFocus").toBool(), 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(ids.contains(m_fixture.workstation->selectedReportId()), 5000);
        QVERIFY(!popup->property("opened").toBool());
    }

    void mapMarkerFollowsStatus()
    {
        // A located report that may still be rejected: the demo has two located new reports,
        // and the earlier tests move at most one of them past triage.
        QString id;
        for (const ReportSnapshot &snapshot : locatedReports(100)) {
            if (snapshot.report.status == Status::New || snapshot.report.status == Status::Triaged)
                id = snapshot.report.id;
        }
        QVERIFY(!id.isEmpty());
        MapMarkerSet *markers = m_fixture.workstation->mapMarkers();
        QTRY_VERIFY_WITH_TIMEOUT(markers->contains(id), 10000);
        const int count = markers->count();
        m_fixture.workstation->select(id);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->reportId(), id, 10000);
        m_fixture.workstation->reject(QStringLiteral("Trùng với phản ánh khác"));
        const QColor rejected = m_fixture.workstation->statusColor(QStringLiteral("rejected"));
        QTRY_COMPARE_WITH_TIMEOUT(markers->marker(id)->color, rejected, 10000);
        QCOMPARE(markers->count(), count);
        // Filtered to new reports, the map drops it, and brings it back without the filter.
        m_fixture.workstation->queue()->setStatusFilter(QStringLiteral("new"));
        QTRY_VERIFY_WITH_TIMEOUT(!markers->contains(id), 10000);
        m_fixture.workstation->queue()->setStatusFilter(QString());
        QTRY_VERIFY_WITH_TIMEOUT(markers->contains(id), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.workstation->detail()->pending(), 20000);
    }

    void returnToCenterByKeyboard()
    {
        // T gives an assigned report back to triage, with the reason in its timeline.
        const QString id = firstReportIn(Status::Assigned);
        QVERIFY(!id.isEmpty());
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);
        const QString reason =
            submitTextPopup("returnPopup", Qt::Key_T, QStringLiteral("Không thuộc địa bàn"));
        QCOMPARE(reason, QStringLiteral("Không thuộc địa bàn"));
        // Waits for the change to show and for the central to accept it.
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("triaged"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);
        const auto stored = m_fixture.centralReport(id);
        QVERIFY(stored);
        QCOMPARE(stored->report.status, Status::Triaged);
        QVERIFY(stored->report.agency.isEmpty());
        QCOMPARE(stored->events.last().data.value(QStringLiteral("reason")).toString(), reason);
    }

    // Five reports triaged from the queue with the keyboard alone: J claims and opens the next
    // report, C and Enter classify it, F and Enter forward it. At most six keys each.
    // Three reports marked from the keyboard, one of them past triage: Shift+C sets the
    // field of the other two after a preview that lists all three, and Ctrl+Z takes it back
    // through the same preview.
    void bulkFieldUndoneByKeyboard()
    {
        // Reports of its own, so that what earlier tests did to the demo's reports does not
        // matter.
        const QStringList fresh{
            newHotlineReport(QStringLiteral("Rác thải bên đường Trần Hưng Đạo")),
            newHotlineReport(QStringLiteral("Cống thoát nước bị tắc ở Kim Long"))};
        QVERIFY(!fresh.contains(QString()));
        QCOMPARE(fresh.size(), 2);
        const QString other = closedReport(); // past triage, so the field change leaves it out
        QVERIFY(!other.isEmpty());
        const Status otherStatus = m_fixture.centralReport(other)->report.status;
        QHash<QString, AssignmentState> original;
        for (const QString &id : std::as_const(fresh))
            original.insert(id, assignmentStateOf(m_fixture.centralReport(id)->report));

        QueueModel *queue = m_fixture.workstation->queue();
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        for (const QString &id : fresh + QStringList{other}) {
            m_fixture.workstation->select(id);
            QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->reportId(), id, 10000);
            QTest::keyClick(m_fixture.window, Qt::Key_Space);
            QTRY_VERIFY2_WITH_TIMEOUT(queue->isMarked(id), "Space marked the open report", 5000);
        }
        QCOMPARE(queue->markedCount(), 3);

        QTest::keyClick(m_fixture.window, Qt::Key_C, Qt::ShiftModifier);
        QObject *fields =
            m_fixture.window->findChild<QObject *>(QStringLiteral("bulkClassifyPopup"));
        QVERIFY(fields);
        QTRY_VERIFY_WITH_TIMEOUT(fields->property("opened").toBool(), 5000);
        m_fixture.typeText(QStringLiteral("ve sinh"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);

        BulkActions *bulk = m_fixture.workstation->bulk();
        QObject *preview =
            m_fixture.window->findChild<QObject *>(QStringLiteral("bulkPreviewPopup"));
        QVERIFY(preview);
        QTRY_VERIFY2_WITH_TIMEOUT(preview->property("opened").toBool(),
                                  "the preview of the bulk change", 10000);
        QCOMPARE(bulk->preview().size(), 3);
        QCOMPARE(bulk->applyCount(), 2);
        const QVariantMap left = bulk->preview().last().toMap();
        QCOMPARE(left.value(QStringLiteral("reportId")).toString(), other);
        QVERIFY(!left.value(QStringLiteral("applies")).toBool());
        QVERIFY(!left.value(QStringLiteral("note")).toString().isEmpty());
        QVERIFY(
            !bulk->preview().first().toMap().value(QStringLiteral("after")).toString().isEmpty());
        for (const QString &id : std::as_const(fresh))
            QVERIFY(assignmentStateOf(m_fixture.centralReport(id)->report) == original.value(id));

        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(bulk->undoAvailable(), "the bulk change made, undo offered",
                                  10000);
        QCOMPARE(queue->markedCount(), 0);
        QVERIFY2(bulk->resultText().endsWith(QLatin1String("; 1 left out")),
                 qPrintable(bulk->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->pendingCount(), 0, 30000);
        for (const QString &id : std::as_const(fresh)) {
            const Report report = m_fixture.centralReport(id)->report;
            QCOMPARE(report.status, Status::Triaged);
            QCOMPARE(report.category, QStringLiteral("environmental_sanitation"));
        }
        QCOMPARE(m_fixture.centralReport(other)->report.status, otherStatus);

        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(preview->property("opened").toBool() && bulk->previewingUndo(),
                                  "the preview of the undo", 10000);
        QCOMPARE(bulk->applyCount(), 2);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(!bulk->undoAvailable(), "the undo made", 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->pendingCount(), 0, 30000);
        for (const QString &id : std::as_const(fresh)) {
            const auto stored = m_fixture.centralReport(id);
            QVERIFY(assignmentStateOf(stored->report) == original.value(id));
            QCOMPARE(stored->events.last().kind, EventKind::Undone);
        }
    }

    void fiveReportsTriagedByKeyboard()
    {
        ReportDetail *detail = m_fixture.workstation->detail();
        int total = 0;
        QStringList triaged;
        for (int report = 0; report < 5; ++report) {
            int keys = 0;
            const auto press = [&](Qt::Key key) {
                QTest::keyClick(m_fixture.window, key);
                ++keys;
            };
            QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
            const QString before = detail->reportId();
            press(Qt::Key_J);
            QTRY_VERIFY2_WITH_TIMEOUT(m_fixture.workstation->holdsClaim() &&
                                          detail->reportId() != before &&
                                          !triaged.contains(detail->reportId()),
                                      "J claimed and opened the next report", 20000);
            const QString id = detail->reportId();
            QVERIFY2(detail->statusCode() == QLatin1String("new") ||
                         detail->statusCode() == QLatin1String("triaged"),
                     qPrintable(detail->statusCode()));

            press(Qt::Key_C);
            QObject *picker =
                m_fixture.window->findChild<QObject *>(QStringLiteral("classifyPopup"));
            QTRY_VERIFY_WITH_TIMEOUT(picker->property("opened").toBool(), 5000);
            press(Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("triaged"), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);

            press(Qt::Key_F);
            QObject *agencies =
                m_fixture.window->findChild<QObject *>(QStringLiteral("assignPopup"));
            QTRY_VERIFY_WITH_TIMEOUT(agencies->property("opened").toBool(), 5000);
            press(Qt::Key_Return);
            QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("assigned"), 10000);

            qInfo("report %d (%s): %d key presses", report + 1, qPrintable(detail->code()), keys);
            QVERIFY2(keys <= 6, qPrintable(QStringLiteral("%1 keys for one report").arg(keys)));
            total += keys;
            triaged.append(id);
        }
        qInfo("five reports triaged with %d key presses", total);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->pendingCount(), 0, 30000);
        for (const QString &id : std::as_const(triaged)) {
            const auto stored = m_fixture.centralReport(id);
            QVERIFY(stored);
            QCOMPARE(stored->report.status, Status::Assigned);
            bool claimed = false;
            for (const Event &event : stored->events)
                claimed = claimed || event.kind == EventKind::Claimed;
            QVERIFY2(claimed, qPrintable(id));
        }
    }

    // An agency's steps recorded by an operator on its behalf: take in hand, answer from a
    // template, and the event names the agency.
    void agencyStepsOnBehalf()
    {
        const QString id = firstReportIn(Status::Assigned);
        QVERIFY(!id.isEmpty());
        m_fixture.workstation->select(id);
        ReportDetail *detail = m_fixture.workstation->detail();
        QTRY_COMPARE_WITH_TIMEOUT(detail->reportId(), id, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_K);
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("in_progress"), 10000);

        QObject *popup = m_fixture.window->findChild<QObject *>(QStringLiteral("respondPopup"));
        QVERIFY(popup);
        QTest::keyClick(m_fixture.window, Qt::Key_P);
        QTRY_VERIFY_WITH_TIMEOUT(popup->property("opened").toBool(), 5000);
        QVERIFY(!popup->property("templates").toList().isEmpty());
        QTest::keyClick(m_fixture.window, Qt::Key_1, Qt::AltModifier);
        QObject *area = popup->findChild<QObject *>(QStringLiteral("textPopupArea"));
        const QString response = area->property("text").toString();
        QVERIFY2(response.contains(detail->code()), qPrintable(response));
        // Every placeholder is filled. The report may be one whose address carries braces of its
        // own, imported by the test of hostile texts.
        for (const char *placeholder : {"{code}", "{date}", "{address}", "{agency}"})
            QVERIFY2(!response.contains(QLatin1String(placeholder)), qPrintable(response));
        QTest::keyClick(m_fixture.window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(detail->statusCode(), QStringLiteral("resolved"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!detail->pending(), 20000);

        const auto stored = m_fixture.centralReport(id);
        QVERIFY(stored);
        QCOMPARE(stored->report.publicResponse, response);
        const Event &published = stored->events.last();
        QCOMPARE(published.kind, EventKind::ResponsePublished);
        QCOMPARE(published.data.value(QStringLiteral("on_behalf_of")).toString(),
                 stored->report.agency);
    }

    // Shift+R on a new report and a closed one rejects the first and leaves the closed one out,
    // as the preview lists. The result above the queue must count the report left out too.
    void bulkResultCountsLeftOut()
    {
        const QString inTriage =
            newHotlineReport(QStringLiteral("Đèn đường hỏng trên đường Lê Lợi"));
        const QString closed = closedReport();
        QVERIFY(!inTriage.isEmpty());
        QVERIFY(!closed.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        const QString marking = markWithSpace({inTriage, closed});
        QVERIFY2(marking.isEmpty(), qPrintable(marking));

        BulkActions *bulk = m_fixture.workstation->bulk();
        QObject *preview =
            m_fixture.window->findChild<QObject *>(QStringLiteral("bulkPreviewPopup"));
        QVERIFY(preview);
        QTest::keyClick(m_fixture.window, Qt::Key_R, Qt::ShiftModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(preview->property("opened").toBool(),
                                  "the preview of the bulk rejection", 10000);
        QCOMPARE(bulk->preview().size(), 2);
        QCOMPARE(bulk->applyCount(), 1);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(bulk->undoAvailable(), "the rejection made, undo offered", 10000);
        const QString result = bulk->resultText();

        // The rejection is taken back before the check, for the tests that follow.
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(hasActiveFocus("queueView"), "the queue has the keyboard", 5000);
        QTest::keyClick(m_fixture.window, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY2_WITH_TIMEOUT(preview->property("opened").toBool() && bulk->previewingUndo(),
                                  "the preview of the undo", 10000);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(!bulk->undoAvailable(), "the undo made", 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->pendingCount(), 0, 30000);

        QVERIFY2(result.contains(QLatin1String("1 left out")), qPrintable(result));
    }

    // The undo of a bulk action is offered for ten minutes of the bulk actions' clock. After that,
    // the strip above the queue must hide the undo button, because the button does nothing then.
    void bulkUndoOfferExpires()
    {
        const QString inTriage = newHotlineReport(QStringLiteral("Cây đổ chắn lối đi bộ ven sông"));
        QVERIFY(!inTriage.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(popupsClosed(), 5000);
        const QString marking = markWithSpace({inTriage});
        QVERIFY2(marking.isEmpty(), qPrintable(marking));

        BulkActions *bulk = m_fixture.workstation->bulk();
        QObject *preview =
            m_fixture.window->findChild<QObject *>(QStringLiteral("bulkPreviewPopup"));
        QObject *undoButton =
            m_fixture.window->findChild<QObject *>(QStringLiteral("bulkUndoButton"));
        QVERIFY(preview);
        QVERIFY(undoButton);
        QTest::keyClick(m_fixture.window, Qt::Key_R, Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(preview->property("opened").toBool(), 10000);
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(bulk->undoAvailable(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(undoButton->property("visible").toBool(), 5000);

        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(11 * 60);
        bulk->setClock([later] { return later; });
        const auto restore =
            qScopeGuard([bulk] { bulk->setClock([] { return QDateTime::currentDateTimeUtc(); }); });
        QVERIFY(!bulk->undoAvailable());
        QTRY_VERIFY2_WITH_TIMEOUT(!undoButton->property("visible").toBool(),
                                  "the undo is no longer offered", 5000);
    }
};

QTEST_MAIN(OperatorWindowTest)
#include "tst_operatorwindow.moc"
