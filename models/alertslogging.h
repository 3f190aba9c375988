#pragma once

#include <QLoggingCategory>

// The alerts' category: info marks whether desktop notifications can be sent, warning reports a
// notification the service rejected.
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)
