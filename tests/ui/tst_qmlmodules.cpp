#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QTest>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

// Loads every QML module of the program once, so that a module whose types were lost at
// link time (a static module linked without its plugin) fails here.
class QmlModulesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsEachModule_data()
    {
        QTest::addColumn<QByteArray>("qml");
        QTest::newRow("CivicDesk.Ui")
            << QByteArray("import QtQuick\nimport CivicDesk.Ui\n"
                          "StatusChip { stateColor: \"red\"; text: \"x\" }");
        QTest::newRow("CivicDesk.Map") << QByteArray(
            "import QtQuick\nimport CivicDesk.Map\nMapView { width: 10; height: 10 }");
        QTest::newRow("CivicDesk.Models")
            << QByteArray("import QtQuick\nimport CivicDesk.Models\n"
                          "Item { property int column: QueueModel.ReportIdRole }");
        QTest::newRow("CivicDesk.Operator")
            << QByteArray("import QtQuick\nimport CivicDesk.Operator\n"
                          "Timeline { events: [] }");
    }

    void importsEachModule()
    {
        QFETCH(QByteArray, qml);
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        QQmlComponent component(&engine);
        component.setData(qml, QUrl(QStringLiteral("qrc:/test.qml")));
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
    }
};

QTEST_MAIN(QmlModulesTest)
#include "tst_qmlmodules.moc"
