#pragma once

#include "core/report.h"

#include <QStringList>
#include <QVariantMap>

namespace CivicDesk {

// Column names and values of the report, event and media tables, shared by the replica and
// every central backend so that all of them store a report the same way. Times are stored as
// UTC text (see toStorageTime), enums as their codes, a missing value as NULL.
const QStringList &reportColumns();
QVariantMap reportToRow(const Report &report);
Report reportFromRow(const QVariantMap &row);

const QStringList &eventColumns();
QVariantMap eventToRow(const Event &event);
Event eventFromRow(const QVariantMap &row);

const QStringList &mediaColumns();
QVariantMap mediaToRow(const Media &media);
Media mediaFromRow(const QVariantMap &row);

// Builds "INSERT INTO table (a, b) VALUES (:a, :b)" for the columns given.
QString insertStatement(const QString &table, const QStringList &columns,
                        const QString &verb = QStringLiteral("INSERT"));

} // namespace CivicDesk
