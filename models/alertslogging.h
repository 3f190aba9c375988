#pragma once

#include <QLoggingCategory>

// The alerts' category: debug traces urgent reports as they appear, info marks whether desktop
// notifications can be sent and when the chime is muted, warning reports a notification that
// the service rejected.
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)
