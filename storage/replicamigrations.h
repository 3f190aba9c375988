#pragma once

#include "db/migrations.h"

namespace CivicDesk {

// The replica's schema versions, oldest first.
const QList<Migration> &replicaMigrations();

// Stores each reference name's rank in Vietnamese alphabetical order (column sort_rank).
bool rankNames(const QSqlDatabase &database, QString *error);

// Returns the folded text a report is searched by: its code, title, description and address.
QString reportSearchText(const QString &code, const QString &title, const QString &description,
                         const QString &address);

} // namespace CivicDesk
