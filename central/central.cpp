#include "central/central.h"

#include "central/sqlcentral.h"
#include "db/sqlconnection.h"

namespace CivicDesk {

QString Central::displayUrl() const
{
    return redactedUrl(url());
}

std::unique_ptr<Central> Central::open(const QString &url, bool create, QString *error)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.mid(int(qstrlen("sqlite:")));
        if (path.isEmpty()) {
            *error =
                QStringLiteral("the central URL \"%1\" names no file; write sqlite:PATH").arg(url);
            return nullptr;
        }
        auto central = std::make_unique<SqlCentral>(SqlCentral::Backend::Sqlite, url);
        if (!central->open(create, error))
            return nullptr;
        return central;
    }
    if (url.startsWith(QLatin1String("postgresql://")) ||
        url.startsWith(QLatin1String("postgres://"))) {
        auto central = std::make_unique<SqlCentral>(SqlCentral::Backend::Postgres, url);
        if (!central->open(create, error))
            return nullptr;
        return central;
    }
    *error = QStringLiteral("unknown central URL \"%1\"; expected sqlite:PATH or "
                            "postgresql://USER@HOST:PORT/DATABASE")
                 .arg(redactedUrl(url));
    return nullptr;
}

} // namespace CivicDesk
