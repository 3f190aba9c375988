#pragma once

// The import types live in core so that the central database can take them.
#include "core/incoming.h"
