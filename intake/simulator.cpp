#include "intake/simulator.h"

#include "core/logging.h"

#include <array>

namespace CivicDesk {
namespace {

// Separate streams for the order and the delays, so that asking for delays more or less often
// does not change which reports come next.
QRandomGenerator streamFor(quint32 seed, quint32 stream)
{
    const std::array<quint32, 2> words{seed, stream};
    return QRandomGenerator(words.data(), qsizetype(words.size()));
}

// Clears what an operator, an agency or the source decided, so the report starts as received.
void resetToReceived(Report &report, const QDateTime &now)
{
    report.id.clear();
    report.publicCode.clear();
    report.sourceStatus.clear();
    report.sourceCategory.clear();
    report.sourceAgency.clear();
    report.category.clear();
    report.subcategory.clear();
    report.priority = Priority::Normal;
    report.status = Status::New;
    report.receivedAt = now;
    report.updatedAt = QDateTime();
    report.dueAt = QDateTime();
    report.resolvedAt = QDateTime();
    report.closedAt = QDateTime();
    report.agency.clear();
    report.claimHolder.clear();
    report.claimExpiresAt = QDateTime();
    report.duplicateOf.clear();
    report.publicResponse.clear();
    report.rating.reset();
    report.rejectReason.clear();
    report.version = 1;
    report.reporterCount = 0;
    report.simulated = true;
}

} // namespace

ReportSimulator::ReportSimulator(QList<IncomingReport> templates, quint32 seed,
                                 const QList<AdminUnit> &units)
    : m_templates(std::move(templates))
    , m_seed(seed)
    , m_orderRandom(streamFor(seed, 1))
    , m_delayRandom(streamFor(seed, 2))
    , m_placer(units)
{
    shuffle();
}

void ReportSimulator::shuffle()
{
    // Fisher-Yates with QRandomGenerator::bounded, because std::shuffle's steps differ between
    // standard libraries and the same seed must give the same order everywhere.
    m_order.resize(m_templates.size());
    for (qsizetype i = 0; i < m_order.size(); ++i)
        m_order[i] = i;
    for (qsizetype i = m_order.size() - 1; i > 0; --i)
        std::swap(m_order[i], m_order[qsizetype(m_orderRandom.bounded(quint32(i + 1)))]);
    m_position = 0;
}

IncomingReport ReportSimulator::next(const QDateTime &now)
{
    if (m_templates.isEmpty()) {
        qCWarning(lcIntake) << "the report simulator has no templates";
        return {};
    }
    if (m_position == m_order.size())
        shuffle();

    IncomingReport record = m_templates.at(m_order.at(m_position++));
    ++m_counter;
    record.recordNumber = int(m_counter);
    record.line = 0;
    record.reporters.clear();
    record.agencyText.clear();

    Report &report = record.report;
    resetToReceived(report, now);
    report.source = sourceName();
    report.sourceId = QStringLiteral("sim-%1-%2-%3")
                          .arg(m_seed)
                          .arg(now.toUTC().toString(QStringLiteral("yyyyMMddTHHmmsszzz")))
                          .arg(m_counter);
    placeAgain(record);
    return record;
}

void ReportSimulator::placeAgain(IncomingReport &record) const
{
    Report &report = record.report;
    QString ward = report.adminUnit;
    if (ward.isEmpty() && report.position)
        ward = m_placer.unitAt(*report.position);
    if (ward.isEmpty())
        return;

    const auto area = m_placer.resolve(ward);
    if (!area)
        return;
    QRandomGenerator random = WardPlacer::generatorFor(m_seed, report.sourceId);
    const auto point = WardPlacer::randomPoint(*area, random);
    if (!point)
        return;
    report.position = *point;
    report.accuracyMeters.reset();
    report.approximate = true;
    report.adminUnit = area->unitCode;
}

int ReportSimulator::nextDelayMs()
{
    return int(m_delayRandom.bounded(quint32(minimumDelayMs), quint32(maximumDelayMs) + 1));
}

} // namespace CivicDesk
