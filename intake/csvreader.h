#pragma once

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace CivicDesk {

// One record of a CSV file.
struct CsvRow
{
    int line = 0; // 1-based line where the row starts; a quoted field may continue further
    QStringList fields;
};

struct CsvTable
{
    QList<CsvRow> rows; // every row including the header, in file order; blank lines are skipped
    QString error;      // "FILE:LINE:COLUMN: reason"; empty when the whole file was read

    bool ok() const { return error.isEmpty(); }
};

// Reads CSV text as RFC 4180 describes it, in UTF-8 with or without a byte order mark. Inside a
// quoted field, a doubled quote is one quote, and line breaks belong to the field exactly as
// written (CR LF stays CR LF). Rows end with LF or CR LF. A quote inside an unquoted field is
// kept as text. The errors are invalid UTF-8, an unterminated quoted field (reported at its
// opening quote) and text after a closing quote. Columns count characters.
CsvTable readCsv(const QByteArray &data, const QString &fileName, QChar delimiter = u',');

} // namespace CivicDesk
