#pragma once

#include <optional>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// Checked reads of JSON settings. Each reader returns nullopt (or false) on error and sets
// `error`, when it is not null, to "<key>: <problem>", naming the value at fault.
namespace CivicDesk::JsonFields {

// Returns the value as compact JSON text, for error messages.
QString valueText(const QJsonValue &value);

// Sets `error` to "<key>: <message>" and returns false.
bool fail(const QString &key, const QString &message, QString *error);

// Rejects keys that are not in `known`. `path` prefixes the key in the message ("" at the top).
bool checkKnownKeys(const QJsonObject &object, const QStringList &known, const QString &path,
                    QString *error);

std::optional<QString> readString(const QJsonValue &value, const QString &key, QString *error);
std::optional<bool> readBool(const QJsonValue &value, const QString &key, QString *error);

// Reads a whole number from `minimum` to `maximum`.
std::optional<int> readInt(const QJsonValue &value, const QString &key, int minimum, int maximum,
                           QString *error);

} // namespace CivicDesk::JsonFields
