#include "core/logging.h"
#include "core/phone.h"
#include "core/reportcreate.h"
#include "core/textedit.h"
#include "intake/wardplacer.h"
#include "media/attachment.h"
#include "models/workstation.h"
#include "storage/replica.h"

#include <cmath>
#include <QCoreApplication>
#include <QDir>
#include <QUrl>
#include <QUuid>

// Reports that operators take at the center, such as hotline calls: checked here, then queued as
// a Create operation like every other action.

namespace CivicDesk {
namespace {

QString localPath(const QString &text)
{
    const QUrl url(text);
    return url.isLocalFile() ? url.toLocalFile() : text;
}

// Reads the position of the form: none when either coordinate is missing.
std::optional<GeoPoint> positionOf(const QVariantMap &fields, bool *valid)
{
    *valid = true;
    const QVariant latitude = fields.value(QStringLiteral("latitude"));
    const QVariant longitude = fields.value(QStringLiteral("longitude"));
    bool latitudeNumber = false;
    bool longitudeNumber = false;
    const GeoPoint point{latitude.toDouble(&latitudeNumber), longitude.toDouble(&longitudeNumber)};
    const bool given = (latitude.isValid() && !latitude.isNull() && latitudeNumber &&
                        !std::isnan(point.latitude)) ||
                       (longitude.isValid() && !longitude.isNull() && longitudeNumber &&
                        !std::isnan(point.longitude));
    if (!given)
        return std::nullopt;
    *valid = latitudeNumber && longitudeNumber && isUsablePosition(point);
    return *valid ? std::optional<GeoPoint>(point) : std::nullopt;
}

// Returns the form's errors by field: title, phone, position.
QVariantMap checkFields(const Report &report, const QString &phone, bool positionValid)
{
    QVariantMap errors;
    if (report.title.isEmpty() && report.description.isEmpty())
        errors.insert(QStringLiteral("title"),
                      QCoreApplication::translate("CivicDesk", "Enter a title or a description."));
    else if (report.title.size() > maxTextFieldLength(TextField::Title))
        errors.insert(
            QStringLiteral("title"),
            QCoreApplication::translate("CivicDesk", "The title is longer than %1 characters.")
                .arg(maxTextFieldLength(TextField::Title)));
    if (report.description.size() > maxTextFieldLength(TextField::Description))
        errors.insert(QStringLiteral("description"),
                      QCoreApplication::translate("CivicDesk",
                                                  "The description is longer than %1 characters.")
                          .arg(maxTextFieldLength(TextField::Description)));
    if (!phone.isEmpty() && normalisePhone(phone).isEmpty())
        errors.insert(QStringLiteral("phone"),
                      QCoreApplication::translate(
                          "CivicDesk", "\"%1\" is not a phone number. Write it as 0905 123 456 or "
                                       "+84 905 123 456.")
                          .arg(phone));
    if (!positionValid)
        errors.insert(QStringLiteral("position"),
                      QCoreApplication::translate(
                          "CivicDesk",
                          "The place is not a valid latitude and longitude. Pick it on "
                          "the map again."));
    return errors;
}

} // namespace

QVariantMap Workstation::createReport(const QVariantMap &fields, const QStringList &files)
{
    const auto text = [&fields](const char *key) {
        return fields.value(QLatin1String(key)).toString().trimmed();
    };
    Report report;
    report.title = text("title");
    report.description = text("description");
    report.address = text("address");
    report.adminUnit = text("ward");
    report.channel = Channel::Hotline;
    report.priority = priorityFromCode(text("priority")).value_or(Priority::Normal);
    report.receivedAt = QDateTime::currentDateTimeUtc();
    bool positionValid = true;
    report.position = positionOf(fields, &positionValid);
    // A place picked on the map from a caller's description is never exact.
    report.approximate = report.position.has_value();
    const QString phone = text("phone");

    QVariantMap errors = checkFields(report, phone, positionValid);
    if (!mayTriage())
        errors.insert(
            QStringLiteral("form"),
            QCoreApplication::translate("CivicDesk", "Your role may not create reports."));
    if (!errors.isEmpty()) {
        qCInfo(lcApp) << "new report not created; fields to correct:" << errors.keys();
        return errors;
    }

    const QString reportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<AttachedFile> attached;
    if (!attachFiles(reportId, files, &attached, &errors))
        return errors;

    const Reporter reporter{{}, text("name"), normalisePhone(phone)};
    connect(
        &m_engine, &SyncEngine::operationQueued, this,
        [this, reportId](const QString &, const QString &queuedId) {
            if (queuedId != reportId)
                return;
            select(reportId);
            Q_EMIT reportCreated(reportId);
        },
        Qt::SingleShotConnection);
    m_engine.submit(OperationKind::Create, reportId, createPayload(report, reporter, attached),
                    m_operator, actingRole());
    qCInfo(lcApp) << "new report" << reportId << "queued with" << attached.size() << "files";
    return {};
}

bool Workstation::attachFiles(const QString &reportId, const QStringList &files,
                              QList<AttachedFile> *attached, QVariantMap *errors)
{
    // The copies wait in the data folder until the central has stored them, so that a report
    // made offline keeps its files even if the originals move.
    // NOTE: the copy runs on the GUI thread; a video near maxAttachmentBytes blocks the window
    // for as long as the disk takes to copy it.
    const QString folder = QDir(m_dataFolder)
                               .filePath(QStringLiteral("%1/%2").arg(
                                   QLatin1String(outgoingMediaFolderName), reportId));
    for (const QString &entry : files) {
        const QString path = localPath(entry);
        QString error;
        const auto file = copyAttachment(path, folder, &error);
        if (!file) {
            qCWarning(lcApp) << "attachment not accepted:" << error;
            errors->insert(QStringLiteral("files"),
                           QCoreApplication::translate(
                               "CivicDesk", "The file %1 cannot be attached: it is missing, empty, "
                                            "larger than %2 MB, or not a photo, video or audio "
                                            "recording.")
                               .arg(QDir::toNativeSeparators(path))
                               .arg(maxAttachmentBytes / (1024 * 1024)));
            QDir(folder).removeRecursively();
            return false;
        }
        attached->append(*file);
    }
    return true;
}

QString Workstation::wardAt(double latitude, double longitude) const
{
    const GeoPoint point{latitude, longitude};
    if (!isUsablePosition(point))
        return {};
    return WardPlacer(m_reference.adminUnits).unitAt(point);
}

} // namespace CivicDesk
