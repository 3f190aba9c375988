#pragma once

#include <QLoggingCategory>

// One category per subsystem. Levels: debug traces, info marks starts, stops and connections,
// warning reports a handled failure, critical reports a broken invariant.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcCentral)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcIntake)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
