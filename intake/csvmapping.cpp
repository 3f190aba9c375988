#include "intake/csvmapping.h"

#include "core/codes.h"
#include "intake/jsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace CivicDesk {
namespace {

const QStringList &mappingKeys()
{
    static const QStringList keys{
        QStringLiteral("comment"),         QStringLiteral("delimiter"),
        QStringLiteral("columns"),         QStringLiteral("values"),
        QStringLiteral("date_formats"),    QStringLiteral("defaults"),
        QStringLiteral("media_separator"), QStringLiteral("phone_country_code"),
    };
    return keys;
}

// Returns whether `code` is valid for `field`. Only status, channel and priority take
// CivicDesk codes, so every other field accepts any text.
bool isKnownCode(const QString &field, const QString &code)
{
    if (field == QLatin1String("status"))
        return statusFromCode(code).has_value();
    if (field == QLatin1String("channel"))
        return channelFromCode(code).has_value();
    if (field == QLatin1String("priority"))
        return priorityFromCode(code).has_value();
    return true;
}

class MappingParser
{
public:
    explicit MappingParser(CsvMappingResult &result)
        : m_result(result)
    {}

    bool parse(const QJsonObject &root);

private:
    bool fail(const QString &reason);
    bool checkKeys(const QJsonObject &root);
    bool checkField(const QString &field, const QString &section);
    bool checkCode(const QString &field, const QString &code, const QString &section);
    bool readDelimiter(const QJsonValue &value);
    bool readColumns(const QJsonValue &value);
    bool readValues(const QJsonValue &value);
    bool readFieldValues(const QString &field, const QJsonValue &value);
    bool readDateFormats(const QJsonValue &value);
    bool readDefaults(const QJsonValue &value);
    bool readMediaSeparator(const QJsonValue &value);
    bool readCountryCode(const QJsonValue &value);
    bool checkRequiredColumns();

    CsvMappingResult &m_result;
    CsvMapping &mapping() { return m_result.mapping; }
};

bool MappingParser::parse(const QJsonObject &root)
{
    return checkKeys(root) && readDelimiter(root.value(QLatin1String("delimiter"))) &&
           readColumns(root.value(QLatin1String("columns"))) &&
           readValues(root.value(QLatin1String("values"))) &&
           readDateFormats(root.value(QLatin1String("date_formats"))) &&
           readDefaults(root.value(QLatin1String("defaults"))) &&
           readMediaSeparator(root.value(QLatin1String("media_separator"))) &&
           readCountryCode(root.value(QLatin1String("phone_country_code"))) &&
           checkRequiredColumns();
}

bool MappingParser::fail(const QString &reason)
{
    m_result.error = mapping().path + QStringLiteral(": ") + reason;
    return false;
}

bool MappingParser::checkKeys(const QJsonObject &root)
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!mappingKeys().contains(it.key())) {
            return fail(QStringLiteral("unknown key \"%1\"; the keys are %2")
                            .arg(it.key(), mappingKeys().join(QStringLiteral(", "))));
        }
    }
    return true;
}

bool MappingParser::checkField(const QString &field, const QString &section)
{
    if (csvMappingFields().contains(field))
        return true;
    return fail(QStringLiteral("unknown field \"%1\" in \"%2\"; the fields are %3")
                    .arg(field, section, csvMappingFields().join(QStringLiteral(", "))));
}

bool MappingParser::checkCode(const QString &field, const QString &code, const QString &section)
{
    if (isKnownCode(field, code))
        return true;
    return fail(QStringLiteral("unknown %1 code \"%2\" in \"%3\"").arg(field, code, section));
}

bool MappingParser::readDelimiter(const QJsonValue &value)
{
    if (value.isUndefined())
        return true;
    const QString text = value.toString();
    if (!value.isString() || text.size() != 1 || text == QLatin1String("\"") ||
        text == QLatin1String("\r") || text == QLatin1String("\n"))
        return fail(QStringLiteral("\"delimiter\" must be one character other than a quote or "
                                   "a line break"));
    mapping().delimiter = text.at(0);
    return true;
}

bool MappingParser::readColumns(const QJsonValue &value)
{
    if (!value.isObject())
        return fail(QStringLiteral("\"columns\" must be an object from field to column name"));

    const QJsonObject columns = value.toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        if (!checkField(it.key(), QStringLiteral("columns")))
            return false;

        QStringList names;
        if (it.value().isString()) {
            names.append(it.value().toString());
        } else {
            for (const QJsonValue &name : it.value().toArray())
                names.append(name.isString() ? name.toString() : QString());
        }
        if (names.isEmpty() || names.contains(QString())) {
            return fail(QStringLiteral("column of field \"%1\" must be a name or a list of names")
                            .arg(it.key()));
        }
        mapping().columns.insert(it.key(), names);
    }
    return true;
}

bool MappingParser::readValues(const QJsonValue &value)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(QStringLiteral("\"values\" must be an object from field to value table"));

    const QJsonObject tables = value.toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        if (!checkField(it.key(), QStringLiteral("values")) ||
            !readFieldValues(it.key(), it.value()))
            return false;
    }
    return true;
}

