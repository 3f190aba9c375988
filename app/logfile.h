#pragma once

#include <QString>

namespace CivicDesk {

// Sends every log message, with its category, to `path` as well as to standard error. The
// file rotates at 5 MiB and keeps three old files (path.1 .. path.3). Returns false, and logs
// to standard error only, when the file cannot be opened.
bool installLogFile(const QString &path);

} // namespace CivicDesk
