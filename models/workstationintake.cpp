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
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
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
    const Reporter reporter{{}, text("name"), normalisePhone(phone)};
    if (files.isEmpty()) {
        queueCreate(report, reporter, reportId, {});
        return {};
    }
    // A video may take seconds to copy: the copies are made on a thread of their own, and the
    // form waits for attachmentsCopied() or reportNotCreated().
    const QString folder = QDir(m_dataFolder)
                               .filePath(QStringLiteral("%1/%2").arg(
                                   QLatin1String(outgoingMediaFolderName), reportId));
    struct Copied
    {
        QList<AttachedFile> attached;
        QString failedPath;
    };
    auto *watcher = new QFutureWatcher<Copied>(this);
    connect(watcher, &QFutureWatcher<Copied>::finished, this,
            [this, watcher, report, reporter, reportId] {
                watcher->deleteLater();
                const Copied copied = watcher->result();
                if (!copied.failedPath.isEmpty()) {
                    Q_EMIT reportNotCreated(attachmentError(copied.failedPath));
                    return;
                }
                queueCreate(report, reporter, reportId, copied.attached);
            });
    watcher->setFuture(QtConcurrent::run([files, folder] {
        Copied copied;
        copyAttachments(files, folder, &copied.attached, &copied.failedPath);
        return copied;
    }));
    qCInfo(lcApp) << "copying" << files.size() << "files for new report" << reportId;
    return {{QStringLiteral("copying"), true}};
}

void Workstation::queueCreate(const Report &report, const Reporter &reporter,
                              const QString &reportId, const QList<AttachedFile> &attached)
{
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
}

bool Workstation::copyAttachments(const QStringList &files, const QString &folder,
                                  QList<AttachedFile> *attached, QString *failedPath)
{
    // The copies wait in the data folder until the central has stored them, so that a report
    // made offline keeps its files even if the originals move.
    for (const QString &entry : files) {
        const QString path = localPath(entry);
        QString error;
        const auto file = copyAttachment(path, folder, &error);
        if (!file) {
            qCWarning(lcApp) << "attachment not accepted:" << error;
            *failedPath = path;
            QDir(folder).removeRecursively();
            return false;
        }
        attached->append(*file);
    }
    return true;
}

QVariantMap Workstation::attachmentError(const QString &path)
{
    return {{QStringLiteral("files"),
             QCoreApplication::translate("CivicDesk",
                                         "The file %1 cannot be attached: it is missing, empty, "
                                         "larger than %2 MB, or not a photo, video or audio "
                                         "recording.")
                 .arg(QDir::toNativeSeparators(path))
                 .arg(maxAttachmentBytes / (1024 * 1024))}};
}

QString Workstation::wardAt(double latitude, double longitude) const
{
    const GeoPoint point{latitude, longitude};
    if (!isUsablePosition(point))
        return {};
    return WardPlacer(m_reference.adminUnits).unitAt(point);
}

} // namespace CivicDesk
