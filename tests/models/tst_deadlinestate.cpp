#include "models/queuemodel.h"

#include <QTest>
#include <QTimeZone>

using namespace CivicDesk;

// How the queue colours the time left of a report, on the default working calendar of Huế.
class DeadlineStateTest : public QObject
{
    Q_OBJECT

private:
    // Monday 2 March 2026, 08:00 in Huế.
    const QDateTime start{QDate(2026, 3, 2), QTime(1, 0), QTimeZone::utc()};

    QueueRow row(Status status, const QDateTime &due) const
    {
        QueueRow row;
        row.status = status;
        row.receivedAt = start;
        row.clockStartedAt = start;
        row.dueAt = due;
        return row;
    }

private Q_SLOTS:
    void states_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("state");
        // From Monday 2 March at 08:00 to Friday 13 March at 17:00 (10:00 UTC) there are 4,470
        // working minutes. A fifth of them, 894, is left from Thursday 12 March at 07:36 on.
        const QDateTime due(QDate(2026, 3, 13), QTime(10, 0), QTimeZone::utc());
        QTest::newRow("at the start") << int(Status::Assigned) << start << QString();
        QTest::newRow("halfway") << int(Status::InProgress)
                                 << QDateTime(QDate(2026, 3, 9), QTime(2, 0), QTimeZone::utc())
                                 << QString();
        QTest::newRow("over a fifth left")
            << int(Status::Assigned) << QDateTime(QDate(2026, 3, 11), QTime(9, 0), QTimeZone::utc())
            << QString();
        QTest::newRow("under a fifth left")
            << int(Status::Assigned) << QDateTime(QDate(2026, 3, 12), QTime(1, 0), QTimeZone::utc())
            << QStringLiteral("soon");
        QTest::newRow("weekend before the deadline counts no time")
            << int(Status::Assigned) << QDateTime(QDate(2026, 3, 7), QTime(3, 0), QTimeZone::utc())
            << QString();
        QTest::newRow("at the deadline")
            << int(Status::Assigned) << due << QStringLiteral("overdue");
        QTest::newRow("past the deadline")
            << int(Status::InProgress) << due.addDays(1) << QStringLiteral("overdue");
        QTest::newRow("waiting for the citizen")
            << int(Status::WaitingInfo) << due.addDays(1) << QStringLiteral("paused");
        QTest::newRow("resolved") << int(Status::Resolved) << due.addDays(1) << QString();
        QTest::newRow("closed") << int(Status::Closed) << due.addDays(1) << QString();
    }

    void states()
    {
        QFETCH(int, status);
        QFETCH(QDateTime, now);
        QFETCH(QString, state);
        const QDateTime due(QDate(2026, 3, 13), QTime(10, 0), QTimeZone::utc());
        QCOMPARE(QueueModel::deadlineState(row(Status(status), due), WorkingCalendar(), now),
                 state);
    }

    void noDeadlineNoState()
    {
        QCOMPARE(QueueModel::deadlineState(row(Status::New, {}), WorkingCalendar(), start),
                 QString());
    }
};

QTEST_GUILESS_MAIN(DeadlineStateTest)
#include "tst_deadlinestate.moc"
