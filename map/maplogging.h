#pragma once

#include <QLoggingCategory>

// The map's category: debug traces geometry rebuilds, warning reports input that was skipped.
Q_DECLARE_LOGGING_CATEGORY(lcMap)
