#include "core/logging.h"

Q_LOGGING_CATEGORY(lcCore, "civicdesk.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "civicdesk.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCentral, "civicdesk.central", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "civicdesk.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIntake, "civicdesk.intake", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "civicdesk.app", QtInfoMsg)
