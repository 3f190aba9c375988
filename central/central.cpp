#include "central/central.h"

#include "central/sqlitecentral.h"

namespace CivicDesk {

std::unique_ptr<Central> Central::open(const QString &url, bool create, QString *error)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.mid(int(qstrlen("sqlite:")));
        if (path.isEmpty()) {
            *error =
                QStringLiteral("the central URL \"%1\" names no file; write sqlite:PATH").arg(url);
            return nullptr;
        }
        auto central = std::make_unique<SqliteCentral>(path);
        if (!central->open(create, error))
            return nullptr;
        return central;
    }
    if (url.startsWith(QLatin1String("postgresql://")) ||
        url.startsWith(QLatin1String("postgres://"))) {
        *error = QStringLiteral("PostgreSQL central databases are not supported by this build yet; "
                                "use sqlite:PATH");
        return nullptr;
    }
    *error = QStringLiteral("unknown central URL \"%1\"; expected sqlite:PATH or "
                            "postgresql://HOST/DATABASE")
                 .arg(url);
    return nullptr;
}

} // namespace CivicDesk
