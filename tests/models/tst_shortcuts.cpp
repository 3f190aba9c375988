#include "models/shortcuts.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace CivicDesk;

// The keys of the operator's window: checked before they change, kept in a settings file of the
// test's own, and reset to their defaults.
class ShortcutsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("civicdesk.ini")); }

    static QString rowValue(const ShortcutModel &model, const QString &id, int role)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            if (index.data(ShortcutModel::ActionIdRole).toString() == id)
                return index.data(role).toString();
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(settingsFile());
    }

    void modelConsistent()
    {
        ShortcutModel model(settingsFile());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 27);
        QCOMPARE(model.assign(QStringLiteral("classify"), QStringLiteral("Y")), QString());
        model.retranslate();
        model.resetAll();
    }

    void defaultsHaveDistinctKeys()
    {
        ShortcutModel model(settingsFile());
        const QVariantMap keys = model.keys();
        QCOMPARE(keys.value(QStringLiteral("classify")).toString(), QStringLiteral("C"));
        QCOMPARE(keys.value(QStringLiteral("search")).toString(), QStringLiteral("Ctrl+F"));
        QCOMPARE(keys.value(QStringLiteral("shortcutSheet")).toString(), QStringLiteral("F1"));
        QSet<QString> distinct;
        for (const QVariant &key : keys)
            distinct.insert(key.toString());
        QCOMPARE(distinct.size(), keys.size());
        QVERIFY(!model.isModified());
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            QVERIFY2(model.validate(it.key(), it.value().toString()).isEmpty(),
                     qPrintable(it.key()));
    }

    void assignedKeyTakesEffect()
    {
        ShortcutModel model(settingsFile());
        QSignalSpy keysChanged(&model, &ShortcutModel::keysChanged);
        QCOMPARE(model.assign(QStringLiteral("classify"), QStringLiteral("y")), QString());
        QCOMPARE(model.keyOf(QStringLiteral("classify")), QStringLiteral("Y"));
        QCOMPARE(keysChanged.count(), 1);
        QVERIFY(model.isModified());
        QCOMPARE(rowValue(model, QStringLiteral("classify"), ShortcutModel::ModifiedRole),
                 QStringLiteral("true"));
        QCOMPARE(rowValue(model, QStringLiteral("classify"), ShortcutModel::DefaultKeyRole),
                 QStringLiteral("C"));
        // The old key is free again.
        QCOMPARE(model.assign(QStringLiteral("forward"), QStringLiteral("C")), QString());
    }

    void rejectedKeysChangeNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reasonContains");

        QTest::newRow("collision") << "classify"
                                   << "F"
                                   << "Forward to an agency";
        QTest::newRow("collision with modifiers") << "newReport"
                                                  << "Ctrl+F"
                                                  << "Search the queue";
        QTest::newRow("arrow") << "classify"
                               << "Down"
                               << "reserved";
        QTest::newRow("arrow with Ctrl") << "search"
                                         << "Ctrl+Up"
                                         << "reserved";
        QTest::newRow("page down") << "classify"
                                   << "PgDown"
                                   << "reserved";
        QTest::newRow("enter") << "classify"
                               << "Return"
                               << "reserved";
        QTest::newRow("keypad enter") << "classify"
                                      << "Enter"
                                      << "reserved";
        QTest::newRow("ctrl enter") << "syncNow"
                                    << "Ctrl+Return"
                                    << "reserved";
        QTest::newRow("escape") << "classify"
                                << "Esc"
                                << "reserved";
        QTest::newRow("tab") << "classify"
                             << "Tab"
                             << "reserved";
        QTest::newRow("space") << "classify"
                               << "Space"
                               << "reserved";
        QTest::newRow("shift alone") << "classify"
                                     << "Shift"
                                     << "alone";
        QTest::newRow("response template") << "syncNow"
                                           << "Alt+3"
                                           << "template";
        QTest::newRow("letter for a window-wide action") << "search"
                                                         << "S"
                                                         << "single key";
        QTest::newRow("digit for a window-wide action") << "newReport"
                                                        << "7"
                                                        << "single key";
        QTest::newRow("two chords") << "classify"
                                    << "Ctrl+K, Ctrl+C"
                                    << "several keys";
        QTest::newRow("not a key") << "classify"
                                   << "Ctrl+Nothing"
                                   << "not a key";
        QTest::newRow("unknown action") << "fly"
                                        << "Y"
                                        << "fly";
    }

    void rejectedKeysChangeNothing()
    {
        QFETCH(QString, action);
        QFETCH(QString, key);
        QFETCH(QString, reasonContains);

        ShortcutModel model(settingsFile());
        const QVariantMap before = model.keys();
        QSignalSpy keysChanged(&model, &ShortcutModel::keysChanged);
        const QString reason = model.assign(action, key);
        QVERIFY2(reason.contains(reasonContains), qPrintable(reason));
        QCOMPARE(model.validate(action, key), reason);
        QCOMPARE(model.keys(), before);
        QCOMPARE(keysChanged.count(), 0);
        QVERIFY(!QSettings(settingsFile(), QSettings::IniFormat)
                     .childGroups()
                     .contains(QStringLiteral("shortcuts")));
    }

    void collisionNamesKeyAndAction()
    {
        ShortcutModel model(settingsFile());
        QCOMPARE(model.assign(QStringLiteral("classify"), QStringLiteral("R")),
                 QStringLiteral("R is already the key of “Reject, with a reason”."));
    }

    void windowWideActionsTakeModifiedKeys_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("key");

        QTest::newRow("function key") << "search"
                                      << "F3";
        QTest::newRow("ctrl and shift") << "newReport"
                                        << "Ctrl+Shift+N";
        QTest::newRow("alt and a letter") << "syncNow"
                                          << "Alt+S";
        QTest::newRow("queue action on a function key") << "classify"
                                                        << "F7";
        QTest::newRow("queue action on a digit") << "classify"
                                                 << "3";
        QTest::newRow("queue action on shift and a letter") << "reject"
                                                            << "Shift+Y";
    }

    void windowWideActionsTakeModifiedKeys()
    {
        QFETCH(QString, action);
        QFETCH(QString, key);

        ShortcutModel model(settingsFile());
        QCOMPARE(model.assign(action, key), QString());
        QCOMPARE(model.keyOf(action), key);
    }

    void singleKeysRecognised()
    {
        QVERIFY(ShortcutModel::isSingleKey(QStringLiteral("C")));
        QVERIFY(ShortcutModel::isSingleKey(QStringLiteral("Shift+C")));
        QVERIFY(ShortcutModel::isSingleKey(QStringLiteral("4")));
        QVERIFY(!ShortcutModel::isSingleKey(QStringLiteral("Ctrl+C")));
        QVERIFY(!ShortcutModel::isSingleKey(QStringLiteral("Alt+C")));
        QVERIFY(!ShortcutModel::isSingleKey(QStringLiteral("Meta+C")));
        QVERIFY(!ShortcutModel::isSingleKey(QStringLiteral("F5")));
        QVERIFY(!ShortcutModel::isSingleKey(QStringLiteral("Shift+F5")));
        QVERIFY(!ShortcutModel::isSingleKey(QString()));
    }

    void keyPressesBecomeText()
    {
        QCOMPARE(ShortcutModel::keyText(Qt::Key_K, int(Qt::ControlModifier | Qt::ShiftModifier)),
                 QStringLiteral("Ctrl+Shift+K"));
        QCOMPARE(ShortcutModel::keyText(Qt::Key_G, int(Qt::NoModifier)), QStringLiteral("G"));
        QCOMPARE(ShortcutModel::keyText(Qt::Key_7, int(Qt::KeypadModifier)), QStringLiteral("7"));
        QCOMPARE(ShortcutModel::keyText(Qt::Key_F2, int(Qt::NoModifier)), QStringLiteral("F2"));
        QCOMPARE(ShortcutModel::keyText(Qt::Key_Shift, int(Qt::ShiftModifier)), QString());
        QCOMPARE(ShortcutModel::keyText(Qt::Key_Control, int(Qt::ControlModifier)), QString());
    }

    void keysSurviveRestart()
    {
        {
            ShortcutModel first(settingsFile());
            QCOMPARE(first.assign(QStringLiteral("classify"), QStringLiteral("Y")), QString());
            QCOMPARE(first.assign(QStringLiteral("syncNow"), QStringLiteral("Ctrl+R")), QString());
        }
        ShortcutModel second(settingsFile());
        QCOMPARE(second.keyOf(QStringLiteral("classify")), QStringLiteral("Y"));
        QCOMPARE(second.keyOf(QStringLiteral("syncNow")), QStringLiteral("Ctrl+R"));
        QCOMPARE(second.keyOf(QStringLiteral("forward")), QStringLiteral("F"));

        // Only the keys that differ from the defaults are stored.
        QSettings stored(settingsFile(), QSettings::IniFormat);
        stored.beginGroup(QStringLiteral("shortcuts"));
        QCOMPARE(stored.childKeys(),
                 QStringList({QStringLiteral("classify"), QStringLiteral("syncNow")}));
    }

    void invalidStoredKeyIgnored()
    {
        {
            QSettings stored(settingsFile(), QSettings::IniFormat);
            stored.setValue(QStringLiteral("shortcuts/classify"), QStringLiteral("F"));
            stored.setValue(QStringLiteral("shortcuts/reject"), QStringLiteral("Up"));
            stored.setValue(QStringLiteral("shortcuts/note"), QStringLiteral("M"));
        }
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("stored key F of classify ignored")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("stored key Up of reject ignored")));
        ShortcutModel model(settingsFile());
        QCOMPARE(model.keyOf(QStringLiteral("classify")), QStringLiteral("C"));
        QCOMPARE(model.keyOf(QStringLiteral("reject")), QStringLiteral("R"));
        QCOMPARE(model.keyOf(QStringLiteral("note")), QStringLiteral("M"));
    }

    void resetRestoresDefaults()
    {
        {
            ShortcutModel first(settingsFile());
            QCOMPARE(first.assign(QStringLiteral("classify"), QStringLiteral("Y")), QString());
            QCOMPARE(first.assign(QStringLiteral("reject"), QStringLiteral("Z")), QString());
            QCOMPARE(first.assign(QStringLiteral("note"), QStringLiteral("C")), QString());

            // C belongs to the note now, so classify cannot have it back.
            const QString reason = first.reset(QStringLiteral("classify"));
            QVERIFY2(reason.contains(QStringLiteral("Add an internal note")), qPrintable(reason));
            QCOMPARE(first.keyOf(QStringLiteral("classify")), QStringLiteral("Y"));

            QCOMPARE(first.reset(QStringLiteral("reject")), QString());
            QCOMPARE(first.keyOf(QStringLiteral("reject")), QStringLiteral("R"));
            QCOMPARE(first.keyOf(QStringLiteral("classify")), QStringLiteral("Y"));
        }
        ShortcutModel second(settingsFile());
        QCOMPARE(second.keyOf(QStringLiteral("reject")), QStringLiteral("R"));
        QCOMPARE(second.keyOf(QStringLiteral("note")), QStringLiteral("C"));
        QSignalSpy keysChanged(&second, &ShortcutModel::keysChanged);
        second.resetAll();
        QVERIFY(!second.isModified());
        QCOMPARE(second.keyOf(QStringLiteral("classify")), QStringLiteral("C"));
        QCOMPARE(second.keyOf(QStringLiteral("note")), QStringLiteral("N"));
        QVERIFY(keysChanged.count() > 0);

        ShortcutModel third(settingsFile());
        QVERIFY(!third.isModified());
        QSettings stored(settingsFile(), QSettings::IniFormat);
        stored.beginGroup(QStringLiteral("shortcuts"));
        QVERIFY(stored.childKeys().isEmpty());
    }
};

QTEST_GUILESS_MAIN(ShortcutsTest)
#include "tst_shortcuts.moc"
