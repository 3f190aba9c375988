#include "core/incoming.h"

#include "core/textfold.h"

namespace CivicDesk {

QString Rejection::toString() const
{
    QString where = file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    QString text = QStringLiteral("%1: record %2").arg(where).arg(recordNumber);
    if (!sourceId.isEmpty())
        text += QStringLiteral(" (id %1)").arg(sourceId);
    return printableText(text + QStringLiteral(": ") + reason);
}

} // namespace CivicDesk
