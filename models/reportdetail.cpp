#include "models/reportdetail.h"

#include "core/conflict.h"
#include "core/operation.h"
#include "core/textedit.h"
#include "models/displaytext.h"

#include <algorithm>
#include <QCoreApplication>
#include <QUrl>

namespace CivicDesk {
namespace {

// One line of a timeline entry, short enough that a long description does not fill the pane.
QString clipped(const QString &text)
{
    constexpr int maxLength = 160;
    QString line = text.simplified();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    return line;
}

// Returns a note or a reason in full, or cut to the length the operation rules allow, which
// only a record written without those rules can exceed.
QString limited(const QString &text)
{
    if (text.size() <= maxOperatorTextLength)
        return text;
    return text.left(maxOperatorTextLength) + QChar(0x2026);
}

QString editedText(const QJsonObject &data)
{
    const QJsonObject fields = data.value(QLatin1String("fields")).toObject();
    QStringList lines;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString to = it.value().toObject().value(QLatin1String("to")).toString();
        lines.append(QStringLiteral("%1: %2").arg(differenceFieldName(it.key()), clipped(to)));
    }
    return lines.join(QLatin1Char('\n'));
}

QString refusedText(const QJsonObject &data, const ReferenceData &reference, bool english)
{
    QStringList lines;
    const auto differences = differencesFromJson(data.value(QLatin1String("fields")).toArray());
    for (const FieldDifference &difference : differences) {
        if (!difference.conflicting)
            continue;
        lines.append(QCoreApplication::translate("CivicDesk", "%1: proposed %2, current %3")
                         .arg(differenceFieldName(difference.field),
                              clipped(differenceValueText(difference.field, difference.mine,
                                                          reference, english)),
                              clipped(differenceValueText(difference.field, difference.theirs,
                                                          reference, english))));
    }
    return lines.join(QLatin1Char('\n'));
}

QString eventText(const Event &event, const ReferenceData &reference, bool english)
{
    const QJsonObject &data = event.data;
    switch (event.kind) {
    case EventKind::Note:
        return limited(data.value(QLatin1String("text")).toString());
    case EventKind::StatusChanged:
    case EventKind::ReporterRevealed:
        return limited(data.value(QLatin1String("reason")).toString());
    case EventKind::Classified:
        for (const Category &category : reference.categories) {
            if (category.code == data.value(QLatin1String("category")).toString())
                return english ? category.nameEn : category.nameVi;
        }
        return data.value(QLatin1String("category")).toString();
    case EventKind::Assigned:
        for (const Agency &agency : reference.agencies) {
            if (agency.id == data.value(QLatin1String("agency")).toString())
                return english && !agency.nameEn.isEmpty() ? agency.nameEn : agency.nameVi;
        }
        return data.value(QLatin1String("agency")).toString();
    case EventKind::Imported:
        return clipped(data.value(QLatin1String("source")).toString());
    case EventKind::Edited:
        return editedText(data);
    case EventKind::Refused:
        return refusedText(data, reference, english);
    default:
        return QString();
    }
}

// The title of a status change names the new state ("Rejected"), which tells the reader more than
// "status changed".
QString eventTitle(const Event &event)
{
    if (event.kind != EventKind::StatusChanged)
        return eventKindName(event.kind);
    const auto to = statusFromCode(event.data.value(QLatin1String("to")).toString());
    return to ? statusName(*to) : eventKindName(event.kind);
}

} // namespace

ReportDetail::ReportDetail(QObject *parent)
    : QObject(parent)
{}

void ReportDetail::show(const ReportSnapshot &snapshot, bool pending,
                        const ReferenceData &reference, const QString &language)
{
    const bool english = language == QLatin1String("en");
    const bool sameReport = snapshot.report.id == m_report.id;
    m_report = snapshot.report;
    m_pending = pending;
    m_categoryName.clear();
    m_wardName.clear();
    m_agencyName = m_report.agency.isEmpty() ? m_report.sourceAgency : m_report.agency;
    for (const Category &category : reference.categories) {
        if (category.code == m_report.category)
            m_categoryName = english ? category.nameEn : category.nameVi;
    }
    for (const AdminUnit &unit : reference.adminUnits) {
        if (unit.code == m_report.adminUnit)
            m_wardName = english ? unit.nameEn : unit.nameVi;
    }
    for (const Agency &agency : reference.agencies) {
        if (agency.id == m_report.agency)
            m_agencyName = english && !agency.nameEn.isEmpty() ? agency.nameEn : agency.nameVi;
    }

    QList<Event> events = snapshot.events;
    std::sort(events.begin(), events.end(),
              [](const Event &a, const Event &b) { return a.at < b.at; });
    m_events.clear();
    for (const Event &event : std::as_const(events)) {
        m_events.append(
            QVariantMap{{QStringLiteral("kind"), eventKindCode(event.kind)},
                        {QStringLiteral("title"), eventTitle(event)},
                        {QStringLiteral("actor"), event.actor},
                        {QStringLiteral("time"), displayTime(event.at)},
                        {QStringLiteral("text"), eventText(event, reference, english)}});
    }
    m_media = snapshot.media;
    if (!sameReport) {
        m_mediaStates.clear();
        m_progress.clear();
        setRevealedReporters({});
    }
    Q_EMIT changed();
    Q_EMIT mediaChanged();
}

