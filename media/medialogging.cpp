#include "media/medialogging.h"

Q_LOGGING_CATEGORY(lcMedia, "civicdesk.media", QtInfoMsg)
