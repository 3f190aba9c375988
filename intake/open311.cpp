#include "intake/open311.h"

#include "core/timeutil.h"
#include "intake/importcommon.h"
#include "intake/jsonreader.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QUrl>
#include <QVariant>
#include <QXmlStreamReader>

namespace CivicDesk {
namespace {

// One request as read from the file, before any field is interpreted. Fields that are missing,
// empty, JSON null, xsi:nil or the string "null" are absent from `fields`.
struct RawRequest
{
    int recordNumber = 0;
    int line = 0;
    QHash<QString, QString> fields;
    QString defect; // reason the record is not a request, empty for a readable record

    QString text(const QString &name) const { return fields.value(name).trimmed(); }
};

void setField(RawRequest &raw, const QString &name, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1String("null") || raw.fields.contains(name))
        return;
    raw.fields.insert(name, text);
}

QString firstOf(const RawRequest &raw, const QString &name, const QString &fallback)
{
    const QString value = raw.text(name);
    return value.isEmpty() ? raw.text(fallback) : value;
}

// Turns requests into reports for one file, collecting rejections and warnings.
class RequestConverter
{
public:
    RequestConverter(ParsedFile &file, const ImportOptions &options)
        : m_file(file)
        , m_source(importSourceName(options, file.path))
        , m_zone(importTimeZone(options))
        , m_strict(options.strict)
    {}

    void convert(const RawRequest &raw);
    void finish(int recordCount);

private:
    void reject(const RawRequest &raw, const QString &sourceId, const QString &reason);
    void warn(const RawRequest &raw, const QString &kind, const QString &message);
    void readStatus(const RawRequest &raw, Report &report);
    bool readTimes(const RawRequest &raw, Report &report, QString &reason);
    QDateTime optionalTime(const RawRequest &raw, const QString &name);
    bool readPosition(const RawRequest &raw, Report &report, QString &reason);
    void readMedia(const RawRequest &raw, IncomingReport &incoming);

    ParsedFile &m_file;
    QString m_source;
    QTimeZone m_zone;
    bool m_strict;
    WarningLog m_warnings;
};

void RequestConverter::convert(const RawRequest &raw)
{
    if (!raw.defect.isEmpty())
        return reject(raw, {}, raw.defect);

    const QString id = raw.text(QStringLiteral("service_request_id"));
    if (id.isEmpty())
        return reject(raw, {}, QStringLiteral("missing service_request_id"));

    IncomingReport incoming;
    incoming.recordNumber = raw.recordNumber;
    incoming.line = raw.line;
    incoming.agencyText = raw.text(QStringLiteral("agency_responsible"));

    Report &report = incoming.report;
    report.source = m_source;
    report.sourceId = id;
    report.channel = Channel::Other;
    report.sourceCategory =
        firstOf(raw, QStringLiteral("service_name"), QStringLiteral("service_code"));
    report.description = raw.fields.value(QStringLiteral("description"));
    report.publicResponse = raw.fields.value(QStringLiteral("status_notes"));
    report.address = firstOf(raw, QStringLiteral("address"), QStringLiteral("address_string"));
    readStatus(raw, report);

    QString reason;
    if (!readTimes(raw, report, reason) || !readPosition(raw, report, reason))
        return reject(raw, id, reason);

    readMedia(raw, incoming);
    if (const QString problem = unstorableText(incoming); !problem.isEmpty())
        return reject(raw, id, problem);
    m_file.reports.append(incoming);
}

void RequestConverter::finish(int recordCount)
{
    m_file.warnings.append(m_warnings.messages());
    if (m_strict)
        applyStrictMode(m_file, recordCount);
}

void RequestConverter::reject(const RawRequest &raw, const QString &sourceId, const QString &reason)
{
    m_file.rejections.append({m_file.path, raw.recordNumber, raw.line, sourceId, reason});
}

void RequestConverter::warn(const RawRequest &raw, const QString &kind, const QString &message)
{
    const QString id = raw.text(QStringLiteral("service_request_id"));
    m_warnings.add(m_file.path + QStringLiteral(": ") + kind,
                   QStringLiteral("%1: record %2 (id %3): %4")
                       .arg(recordPlace(m_file.path, raw.line))
                       .arg(raw.recordNumber)
                       .arg(id, message));
}

void RequestConverter::readStatus(const RawRequest &raw, Report &report)
{
    // GeoReport v2 defines only "open" and "closed". The source's own spelling is kept too.
    const QString status = raw.text(QStringLiteral("status"));
    report.sourceStatus = status;
    report.status = Status::New;
    if (status.isEmpty() || status.compare(QLatin1String("open"), Qt::CaseInsensitive) == 0)
        return;
    if (status.compare(QLatin1String("closed"), Qt::CaseInsensitive) == 0) {
        report.status = Status::Closed;
        return;
    }
    warn(raw, QStringLiteral("unknown status read as new"),
         QStringLiteral("unknown status %1 read as new").arg(quoteValue(status)));
}

bool RequestConverter::readTimes(const RawRequest &raw, Report &report, QString &reason)
{
    const QString requested = raw.text(QStringLiteral("requested_datetime"));
    if (requested.isEmpty()) {
        reason = QStringLiteral("missing requested_datetime");
        return false;
    }
    report.receivedAt = parseSourceTime(requested, m_zone);
    if (!report.receivedAt.isValid()) {
        reason = QStringLiteral("invalid requested_datetime %1").arg(quoteValue(requested));
        return false;
    }

    // A missing expected_datetime stays invalid, so the central applies its own deadline.
    report.updatedAt = optionalTime(raw, QStringLiteral("updated_datetime"));
    report.dueAt = optionalTime(raw, QStringLiteral("expected_datetime"));
    return true;
}

QDateTime RequestConverter::optionalTime(const RawRequest &raw, const QString &name)
{
    const QString text = raw.text(name);
    if (text.isEmpty())
        return {};
    const QDateTime time = parseSourceTime(text, m_zone);
    if (!time.isValid()) {
        warn(raw, QStringLiteral("invalid %1 ignored").arg(name),
             QStringLiteral("invalid %1 %2 ignored").arg(name, quoteValue(text)));
    }
    return time;
}

bool readCoordinate(const QString &name, const QString &text, double limit, double &value,
                    QString &reason)
{
    bool ok = false;
    value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        reason = QStringLiteral("invalid %1 %2").arg(name, quoteValue(text));
        return false;
    }
    if (std::abs(value) > limit) {
        reason = QStringLiteral("%1 %2 is out of range (-%3 to %3)")
                     .arg(name, quoteValue(text))
                     .arg(limit);
        return false;
    }
    return true;
}

