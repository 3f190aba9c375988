#include "app/datafolder.h"
#include "map/mapview.h"
#include "models/workstation.h"
#include "operatorfixture.h"
#include "testsupport.h"

#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

using namespace CivicDesk;

// The hotline form of the operator window on an embedded demo central, filled from the
// keyboard as an operator on the phone would, with the place clicked on the map.
class IntakeDialogTest : public QObject
{
    Q_OBJECT

private:
    Test::OperatorWindowFixture m_fixture;

    QObject *find(const char *name) const
    {
        return m_fixture.window->findChild<QObject *>(QLatin1String(name));
    }

    QString focusedName() const
    {
        QQuickItem *item = m_fixture.window->activeFocusItem();
        return item ? item->objectName() : QString();
    }

    // Opens the form with Ctrl+N and waits until its first field has the keyboard.
    bool openForm()
    {
        QObject *form = find("intakeDialog");
        if (!QTest::qWaitFor([form] { return !form->property("visible").toBool(); }, 5000))
            return false;
        QTest::keyClick(m_fixture.window, Qt::Key_N, Qt::ControlModifier);
        return QTest::qWaitFor(
            [&] {
                return form->property("opened").toBool() &&
                       focusedName() == QLatin1String("intakeName");
            },
            5000);
    }

    // Centres the map at zoom 17 on a position inside a ward with no marker under it, and returns
    // that position.
    std::optional<QGeoCoordinate> showFreePlace(MapView *map)
    {
        QString error;
        auto central = Central::open(m_fixture.paths.centralUrl, false, &error);
        const auto snapshots = central->snapshots(&error);
        for (const ReportSnapshot &snapshot : *snapshots) {
            if (!snapshot.report.position)
                continue;
            const QGeoCoordinate place(snapshot.report.position->latitude + 0.0012,
                                       snapshot.report.position->longitude + 0.0012);
            if (m_fixture.workstation->wardAt(place.latitude(), place.longitude()).isEmpty())
                continue;
            map->setCenter(place);
            map->setZoomLevel(17);
            if (!QTest::qWaitFor([map] { return !map->pendingWork(); }, 15000))
                return std::nullopt;
            if (map->markerAt(map->fromCoordinate(place)).isEmpty())
                return place;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString failed = m_fixture.open();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase() { m_fixture.close(); }

    void invalidPhoneShownByField()
    {
        QVERIFY2(openForm(), qPrintable(focusedName()));
        m_fixture.typeText(QStringLiteral("Lê Văn Tám"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakePhone"));
        m_fixture.typeText(QStringLiteral("09ab"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakeTitle"));
        m_fixture.typeText(QStringLiteral("Rác thải"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);

        QObject *form = find("intakeForm");
        const QVariantMap errors = form->property("errors").toMap();
        QVERIFY2(errors.value(QStringLiteral("phone")).toString().contains(QStringLiteral("09ab")),
                 qPrintable(errors.value(QStringLiteral("phone")).toString()));
        QVERIFY(!errors.contains(QStringLiteral("title")));
        QVERIFY(find("intakeDialog")->property("opened").toBool());
        QCOMPARE(focusedName(), QStringLiteral("intakePhone"));

        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!find("intakeDialog")->property("visible").toBool(), 5000);
        QCOMPARE(m_fixture.workstation->queue()->rowCount(), 16);
    }

    // A file that is no photo, video or recording is rejected once the copy, off the GUI
    // thread, has failed. The form stays open and names the file, and nothing is queued.
    void unreadableFileKeepsFormOpen()
    {
        QVERIFY2(openForm(), qPrintable(focusedName()));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakeTitle"));
        m_fixture.typeText(QStringLiteral("Cây đổ chắn đường"));
        QObject *form = find("intakeForm");
        const QString text = Test::dataPath(QStringLiteral("SOURCE.md"));
        QVERIFY(QMetaObject::invokeMethod(
            form, "addFiles", Q_ARG(QVariant, QVariantList{QUrl::fromLocalFile(text)})));
        const int pending = m_fixture.workstation->pendingCount();
        QTest::keyClick(m_fixture.window, Qt::Key_Return);

        QTRY_VERIFY2_WITH_TIMEOUT(
            form->property("errors").toMap().contains(QStringLiteral("files")),
            "the refusal of the file", 10000);
        QVERIFY(!form->property("copying").toBool());
        QVERIFY(form->property("errors")
                    .toMap()
                    .value(QStringLiteral("files"))
                    .toString()
                    .contains(QStringLiteral("SOURCE.md")));
        QVERIFY(find("intakeDialog")->property("opened").toBool());
        QCOMPARE(m_fixture.workstation->pendingCount(), pending);
        QCOMPARE(m_fixture.workstation->queue()->rowCount(), 16);

        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!find("intakeDialog")->property("visible").toBool(), 5000);
    }

    void mapCentreTakenAsPlace()
    {
        MapView *map = m_fixture.window->findChild<MapView *>(QStringLiteral("mapView"));
        QVERIFY(map);
        const auto place = showFreePlace(map);
        QVERIFY2(place, "no place in a ward without a marker on it");
        QVERIFY2(openForm(), qPrintable(focusedName()));

        QVERIFY(QMetaObject::invokeMethod(find("intakeCentreButton"), "clicked"));
        QObject *form = find("intakeForm");
        QVERIFY(qAbs(form->property("latitude").toDouble() - map->center().latitude()) < 1e-9);
        QVERIFY(qAbs(form->property("longitude").toDouble() - map->center().longitude()) < 1e-9);
        QCOMPARE(find("intakeWard")->property("currentValue").toString(),
                 m_fixture.workstation->wardAt(place->latitude(), place->longitude()));

        QTest::keyClick(m_fixture.window, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!find("intakeDialog")->property("visible").toBool(), 5000);
        QCOMPARE(m_fixture.workstation->queue()->rowCount(), 16);
    }

    void hotlineReportReachesQueue()
    {
        QVERIFY2(openForm(), qPrintable(focusedName()));
        m_fixture.typeText(QStringLiteral("Nguyễn Thị Hoa"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        m_fixture.typeText(QStringLiteral("0905 123 456"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        m_fixture.typeText(QStringLiteral("Đèn đường hỏng cả dãy"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakeDescription"));
        m_fixture.typeText(QStringLiteral("Người gọi báo đèn tắt từ tối qua"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakeUrgent"));
        QTest::keyClick(m_fixture.window, Qt::Key_Space);
        QVERIFY(find("intakeUrgent")->property("checked").toBool());
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakeAddress"));
        m_fixture.typeText(QStringLiteral("Đường Lê Lợi"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakeWard"));
        QTest::keyClick(m_fixture.window, Qt::Key_Tab);
        QCOMPARE(focusedName(), QStringLiteral("intakePickButton"));

        // The form steps aside for a click on the operator window's map.
        MapView *map = m_fixture.window->findChild<MapView *>(QStringLiteral("mapView"));
        QVERIFY(map);
        QTest::keyClick(m_fixture.window, Qt::Key_Space);
        QObject *form = find("intakeForm");
        QTRY_VERIFY_WITH_TIMEOUT(form->property("picking").toBool(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!find("intakeDialog")->property("visible").toBool(), 5000);
        const auto place = showFreePlace(map);
        QVERIFY2(place, "no place in a ward without a marker on it");
        const QString ward = m_fixture.workstation->wardAt(place->latitude(), place->longitude());
        QTest::mouseClick(m_fixture.window, Qt::LeftButton, Qt::NoModifier,
                          map->mapToScene(map->fromCoordinate(*place)).toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(find("intakeDialog")->property("opened").toBool(), 5000);
        QVERIFY(!form->property("picking").toBool());
        QVERIFY(qAbs(form->property("latitude").toDouble() - place->latitude()) < 1e-4);
        QVERIFY(qAbs(form->property("longitude").toDouble() - place->longitude()) < 1e-4);
        QCOMPARE(find("intakeWard")->property("currentValue").toString(), ward);

        // What a drop or the file dialog hands over: file URLs.
        const QString photo =
            Test::dataPath(QStringLiteral("media/recurser_landscape_orientation6.jpg"));
        QVERIFY(QMetaObject::invokeMethod(
            form, "addFiles", Q_ARG(QVariant, QVariantList{QUrl::fromLocalFile(photo)})));
        QCOMPARE(form->property("files").toList().size(), 1);

        // Back to the last text field, where Enter creates the report.
        QTest::keyClick(m_fixture.window, Qt::Key_Backtab, Qt::ShiftModifier);
        QTest::keyClick(m_fixture.window, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(focusedName(), QStringLiteral("intakeAddress"));
        QTest::keyClick(m_fixture.window, Qt::Key_Return);
        QVERIFY2(form->property("errors").toMap().isEmpty(),
                 qPrintable(form->property("errors").toMap().values().value(0).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!find("intakeDialog")->property("visible").toBool(), 5000);

        // The new report is selected and in the queue at once, then reaches the central.
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.workstation->selectedReportId().isEmpty(), 10000);
        const QString id = m_fixture.workstation->selectedReportId();
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->queue()->rowCount(), 17, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->reportId(), id, 10000);
        std::optional<ReportSnapshot> stored;
        QTRY_VERIFY_WITH_TIMEOUT((stored = m_fixture.centralReport(id)).has_value(), 30000);
        QCOMPARE(stored->report.title, QStringLiteral("Đèn đường hỏng cả dãy"));
        QCOMPARE(stored->report.channel, Channel::Hotline);
        QCOMPARE(stored->report.priority, Priority::Urgent);
        QCOMPARE(stored->report.adminUnit, ward);
        QCOMPARE(stored->report.reporterCount, 1);
        QVERIFY(!stored->report.publicCode.isEmpty());
        QCOMPARE(stored->media.size(), 1);
        QCOMPARE(stored->media.first().fileName,
                 QStringLiteral("recurser_landscape_orientation6.jpg"));
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture.workstation->detail()->code(),
                                  stored->report.publicCode, 30000);
    }
};

QTEST_MAIN(IntakeDialogTest)
#include "tst_intakedialog.moc"
