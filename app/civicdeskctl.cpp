#include "app/ctlcommands.h"

#include <cstdio>
#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("civicdeskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIVICDESK_VERSION));

    // The commands print their own summary; progress logs are for QT_LOGGING_RULES to enable.
    QLoggingCategory::setFilterRules(QStringLiteral("civicdesk.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = CivicDesk::runCtl(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return status;
}
