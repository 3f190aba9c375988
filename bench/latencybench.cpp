// Latency from a commit on the PostgreSQL central to the first frame that another
// workstation's window draws after the change. One operator window (the real QML interface on
// its own replica) watches while a writer changes the title of a report in the queue, one
// change at a time.
//
//   latencybench --pg postgresql://USER@127.0.0.1:PORT/postgres --changes 1000
//
// Run it under an X server (xvfb-run). The program creates a database of its own on that
// server and drops it at the end.

#include "benchsupport.h"
#include "central/central.h"
#include "central/referencedata.h"
#include "db/sqlconnection.h"
#include "db/sqlquery.h"
#include "intake/importfile.h"
#include "models/queuemodel.h"
#include "models/workstation.h"
#include "resources/resources.h"

#include <algorithm>
#include <cstdio>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>

Q_IMPORT_QML_PLUGIN(CivicDesk_MapPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_UiPlugin)
Q_IMPORT_QML_PLUGIN(CivicDesk_OperatorPlugin)

using namespace CivicDesk;
using namespace CivicDesk::Bench;

namespace {

// Commits title changes on a thread and connection of its own, one when asked, and reports
// the monotonic time at which each commit returned.
class Writer : public QObject
{
    Q_OBJECT

public:
    explicit Writer(QString url)
        : m_url(std::move(url))
    {}

public Q_SLOTS:
    void commit(const QString &reportId, const QString &title)
    {
        if (!m_connection) {
            m_connection = std::make_unique<SqlConnection>(QStringLiteral("bench-writer"));
            QString error;
            if (!m_connection->openPostgres(m_url, &error))
                fail(error);
        }
        SqlStatement update(m_connection->database(),
                            QStringLiteral("UPDATE report SET title = :title, revision = "
                                           "nextval('report_revision_seq') WHERE id = :id"));
        QString error;
        if (!update.bind(QStringLiteral(":title"), title)
                 .bind(QStringLiteral(":id"), reportId)
                 .exec(&error))
            fail(error);
        Q_EMIT committed(clock().nsecsElapsed());
    }

    // Closes the connection on the thread that opened it.
    void close() { m_connection.reset(); }

Q_SIGNALS:
    void committed(qint64 nanoseconds);

public:
    static QElapsedTimer &clock()
    {
        static QElapsedTimer timer = [] {
            QElapsedTimer started;
            started.start();
            return started;
        }();
        return timer;
    }

private:
    QString m_url;
    std::unique_ptr<SqlConnection> m_connection;
};

} // namespace

