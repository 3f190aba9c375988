#include "models/shortcuts.h"

#include <array>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcShortcuts, "civicdesk.shortcuts", QtInfoMsg)

namespace CivicDesk {

namespace {

const char *const context = "Shortcuts";
const QString settingsGroup = QStringLiteral("shortcuts");

QString translated(const char *text)
{
    return QCoreApplication::translate(context, text);
}

// One action of the operator's window. `fromQueue` marks the actions that work on the report
// open from the queue: only they may have a single key.
struct Action
{
    const char *id;
    const char *group;
    const char *description;
    const char *defaultKey;
    bool fromQueue;
};

// In the order of the shortcut sheet: by group, the most frequent actions first.
const std::array<Action, 27> actions{{
    {"claimNext", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Claim and open the next report"), "J",
     true},
    {"claim", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Claim the open report, or release it"), "L",
     true},
    {"classify", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Classify: field and urgency"), "C",
     true},
    {"forward", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Forward to an agency"), "F", true},
    {"reject", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Reject, with a reason"), "R", true},
    {"duplicate", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Mark as a duplicate"), "D", true},
    {"reveal", "triage", QT_TRANSLATE_NOOP("Shortcuts", "Show the reporter's name and phone"), "V",
     true},
    {"bulkForward", "bulk", QT_TRANSLATE_NOOP("Shortcuts", "Forward the marked reports"),
     "Shift+F", true},
    {"bulkClassify", "bulk", QT_TRANSLATE_NOOP("Shortcuts", "Set the field of the marked reports"),
     "Shift+C", true},
    {"bulkReject", "bulk", QT_TRANSLATE_NOOP("Shortcuts", "Reject the marked reports as spam"),
     "Shift+R", true},
    {"bulkUndo", "bulk", QT_TRANSLATE_NOOP("Shortcuts", "Undo the last bulk change"), "Ctrl+Z",
     true},
    {"acknowledge", "agency", QT_TRANSLATE_NOOP("Shortcuts", "Take an assigned report in hand"),
     "K", true},
    {"respond", "agency", QT_TRANSLATE_NOOP("Shortcuts", "Publish the public response"), "P", true},
    {"ask", "agency", QT_TRANSLATE_NOOP("Shortcuts", "Ask the citizen for more information"), "Q",
     true},
    {"answer", "agency", QT_TRANSLATE_NOOP("Shortcuts", "Record the citizen's answer"), "W", true},
    {"extension", "agency", QT_TRANSLATE_NOOP("Shortcuts", "Ask for more time"), "X", true},
    {"returnToCenter", "agency", QT_TRANSLATE_NOOP("Shortcuts", "Return the report to the center"),
     "T", true},
    {"decideExtension", "supervisor", QT_TRANSLATE_NOOP("Shortcuts", "Approve or refuse more time"),
     "H", true},
    {"reopen", "supervisor",
     QT_TRANSLATE_NOOP("Shortcuts", "Reopen a rejected, closed or duplicate report"), "O", true},
    {"note", "general", QT_TRANSLATE_NOOP("Shortcuts", "Add an internal note"), "N", true},
    {"editText", "general", QT_TRANSLATE_NOOP("Shortcuts", "Edit the report's text"), "E", true},
    {"attention", "general", QT_TRANSLATE_NOOP("Shortcuts", "Open the needs-attention list"), "A",
     true},
    {"search", "general", QT_TRANSLATE_NOOP("Shortcuts", "Search the queue"), "Ctrl+F", false},
    {"goToPlace", "general", QT_TRANSLATE_NOOP("Shortcuts", "Go to a ward or commune on the map"),
     "Ctrl+G", false},
    {"newReport", "general", QT_TRANSLATE_NOOP("Shortcuts", "New report from a hotline call"),
     "Ctrl+N", false},
    {"syncNow", "general", QT_TRANSLATE_NOOP("Shortcuts", "Sync now"), "F5", false},
    {"shortcutSheet", "general", QT_TRANSLATE_NOOP("Shortcuts", "Show the keyboard shortcuts"),
     "F1", false},
}};

QString groupName(const char *group)
{
    if (qstrcmp(group, "triage") == 0)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "Triage"));
    if (qstrcmp(group, "bulk") == 0)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "Marked reports"));
    if (qstrcmp(group, "agency") == 0)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "Agency work"));
    if (qstrcmp(group, "supervisor") == 0)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "Supervisors"));
    return translated(QT_TRANSLATE_NOOP("Shortcuts", "General"));
}

