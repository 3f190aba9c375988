#include "core/textedit.h"

#include <array>
#include <utility>

namespace CivicDesk {
namespace {

constexpr std::array<std::pair<TextField, const char *>, 4> fieldCodes{{
    {TextField::Title, "title"},
    {TextField::Description, "description"},
    {TextField::Address, "address"},
    {TextField::PublicResponse, "public_response"},
}};

} // namespace

QString textFieldCode(TextField field)
{
    for (const auto &[entry, code] : fieldCodes) {
        if (entry == field)
            return QString::fromLatin1(code);
    }
    return {};
}

std::optional<TextField> textFieldFromCode(const QString &code)
{
    for (const auto &[entry, name] : fieldCodes) {
        if (code == QLatin1String(name))
            return entry;
    }
    return std::nullopt;
}

QList<TextField> allTextFields()
{
    QList<TextField> fields;
    for (const auto &[entry, code] : fieldCodes)
        fields.append(entry);
    return fields;
}

QString textFieldValue(const Report &report, TextField field)
{
    switch (field) {
    case TextField::Title:
        return report.title;
    case TextField::Description:
        return report.description;
    case TextField::Address:
        return report.address;
    case TextField::PublicResponse:
        return report.publicResponse;
    }
    return {};
}

void setTextFieldValue(Report &report, TextField field, const QString &value)
{
    switch (field) {
    case TextField::Title:
        report.title = value;
        break;
    case TextField::Description:
        report.description = value;
        break;
    case TextField::Address:
        report.address = value;
        break;
    case TextField::PublicResponse:
        report.publicResponse = value;
        break;
    }
}

int maxTextFieldLength(TextField field)
{
    // Limits chosen for this product: titles and addresses are one line in the queue and on the
    // phone, while descriptions and responses are the citizen's and the agency's own words.
    switch (field) {
    case TextField::Title:
    case TextField::Address:
        return 500;
    case TextField::Description:
    case TextField::PublicResponse:
        return 20000;
    }
    return 0;
}

bool isTextFieldEditable(TextField field, Status status)
{
    if (field == TextField::PublicResponse)
        return status == Status::InProgress || status == Status::Resolved;
    return status != Status::Closed && status != Status::Rejected && status != Status::Duplicate;
}

bool mayEditTextField(TextField field, Role role)
{
    switch (role) {
    case Role::Operator:
    case Role::Supervisor:
        return true;
    case Role::Agency:
        return field == TextField::PublicResponse;
    default:
        return false;
    }
}

QJsonObject textEditPayload(const QList<TextChange> &changes)
{
    QJsonObject fields;
    for (const TextChange &change : changes) {
        fields.insert(textFieldCode(change.field), QJsonObject{{QLatin1String("from"), change.from},
                                                               {QLatin1String("to"), change.to}});
    }
    return {{QLatin1String("fields"), fields}};
}

std::optional<QList<TextChange>> textChangesOf(const QJsonObject &payload, QString *error)
{
    const QJsonObject fields = payload.value(QLatin1String("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonObject change = it.value().toObject();
        if (!textFieldFromCode(it.key())) {
            *error = QStringLiteral("unknown text field \"%1\"").arg(it.key());
            return std::nullopt;
        }
        if (!change.value(QLatin1String("from")).isString() ||
            !change.value(QLatin1String("to")).isString()) {
            *error = QStringLiteral("the edit of \"%1\" needs the value seen and the new value")
                         .arg(it.key());
            return std::nullopt;
        }
    }

    QList<TextChange> changes;
    for (TextField field : allTextFields()) {
        const QJsonObject change = fields.value(textFieldCode(field)).toObject();
        if (change.isEmpty())
            continue;
        changes.append({field, change.value(QLatin1String("from")).toString(),
                        change.value(QLatin1String("to")).toString()});
    }
    if (changes.isEmpty()) {
        *error = QStringLiteral("an edit needs at least one field");
        return std::nullopt;
    }
    return changes;
}

} // namespace CivicDesk
