#include "map/maplogging.h"

Q_LOGGING_CATEGORY(lcMap, "civicdesk.map", QtInfoMsg)
