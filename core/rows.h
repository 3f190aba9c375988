#pragma once

#include "core/report.h"

#include <optional>
#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>

namespace CivicDesk {

// Column names and values of the report, event and media tables, shared by the replica and
// every central backend so that all of them store a report the same way. Times are stored as
// UTC text (see toStorageTime), enums as their codes, a missing value as NULL.
const QStringList &reportColumns();
QVariantMap reportToRow(const Report &report);
Report reportFromRow(const QVariantMap &row);

const QStringList &eventColumns();
QVariantMap eventToRow(const Event &event);
Event eventFromRow(const QVariantMap &row);

const QStringList &mediaColumns();
QVariantMap mediaToRow(const Media &media);
Media mediaFromRow(const QVariantMap &row);

// The same values column by column, for readers and writers that bind values in place instead
// of building a map. `out` takes the values of the columns above one after the other through
// text(QString) (empty is NULL), code(QString) (never NULL), real(std::optional<double>),
// integer(qint64), optionalInteger(std::optional<int>), time(QDateTime) (invalid is NULL) and
// json(QJsonObject). `in` returns them in the same order through text(), real(), integer(),
// optionalInteger(), time() and json(); a NULL reads as an empty or absent value.
template<typename Out> void writeReportColumns(const Report &report, Out &out);
template<typename In> Report readReportColumns(In &in);
template<typename Out> void writeEventColumns(const Event &event, Out &out);
template<typename In> Event readEventColumns(In &in);
template<typename Out> void writeMediaColumns(const Media &media, Out &out);
template<typename In> Media readMediaColumns(In &in);

// Builds "INSERT INTO table (a, b) VALUES (:a, :b)" for the columns given.
QString insertStatement(const QString &table, const QStringList &columns,
                        const QString &verb = QStringLiteral("INSERT"));
// Builds the same insert, updating every other column of the row with the same id when there
// is one. The placeholders appear once each, in the order of `columns`, so that they can also
// be bound by position.
QString upsertStatement(const QString &table, const QStringList &columns);

template<typename Out> void writeReportColumns(const Report &report, Out &out)
{
    const auto &position = report.position;
    out.code(report.id);
    out.text(report.publicCode);
    out.text(report.source);
    out.text(report.sourceId);
    out.text(report.sourceStatus);
    out.text(report.sourceCategory);
    out.text(report.sourceAgency);
    out.code(channelCode(report.channel));
    out.text(report.title);
    out.text(report.description);
    out.text(report.category);
    out.text(report.subcategory);
    out.code(priorityCode(report.priority));
    out.code(statusCode(report.status));
    out.real(position ? std::optional<double>(position->latitude) : std::nullopt);
    out.real(position ? std::optional<double>(position->longitude) : std::nullopt);
    out.real(report.accuracyMeters);
    out.integer(report.approximate ? 1 : 0);
    out.text(report.address);
    out.text(report.adminUnit);
    out.text(report.district);
    out.time(report.receivedAt);
    out.time(report.updatedAt);
    out.time(report.dueAt);
    out.time(report.resolvedAt);
    out.time(report.closedAt);
    out.text(report.agency);
    out.text(report.claimHolder);
    out.time(report.claimExpiresAt);
    out.text(report.duplicateOf);
    out.text(report.publicResponse);
    out.optionalInteger(report.rating);
    out.text(report.rejectReason);
    out.time(report.clockStartedAt);
    out.time(report.waitingSince);
    out.text(report.resumeStatus ? statusCode(*report.resumeStatus) : QString());
    out.time(report.extensionDueAt);
    out.text(report.extensionReason);
    out.integer(report.version);
    out.integer(report.reporterCount);
    out.integer(report.simulated ? 1 : 0);
}

template<typename In> Report readReportColumns(In &in)
{
    Report report;
    report.id = in.text();
    report.publicCode = in.text();
    report.source = in.text();
    report.sourceId = in.text();
    report.sourceStatus = in.text();
    report.sourceCategory = in.text();
    report.sourceAgency = in.text();
    report.channel = channelFromCode(in.text()).value_or(Channel::Other);
    report.title = in.text();
    report.description = in.text();
    report.category = in.text();
    report.subcategory = in.text();
    report.priority = priorityFromCode(in.text()).value_or(Priority::Normal);
    report.status = statusFromCode(in.text()).value_or(Status::New);
    const std::optional<double> latitude = in.real();
    const std::optional<double> longitude = in.real();
    if (latitude && longitude)
        report.position = GeoPoint{*latitude, *longitude};
    report.accuracyMeters = in.real();
    report.approximate = in.integer() != 0;
    report.address = in.text();
    report.adminUnit = in.text();
    report.district = in.text();
    report.receivedAt = in.time();
    report.updatedAt = in.time();
    report.dueAt = in.time();
    report.resolvedAt = in.time();
    report.closedAt = in.time();
    report.agency = in.text();
    report.claimHolder = in.text();
    report.claimExpiresAt = in.time();
    report.duplicateOf = in.text();
    report.publicResponse = in.text();
    report.rating = in.optionalInteger();
    report.rejectReason = in.text();
    report.clockStartedAt = in.time();
    report.waitingSince = in.time();
    report.resumeStatus = statusFromCode(in.text());
    report.extensionDueAt = in.time();
    report.extensionReason = in.text();
    report.version = int(in.integer());
    report.reporterCount = int(in.integer());
    report.simulated = in.integer() != 0;
    return report;
}

template<typename Out> void writeEventColumns(const Event &event, Out &out)
{
    out.code(event.id);
    out.code(event.reportId);
    out.code(eventKindCode(event.kind));
    out.text(event.actor);
    out.time(event.at);
    out.json(event.data);
}

template<typename In> Event readEventColumns(In &in)
{
    Event event;
    event.id = in.text();
    event.reportId = in.text();
    event.kind = eventKindFromCode(in.text()).value_or(EventKind::Note);
    event.actor = in.text();
    event.at = in.time();
    event.data = in.json();
    return event;
}

template<typename Out> void writeMediaColumns(const Media &media, Out &out)
{
    const auto &position = media.capturedPosition;
    out.code(media.id);
    out.code(media.reportId);
    out.code(mediaKindCode(media.kind));
    out.text(media.mimeType);
    out.text(media.sha256);
    out.integer(media.size);
    out.integer(media.width);
    out.integer(media.height);
    out.integer(media.durationMs);
    out.time(media.capturedAt);
    out.real(position ? std::optional<double>(position->latitude) : std::nullopt);
    out.real(position ? std::optional<double>(position->longitude) : std::nullopt);
    out.text(media.url);
    out.text(media.fileName);
}

template<typename In> Media readMediaColumns(In &in)
{
    Media media;
    media.id = in.text();
    media.reportId = in.text();
    media.kind = mediaKindFromCode(in.text()).value_or(MediaKind::Photo);
    media.mimeType = in.text();
    media.sha256 = in.text();
    media.size = in.integer();
    media.width = int(in.integer());
    media.height = int(in.integer());
    media.durationMs = in.integer();
    media.capturedAt = in.time();
    const std::optional<double> latitude = in.real();
    const std::optional<double> longitude = in.real();
    if (latitude && longitude)
        media.capturedPosition = GeoPoint{*latitude, *longitude};
    media.url = in.text();
    media.fileName = in.text();
    return media;
}

} // namespace CivicDesk
