#include <memory>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

namespace {

// Two reports in the form of UrgentAlerts.reports, longest waiting first.
const QByteArray bannerWindow = R"(
    import QtQuick
    import CivicDesk.Operator
    Window {
        width: 1000; height: 200; visible: true
        property alias banner: banner
        UrgentBanner {
            id: banner
            width: parent.width
            reports: [
                { reportId: "r1", code: "HUE-251205-0007", title: "Ngập sâu trên đường Lê Lợi",
                  receivedText: "08:15 05/12/2025" },
                { reportId: "r2", code: "", title: "Cây đổ chắn đường Hùng Vương",
                  receivedText: "08:40 05/12/2025" }
            ]
        }
    })";

// Finds an item by object name among the visual descendants. ListView delegates are found only
// this way, because they are not QObject children of the view.
QQuickItem *findItem(QQuickItem *parent, const QString &objectName)
{
    for (QQuickItem *child : parent->childItems()) {
        if (child->objectName() == objectName)
            return child;
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

} // namespace

// The banner of unclaimed urgent reports in a real window: what it lists, what a click on a
// report or on the mute button emits, and that it hides when no report waits.
class UrgentBannerTest : public QObject
{
    Q_OBJECT

private:
    QQmlEngine m_engine;
    std::unique_ptr<QObject> m_window;
    QQuickItem *m_banner = nullptr;

    QQuickItem *item(const QString &objectName) const { return findItem(m_banner, objectName); }

private Q_SLOTS:
    void initTestCase() { m_engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml")); }

    void init()
    {
        QQmlComponent component(&m_engine);
        component.setData(bannerWindow, QUrl(QStringLiteral("qrc:/banner.qml")));
        m_window.reset(component.create());
        QVERIFY2(m_window, qPrintable(component.errorString()));
        QVERIFY(QTest::qWaitForWindowExposed(qobject_cast<QQuickWindow *>(m_window.get())));
        m_banner = m_window->property("banner").value<QQuickItem *>();
        QVERIFY(m_banner);
    }

    void cleanup() { m_window.reset(); }

    void listsEveryReport()
    {
        QVERIFY(m_banner->isVisible());
        QQuickItem *count = item(QStringLiteral("urgentCount"));
        QVERIFY(count);
        // No translation is loaded here, so only the number is checked.
        const QString text = count->property("text").toString();
        QVERIFY2(text.startsWith(QStringLiteral("2 ")), qPrintable(text));
        QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("urgentReport_r2")), 5000);
        QVERIFY(item(QStringLiteral("urgentReport_r1")));
    }

    void clickChoosesReport()
    {
        QSignalSpy chosen(m_banner, SIGNAL(reportChosen(QString)));
        QTRY_VERIFY_WITH_TIMEOUT(item(QStringLiteral("urgentReport_r2")), 5000);
        QQuickItem *chip = item(QStringLiteral("urgentReport_r2"));
        const QPointF centre = chip->mapToScene(QPointF(chip->width() / 2, chip->height() / 2));

        QTest::mouseClick(qobject_cast<QQuickWindow *>(m_window.get()), Qt::LeftButton, {},
                          centre.toPoint());

        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("r2"));
    }

    void muteButtonRequestsMute()
    {
        QSignalSpy requested(m_banner, SIGNAL(muteRequested(bool)));
        QQuickItem *button = item(QStringLiteral("urgentMute"));
        QVERIFY(button);
        QCOMPARE(button->property("text").toString(), QStringLiteral("Mute chime"));
        const QPointF centre =
            button->mapToScene(QPointF(button->width() / 2, button->height() / 2));

        QTest::mouseClick(qobject_cast<QQuickWindow *>(m_window.get()), Qt::LeftButton, {},
                          centre.toPoint());

        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toBool(), true);
        m_banner->setProperty("muted", true);
        QCOMPARE(button->property("text").toString(), QStringLiteral("Unmute chime"));
    }

    void countFollowsReports()
    {
        QVariantList reports = m_banner->property("reports").toList();
        reports.removeFirst();
        m_banner->setProperty("reports", reports);

        QVERIFY(m_banner->isVisible());
        const QString text = item(QStringLiteral("urgentCount"))->property("text").toString();
        QVERIFY2(text.startsWith(QStringLiteral("1 ")), qPrintable(text));
        QTRY_VERIFY_WITH_TIMEOUT(!item(QStringLiteral("urgentReport_r1")), 5000);
    }

    void hiddenWithoutReports()
    {
        m_banner->setProperty("reports", QVariantList());
        QVERIFY(!m_banner->isVisible());
    }
};

QTEST_MAIN(UrgentBannerTest)
#include "tst_urgentbanner.moc"