int main(int argc, char **argv)
{
    // As in the application: Qt 6.4's GStreamer backend crashes without its plugin packages.
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Commit-to-frame latency of a change on another workstation"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("pg"), QStringLiteral("Superuser URL of the server."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("changes"), QStringLiteral("Changes to measure."),
                      QStringLiteral("count"), QStringLiteral("1000")});
    parser.process(app);
    const QString adminUrl = parser.value(QStringLiteral("pg"));
    const int changes = parser.value(QStringLiteral("changes")).toInt();
    if (adminUrl.isEmpty() || changes <= 0)
        fail(QStringLiteral("give --pg URL and --changes COUNT"));

    QString error;
    const QString url = createDatabase(adminUrl);

    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    QStringList reportIds;
    {
        auto central = Central::open(url, true, &error);
        const auto reference = readReferenceData(builtInReferenceDirectory(), &error);
        if (!central || !reference || !central->initialize(*reference, &error))
            fail(error);
        ImportOptions options;
        options.timeZone = QTimeZone("Asia/Ho_Chi_Minh");
        options.mappingPath = QStringLiteral(":/civicdesk/demo/hue_reports.mapping.json");
        const ParsedFile parsed =
            readImportFile(QStringLiteral(":/civicdesk/demo/hue_reports.csv"), options);
        if (!parsed.ok() || !central->importReports(parsed.reports, &error))
            fail(parsed.ok() ? error : parsed.error);
        reportIds = central->reportIds(&error).value_or(QStringList());
    }

    int measured = 0;
    QList<double> latencies;
    QList<double> modelLatencies; // commit to the queue model showing the change
    {
        Workstation workstation(url, dir.filePath(QStringLiteral("replica.sqlite")), dir.path(),
                                QStringLiteral("bench"));
        Workstation::setInstance(&workstation);
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/civicdesk/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/civicdesk/qml/CivicDesk/Operator/Main.qml")));
        if (engine.rootObjects().isEmpty())
            fail(QStringLiteral("the operator window did not load"));
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        workstation.start(3600 * 1000); // changes arrive by notification only
        while (!workstation.isReady())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);

        QThread writerThread;
        Writer writer(url);
        writer.moveToThread(&writerThread);
        writerThread.start();
        Writer::clock();

        // A change counts as drawn at the first frame after the queue shows its new title.
        QString expectedId;
        QString expectedTitle;
        qint64 committedAt = -1;
        bool shown = false;
        QueueModel *queue = workstation.queue();
        const auto checkShown = [&] {
            if (committedAt < 0 || shown)
                return;
            const int row = queue->rowOf(expectedId);
            shown =
                row >= 0 && queue->data(queue->index(row, 0), QueueModel::TitleRole).toString() ==
                                expectedTitle;
            if (shown)
                modelLatencies.append(double(Writer::clock().nsecsElapsed() - committedAt) / 1e6);
        };
        QObject::connect(queue, &QAbstractItemModel::dataChanged, checkShown);
        QObject::connect(queue, &QAbstractItemModel::modelReset, checkShown);
        QObject::connect(queue, &QAbstractItemModel::rowsInserted, checkShown);
        QObject::connect(&writer, &Writer::committed, &app, [&](qint64 at) {
            committedAt = at;
            checkShown();
        });
        QTimer next;
        next.setSingleShot(true);
        const auto commitNext = [&] {
            if (measured == changes) {
                app.quit();
                return;
            }
            expectedId = reportIds.at(measured % reportIds.size());
            expectedTitle = QStringLiteral("Thay đổi %1").arg(measured);
            committedAt = -1;
            shown = false;
            QMetaObject::invokeMethod(&writer, [&writer, id = expectedId, title = expectedTitle] {
                writer.commit(id, title);
            });
        };
        QObject::connect(&next, &QTimer::timeout, commitNext);
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
            if (!shown || committedAt < 0)
                return;
            latencies.append(double(Writer::clock().nsecsElapsed() - committedAt) / 1e6);
            ++measured;
            shown = false;
            committedAt = -1;
            next.start(5); // lets the window settle before the next change
        });
        // A change not drawn within 5 s counts as lost and ends the run.
        QTimer watchdog;
        QObject::connect(&watchdog, &QTimer::timeout, [&] {
            static int lastMeasured = -1;
            if (lastMeasured == measured)
                fail(QStringLiteral("change %1 was not drawn within 5 s").arg(measured));
            lastMeasured = measured;
        });
        watchdog.start(5000);
        commitNext();
        app.exec();
        QMetaObject::invokeMethod(&writer, &Writer::close, Qt::BlockingQueuedConnection);
        writerThread.quit();
        writerThread.wait();
    }
    dropDatabase(adminUrl, url);

    say(QStringLiteral("%1 changes, 1 client window: commit to first frame p50 %2 ms, p99 %3 ms, "
                       "max %4 ms")
            .arg(latencies.size())
            .arg(percentile(latencies, 0.50), 0, 'f', 1)
            .arg(percentile(latencies, 0.99), 0, 'f', 1)
            .arg(percentile(latencies, 1.0), 0, 'f', 1));
    say(QStringLiteral("commit to the queue model showing it: p50 %1 ms, p99 %2 ms")
            .arg(percentile(modelLatencies, 0.50), 0, 'f', 1)
            .arg(percentile(modelLatencies, 0.99), 0, 'f', 1));
    say(QStringLiteral("machine: %1, %2 cores, Qt %3, platform %4")
            .arg(QSysInfo::prettyProductName())
            .arg(QThread::idealThreadCount())
            .arg(QString::fromLatin1(qVersion()), QGuiApplication::platformName()));
    return 0;
}

#include "latencybench.moc"
