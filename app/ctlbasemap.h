#pragma once

#include <QCommandLineParser>
#include <QTextStream>

namespace CivicDesk {

// Runs `civicdeskctl basemap build`; returns an ExitCode.
int runBasemapCommand(const QCommandLineParser &parser, QTextStream &out, QTextStream &err);

} // namespace CivicDesk
