#include "intake/csvimport.h"

#include "core/phone.h"
#include "core/timeutil.h"
#include "intake/csvreader.h"
#include "intake/importcommon.h"

#include <cmath>
#include <QDir>
#include <QFileInfo>

namespace CivicDesk {
namespace {

// The value of one field in one row, with where it came from for messages.
struct FieldValue
{
    QString text;   // after the "values" table, or the default when every cell was empty
    QString source; // the cell's text as written (trimmed), empty when the default applied
};

// Fields whose text is kept exactly as written; the others are trimmed.
bool keepsWhitespace(const QString &field)
{
    return field == QLatin1String("description") || field == QLatin1String("public_response");
}

class RowConverter
{
public:
    RowConverter(ParsedFile &file, const CsvMapping &mapping, const ImportOptions &options)
        : m_file(file)
        , m_mapping(mapping)
        , m_source(importSourceName(options, file.path))
        , m_zone(importTimeZone(options))
        , m_folder(QFileInfo(file.path).absoluteDir())
    {}

    bool readHeader(const CsvRow &header);
    void convert(const CsvRow &row, int recordNumber);

private:
    FieldValue value(const CsvRow &row, const QString &field) const;
    QString columnsOf(const QString &field) const;
    void readRequired(const CsvRow &row, Report &report, QStringList &problems) const;
    template<typename Code>
    void readCode(const CsvRow &row, const QString &field,
                  std::optional<Code> (*fromCode)(const QString &), Code &target,
                  QStringList &problems) const;
    void readCodes(const CsvRow &row, Report &report, QStringList &problems) const;
    void readText(const CsvRow &row, IncomingReport &incoming) const;
    QDateTime readTime(const CsvRow &row, const QString &field, QStringList &problems) const;
    void readTimes(const CsvRow &row, Report &report, QStringList &problems) const;
    void readPosition(const CsvRow &row, Report &report, QStringList &problems) const;
    void readReporter(const CsvRow &row, IncomingReport &incoming, QStringList &problems) const;
    void readMedia(const CsvRow &row, IncomingReport &incoming, QStringList &problems) const;

