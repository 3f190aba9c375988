#include "models/displaytext.h"
#include "models/workstation.h"

#include "core/timeutil.h"

#include <QCoreApplication>
#include <QLocale>

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
