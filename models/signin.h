#pragma once

#include "models/passwordstore.h"

#include <QObject>
#include <QQmlEngine>
#include <QString>

namespace CivicDesk {

struct SignInCheck;

// Signs the user in to a PostgreSQL central before the operator's window opens: with the
// URL's password, then with the one stored in the keychain, then with what the user types
// in the sign-in window. Each attempt connects off the GUI thread. Owned by main(); QML
// reaches it as a singleton.
class SignIn : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // User name to pre-fill: the URL's, or the last one typed.
    Q_PROPERTY(QString userName READ userName NOTIFY changed)
    // "HOST:PORT/DATABASE" of the central, for the window to name.
    Q_PROPERTY(QString server READ server CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // Why the last attempt failed, as a translated sentence; empty before the first.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    // The server did not respond and this workstation has a replica to work on.
    Q_PROPERTY(bool canWorkOffline READ canWorkOffline NOTIFY changed)
    // Why the password will not be remembered; empty while the keychain works.
    Q_PROPERTY(QString keychainNote READ keychainNote NOTIFY changed)

public:
    SignIn(QString url, bool replicaExists, QObject *parent = nullptr);
    ~SignIn() override;

    static SignIn *create(QQmlEngine *, QJSEngine *);
    static void setInstance(SignIn *signIn);

    // Tries the URL's password or the stored one; emits inputNeeded() when the user must type.
    void start();
    Q_INVOKABLE void submit(const QString &userName, const QString &password);
    // Opens the operator's window on the replica with the name and password typed, unchecked.
    Q_INVOKABLE void workOffline();

    QString userName() const { return m_userName; }
    QString server() const;
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    bool canWorkOffline() const { return m_canWorkOffline; }
    QString keychainNote() const { return m_keychainNote; }

    PasswordStore &passwordStore() { return m_store; }

Q_SIGNALS:
    void changed();
    // The sign-in window must be shown (once; later failures only change `message`).
    void inputNeeded();
    // `url` carries the password; `role` is empty when offline or for a role in no group.
    void finished(const QString &url, const QString &userName, const QString &role, bool offline);

private:
    enum class Source
    {
        Url,
        Keychain,
        Typed,
    };

    void attempt(const QString &url, Source source);
    void onChecked(const QString &url, Source source, const SignInCheck &check);
    void onStored(PasswordStore::Result result, const QString &password, const QString &error);
    void askUser(const QString &message);
    void setKeychainUnavailable(const QString &reason);

    QString m_url;
    bool m_replicaExists = false;
    QString m_userName;
    bool m_busy = false;
    QString m_message;
    bool m_canWorkOffline = false;
    QString m_keychainNote;
    bool m_windowRequested = false;
    bool m_keychainWorks = true;
    QString m_offlineUrl;
    PasswordStore m_store;
};

} // namespace CivicDesk