bool RequestConverter::readPosition(const RawRequest &raw, Report &report, QString &reason)
{
    const QString latitudeText = raw.text(QStringLiteral("lat"));
    const QString longitudeName = raw.fields.contains(QStringLiteral("long"))
                                      ? QStringLiteral("long")
                                      : QStringLiteral("lon");
    const QString longitudeText = raw.text(longitudeName);
    if (latitudeText.isEmpty() != longitudeText.isEmpty()) {
        warn(raw, QStringLiteral("half a position ignored"),
             latitudeText.isEmpty()
                 ? QStringLiteral("%1 without lat; imported without a location").arg(longitudeName)
                 : QStringLiteral("lat without long; imported without a location"));
    }
    if (latitudeText.isEmpty() || longitudeText.isEmpty())
        return true;

    GeoPoint point;
    if (!readCoordinate(QStringLiteral("lat"), latitudeText, 90, point.latitude, reason) ||
        !readCoordinate(longitudeName, longitudeText, 180, point.longitude, reason))
        return false;

    // Many feeds write 0, 0 for an unknown location. That point lies in the Gulf of Guinea, so
    // no city report can be there.
    if (point.latitude != 0 || point.longitude != 0)
        report.position = point;
    return true;
}

void RequestConverter::readMedia(const RawRequest &raw, IncomingReport &incoming)
{
    const QString url = raw.text(QStringLiteral("media_url"));
    if (url.isEmpty())
        return;

    // The link is stored as it is and never fetched. Its kind comes from the name when known.
    IncomingMedia media;
    media.url = url;
    media.kind = MediaKind::Photo;
    if (const std::optional<MediaType> type = mediaTypeForName(QUrl(url).path())) {
        media.kind = type->kind;
        media.mimeType = type->mimeType;
    }
    incoming.media.append(media);
}

// JSON ------------------------------------------------------------------------------------------

QString jsonFieldText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        // Integers stay exact and fractions use the shortest text that reads back the same.
        return value.toVariant().toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

RawRequest rawFromJson(const QJsonValue &value, int recordNumber, int line)
{
    RawRequest raw;
    raw.recordNumber = recordNumber;
    raw.line = line;
    if (!value.isObject()) {
        raw.defect = QStringLiteral("record is not a JSON object");
        return raw;
    }

    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        setField(raw, it.key(), jsonFieldText(it.value()));
    return raw;
}

// Summarises repeated keys per key name, because a feed may repeat the same key in every one
// of its thousands of requests.
void addRepeatedKeyWarnings(const JsonParseResult &json, ParsedFile &file)
{
    QMap<QString, QPair<int, int>> byKey; // key -> (count, first line)
    for (const JsonRepeatedKey &repeated : json.repeatedKeys) {
        auto &entry = byKey[repeated.key];
        if (entry.first++ == 0)
            entry.second = repeated.line;
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        file.warnings.append(QStringLiteral("%1: key \"%2\" is repeated %3 times in the file; "
                                            "each object keeps its first value that is not null")
                                 .arg(recordPlace(file.path, it.value().second), it.key(),
                                      QString::number(it.value().first)));
    }
}

