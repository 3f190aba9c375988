#include "app/logfile.h"

#include <cstdio>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

namespace CivicDesk {
namespace {

constexpr qint64 maxLogSize = 5 * 1024 * 1024;
constexpr int keptFiles = 3;

QMutex logMutex;
QFile *logFile = nullptr;
QtMessageHandler previousHandler = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void rotate()
{
    const QString path = logFile->fileName();
    logFile->close();
    QFile::remove(path + QStringLiteral(".%1").arg(keptFiles));
    for (int i = keptFiles - 1; i >= 1; --i)
        QFile::rename(path + QStringLiteral(".%1").arg(i), path + QStringLiteral(".%1").arg(i + 1));
    QFile::rename(path, path + QStringLiteral(".1"));
    logFile->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void writeMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        if (logFile && logFile->isOpen()) {
            const QByteArray line =
                QStringLiteral("%1 %2 %3: %4\n")
                    .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                         QLatin1String(levelName(type)),
                         QLatin1String(context.category ? context.category : "default"), message)
                    .toUtf8();
            logFile->write(line);
            logFile->flush();
            if (logFile->size() > maxLogSize)
                rotate();
        }
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

bool installLogFile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto *file = new QFile(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        std::fprintf(stderr, "civicdesk: cannot open the log file %s\n", qPrintable(path));
        delete file;
        return false;
    }
    {
        QMutexLocker lock(&logMutex);
        logFile = file;
    }
    previousHandler = qInstallMessageHandler(writeMessage);
    return true;
}

} // namespace CivicDesk
