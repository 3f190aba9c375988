#include "models/alertslogging.h"

Q_LOGGING_CATEGORY(lcAlerts, "civicdesk.alerts", QtInfoMsg)
