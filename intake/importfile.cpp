#include "intake/importfile.h"

#include "intake/csvimport.h"
#include "intake/importcommon.h"
#include "intake/open311.h"

#include <QFile>

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

    switch (firstSignificantByte(data)) {
    case '\0':
        return failedFile(path, path + QStringLiteral(": the file is empty"));
    case '{':
    case '[':
        return readOpen311Json(data, path, effective);
    case '<':
        return readOpen311Xml(data, path, effective);
    default:
        return readCsvReports(data, path, effective);
    }
}

} // namespace CivicDesk
