#include "core/rows.h"

#include "core/timeutil.h"

#include <QJsonDocument>

namespace CivicDesk {
namespace {

QVariant text(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant time(const QDateTime &value)
{
    return value.isValid() ? QVariant(toStorageTime(value)) : QVariant();
}

QString str(const QVariantMap &row, const char *column)
{
    return row.value(QLatin1String(column)).toString();
}

QDateTime timeAt(const QVariantMap &row, const char *column)
{
    // PostgreSQL's driver returns timestamptz as QDateTime in the local zone, SQLite stores text.
    const QVariant value = row.value(QLatin1String(column));
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    return fromStorageTime(value.toString());
}

bool isNull(const QVariantMap &row, const char *column)
{
    const QVariant value = row.value(QLatin1String(column));
    return !value.isValid() || value.isNull();
}

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
        QStringLiteral("version"),
        QStringLiteral("reporter_count"),
        QStringLiteral("simulated"),
    };
    return columns;
}

QVariantMap reportToRow(const Report &report)
{
    QVariantMap row;
    row.insert(QStringLiteral("id"), report.id);
    row.insert(QStringLiteral("public_code"), text(report.publicCode));
    row.insert(QStringLiteral("source"), text(report.source));
    row.insert(QStringLiteral("source_id"), text(report.sourceId));
    row.insert(QStringLiteral("source_status"), text(report.sourceStatus));
    row.insert(QStringLiteral("source_category"), text(report.sourceCategory));
    row.insert(QStringLiteral("source_agency"), text(report.sourceAgency));
    row.insert(QStringLiteral("channel"), channelCode(report.channel));
    row.insert(QStringLiteral("title"), text(report.title));
    row.insert(QStringLiteral("description"), text(report.description));
    row.insert(QStringLiteral("category"), text(report.category));
    row.insert(QStringLiteral("subcategory"), text(report.subcategory));
    row.insert(QStringLiteral("priority"), priorityCode(report.priority));
    row.insert(QStringLiteral("status"), statusCode(report.status));
    row.insert(QStringLiteral("latitude"),
               report.position ? QVariant(report.position->latitude) : QVariant());
    row.insert(QStringLiteral("longitude"),
               report.position ? QVariant(report.position->longitude) : QVariant());
    row.insert(QStringLiteral("accuracy_m"),
               report.accuracyMeters ? QVariant(*report.accuracyMeters) : QVariant());
    row.insert(QStringLiteral("approximate"), report.approximate ? 1 : 0);
    row.insert(QStringLiteral("address"), text(report.address));
    row.insert(QStringLiteral("admin_unit"), text(report.adminUnit));
    row.insert(QStringLiteral("district"), text(report.district));
    row.insert(QStringLiteral("received_at"), time(report.receivedAt));
    row.insert(QStringLiteral("updated_at"), time(report.updatedAt));
    row.insert(QStringLiteral("due_at"), time(report.dueAt));
    row.insert(QStringLiteral("resolved_at"), time(report.resolvedAt));
    row.insert(QStringLiteral("closed_at"), time(report.closedAt));
    row.insert(QStringLiteral("agency"), text(report.agency));
    row.insert(QStringLiteral("claim_holder"), text(report.claimHolder));
    row.insert(QStringLiteral("claim_expires_at"), time(report.claimExpiresAt));
    row.insert(QStringLiteral("duplicate_of"), text(report.duplicateOf));
    row.insert(QStringLiteral("public_response"), text(report.publicResponse));
    row.insert(QStringLiteral("rating"), report.rating ? QVariant(*report.rating) : QVariant());
    row.insert(QStringLiteral("reject_reason"), text(report.rejectReason));
    row.insert(QStringLiteral("version"), report.version);
    row.insert(QStringLiteral("reporter_count"), report.reporterCount);
    row.insert(QStringLiteral("simulated"), report.simulated ? 1 : 0);
    return row;
}

Report reportFromRow(const QVariantMap &row)
{
    Report report;
    report.id = str(row, "id");
    report.publicCode = str(row, "public_code");
    report.source = str(row, "source");
    report.sourceId = str(row, "source_id");
    report.sourceStatus = str(row, "source_status");
    report.sourceCategory = str(row, "source_category");
    report.sourceAgency = str(row, "source_agency");
    report.channel = channelFromCode(str(row, "channel")).value_or(Channel::Other);
    report.title = str(row, "title");
    report.description = str(row, "description");
    report.category = str(row, "category");
    report.subcategory = str(row, "subcategory");
    report.priority = priorityFromCode(str(row, "priority")).value_or(Priority::Normal);
    report.status = statusFromCode(str(row, "status")).value_or(Status::New);
    if (!isNull(row, "latitude") && !isNull(row, "longitude"))
        report.position = GeoPoint{row.value(QStringLiteral("latitude")).toDouble(),
                                   row.value(QStringLiteral("longitude")).toDouble()};
    if (!isNull(row, "accuracy_m"))
        report.accuracyMeters = row.value(QStringLiteral("accuracy_m")).toDouble();
    report.approximate = row.value(QStringLiteral("approximate")).toInt() != 0;
    report.address = str(row, "address");
    report.adminUnit = str(row, "admin_unit");
    report.district = str(row, "district");
    report.receivedAt = timeAt(row, "received_at");
    report.updatedAt = timeAt(row, "updated_at");
    report.dueAt = timeAt(row, "due_at");
    report.resolvedAt = timeAt(row, "resolved_at");
    report.closedAt = timeAt(row, "closed_at");
    report.agency = str(row, "agency");
    report.claimHolder = str(row, "claim_holder");
    report.claimExpiresAt = timeAt(row, "claim_expires_at");
    report.duplicateOf = str(row, "duplicate_of");
    report.publicResponse = str(row, "public_response");
    if (!isNull(row, "rating"))
        report.rating = row.value(QStringLiteral("rating")).toInt();
    report.rejectReason = str(row, "reject_reason");
    report.version = row.value(QStringLiteral("version")).toInt();
    report.reporterCount = row.value(QStringLiteral("reporter_count")).toInt();
    report.simulated = row.value(QStringLiteral("simulated")).toInt() != 0;
    return report;
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
    return {{QStringLiteral("id"), event.id},
            {QStringLiteral("report_id"), event.reportId},
            {QStringLiteral("kind"), eventKindCode(event.kind)},
            {QStringLiteral("actor"), text(event.actor)},
            {QStringLiteral("at"), time(event.at)},
            {QStringLiteral("data"),
             QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact))}};
}

