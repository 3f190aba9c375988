#pragma once

#include "core/deadlines.h"
#include "core/report.h"
#include "core/responsetemplate.h"
#include "core/workcalendar.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace CivicDesk {

// A field ("lĩnh vực") that reports are classified into.
struct Category
{
    QString code;
    QString nameVi;
    QString nameEn;
    int sortOrder = 0;
};

// A body that handles reports. Other spellings seen in real data are kept as aliases, so
// that imported text finds the same agency.
struct Agency
{
    QString id;
    QString nameVi;
    QString nameEn;
    QStringList aliases;
    QString adminUnit;  // for a ward or commune People's Committee, that unit's code
    bool active = true; // false for bodies dissolved by a reorganisation
};

// A ward ("phường") or commune ("xã"). Since 1 July 2025 Vietnam has two levels: the city
// and its wards and communes.
struct AdminUnit
{
    QString code;
    QString nameVi;          // "Phường Phú Xuân"
    QString nameEn;          // "Phú Xuân Ward"
    QString kind;            // "ward" or "commune"
    QString boundaryGeoJson; // MultiPolygon geometry, WGS84
    double minLatitude = 0;
    double minLongitude = 0;
    double maxLatitude = 0;
    double maxLongitude = 0;
};

struct ReferenceData
{
    QList<Category> categories;
    QList<Agency> agencies;
    QList<AdminUnit> adminUnits;
    QString codePrefix = QStringLiteral("HUE");
    QString timeZone = QStringLiteral("Asia/Ho_Chi_Minh");
    WorkingCalendar calendar;
    DeadlineRules deadlines; // processing time per field and priority
    QList<ResponseTemplate> responseTemplates;
};

} // namespace CivicDesk
