#include "app/ctlcommands.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("civicdeskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CIVICDESK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int status = CivicDesk::runCtl(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return status;
}
