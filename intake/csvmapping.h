#pragma once

#include <QByteArray>
#include <QChar>
#include <QHash>
#include <QString>
#include <QStringList>

namespace CivicDesk {

// Rules that turn the columns of one kind of CSV file into report fields. intake/MAPPING.md
// describes the JSON form.
struct CsvMapping
{
    QString path; // the mapping file, for messages
    QChar delimiter = u',';
    QHash<QString, QStringList> columns;            // field -> columns, first non-empty wins
    QHash<QString, QHash<QString, QString>> values; // field -> source text -> value ("*": other)
    QStringList dateFormats;                        // QDateTime::fromString formats, in order
    QHash<QString, QString> defaults;               // field -> value when the cells are empty
    QString mediaSeparator = QStringLiteral(";");
    QString phoneCountryCode = QStringLiteral("84"); // for numbers written in national form
};

struct CsvMappingResult
{
    CsvMapping mapping;
    QString error; // names the mapping file and the problem; empty when the mapping is valid

    bool ok() const { return error.isEmpty(); }
};

// Returns the report fields that a mapping may name, in the order MAPPING.md lists them.
QStringList csvMappingFields();

// Parses and checks a mapping: known keys and field names, codes that exist for status,
// channel and priority, and a column for each required field (source_id, received_at,
// description). `path` names the file in messages.
CsvMappingResult parseCsvMapping(const QByteArray &json, const QString &path);

// Reads and parses a mapping file.
CsvMappingResult loadCsvMapping(const QString &path);

} // namespace CivicDesk
