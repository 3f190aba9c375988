#include "core/reportcreate.h"

#include "core/phone.h"
#include "core/textedit.h"
#include "core/timeutil.h"

#include <QJsonArray>

namespace CivicDesk {
namespace {

OperationOutcome refuse(Refusal refusal, const QString &reason)
{
    OperationOutcome outcome;
    outcome.refusal = refusal;
    outcome.reason = reason;
    return outcome;
}

QString text(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toString().trimmed();
}

OperationOutcome checkTextLengths(const Report &report)
{
    for (TextField field : {TextField::Title, TextField::Description, TextField::Address}) {
        const QString value = textFieldValue(report, field);
        if (value.size() > maxTextFieldLength(field))
            return refuse(Refusal::InvalidValue,
                          QStringLiteral("the %1 has %2 characters, more than the %3 allowed")
                              .arg(textFieldCode(field))
                              .arg(value.size())
                              .arg(maxTextFieldLength(field)));
    }
    return {};
}

// Reads the position: both coordinates or neither.
OperationOutcome readPosition(const QJsonObject &fields, Report &report)
{
    const QJsonValue latitude = fields.value(QLatin1String("latitude"));
    const QJsonValue longitude = fields.value(QLatin1String("longitude"));
    if (latitude.isUndefined() && longitude.isUndefined())
        return {};
    const GeoPoint point{latitude.toDouble(qQNaN()), longitude.toDouble(qQNaN())};
    if (!latitude.isDouble() || !longitude.isDouble() || !isUsablePosition(point))
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("the position (%1, %2) is not a WGS84 latitude and longitude")
                          .arg(latitude.toVariant().toString(), longitude.toVariant().toString()));
    report.position = point;

    const QJsonValue accuracy = fields.value(QLatin1String("accuracy_m"));
    if (!accuracy.isUndefined() && !accuracy.isNull()) {
        if (!accuracy.isDouble() || accuracy.toDouble() < 0)
            return refuse(Refusal::InvalidValue,
                          QStringLiteral("the accuracy %1 is not a distance in metres")
                              .arg(accuracy.toVariant().toString()));
        report.accuracyMeters = accuracy.toDouble();
    }
    report.approximate = fields.value(QLatin1String("approximate")).toBool();
    return {};
}

OperationOutcome readCodes(const QJsonObject &fields, Report &report)
{
    const QString channelText = text(fields, QLatin1String("channel"));
    const auto channel = channelFromCode(channelText);
    if (!channel)
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("unknown channel \"%1\"").arg(channelText));
    const QString priorityText = text(fields, QLatin1String("priority"));
    const auto priority =
        priorityText.isEmpty() ? Priority::Normal : priorityFromCode(priorityText);
    if (!priority)
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("unknown priority \"%1\"").arg(priorityText));
    report.channel = *channel;
    report.priority = *priority;
    return {};
}

OperationOutcome checkReporter(const QJsonObject &payload)
{
    const QString phone =
        text(payload.value(QLatin1String("reporter")).toObject(), QLatin1String("phone"));
    if (phone.isEmpty() || !normalisePhone(phone).isEmpty())
        return {};
    return refuse(Refusal::InvalidValue,
                  QStringLiteral("the phone \"%1\" is not a phone number").arg(phone));
}

} // namespace

QJsonObject createPayload(const Report &report, const Reporter &reporter,
                          const QList<AttachedFile> &files)
{
    QJsonObject fields{{QLatin1String("title"), report.title},
                       {QLatin1String("description"), report.description},
                       {QLatin1String("channel"), channelCode(report.channel)},
                       {QLatin1String("priority"), priorityCode(report.priority)},
                       {QLatin1String("address"), report.address},
                       {QLatin1String("admin_unit"), report.adminUnit},
                       {QLatin1String("approximate"), report.approximate},
                       {QLatin1String("received_at"), toStorageTime(report.receivedAt)}};
    if (report.position) {
        fields.insert(QLatin1String("latitude"), report.position->latitude);
        fields.insert(QLatin1String("longitude"), report.position->longitude);
    }
    if (report.accuracyMeters)
        fields.insert(QLatin1String("accuracy_m"), *report.accuracyMeters);

    QJsonObject payload{{QLatin1String("report"), fields}};
    if (!reporter.name.isEmpty() || !reporter.phone.isEmpty())
        payload.insert(QLatin1String("reporter"),
                       QJsonObject{{QLatin1String("name"), reporter.name},
                                   {QLatin1String("phone"), reporter.phone}});
    QJsonArray media;
    for (const AttachedFile &file : files) {
        media.append(QJsonObject{{QLatin1String("path"), file.path},
                                 {QLatin1String("file_name"), file.fileName},
                                 {QLatin1String("sha256"), file.sha256},
                                 {QLatin1String("size"), file.size},
                                 {QLatin1String("mime_type"), file.mimeType},
                                 {QLatin1String("kind"), mediaKindCode(file.kind)}});
    }
    if (!media.isEmpty())
        payload.insert(QLatin1String("media"), media);
    return payload;
}

