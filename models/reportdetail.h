#pragma once

#include "core/reference.h"
#include "core/report.h"
#include "models/displaytext.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace CivicDesk {

// The report the operator has open, with its names resolved and its times formatted for
// display. Filled from the replica by the workstation; QML only reads it.
class ReportDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The open report belongs to the workstation")

    Q_PROPERTY(bool loaded READ isLoaded NOTIFY changed)
    Q_PROPERTY(QString reportId READ reportId NOTIFY changed)
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString description READ description NOTIFY changed)
    Q_PROPERTY(QString statusCode READ statusCode NOTIFY changed)
    Q_PROPERTY(QString statusName READ statusName NOTIFY changed)
    Q_PROPERTY(QString categoryCode READ categoryCode NOTIFY changed)
    Q_PROPERTY(QString categoryName READ categoryName NOTIFY changed)
    Q_PROPERTY(QString priorityCode READ priorityCode NOTIFY changed)
    Q_PROPERTY(QString channelName READ channelName NOTIFY changed)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY changed)
    Q_PROPERTY(QString dueText READ dueText NOTIFY changed)
    Q_PROPERTY(QString positionText READ positionText NOTIFY changed)
    Q_PROPERTY(bool approximate READ approximate NOTIFY changed)
    Q_PROPERTY(bool hasPosition READ hasPosition NOTIFY changed)
    Q_PROPERTY(QString wardName READ wardName NOTIFY changed)
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(QString agencyName READ agencyName NOTIFY changed)
    Q_PROPERTY(QString publicResponse READ publicResponse NOTIFY changed)
    Q_PROPERTY(QString rejectReason READ rejectReason NOTIFY changed)
    Q_PROPERTY(int reporterCount READ reporterCount NOTIFY changed)
    // Who holds an unexpired claim on the report and until when, empty when nobody does.
    Q_PROPERTY(QString claimHolder READ claimHolder NOTIFY changed)
    Q_PROPERTY(QString claimUntilText READ claimUntilText NOTIFY changed)
    // The deadline asked for by the agency and its reason, while no supervisor has decided.
    Q_PROPERTY(QString extensionDueText READ extensionDueText NOTIFY changed)
    Q_PROPERTY(QString extensionReason READ extensionReason NOTIFY changed)
    // Since when the report waits for the citizen's answer, which pauses its deadline.
    Q_PROPERTY(QString waitingSinceText READ waitingSinceText NOTIFY changed)
    Q_PROPERTY(QString duplicateOf READ duplicateOf NOTIFY changed)
    Q_PROPERTY(QString agencyCode READ agencyCode NOTIFY changed)
    // Names and phones shown after the operator revealed them with a reason: maps with name and
    // phone. Kept in memory for the open report only, never in the replica.
    Q_PROPERTY(QVariantList revealedReporters READ revealedReporters NOTIFY revealedChanged)
    // Codes of the free-text fields an operator may edit in the report's state ("title",
    // "description", "address", "public_response").
    Q_PROPERTY(QStringList editableFields READ editableFields NOTIFY changed)
    // True while an operation made here waits for the central's decision.
    Q_PROPERTY(bool pending READ pending NOTIFY changed)
    Q_PROPERTY(bool simulated READ simulated NOTIFY changed)
    // Timeline, newest last: maps with kind, title, actor, time and text.
    Q_PROPERTY(QVariantList events READ events NOTIFY changed)
    // Photos and videos: maps with kind ("photo", "video"), sha256, name, mimeType, link (for
    // media kept at their source) and sizeText. Each map also has thumbnail (a local file URL)
    // and thumbnailState ("loading", "ready", "none" when the central has no thumbnail,
    // "failed"), source (the full file's local URL) and fileState ("idle" until requested,
    // "loading", "ready", "failed"), and error (a translated sentence when a state is "failed").
    Q_PROPERTY(QVariantList media READ media NOTIFY mediaChanged)
    // Share of each full file copied so far (0 to 1) by SHA-256, while it loads. Kept apart from
    // `media` so that progress does not rebuild the views of every photo and video.
    Q_PROPERTY(QVariantMap mediaProgress READ mediaProgress NOTIFY mediaProgressChanged)