bool findRequestArray(const JsonParseResult &json, QJsonArray &requests, QList<int> &lines)
{
    if (json.root.isArray()) {
        requests = json.root.toArray();
        lines = json.elementLines.value(QString());
        return true;
    }

    const QJsonObject object = json.root.toObject();
    for (const QString &key : {QStringLiteral("requests"), QStringLiteral("service_requests")}) {
        if (object.value(key).isArray()) {
            requests = object.value(key).toArray();
            lines = json.elementLines.value(key);
            return true;
        }
    }
    return false;
}

// Returns whether any element is an object with a GeoReport v2 request key, so that another
// kind of JSON (a service list, a database dump) is refused as a whole rather than record by
// record.
bool looksLikeRequests(const QJsonArray &requests)
{
    for (const QJsonValue &request : requests) {
        const QJsonObject object = request.toObject();
        if (object.contains(QLatin1String("service_request_id")) ||
            object.contains(QLatin1String("requested_datetime"))) {
            return true;
        }
    }
    return requests.isEmpty();
}

// XML -------------------------------------------------------------------------------------------

RawRequest readXmlRequest(QXmlStreamReader &xml, int recordNumber)
{
    static const QString schemaInstance =
        QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");

    RawRequest raw;
    raw.recordNumber = recordNumber;
    raw.line = int(xml.lineNumber());
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        const bool nil =
            xml.attributes().value(schemaInstance, QLatin1String("nil")) == QLatin1String("true");
        const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements);
        if (!nil)
            setField(raw, name, text);
    }
    return raw;
}

QList<RawRequest> readXmlRequests(QXmlStreamReader &xml)
{
    QList<RawRequest> requests;
    if (!xml.readNextStartElement())
        return requests;
    if (xml.name() != QLatin1String("service_requests")) {
        xml.raiseError(QStringLiteral("the root element is <%1>, expected <service_requests>")
                           .arg(xml.name()));
        return requests;
    }

    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("request"))
            requests.append(readXmlRequest(xml, int(requests.size()) + 1));
        else
            xml.skipCurrentElement();
    }

    // Reading on to the end makes text after the root element an error too.
    while (!xml.atEnd())
        xml.readNext();
    return requests;
}

} // namespace

ParsedFile readOpen311Json(const QByteArray &data, const QString &path,
                           const ImportOptions &options)
{
    ParsedFile file;
    file.path = path;
    file.format = QStringLiteral("open311-json");

    const JsonParseResult json = parseJson(data, path);
    if (!json.ok()) {
        file.error = json.error;
        logImportResult(file);
        return file;
    }

    QJsonArray requests;
    QList<int> lines;
    if (!findRequestArray(json, requests, lines)) {
        file.error = QStringLiteral("%1: expected a JSON array of requests, or an object with a "
                                    "\"requests\" or \"service_requests\" array")
                         .arg(path);
        logImportResult(file);
        return file;
    }

    if (!looksLikeRequests(requests)) {
        file.error = QStringLiteral("%1: not an Open311 request list: no record has a "
                                    "service_request_id or a requested_datetime")
                         .arg(path);
        logImportResult(file);
        return file;
    }

    addRepeatedKeyWarnings(json, file);
    RequestConverter converter(file, options);
    for (qsizetype i = 0; i < requests.size(); ++i)
        converter.convert(rawFromJson(requests.at(i), int(i) + 1, lines.value(i)));
    converter.finish(int(requests.size()));
    logImportResult(file);
    return file;
}

ParsedFile readOpen311Xml(const QByteArray &data, const QString &path, const ImportOptions &options)
{
    ParsedFile file;
    file.path = path;
    file.format = QStringLiteral("open311-xml");

    QXmlStreamReader xml(data);
    const QList<RawRequest> requests = readXmlRequests(xml);
    if (xml.hasError()) {
        // QXmlStreamReader counts columns from 0 and stops after the offending token, so the
        // column is 1-based like the JSON reader's but points just past the error.
        file.error = QStringLiteral("%1:%2:%3: %4")
                         .arg(path)
                         .arg(xml.lineNumber())
                         .arg(xml.columnNumber() + 1)
                         .arg(xml.errorString());
        logImportResult(file);
        return file;
    }

    RequestConverter converter(file, options);
    for (const RawRequest &raw : requests)
        converter.convert(raw);
    converter.finish(int(requests.size()));
    logImportResult(file);
    return file;
}

} // namespace CivicDesk
