#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace CivicDesk {

// Passwords for a PostgreSQL central in the system keychain (the Secret Service on Linux,
// through Qt Keychain), one per user and server, never in the settings file. Every call is
// asynchronous and ends with one finished() signal. A keychain that does not answer within
// `timeoutMs` counts as unavailable, because a locked keychain may wait for a prompt forever.
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    enum class Result
    {
        Ok,
        NotFound,    // the keychain works but contains no password under this key
        Unavailable, // no keychain service, access denied, or no response in time
    };
    Q_ENUM(Result)

    explicit PasswordStore(QObject *parent = nullptr);

    // Key of a central's password: "USER@HOST:PORT/DATABASE" from a postgresql:// URL.
    static QString keyFor(const QString &url);

    void setTimeout(int timeoutMs) { m_timeoutMs = timeoutMs; }

    void read(const QString &key);
    void write(const QString &key, const QString &password);
    void remove(const QString &key);

Q_SIGNALS:
    // `password` is set when `result` is Ok after a read; `error` is the reason when Unavailable.
    void finished(const QString &key, CivicDesk::PasswordStore::Result result,
                  const QString &password, const QString &error);

private:
    void watch(QKeychain::Job *job, const QString &key);

    int m_timeoutMs = 15000;
};

} // namespace CivicDesk
