#include "core/jsonfields.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>

namespace CivicDesk::JsonFields {

QString valueText(const QJsonValue &value)
{
    // QJsonDocument writes only arrays and objects, so the value is wrapped and unwrapped.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

bool fail(const QString &key, const QString &message, QString *error)
{
    if (error)
        *error = key + QLatin1String(": ") + message;
    return false;
}

bool checkKnownKeys(const QJsonObject &object, const QStringList &known, const QString &path,
                    QString *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        return fail(path + it.key(),
                    QStringLiteral("unknown key, expected one of %1").arg(known.join(u", ")),
                    error);
    }
    return true;
}

std::optional<QString> readString(const QJsonValue &value, const QString &key, QString *error)
{
    if (!value.isString()) {
        fail(key, QStringLiteral("expected a string, got %1").arg(valueText(value)), error);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<bool> readBool(const QJsonValue &value, const QString &key, QString *error)
{
    if (!value.isBool()) {
        fail(key, QStringLiteral("expected true or false, got %1").arg(valueText(value)), error);
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<int> readInt(const QJsonValue &value, const QString &key, int minimum, int maximum,
                           QString *error)
{
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number) || number < minimum || number > maximum) {
        fail(key,
             QStringLiteral("expected a whole number from %1 to %2, got %3")
                 .arg(minimum)
                 .arg(maximum)
                 .arg(valueText(value)),
             error);
        return std::nullopt;
    }
    return int(number);
}

} // namespace CivicDesk::JsonFields