std::optional<Reporter> reporterOfCreate(const QJsonObject &payload)
{
    const QJsonObject object = payload.value(QLatin1String("reporter")).toObject();
    Reporter reporter;
    reporter.name = text(object, QLatin1String("name"));
    reporter.phone = normalisePhone(text(object, QLatin1String("phone")));
    if (reporter.name.isEmpty() && reporter.phone.isEmpty())
        return std::nullopt;
    return reporter;
}

QList<AttachedFile> filesOfCreate(const QJsonObject &payload)
{
    QList<AttachedFile> files;
    const QJsonArray media = payload.value(QLatin1String("media")).toArray();
    for (const QJsonValue &value : media) {
        const QJsonObject object = value.toObject();
        AttachedFile file;
        file.path = object.value(QLatin1String("path")).toString();
        file.fileName = object.value(QLatin1String("file_name")).toString();
        file.sha256 = object.value(QLatin1String("sha256")).toString();
        file.size = object.value(QLatin1String("size")).toInteger();
        file.mimeType = object.value(QLatin1String("mime_type")).toString();
        file.kind = mediaKindFromCode(object.value(QLatin1String("kind")).toString())
                        .value_or(MediaKind::Photo);
        files.append(file);
    }
    return files;
}

QJsonObject withoutPersonalData(const QJsonObject &payload)
{
    QJsonObject scrubbed = payload;
    scrubbed.remove(QLatin1String("reporter"));
    return scrubbed;
}

OperationOutcome applyCreate(Report &report, const Operation &operation,
                             const ReferenceCodes &codes)
{
    const Role role = operation.actorRole;
    if (role != Role::Operator && role != Role::Supervisor && role != Role::System)
        return refuse(Refusal::NotPermitted,
                      QStringLiteral("the role %1 may not create reports").arg(roleCode(role)));
    if (!report.id.isEmpty())
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("report %1 exists already").arg(operation.reportId));

    const QJsonObject fields = operation.payload.value(QLatin1String("report")).toObject();
    Report created;
    created.id = operation.reportId;
    created.title = text(fields, QLatin1String("title"));
    created.description = text(fields, QLatin1String("description"));
    created.address = text(fields, QLatin1String("address"));
    created.adminUnit = text(fields, QLatin1String("admin_unit"));
    if (created.title.isEmpty() && created.description.isEmpty())
        return refuse(Refusal::MissingValue, QStringLiteral("a new report needs a title or a "
                                                            "description"));
    if (OperationOutcome check = checkTextLengths(created); !check.accepted())
        return check;
    if (OperationOutcome check = readCodes(fields, created); !check.accepted())
        return check;
    if (OperationOutcome check = readPosition(fields, created); !check.accepted())
        return check;
    if (OperationOutcome check = checkReporter(operation.payload); !check.accepted())
        return check;

    const QString receivedText = text(fields, QLatin1String("received_at"));
    created.receivedAt =
        receivedText.isEmpty() ? operation.createdAt : fromStorageTime(receivedText);
    if (!created.receivedAt.isValid())
        return refuse(Refusal::InvalidValue,
                      QStringLiteral("the time received \"%1\" is not a time").arg(receivedText));
    created.status = Status::New;
    created.version = 1;
    created.updatedAt = operation.createdAt;
    const ProcessingTime time = codes.deadlines.processingTime(created.category, created.priority);
    created.dueAt = deadlineFor(codes.calendar, time, created.receivedAt).toUTC();
    created.reporterCount = reporterOfCreate(operation.payload) ? 1 : 0;
    report = created;

    OperationOutcome outcome;
    outcome.event.id = operation.eventId;
    outcome.event.reportId = operation.reportId;
    outcome.event.kind = EventKind::Received;
    outcome.event.actor = operation.actor;
    outcome.event.at = operation.createdAt;
    outcome.event.data = {{QLatin1String("channel"), channelCode(created.channel)},
                          {QLatin1String("media"),
                           int(operation.payload.value(QLatin1String("media")).toArray().size())}};
    return outcome;
}

} // namespace CivicDesk