// Keys that move through lists and confirm or cancel in forms and popups, with or without
// modifiers: Shift+Enter starts a new line, Ctrl+Enter confirms a popup, Shift+Tab goes back.
bool isReservedKey(int key)
{
    switch (key) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Escape:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
    case Qt::Key_Space:
        return true;
    default:
        return false;
    }
}

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt ||
           key == Qt::Key_Meta || key == Qt::Key_AltGr || key == Qt::Key_unknown;
}

// Alt+1 to Alt+9 start a public response from a template while its editor is open.
bool isTemplateKey(QKeyCombination combination)
{
    return combination.keyboardModifiers() == Qt::AltModifier && combination.key() >= Qt::Key_1 &&
           combination.key() <= Qt::Key_9;
}

} // namespace

ShortcutModel::ShortcutModel(QObject *parent)
    : ShortcutModel(QString(), parent)
{}

ShortcutModel::ShortcutModel(const QString &settingsFile, QObject *parent)
    : QAbstractListModel(parent)
    , m_settingsFile(settingsFile)
{
    for (const Action &action : actions)
        m_keys.append(QString::fromLatin1(action.defaultKey));
    load();
}

ShortcutModel::~ShortcutModel() = default;

std::unique_ptr<QSettings> ShortcutModel::openSettings() const
{
    auto settings = m_settingsFile.isEmpty()
                        ? std::make_unique<QSettings>()
                        : std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
    settings->beginGroup(settingsGroup);
    return settings;
}

// Applies the stored keys one by one, checked as an assignment is. A stored key that is no
// longer valid, such as one a newer version gives to a new action by default, is ignored.
void ShortcutModel::load()
{
    const auto settings = openSettings();
    for (qsizetype row = 0; row < qsizetype(actions.size()); ++row) {
        const QString id = QString::fromLatin1(actions[row].id);
        if (!settings->contains(id))
            continue;

        const QString stored = settings->value(id).toString();
        const QString rejection = validate(id, stored);
        if (rejection.isEmpty())
            m_keys[row] = QKeySequence(stored, QKeySequence::PortableText)
                              .toString(QKeySequence::PortableText);
        else
            qCWarning(lcShortcuts).noquote()
                << "stored key" << stored << "of" << id << "ignored:" << rejection;
    }
}

void ShortcutModel::store(qsizetype row) const
{
    const auto settings = openSettings();
    const QString id = QString::fromLatin1(actions[row].id);
    if (m_keys.at(row) == QLatin1String(actions[row].defaultKey))
        settings->remove(id);
    else
        settings->setValue(id, m_keys.at(row));
}

int ShortcutModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(actions.size());
}

QVariant ShortcutModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};

    const Action &action = actions[index.row()];
    switch (role) {
    case ActionIdRole:
        return QString::fromLatin1(action.id);
    case Qt::DisplayRole:
    case DescriptionRole:
        return translated(action.description);
    case GroupRole:
        return QString::fromLatin1(action.group);
    case GroupNameRole:
        return groupName(action.group);
    case KeyRole:
        return m_keys.at(index.row());
    case DefaultKeyRole:
        return QString::fromLatin1(action.defaultKey);
    case ModifiedRole:
        return m_keys.at(index.row()) != QLatin1String(action.defaultKey);
    case FromQueueRole:
        return action.fromQueue;
    default:
        return {};
    }
}

QHash<int, QByteArray> ShortcutModel::roleNames() const
{
    return {
        {ActionIdRole, "actionId"}, {DescriptionRole, "description"},
        {GroupRole, "group"},       {GroupNameRole, "groupName"},
        {KeyRole, "key"},           {DefaultKeyRole, "defaultKey"},
        {ModifiedRole, "modified"}, {FromQueueRole, "fromQueue"},
    };
}

QVariantMap ShortcutModel::keys() const
{
    QVariantMap keys;
    for (qsizetype row = 0; row < qsizetype(actions.size()); ++row)
        keys.insert(QString::fromLatin1(actions[row].id), m_keys.at(row));
    return keys;
}

bool ShortcutModel::isModified() const
{
    for (qsizetype row = 0; row < qsizetype(actions.size()); ++row) {
        if (m_keys.at(row) != QLatin1String(actions[row].defaultKey))
            return true;
    }
    return false;
}

qsizetype ShortcutModel::rowOf(const QString &actionId) const
{
    for (qsizetype row = 0; row < qsizetype(actions.size()); ++row) {
        if (actionId == QLatin1String(actions[row].id))
            return row;
    }
    return -1;
}

QString ShortcutModel::keyOf(const QString &actionId) const
{
    const qsizetype row = rowOf(actionId);
    return row < 0 ? QString() : m_keys.at(row);
}

