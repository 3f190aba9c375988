#pragma once

#include <QString>

namespace CivicDesk {

// Resource folder holding the reference data of the Hue deployment (see reference/SOURCE.md).
inline QString builtInReferenceDirectory()
{
    return QStringLiteral(":/civicdesk/reference");
}

// Resource folder holding the demo reports of Hue and their media (see demo/SOURCE.md).
inline QString builtInDemoDirectory()
{
    return QStringLiteral(":/civicdesk/demo");
}

} // namespace CivicDesk
