#pragma once

#include "core/reference.h"

#include <optional>
#include <QJsonObject>
#include <QString>

namespace CivicDesk {

// Reads the reference data of a deployment from a folder holding categories.json,
// agencies.json and an OpenStreetMap Overpass JSON file of administrative boundaries
// (relations with "out geom"). Each relation's outer ways are joined into closed rings; a
// relation whose ways do not close is an error naming it. Every unit also gets its People's
// Committee as an agency.
std::optional<ReferenceData> readReferenceData(const QString &directory, QString *error);

// Builds the boundary of every admin_level relation in an Overpass JSON document.
std::optional<QList<AdminUnit>> adminUnitsFromOverpass(const QByteArray &json,
                                                       const QString &fileName, QString *error);

// Reads a file holding one JSON object; the error names the file and the byte offset.
std::optional<QJsonObject> readJsonObjectFile(const QString &path, QString *error);

// Returns the code of a unit: its Vietnamese name without prefix, folded, words joined by
// "-" ("Phường Phú Xuân" -> "phu-xuan").
QString adminUnitCode(const QString &nameVi);

} // namespace CivicDesk