public:
    explicit ReportDetail(QObject *parent = nullptr);

    void show(const ReportSnapshot &snapshot, bool pending, const ReferenceData &reference,
              const QString &language);
    void clear();
    // Records where a thumbnail can be read; an empty path means the central has none.
    void setThumbnail(const QString &sha256, const QString &path);
    void setFileLoading(const QString &sha256);
    void setFileProgress(const QString &sha256, qint64 copied, qint64 total);
    // Records where a full media file can be read once it is in the local cache.
    void setMediaFile(const QString &sha256, const QString &path);
    // Records why a thumbnail or a full file could not be fetched, as a sentence to show.
    void setMediaFailed(const QString &sha256, bool thumbnail, const QString &sentence);
    // SHA-256s of the open report's files whose thumbnail has neither arrived nor failed.
    QStringList awaitedThumbnails() const;
    // The open report's stored media, for fetching.
    const QList<Media> &mediaItems() const { return m_media; }

    bool isLoaded() const { return !m_report.id.isEmpty(); }
    QString reportId() const { return m_report.id; }
    QString code() const { return m_report.publicCode; }
    QString title() const { return m_report.title; }
    QString description() const { return m_report.description; }
    QString statusCode() const;
    QString statusName() const;
    QString categoryCode() const { return m_report.category; }
    QString categoryName() const { return m_categoryName; }
    QString priorityCode() const;
    QString channelName() const;
    QString receivedText() const;
    QString dueText() const;
    QString positionText() const;
    bool approximate() const { return m_report.approximate; }
    bool hasPosition() const { return m_report.position.has_value(); }
    QString wardName() const { return m_wardName; }
    QString address() const { return m_report.address; }
    QString agencyName() const { return m_agencyName; }
    QString publicResponse() const { return m_report.publicResponse; }
    QString rejectReason() const { return m_report.rejectReason; }
    int reporterCount() const { return m_report.reporterCount; }
    QString claimHolder() const;
    QString claimUntilText() const;
    QString extensionDueText() const { return displayTime(m_report.extensionDueAt); }
    QString extensionReason() const { return m_report.extensionReason; }
    QString waitingSinceText() const { return displayTime(m_report.waitingSince); }
    QString duplicateOf() const { return m_report.duplicateOf; }
    QString agencyCode() const { return m_report.agency; }
    const Report &report() const { return m_report; }
    QStringList editableFields() const;
    // The role the user acts in, which limits the fields they may edit.
    void setRole(Role role) { m_role = role; }
    bool pending() const { return m_pending; }
    bool simulated() const { return m_report.simulated; }
    QVariantList events() const { return m_events; }
    QVariantList media() const;
    QVariantMap mediaProgress() const { return m_progress; }
    QVariantList revealedReporters() const { return m_revealed; }
    void setRevealedReporters(const QVariantList &reporters);

Q_SIGNALS:
    void changed();
    void mediaChanged();
    void mediaProgressChanged();
    void revealedChanged();

private:
    Report m_report;
    Role m_role = Role::Operator;
    bool m_pending = false;
    QString m_categoryName;
    QString m_wardName;
    QString m_agencyName;
    QVariantList m_events;
    // Fetch state of a file on this workstation, by its SHA-256.
    struct MediaState
    {
        QString thumbnail;
        QString thumbnailState = QStringLiteral("loading");
        QString file;
        QString fileState = QStringLiteral("idle");
        QString error;
    };

    QList<Media> m_media;
    QHash<QString, MediaState> m_mediaStates;
    QVariantMap m_progress;
    QVariantList m_revealed;
};

} // namespace CivicDesk
