#pragma once

#include <optional>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace CivicDesk {

// A prepared text that an agency starts its public response from. A template belongs to a field,
// to an agency, to both or to neither (then it serves every report). Its texts may hold the
// placeholders {code}, {date}, {address} and {agency}.
struct ResponseTemplate
{
    QString id;
    QString category; // field code, empty for every field
    QString agency;   // agency id, empty for every agency
    QString titleVi;
    QString textVi;
    QString titleEn;
    QString textEn;

    friend bool operator==(const ResponseTemplate &, const ResponseTemplate &) = default;
};

// Reads {"templates": [...]}; each entry needs an id and a Vietnamese title and text. The error
// names the entry and the key.
std::optional<QList<ResponseTemplate>> responseTemplatesFromJson(const QJsonObject &json,
                                                                 QString *error);
QJsonObject responseTemplatesToJson(const QList<ResponseTemplate> &templates);

// Returns the templates that fit a report of this field handled by this agency: those of the
// field and the agency first, then those of the field, of the agency, and the general ones.
QList<ResponseTemplate> templatesFor(const QList<ResponseTemplate> &templates,
                                     const QString &category, const QString &agency);

// Replaces each {name} of `text` whose name is a key of `values`; other braces stay as written.
QString fillTemplate(const QString &text, const QMap<QString, QString> &values);

} // namespace CivicDesk