bool MappingParser::readFieldValues(const QString &field, const QJsonValue &value)
{
    if (!value.isObject())
        return fail(QStringLiteral("values of field \"%1\" must be an object").arg(field));

    QHash<QString, QString> table;
    const QJsonObject entries = value.toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (!it.value().isString()) {
            return fail(QStringLiteral("value for \"%1\" of field \"%2\" must be a string")
                            .arg(it.key(), field));
        }
        if (!checkCode(field, it.value().toString(), QStringLiteral("values")))
            return false;
        table.insert(it.key(), it.value().toString());
    }
    mapping().values.insert(field, table);
    return true;
}

bool MappingParser::readDateFormats(const QJsonValue &value)
{
    if (value.isUndefined())
        return true;
    const auto invalid = [this] {
        return fail(QStringLiteral("\"date_formats\" must be a list of format strings"));
    };
    if (!value.isArray())
        return invalid();
    for (const QJsonValue &format : value.toArray()) {
        if (!format.isString() || format.toString().isEmpty())
            return invalid();
        mapping().dateFormats.append(format.toString());
    }
    return true;
}

bool MappingParser::readDefaults(const QJsonValue &value)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(QStringLiteral("\"defaults\" must be an object from field to value"));

    const QJsonObject defaults = value.toObject();
    for (auto it = defaults.begin(); it != defaults.end(); ++it) {
        if (!checkField(it.key(), QStringLiteral("defaults")))
            return false;
        if (!it.value().isString())
            return fail(QStringLiteral("default of field \"%1\" must be a string").arg(it.key()));
        if (!checkCode(it.key(), it.value().toString(), QStringLiteral("defaults")))
            return false;
        mapping().defaults.insert(it.key(), it.value().toString());
    }
    return true;
}

bool MappingParser::readMediaSeparator(const QJsonValue &value)
{
    if (value.isUndefined())
        return true;
    if (!value.isString() || value.toString().isEmpty())
        return fail(QStringLiteral("\"media_separator\" must be a non-empty string"));
    mapping().mediaSeparator = value.toString();
    return true;
}

bool MappingParser::readCountryCode(const QJsonValue &value)
{
    if (value.isUndefined())
        return true;
    const QString code = value.toString();
    bool digitsOnly = !code.isEmpty() && code.size() <= 3;
    for (const QChar ch : code)
        digitsOnly = digitsOnly && ch >= u'0' && ch <= u'9';
    if (!value.isString() || !digitsOnly)
        return fail(QStringLiteral("\"phone_country_code\" must be 1 to 3 digits, such as \"84\""));
    mapping().phoneCountryCode = code;
    return true;
}

bool MappingParser::checkRequiredColumns()
{
    const QStringList required{QStringLiteral("source_id"), QStringLiteral("received_at"),
                               QStringLiteral("description")};
    for (const QString &field : required) {
        if (!mapping().columns.contains(field)) {
            return fail(QStringLiteral("\"columns\" names no column for the required field "
                                       "\"%1\"")
                            .arg(field));
        }
    }
    return true;
}

} // namespace

QStringList csvMappingFields()
{
    static const QStringList fields{
        QStringLiteral("source_id"),     QStringLiteral("title"),
        QStringLiteral("description"),   QStringLiteral("category"),
        QStringLiteral("subcategory"),   QStringLiteral("priority"),
        QStringLiteral("status"),        QStringLiteral("channel"),
        QStringLiteral("received_at"),   QStringLiteral("updated_at"),
        QStringLiteral("due_at"),        QStringLiteral("resolved_at"),
        QStringLiteral("closed_at"),     QStringLiteral("address"),
        QStringLiteral("admin_unit"),    QStringLiteral("district"),
        QStringLiteral("agency"),        QStringLiteral("public_response"),
        QStringLiteral("latitude"),      QStringLiteral("longitude"),
        QStringLiteral("reporter_name"), QStringLiteral("reporter_phone"),
        QStringLiteral("media"),
    };
    return fields;
}

CsvMappingResult parseCsvMapping(const QByteArray &json, const QString &path)
{
    CsvMappingResult result;
    result.mapping.path = path;

    const JsonParseResult parsed = parseJson(json, path);
    if (!parsed.ok()) {
        result.error = parsed.error;
        return result;
    }
    // A mapping is written by hand, so a repeated key is a mistake rather than a feed quirk.
    if (!parsed.repeatedKeys.isEmpty()) {
        const JsonRepeatedKey &first = parsed.repeatedKeys.constFirst();
        result.error = QStringLiteral("%1:%2: key \"%3\" is repeated")
                           .arg(path)
                           .arg(first.line)
                           .arg(first.key);
        return result;
    }
    if (!parsed.root.isObject()) {
        result.error = path + QStringLiteral(": the mapping must be a JSON object");
        return result;
    }

    MappingParser parser(result);
    if (!parser.parse(parsed.root.toObject())) {
        result.mapping = CsvMapping();
        result.mapping.path = path;
    }
    return result;
}

CsvMappingResult loadCsvMapping(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CsvMappingResult result;
        result.mapping.path = path;
        result.error =
            QStringLiteral("%1: cannot read the mapping file: %2").arg(path, file.errorString());
        return result;
    }
    return parseCsvMapping(file.readAll(), path);
}

} // namespace CivicDesk
