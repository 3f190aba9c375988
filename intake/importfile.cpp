#include "intake/importfile.h"

#include "intake/csvimport.h"
#include "intake/importcommon.h"
#include "intake/open311.h"

#include <QFile>
#include <QHash>
#include <QStringDecoder>

namespace CivicDesk {
namespace {

char firstSignificantByte(const QByteArray &data)
{
    const qsizetype start = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (qsizetype i = start; i < data.size(); ++i) {
        const char ch = data.at(i);
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            return ch;
    }
    return '\0';
}

ParsedFile failedFile(const QString &path, const QString &error)
{
    ParsedFile file;
    file.path = path;
    file.error = error;
    logImportResult(file);
    return file;
}

} // namespace

namespace {

// A CSV contains text: no NUL byte and valid UTF-8.
bool looksLikeText(const QByteArray &data)
{
    if (data.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(data);
    return !decoder.hasError() && !text.contains(QChar::ReplacementCharacter);
}

// A second record with the same source id updates the first one on import. The warning matters
// because a source that reuses ids loses the earlier record.
void warnRepeatedIds(ParsedFile &file)
{
    QHash<QString, int> firstRecord;
    int repeats = 0;
    for (const IncomingReport &record : std::as_const(file.reports)) {
        const QString id = record.report.sourceId;
        const auto found = firstRecord.constFind(id);
        if (found == firstRecord.cend()) {
            firstRecord.insert(id, record.recordNumber);
            continue;
        }
        if (++repeats <= 5)
            file.warnings.append(QStringLiteral("%1: record %2 repeats the id %3 of record %4; "
                                                "it updates that report")
                                     .arg(file.path, QString::number(record.recordNumber), id,
                                          QString::number(*found)));
    }
    if (repeats > 5)
        file.warnings.append(QStringLiteral("%1: %2 more records repeat an earlier id")
                                 .arg(file.path)
                                 .arg(repeats - 5));
}

} // namespace

ParsedFile readImportFile(const QString &path, const ImportOptions &options)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly))
        return failedFile(
            path, QStringLiteral("%1: cannot read the file: %2").arg(path, input.errorString()));
    const QByteArray data = input.readAll();
    if (input.error() != QFileDevice::NoError)
        return failedFile(path,
                          QStringLiteral("%1: reading failed: %2").arg(path, input.errorString()));

    ImportOptions effective = options;
    effective.source = importSourceName(options, path);

    ParsedFile file;
    switch (firstSignificantByte(data)) {
    case '\0':
        return failedFile(path, path + QStringLiteral(": the file is empty"));
    case '{':
    case '[':
        file = readOpen311Json(data, path, effective);
        break;
    case '<':
        file = readOpen311Xml(data, path, effective);
        break;
    default:
        if (!looksLikeText(data))
            return failedFile(path, path + QStringLiteral(": not a text file (Open311 JSON or "
                                                          "XML, or CSV in UTF-8, was expected)"));
        file = readCsvReports(data, path, effective);
        break;
    }
    warnRepeatedIds(file);
    return file;
}

} // namespace CivicDesk
