#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace CivicDesk {

// Maximum nesting of arrays and objects that parseJson() accepts.
inline constexpr int maxJsonDepth = 256;

// A key that appeared more than once in one JSON object.
struct JsonRepeatedKey
{
    QString key;
    int line = 0; // line of the repeated occurrence
};

struct JsonParseResult
{
    QJsonValue root{QJsonValue::Undefined}; // stays undefined when the text is invalid
    QString error; // "FILE:LINE:COLUMN: reason"; empty when the text was valid JSON
    QList<JsonRepeatedKey> repeatedKeys;

    // Line where each element starts, for the top-level array (key "") and for every array that
    // is a member of the top-level object (key: the member's name).
    QHash<QString, QList<int>> elementLines;

    bool ok() const { return error.isEmpty(); }
};

// Parses JSON text in UTF-8, with or without a byte order mark, as RFC 8259 defines it.
// Unlike QJsonDocument (Qt 6.4), which keeps the last value of a repeated key, this keeps the first
// value that is not a placeholder (JSON null or the string "null"), because some real Open311 feeds
// repeat keys with the real value first. Every repetition is listed in repeatedKeys. Lines and
// columns in errors are 1-based, and columns count characters, not bytes.
JsonParseResult parseJson(const QByteArray &data, const QString &fileName);

} // namespace CivicDesk
