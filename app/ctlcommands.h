#pragma once

#include <QStringList>
#include <QTextStream>

namespace CivicDesk {

// Exit codes of civicdeskctl.
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,   // the command ran and found a problem (a difference, a file not parsed)
    ExitUsage = 2,     // wrong arguments
    ExitInjected = 70, // a failure injected with --fail-after
};

// Runs one civicdeskctl command; `arguments` starts with the program name.
int runCtl(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace CivicDesk