QString ShortcutModel::descriptionOf(const QString &actionId) const
{
    const qsizetype row = rowOf(actionId);
    return row < 0 ? QString() : translated(actions[row].description);
}

// Returns the description of the other action that has `sequence`, or an empty string.
QString ShortcutModel::collisionWith(qsizetype row, const QKeySequence &sequence) const
{
    for (qsizetype other = 0; other < qsizetype(actions.size()); ++other) {
        if (other != row && QKeySequence(m_keys.at(other)) == sequence)
            return translated(actions[other].description);
    }
    return {};
}

QString ShortcutModel::validate(const QString &actionId, const QString &key) const
{
    const qsizetype row = rowOf(actionId);
    if (row < 0)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "No action has the id “%1”."))
            .arg(actionId);

    const QKeySequence sequence(key, QKeySequence::PortableText);
    if (sequence.isEmpty() || sequence[0].key() == Qt::Key_unknown)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "“%1” is not a key combination."))
            .arg(key);
    const QString text = sequence.toString(QKeySequence::PortableText);
    if (sequence.count() > 1)
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "%1 is a sequence of several keys. "
                                                         "Press one key combination."))
            .arg(text);

    const QKeyCombination combination = sequence[0];
    if (isModifierKey(combination.key()))
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "%1 alone cannot be a shortcut. Hold "
                                                         "it and press another key."))
            .arg(text);
    if (isReservedKey(combination.key()))
        return translated(QT_TRANSLATE_NOOP("Shortcuts",
                                            "%1 is reserved for moving through lists and for "
                                            "confirming or cancelling. Choose another key."))
            .arg(text);
    if (isTemplateKey(combination))
        return translated(QT_TRANSLATE_NOOP("Shortcuts",
                                            "%1 picks a template in the public response. "
                                            "Choose another key."))
            .arg(text);
    if (isSingleKey(text) && !actions[row].fromQueue)
        return translated(QT_TRANSLATE_NOOP("Shortcuts",
                                            "%1 is a single key, which acts only in the queue, "
                                            "but “%2” acts everywhere. Add Ctrl or Alt, or "
                                            "choose a function key."))
            .arg(text, translated(actions[row].description));

    const QString other = collisionWith(row, sequence);
    if (!other.isEmpty())
        return translated(QT_TRANSLATE_NOOP("Shortcuts", "%1 is already the key of “%2”."))
            .arg(text, other);
    return {};
}

void ShortcutModel::setKey(qsizetype row, const QString &key)
{
    if (m_keys.at(row) == key)
        return;

    qCInfo(lcShortcuts).noquote() << "key of" << actions[row].id << "changed from" << m_keys.at(row)
                                  << "to" << key;
    m_keys[row] = key;
    store(row);
    const QModelIndex changed = index(int(row));
    Q_EMIT dataChanged(changed, changed, {KeyRole, ModifiedRole});
    Q_EMIT keysChanged();
}

QString ShortcutModel::assign(const QString &actionId, const QString &key)
{
    const QString rejection = validate(actionId, key);
    if (!rejection.isEmpty())
        return rejection;

    setKey(rowOf(actionId),
           QKeySequence(key, QKeySequence::PortableText).toString(QKeySequence::PortableText));
    return {};
}

QString ShortcutModel::reset(const QString &actionId)
{
    const qsizetype row = rowOf(actionId);
    if (row < 0)
        return validate(actionId, QString());

    return assign(actionId, QString::fromLatin1(actions[row].defaultKey));
}

void ShortcutModel::resetAll()
{
    for (qsizetype row = 0; row < qsizetype(actions.size()); ++row)
        setKey(row, QString::fromLatin1(actions[row].defaultKey));
}

void ShortcutModel::retranslate()
{
    Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                       {Qt::DisplayRole, DescriptionRole, GroupNameRole});
}

QString ShortcutModel::keyText(int key, int modifiers)
{
    if (isModifierKey(key))
        return {};

    // Dropping the keypad modifier makes the keypad's digits the same keys as the main ones.
    const auto mask = Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    const auto pressed = Qt::KeyboardModifiers::fromInt(modifiers) & mask;
    return QKeySequence(QKeyCombination(pressed, Qt::Key(key)))
        .toString(QKeySequence::PortableText);
}

bool ShortcutModel::isSingleKey(const QString &key)
{
    const QKeySequence sequence(key, QKeySequence::PortableText);
    if (sequence.isEmpty())
        return false;

    const QKeyCombination combination = sequence[0];
    const auto commands = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    const bool functionKey = combination.key() >= Qt::Key_F1 && combination.key() <= Qt::Key_F35;
    return !(combination.keyboardModifiers() & commands) && !functionKey;
}

} // namespace CivicDesk