Event eventFromRow(const QVariantMap &row)
{
    Event event;
    event.id = str(row, "id");
    event.reportId = str(row, "report_id");
    event.kind = eventKindFromCode(str(row, "kind")).value_or(EventKind::Note);
    event.actor = str(row, "actor");
    event.at = timeAt(row, "at");
    event.data = QJsonDocument::fromJson(str(row, "data").toUtf8()).object();
    return event;
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
    const auto &position = media.capturedPosition;
    return {
        {QStringLiteral("id"), media.id},
        {QStringLiteral("report_id"), media.reportId},
        {QStringLiteral("kind"), mediaKindCode(media.kind)},
        {QStringLiteral("mime_type"), text(media.mimeType)},
        {QStringLiteral("sha256"), text(media.sha256)},
        {QStringLiteral("size"), media.size},
        {QStringLiteral("width"), media.width},
        {QStringLiteral("height"), media.height},
        {QStringLiteral("duration_ms"), media.durationMs},
        {QStringLiteral("captured_at"), time(media.capturedAt)},
        {QStringLiteral("captured_latitude"), position ? QVariant(position->latitude) : QVariant()},
        {QStringLiteral("captured_longitude"),
         position ? QVariant(position->longitude) : QVariant()},
        {QStringLiteral("url"), text(media.url)},
        {QStringLiteral("file_name"), text(media.fileName)}};
}

Media mediaFromRow(const QVariantMap &row)
{
    Media media;
    media.id = str(row, "id");
    media.reportId = str(row, "report_id");
    media.kind = mediaKindFromCode(str(row, "kind")).value_or(MediaKind::Photo);
    media.mimeType = str(row, "mime_type");
    media.sha256 = str(row, "sha256");
    media.size = row.value(QStringLiteral("size")).toLongLong();
    media.width = row.value(QStringLiteral("width")).toInt();
    media.height = row.value(QStringLiteral("height")).toInt();
    media.durationMs = row.value(QStringLiteral("duration_ms")).toLongLong();
    media.capturedAt = timeAt(row, "captured_at");
    if (!isNull(row, "captured_latitude") && !isNull(row, "captured_longitude"))
        media.capturedPosition =
            GeoPoint{row.value(QStringLiteral("captured_latitude")).toDouble(),
                     row.value(QStringLiteral("captured_longitude")).toDouble()};
    media.url = str(row, "url");
    media.fileName = str(row, "file_name");
    return media;
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

} // namespace CivicDesk
