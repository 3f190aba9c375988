#include "core/rows.h"

#include "core/timeutil.h"

#include <QJsonDocument>

namespace CivicDesk {
namespace {

// Builds a row map from the values of writeReportColumns() and its kind.
class MapWriter
{
public:
    explicit MapWriter(const QStringList &columns)
        : m_columns(columns)
    {}

    void text(const QString &value) { put(value.isEmpty() ? QVariant() : QVariant(value)); }
    void code(const QString &value) { put(value); }
    void real(std::optional<double> value) { put(value ? QVariant(*value) : QVariant()); }
    void integer(qint64 value) { put(value); }
    void optionalInteger(std::optional<int> value) { put(value ? QVariant(*value) : QVariant()); }
    void time(const QDateTime &value)
    {
        put(value.isValid() ? QVariant(toStorageTime(value)) : QVariant());
    }
    void json(const QJsonObject &value)
    {
        put(QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)));
    }

    QVariantMap row;

private:
    void put(const QVariant &value) { row.insert(m_columns.at(m_next++), value); }

    const QStringList &m_columns;
    qsizetype m_next = 0;
};

// Reads the values of a row map in the order of its columns.
class MapReader
{
public:
    MapReader(const QVariantMap &row, const QStringList &columns)
        : m_row(row)
        , m_columns(columns)
    {}

    QString text() { return next().toString(); }
    std::optional<double> real()
    {
        const QVariant value = next();
        return isNull(value) ? std::nullopt : std::optional<double>(value.toDouble());
    }
    qint64 integer() { return next().toLongLong(); }
    std::optional<int> optionalInteger()
    {
        const QVariant value = next();
        return isNull(value) ? std::nullopt : std::optional<int>(value.toInt());
    }
    QDateTime time()
    {
        // PostgreSQL's driver returns timestamptz as a QDateTime in the local zone; SQLite
        // stores text.
        const QVariant value = next();
        if (value.metaType().id() == QMetaType::QDateTime)
            return value.toDateTime().toUTC();
        return fromStorageTime(value.toString());
    }
    QJsonObject json() { return QJsonDocument::fromJson(next().toString().toUtf8()).object(); }

private:
    static bool isNull(const QVariant &value) { return !value.isValid() || value.isNull(); }
    QVariant next() { return m_row.value(m_columns.at(m_next++)); }

    const QVariantMap &m_row;
    const QStringList &m_columns;
    qsizetype m_next = 0;
};

} // namespace

const QStringList &reportColumns()
{
    static const QStringList columns{
        QStringLiteral("id"),
        QStringLiteral("public_code"),
        QStringLiteral("source"),
        QStringLiteral("source_id"),
        QStringLiteral("source_status"),
        QStringLiteral("source_category"),
        QStringLiteral("source_agency"),
        QStringLiteral("channel"),
        QStringLiteral("title"),
        QStringLiteral("description"),
        QStringLiteral("category"),
        QStringLiteral("subcategory"),
        QStringLiteral("priority"),
        QStringLiteral("status"),
        QStringLiteral("latitude"),
        QStringLiteral("longitude"),
        QStringLiteral("accuracy_m"),
        QStringLiteral("approximate"),
        QStringLiteral("address"),
        QStringLiteral("admin_unit"),
        QStringLiteral("district"),
        QStringLiteral("received_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("due_at"),
        QStringLiteral("resolved_at"),
        QStringLiteral("closed_at"),
        QStringLiteral("agency"),
        QStringLiteral("claim_holder"),
        QStringLiteral("claim_expires_at"),
        QStringLiteral("duplicate_of"),
        QStringLiteral("public_response"),
        QStringLiteral("rating"),
        QStringLiteral("reject_reason"),
        QStringLiteral("clock_started_at"),
        QStringLiteral("waiting_since"),
        QStringLiteral("resume_status"),
        QStringLiteral("extension_due_at"),
        QStringLiteral("extension_reason"),
        QStringLiteral("version"),
        QStringLiteral("reporter_count"),
        QStringLiteral("simulated"),
    };
    return columns;
}

QVariantMap reportToRow(const Report &report)
{
    MapWriter writer(reportColumns());
    writeReportColumns(report, writer);
    return writer.row;
}

Report reportFromRow(const QVariantMap &row)
{
    MapReader reader(row, reportColumns());
    return readReportColumns(reader);
}

const QStringList &eventColumns()
{
    static const QStringList columns{QStringLiteral("id"),   QStringLiteral("report_id"),
                                     QStringLiteral("kind"), QStringLiteral("actor"),
                                     QStringLiteral("at"),   QStringLiteral("data")};
    return columns;
}

QVariantMap eventToRow(const Event &event)
{
    MapWriter writer(eventColumns());
    writeEventColumns(event, writer);
    return writer.row;
}

Event eventFromRow(const QVariantMap &row)
{
    MapReader reader(row, eventColumns());
    return readEventColumns(reader);
}

const QStringList &mediaColumns()
{
    static const QStringList columns{QStringLiteral("id"),
                                     QStringLiteral("report_id"),
                                     QStringLiteral("kind"),
                                     QStringLiteral("mime_type"),
                                     QStringLiteral("sha256"),
                                     QStringLiteral("size"),
                                     QStringLiteral("width"),
                                     QStringLiteral("height"),
                                     QStringLiteral("duration_ms"),
                                     QStringLiteral("captured_at"),
                                     QStringLiteral("captured_latitude"),
                                     QStringLiteral("captured_longitude"),
                                     QStringLiteral("url"),
                                     QStringLiteral("file_name")};
    return columns;
}

QVariantMap mediaToRow(const Media &media)
{
    MapWriter writer(mediaColumns());
    writeMediaColumns(media, writer);
    return writer.row;
}

Media mediaFromRow(const QVariantMap &row)
{
    MapReader reader(row, mediaColumns());
    return readMediaColumns(reader);
}

QString insertStatement(const QString &table, const QStringList &columns, const QString &verb)
{
    QStringList placeholders;
    for (const QString &column : columns)
        placeholders.append(QLatin1Char(':') + column);
    return QStringLiteral("%1 INTO %2 (%3) VALUES (%4)")
        .arg(verb, table, columns.join(QStringLiteral(", ")),
             placeholders.join(QStringLiteral(", ")));
}

QString upsertStatement(const QString &table, const QStringList &columns)
{
    // An upsert, not INSERT OR REPLACE: SQLite's REPLACE deletes the old row first, which
    // would cascade to the report's events.
    QStringList updates;
    for (const QString &column : columns) {
        if (column != QLatin1String("id"))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(column));
    }
    return insertStatement(table, columns) + QStringLiteral(" ON CONFLICT (id) DO UPDATE SET ") +
           updates.join(QStringLiteral(", "));
}

} // namespace CivicDesk