    ParsedFile &m_file;
    const CsvMapping &m_mapping;
    QString m_source;
    QTimeZone m_zone;
    QDir m_folder;
    qsizetype m_headerSize = 0;
    QHash<QString, QList<qsizetype>> m_fieldColumns; // field -> indexes in a row
};

bool RowConverter::readHeader(const CsvRow &header)
{
    m_headerSize = header.fields.size();
    QHash<QString, qsizetype> indexOf;
    QHash<QString, qsizetype> repeated; // column name -> its second position
    for (qsizetype i = header.fields.size() - 1; i >= 0; --i) {
        const QString name = header.fields.at(i).trimmed();
        if (indexOf.contains(name))
            repeated.insert(name, indexOf.value(name));
        indexOf.insert(name, i);
    }

    // Fields are checked in their documented order so that the error names the same column
    // on every run.
    for (const QString &field : csvMappingFields()) {
        for (const QString &column : m_mapping.columns.value(field)) {
            if (!indexOf.contains(column)) {
                m_file.error = QStringLiteral("%1:%2: column \"%3\", which %4 names for field "
                                              "\"%5\", is not in the header")
                                   .arg(m_file.path)
                                   .arg(header.line)
                                   .arg(column, m_mapping.path, field);
                return false;
            }
            if (repeated.contains(column)) {
                m_file.error = QStringLiteral("%1:%2: column \"%3\" appears twice in the header "
                                              "(columns %4 and %5), so field \"%6\" is ambiguous")
                                   .arg(m_file.path)
                                   .arg(header.line)
                                   .arg(column)
                                   .arg(indexOf.value(column) + 1)
                                   .arg(repeated.value(column) + 1)
                                   .arg(field);
                return false;
            }
            m_fieldColumns[field].append(indexOf.value(column));
        }
    }
    return true;
}

void RowConverter::convert(const CsvRow &row, int recordNumber)
{
    IncomingReport incoming;
    incoming.recordNumber = recordNumber;
    incoming.line = row.line;
    Report &report = incoming.report;
    report.source = m_source;

    QStringList problems;
    if (row.fields.size() != m_headerSize) {
        problems.append(QStringLiteral("the row has %1 fields but the header has %2")
                            .arg(row.fields.size())
                            .arg(m_headerSize));
    } else {
        readRequired(row, report, problems);
        readCodes(row, report, problems);
        readText(row, incoming);
        readTimes(row, report, problems);
        readPosition(row, report, problems);
        readReporter(row, incoming, problems);
        readMedia(row, incoming, problems);
        if (const QString problem = unstorableText(incoming); !problem.isEmpty())
            problems.append(problem);
    }

    if (problems.isEmpty()) {
        m_file.reports.append(incoming);
        return;
    }
    m_file.rejections.append({m_file.path, recordNumber, row.line, report.sourceId,
                              problems.join(QStringLiteral("; "))});
}

FieldValue RowConverter::value(const CsvRow &row, const QString &field) const
{
    FieldValue result;
    for (const qsizetype index : m_fieldColumns.value(field)) {
        const QString cell = row.fields.value(index);
        if (cell.trimmed().isEmpty())
            continue;
        result.source = cell.trimmed();
        result.text = keepsWhitespace(field) ? cell : result.source;
        break;
    }
    if (result.source.isEmpty())
        return {m_mapping.defaults.value(field), QString()};

    // A table maps the cell's text. Text not in the table takes the "*" entry, if there is one.
    const auto table = m_mapping.values.constFind(field);
    if (table != m_mapping.values.cend()) {
        if (table->contains(result.source))
            result.text = table->value(result.source);
        else if (table->contains(QStringLiteral("*")))
            result.text = table->value(QStringLiteral("*"));
    }
    return result;
}

QString RowConverter::columnsOf(const QString &field) const
{
    const QStringList columns = m_mapping.columns.value(field);
    if (columns.isEmpty())
        return QStringLiteral("no column");
    const QString noun = columns.size() == 1 ? QStringLiteral("column") : QStringLiteral("columns");
    return noun + QLatin1Char(' ') + columns.join(QStringLiteral(", "));
}

void RowConverter::readRequired(const CsvRow &row, Report &report, QStringList &problems) const
{
    report.sourceId = value(row, QStringLiteral("source_id")).text;
    report.description = value(row, QStringLiteral("description")).text;
    for (const QString &field : {QStringLiteral("source_id"), QStringLiteral("received_at"),
                                 QStringLiteral("description")}) {
        if (value(row, field).text.trimmed().isEmpty())
            problems.append(QStringLiteral("missing %1 (%2)").arg(field, columnsOf(field)));
    }
}

template<typename Code>
void RowConverter::readCode(const CsvRow &row, const QString &field,
                            std::optional<Code> (*fromCode)(const QString &), Code &target,
                            QStringList &problems) const
{
    const FieldValue found = value(row, field);
    if (found.text.isEmpty())
        return;
    if (const std::optional<Code> code = fromCode(found.text)) {
        target = *code;
        return;
    }
    problems.append(QStringLiteral("unknown %1 %2 in %3 (add it to \"values\" in %4)")
                        .arg(field, quoteValue(found.text), columnsOf(field), m_mapping.path));
}

void RowConverter::readCodes(const CsvRow &row, Report &report, QStringList &problems) const
{
    report.sourceStatus = value(row, QStringLiteral("status")).source;
    readCode(row, QStringLiteral("status"), &statusFromCode, report.status, problems);
    readCode(row, QStringLiteral("channel"), &channelFromCode, report.channel, problems);
    readCode(row, QStringLiteral("priority"), &priorityFromCode, report.priority, problems);
}

void RowConverter::readText(const CsvRow &row, IncomingReport &incoming) const
{
    Report &report = incoming.report;
    const FieldValue category = value(row, QStringLiteral("category"));
    report.category = category.text;
    report.sourceCategory = category.source;
    report.title = value(row, QStringLiteral("title")).text;
    report.subcategory = value(row, QStringLiteral("subcategory")).text;
    report.address = value(row, QStringLiteral("address")).text;
    // The ward is kept as written, old names included, because the central resolves it.
    report.adminUnit = value(row, QStringLiteral("admin_unit")).text;
    report.district = value(row, QStringLiteral("district")).text;
    report.publicResponse = value(row, QStringLiteral("public_response")).text;
    incoming.agencyText = value(row, QStringLiteral("agency")).text;
}

QDateTime RowConverter::readTime(const CsvRow &row, const QString &field,
                                 QStringList &problems) const
{
    const QString text = value(row, field).text;
    if (text.isEmpty())
        return {};
    const QDateTime time = parseSourceTime(text, m_zone, m_mapping.dateFormats);
    if (!time.isValid()) {
        problems.append(QStringLiteral("invalid %1 %2 in %3 (it matches no date_formats entry "
                                       "and is not ISO 8601)")
                            .arg(field, quoteValue(text), columnsOf(field)));
    }
    return time;
}

void RowConverter::readTimes(const CsvRow &row, Report &report, QStringList &problems) const
{
    report.receivedAt = readTime(row, QStringLiteral("received_at"), problems);
    report.updatedAt = readTime(row, QStringLiteral("updated_at"), problems);
    report.dueAt = readTime(row, QStringLiteral("due_at"), problems);
    report.resolvedAt = readTime(row, QStringLiteral("resolved_at"), problems);
    report.closedAt = readTime(row, QStringLiteral("closed_at"), problems);
}

void RowConverter::readPosition(const CsvRow &row, Report &report, QStringList &problems) const
{
    const QString latitudeText = value(row, QStringLiteral("latitude")).text;
    const QString longitudeText = value(row, QStringLiteral("longitude")).text;
    if (latitudeText.isEmpty() && longitudeText.isEmpty())
        return;
    if (latitudeText.isEmpty() || longitudeText.isEmpty()) {
        problems.append(QStringLiteral("a position needs both latitude and longitude"));
        return;
    }

    bool latitudeOk = false;
    bool longitudeOk = false;
    const GeoPoint point{latitudeText.toDouble(&latitudeOk), longitudeText.toDouble(&longitudeOk)};
    if (!latitudeOk || !longitudeOk || !std::isfinite(point.latitude) ||
        !std::isfinite(point.longitude) || std::abs(point.latitude) > 90 ||
        std::abs(point.longitude) > 180) {
        problems.append(QStringLiteral("invalid position %1, %2 in %3 and %4")
                            .arg(quoteValue(latitudeText), quoteValue(longitudeText),
                                 columnsOf(QStringLiteral("latitude")),
                                 columnsOf(QStringLiteral("longitude"))));
        return;
    }
    // 0, 0 is what many exports write for "no location".
    if (isUsablePosition(point))
        report.position = point;
}

void RowConverter::readReporter(const CsvRow &row, IncomingReport &incoming,
                                QStringList &problems) const
{
    Reporter reporter;
    reporter.name = value(row, QStringLiteral("reporter_name")).text;
    const QString phoneText = value(row, QStringLiteral("reporter_phone")).text;
    if (!phoneText.isEmpty()) {
        reporter.phone = normalisePhone(phoneText, m_mapping.phoneCountryCode);
        if (reporter.phone.isEmpty()) {
            problems.append(
                QStringLiteral("invalid reporter_phone %1 in %2")
                    .arg(quoteValue(phoneText), columnsOf(QStringLiteral("reporter_phone"))));
        }
    }
    if (!reporter.name.isEmpty() || !reporter.phone.isEmpty())
        incoming.reporters.append(reporter);
}

void RowConverter::readMedia(const CsvRow &row, IncomingReport &incoming,
                             QStringList &problems) const
{
    const QString list = value(row, QStringLiteral("media")).text;
    for (const QString &entry : list.split(m_mapping.mediaSeparator)) {
        const QString name = entry.trimmed();
        if (name.isEmpty())
            continue;

        const QFileInfo info(m_folder.filePath(name));
        if (!info.isFile()) {
            problems.append(QStringLiteral("media file %1 not found (looked for %2)")
                                .arg(quoteValue(name), info.absoluteFilePath()));
            continue;
        }
        const std::optional<MediaType> type = mediaTypeForName(name);
        if (!type) {
            problems.append(QStringLiteral("media file %1 is not a supported photo, video or "
                                           "audio type")
                                .arg(quoteValue(name)));
            continue;
        }
        incoming.media.append({info.absoluteFilePath(), QString(), type->kind, type->mimeType});
    }
}

} // namespace

ParsedFile readCsvReports(const QByteArray &data, const QString &path, const CsvMapping &mapping,
                          const ImportOptions &options)
{
    ParsedFile file;
    file.path = path;
    file.format = QStringLiteral("csv");

    const CsvTable table = readCsv(data, path, mapping.delimiter);
    if (!table.ok()) {
        file.error = table.error;
    } else if (table.rows.isEmpty()) {
        file.error = path + QStringLiteral(": the file is empty; expected a header row");
    }
    RowConverter converter(file, mapping, options);
    if (!file.ok() || !converter.readHeader(table.rows.constFirst())) {
        logImportResult(file);
        return file;
    }

    for (qsizetype i = 1; i < table.rows.size(); ++i)
        converter.convert(table.rows.at(i), int(i));
    if (options.strict)
        applyStrictMode(file, int(table.rows.size() - 1));
    logImportResult(file);
    return file;
}

ParsedFile readCsvReports(const QByteArray &data, const QString &path, const ImportOptions &options)
{
    CsvMappingResult mapping;
    if (options.mappingPath.isEmpty())
        mapping.error = path + QStringLiteral(": a CSV file needs a mapping file (--mapping)");
    else
        mapping = loadCsvMapping(options.mappingPath);

    if (!mapping.ok()) {
        ParsedFile file;
        file.path = path;
        file.format = QStringLiteral("csv");
        file.error = mapping.error;
        logImportResult(file);
        return file;
    }
    return readCsvReports(data, path, mapping.mapping, options);
}

} // namespace CivicDesk
