#pragma once

#include "core/report.h"

#include <optional>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace CivicDesk {

// Reveals the reporters of a report on a PostgreSQL central (see
// central/sql/postgresql/0007_server_checks.sql): request_reveal() checks the reason and
// records the signed-in role and the reason in the report's timeline, and once that has
// committed, reveal_reporter() returns the names and phones. No group role may read the
// reporter table itself. The error is the server's sentence: a missing reason, a
// report not found, or "permission denied" for a role that may not reveal.
std::optional<QList<Reporter>> revealReportersOnServer(const QSqlDatabase &database,
                                                       const QString &reportId,
                                                       const QString &reason, QString *error);

} // namespace CivicDesk