void ReportDetail::setRevealedReporters(const QVariantList &reporters)
{
    m_revealed = reporters;
    Q_EMIT revealedChanged();
}

void ReportDetail::clear()
{
    setRevealedReporters({});
    m_report = Report();
    m_events.clear();
    m_media.clear();
    Q_EMIT changed();
    Q_EMIT mediaChanged();
}

void ReportDetail::setThumbnail(const QString &sha256, const QString &path)
{
    MediaState &state = m_mediaStates[sha256];
    state.thumbnail = path;
    state.thumbnailState = path.isEmpty() ? QStringLiteral("none") : QStringLiteral("ready");
    Q_EMIT mediaChanged();
}

void ReportDetail::setFileLoading(const QString &sha256)
{
    MediaState &state = m_mediaStates[sha256];
    if (state.fileState == QLatin1String("ready"))
        return;
    state.fileState = QStringLiteral("loading");
    state.error.clear();
    Q_EMIT mediaChanged();
}

void ReportDetail::setFileProgress(const QString &sha256, qint64 copied, qint64 total)
{
    if (!m_mediaStates.contains(sha256) || total <= 0)
        return;
    m_progress.insert(sha256, double(copied) / double(total));
    Q_EMIT mediaProgressChanged();
}

void ReportDetail::setMediaFile(const QString &sha256, const QString &path)
{
    MediaState &state = m_mediaStates[sha256];
    state.file = path;
    state.fileState = QStringLiteral("ready");
    state.error.clear();
    m_progress.remove(sha256);
    Q_EMIT mediaChanged();
    Q_EMIT mediaProgressChanged();
}

void ReportDetail::setMediaFailed(const QString &sha256, bool thumbnail, const QString &sentence)
{
    MediaState &state = m_mediaStates[sha256];
    if (thumbnail)
        state.thumbnailState = QStringLiteral("failed");
    else
        state.fileState = QStringLiteral("failed");
    state.error = sentence;
    m_progress.remove(sha256);
    Q_EMIT mediaChanged();
    Q_EMIT mediaProgressChanged();
}

QStringList ReportDetail::awaitedThumbnails() const
{
    QStringList awaited;
    for (const Media &item : m_media) {
        if (!item.sha256.isEmpty() &&
            m_mediaStates.value(item.sha256).thumbnailState == QLatin1String("loading"))
            awaited.append(item.sha256);
    }
    return awaited;
}

QVariantList ReportDetail::media() const
{
    const auto url = [](const QString &path) {
        return path.isEmpty() ? QString() : QUrl::fromLocalFile(path).toString();
    };
    QVariantList list;
    for (const Media &item : m_media) {
        const MediaState state = m_mediaStates.value(item.sha256);
        list.append(QVariantMap{
            {QStringLiteral("kind"), mediaKindCode(item.kind)},
            {QStringLiteral("sha256"), item.sha256},
            {QStringLiteral("name"), item.fileName},
            {QStringLiteral("mimeType"), item.mimeType},
            {QStringLiteral("link"), item.url},
            {QStringLiteral("sizeText"),
             item.size > 0 ? QLocale().formattedDataSize(item.size) : QString()},
            {QStringLiteral("thumbnail"), url(state.thumbnail)},
            {QStringLiteral("thumbnailState"), state.thumbnailState},
            {QStringLiteral("source"), url(state.file)},
            {QStringLiteral("fileState"), state.fileState},
            {QStringLiteral("error"), state.error},
        });
    }
    return list;
}

QStringList ReportDetail::editableFields() const
{
    QStringList codes;
    if (!isLoaded())
        return codes;
    for (TextField field : allTextFields()) {
        if (mayEditTextField(field, m_role) && isTextFieldEditable(field, m_report.status))
            codes.append(textFieldCode(field));
    }
    return codes;
}

QString ReportDetail::statusCode() const
{
    return isLoaded() ? CivicDesk::statusCode(m_report.status) : QString();
}

QString ReportDetail::statusName() const
{
    return isLoaded() ? CivicDesk::statusName(m_report.status) : QString();
}

QString ReportDetail::priorityCode() const
{
    return CivicDesk::priorityCode(m_report.priority);
}

QString ReportDetail::channelName() const
{
    return isLoaded() ? CivicDesk::channelName(m_report.channel) : QString();
}

QString ReportDetail::receivedText() const
{
    return displayTime(m_report.receivedAt);
}

QString ReportDetail::claimHolder() const
{
    const bool held = m_report.claimExpiresAt.isValid() &&
                      m_report.claimExpiresAt > QDateTime::currentDateTimeUtc();
    return held ? m_report.claimHolder : QString();
}

QString ReportDetail::claimUntilText() const
{
    return claimHolder().isEmpty() ? QString() : displayTime(m_report.claimExpiresAt);
}

QString ReportDetail::dueText() const
{
    return displayTime(m_report.dueAt);
}

QString ReportDetail::positionText() const
{
    if (!m_report.position)
        return QString();
    return QStringLiteral("%1, %2")
        .arg(m_report.position->latitude, 0, 'f', 5)
        .arg(m_report.position->longitude, 0, 'f', 5);
}

} // namespace CivicDesk
