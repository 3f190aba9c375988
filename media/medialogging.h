#pragma once

#include <QLoggingCategory>

// Category "civicdesk.media", with the levels of core/logging.h.
Q_DECLARE_LOGGING_CATEGORY(lcMedia)
