#include "core/timeutil.h"
#include "models/displaytext.h"
#include "models/replicareader.h"
#include "models/workstation.h"

#include <QCoreApplication>
#include <QLocale>
#include <utility>

namespace CivicDesk {

void Workstation::acknowledge()
{
    submit(OperationKind::Acknowledge, {});
}

void Workstation::publishResponse(const QString &response)
{
    submit(OperationKind::Resolve, {{QStringLiteral("response"), response}});
}

void Workstation::requestExtension(int workingDays, const QString &reason)
{
    const Report &report = m_detail->report();
    if (report.id != m_selected || !report.dueAt.isValid() || workingDays < 1)
        return;
    const qint64 minutes = qint64(workingDays) * m_reference.calendar.standardDayMinutes();
    const QDateTime due = m_reference.calendar.addWorkingMinutes(report.dueAt, minutes).toUTC();
    submit(OperationKind::RequestExtension,
           {{QStringLiteral("due_at"), toStorageTime(due)}, {QStringLiteral("reason"), reason}});
}

void Workstation::askCitizen(const QString &question)
{
    submit(OperationKind::AskInfo, {{QStringLiteral("question"), question}});
}

void Workstation::recordAnswer(const QString &answer)
{
    submit(OperationKind::AnswerInfo, {{QStringLiteral("answer"), answer}});
}

void Workstation::markDuplicate(const QString &originalId)
{
    submit(OperationKind::MarkDuplicate, {{QStringLiteral("duplicate_of"), originalId}});
}

void Workstation::reopen(const QString &reason)
{
    submit(OperationKind::Reopen, {{QStringLiteral("reason"), reason}});
}

void Workstation::decideExtension(bool approved, const QString &reason)
{
    submit(OperationKind::DecideExtension,
           {{QStringLiteral("approved"), approved}, {QStringLiteral("reason"), reason}});
}

QVariantList Workstation::responseTemplates() const
{
    const Report &report = m_detail->report();
    if (report.id.isEmpty())
        return {};
    const bool english = m_language == QLatin1String("en");
    QString agencyName = report.agency;
    for (const Agency &agency : m_reference.agencies) {
        if (agency.id == report.agency)
            agencyName = english && !agency.nameEn.isEmpty() ? agency.nameEn : agency.nameVi;
    }
    const QMap<QString, QString> values{
        {QStringLiteral("code"), report.publicCode},
        {QStringLiteral("date"), displayTime(report.receivedAt).section(QLatin1Char(' '), 1)},
        {QStringLiteral("address"),
         report.address.isEmpty() ? m_detail->wardName() : report.address},
        {QStringLiteral("agency"), agencyName},
    };
    QVariantList list;
    for (const ResponseTemplate &item :
         templatesFor(m_reference.responseTemplates, report.category, report.agency)) {
        const bool useEnglish = english && !item.textEn.isEmpty();
        list.append(QVariantMap{
            {QStringLiteral("id"), item.id},
            {QStringLiteral("title"), useEnglish ? item.titleEn : item.titleVi},
            {QStringLiteral("text"), fillTemplate(useEnglish ? item.textEn : item.textVi, values)},
        });
    }
    return list;
}

void Workstation::toggleClaim()
{
    if (m_selected.isEmpty())
        return;
    if (holdsClaim())
        m_engine.releaseClaim(m_selected, claimActor(), QString());
    else
        m_engine.requestClaim(m_selected, claimActor());
}

void Workstation::releaseClaimOf(const QString &reason)
{
    if (!m_selected.isEmpty())
        m_engine.releaseClaim(m_selected, claimActor(), reason);
}

void Workstation::claimNext()
{
    ClaimCriteria criteria;
    const ReportQuery query = m_queue->query();
    if (const auto status = statusFromCode(query.status))
        criteria.statuses = {*status};
    if (!query.category.isEmpty() && query.category != QLatin1String("unclassified"))
        criteria.categories = {query.category};
    if (!query.adminUnit.isEmpty())
        criteria.adminUnits = {query.adminUnit};
    m_awaitingNext = true;
    m_engine.claimNext(criteria, claimActor());
}

void Workstation::onClaimAnswered(const QString &reportId, bool granted, const QString &holder,
                                  const QDateTime &expiresAt, const QString &message, bool offline)
{
    Q_UNUSED(expiresAt);
    const bool next = std::exchange(m_awaitingNext, false) && !reportId.isEmpty();
    if (offline) {
        reportError(message, QCoreApplication::translate(
                                 "CivicDesk", "Claiming needs the central, which cannot be "
                                              "reached now. The report stays open to everyone."));
        return;
    }
    if (granted && holder == m_operator) {
        // "Claim next" moves on from the report claimed before, which goes back to the others.
        if (!m_claimed.isEmpty() && m_claimed != reportId)
            m_engine.releaseClaim(m_claimed, claimActor(), QString());
        m_claimed = reportId;
        m_claimRenewal.start();
        if (next)
            select(reportId);
    } else if (granted && holder.isEmpty() && reportId == m_claimed) {
        m_claimed.clear();
        m_claimRenewal.stop();
    } else if (!granted && reportId.isEmpty()) {
        reportError(message, QCoreApplication::translate(
                                 "CivicDesk", "No unclaimed report matches the queue's filters."));
    } else if (!granted) {
        reportError(
            message,
            QCoreApplication::translate("CivicDesk", "%1 is working on this report.").arg(holder));
    }
    Q_EMIT claimChanged();
    if (reportId == m_selected)
        m_reader->requestSnapshot(m_selected);
}

void Workstation::showDuplicates(const QString &reportId, const QList<DuplicateRow> &rows)
{
    if (reportId != m_selected)
        return;
    m_duplicates.clear();
    for (const DuplicateRow &row : rows) {
        m_duplicates.append(QVariantMap{
            {QStringLiteral("id"), row.id},
            {QStringLiteral("code"), row.publicCode.isEmpty()
                                         ? QCoreApplication::translate("CivicDesk", "(not synced)")
                                         : row.publicCode},
            {QStringLiteral("title"), row.title},
            {QStringLiteral("status"), statusCode(row.status)},
            {QStringLiteral("statusName"), statusName(row.status)},
            {QStringLiteral("receivedText"), displayTime(row.receivedAt)},
            {QStringLiteral("similarity"), row.similarity},
            {QStringLiteral("distance"), row.distanceMeters},
        });
    }
    Q_EMIT duplicateSuggestionsChanged();
}

} // namespace CivicDesk
