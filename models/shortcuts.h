#pragma once

#include <memory>
#include <QAbstractListModel>
#include <QKeySequence>
#include <QQmlEngine>
#include <QVariantMap>

class QSettings;

namespace CivicDesk {

// The keyboard shortcuts of the operator's window: one row per action, in the order of the
// shortcut sheet, with its group, its default key and the key in use. A key is one key
// combination in portable text ("C", "Ctrl+F", "F5"). Keys that differ from the default are
// kept in the settings, group "shortcuts", under the action's id.
//
// A single key (a key without Ctrl, Alt or Meta, other than F1 to F35) acts only while the
// queue has the keyboard, so that it never steals a letter typed into a text field. Only the
// actions that work from the queue may have one; the others act window-wide.
class ShortcutModel : public QAbstractListModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Shortcuts)
    QML_SINGLETON

    // Key in use of every action, by action id: {"classify": "C", "search": "Ctrl+F", ...}.
    Q_PROPERTY(QVariantMap keys READ keys NOTIFY keysChanged)
    // Whether any action has a key other than its default.
    Q_PROPERTY(bool modified READ isModified NOTIFY keysChanged)

public:
    enum Role
    {
        ActionIdRole = Qt::UserRole + 1,
        DescriptionRole,
        GroupRole,
        GroupNameRole,
        KeyRole,
        DefaultKeyRole,
        ModifiedRole,
        FromQueueRole,
    };
    Q_ENUM(Role)

    // Reads the keys from the application's default settings.
    explicit ShortcutModel(QObject *parent = nullptr);
    // Reads the keys from the INI file `settingsFile`.
    explicit ShortcutModel(const QString &settingsFile, QObject *parent = nullptr);
    ~ShortcutModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QVariantMap keys() const;
    bool isModified() const;

    Q_INVOKABLE QString keyOf(const QString &actionId) const;
    Q_INVOKABLE QString descriptionOf(const QString &actionId) const;

    // Returns why `key` cannot become the key of `actionId`, as a translated sentence that names
    // the key and, on a collision, the other action. Returns an empty string for a valid key.
    Q_INVOKABLE QString validate(const QString &actionId, const QString &key) const;
    // Makes `key` the key of `actionId` and stores it. Returns the reason of a rejection, as
    // validate() does, and changes nothing then.
    Q_INVOKABLE QString assign(const QString &actionId, const QString &key);
    // Gives `actionId` its default key back, unless another action uses that key now. Returns
    // the reason of a rejection, as validate() does.
    Q_INVOKABLE QString reset(const QString &actionId);
    // Gives every action its default key back.
    Q_INVOKABLE void resetAll();
    // Reloads the descriptions and group names after a change of the interface language.
    Q_INVOKABLE void retranslate();

    // Returns the portable text of a key press, such as "Ctrl+Shift+K", or an empty string for
    // a press of a modifier alone. `key` and `modifiers` are those of a key event.
    Q_INVOKABLE static QString keyText(int key, int modifiers);
    // Whether `key` is a single key, which acts only while the queue has the keyboard.
    Q_INVOKABLE static bool isSingleKey(const QString &key);

Q_SIGNALS:
    void keysChanged();

private:
    std::unique_ptr<QSettings> openSettings() const;
    void load();
    void store(qsizetype row) const;
    qsizetype rowOf(const QString &actionId) const;
    QString collisionWith(qsizetype row, const QKeySequence &sequence) const;
    void setKey(qsizetype row, const QString &key);

    QString m_settingsFile;
    QList<QString> m_keys;
};

} // namespace CivicDesk
