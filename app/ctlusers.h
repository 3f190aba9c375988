#pragma once

#include <QCommandLineParser>
#include <QTextStream>

namespace CivicDesk {

// Runs `civicdeskctl user add|disable|list` against the PostgreSQL central named by --central;
// returns an ExitCode.
int runUserCommand(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

} // namespace CivicDesk
