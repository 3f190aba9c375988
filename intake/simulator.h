#pragma once

#include "core/incoming.h"
#include "core/reference.h"
#include "intake/wardplacer.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace CivicDesk {

// Replays template reports (the demo reports of Hue) as new, unclassified reports received
// now, so that a demo looks live. It has no timer: the caller asks for the next report and
// for the delay before the one after, on any thread, so tests need not wait. An object is used
// by one thread at a time.
class ReportSimulator
{
public:
    static constexpr int minimumDelayMs = 5000;
    static constexpr int maximumDelayMs = 15000;

    // `units` are the current wards and communes: with them, each report gets a new random
    // point inside the ward its template names. Without them, positions are copied.
    ReportSimulator(QList<IncomingReport> templates, quint32 seed,
                    const QList<AdminUnit> &units = {});

    // Source name of every simulated report.
    static QString sourceName() { return QStringLiteral("simulator"); }

    bool isEmpty() const { return m_templates.isEmpty(); }

    // Returns the next template, cycling through them in an order shuffled by the seed and
    // reshuffled each round, as a new report received at `now`. Its source id
    // "sim-<seed>-<now, UTC>-<counter>" stays unique across restarts as long as the clock moves
    // on. Returns an empty record when there are no templates.
    IncomingReport next(const QDateTime &now);

    // Returns a delay drawn uniformly from minimumDelayMs to maximumDelayMs, inclusive.
    int nextDelayMs();

private:
    void shuffle();
    void placeAgain(IncomingReport &record) const;

    QList<IncomingReport> m_templates;
    QList<qsizetype> m_order;
    qsizetype m_position = 0;
    quint32 m_seed = 0;
    quint64 m_counter = 0;
    QRandomGenerator m_orderRandom;
    QRandomGenerator m_delayRandom;
    WardPlacer m_placer;
};

} // namespace CivicDesk
