#pragma once

#include "core/codes.h"
#include "core/report.h"

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace CivicDesk {

// Free-text fields of a report that operators edit. Two operators' edits of different fields
// both survive; an edit of a field that someone else changed first is a conflict.
enum class TextField
{
    Title,
    Description,
    Address,
    PublicResponse,
};

QString textFieldCode(TextField field); // the report column: "title", "public_response"
std::optional<TextField> textFieldFromCode(const QString &code);
QList<TextField> allTextFields();

QString textFieldValue(const Report &report, TextField field);
void setTextFieldValue(Report &report, TextField field, const QString &value);

// Maximum length in characters (UTF-16 code units) that an edit may give a field.
int maxTextFieldLength(TextField field);

// Returns whether an operator may edit the field in that state. Title, description and address
// stay editable until the work on the report ends (closed, rejected, duplicate). The public
// response exists from the agency's response on and is checked by the center before it is
// published at closing, so it is editable only while the report is in progress or resolved.
bool isTextFieldEditable(TextField field, Status status);
// Returns whether a kind of user may edit the field at all: operators and supervisors every
// text field, an agency its public response alone, other roles none.
bool mayEditTextField(TextField field, Role role);

// One field of an edit: the value the operator saw and the value they wrote.
struct TextChange
{
    TextField field = TextField::Title;
    QString from;
    QString to;

    bool operator==(const TextChange &) const = default;
};

// Payload of an edit operation: {"fields": {"title": {"from": "...", "to": "..."}, ...}}.
QJsonObject textEditPayload(const QList<TextChange> &changes);
// Reads the changes of an edit payload in the order of allTextFields(). Returns std::nullopt
// and sets `error` for an unknown field, a missing value or an empty list.
std::optional<QList<TextChange>> textChangesOf(const QJsonObject &payload, QString *error);

} // namespace CivicDesk
