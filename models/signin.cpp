#include "models/signin.h"

#include "central/pgsignin.h"
#include "core/logging.h"
#include "db/sqlconnection.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace CivicDesk {
namespace {

SignIn *s_instance = nullptr;

QString withCredentials(const QString &url, const QString &userName, const QString &password)
{
    QUrl parsed(url);
    parsed.setUserName(userName);
    parsed.setPassword(password);
    return parsed.toString();
}

} // namespace

SignIn::SignIn(QString url, bool replicaExists, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_replicaExists(replicaExists)
    , m_userName(QUrl(m_url).userName())
{
    connect(&m_store, &PasswordStore::finished, this,
            [this](const QString &, PasswordStore::Result result, const QString &password,
                   const QString &error) { onStored(result, password, error); });
}

SignIn::~SignIn()
{
    if (s_instance == this)
        s_instance = nullptr;
}

SignIn *SignIn::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void SignIn::setInstance(SignIn *signIn)
{
    s_instance = signIn;
}

QString SignIn::server() const
{
    const QUrl parsed(m_url);
    return QStringLiteral("%1:%2/%3")
        .arg(parsed.host())
        .arg(parsed.port(5432))
        .arg(parsed.path().mid(1));
}

void SignIn::start()
{
    // A password in the URL is tried first. So is a client certificate, which needs nothing
    // typed: a wall display signs in by itself after a reboot.
    const QUrl parsed(m_url);
    if (!parsed.password().isEmpty() || QUrlQuery(parsed).hasQueryItem(QStringLiteral("sslcert"))) {
        attempt(m_url, Source::Url);
        return;
    }
    // The read also shows whether a keychain service runs at all, so the window can explain.
    m_busy = true;
    Q_EMIT changed();
    m_store.read(PasswordStore::keyFor(m_url));
}

void SignIn::onStored(PasswordStore::Result result, const QString &password, const QString &error)
{
    if (!m_busy || m_windowRequested)
        return; // the result of saving a password, or of a read the user no longer waits for
    if (result == PasswordStore::Result::Unavailable)
        setKeychainUnavailable(error);
    if (result == PasswordStore::Result::Ok && !m_userName.isEmpty() && !password.isEmpty()) {
        attempt(withCredentials(m_url, m_userName, password), Source::Keychain);
        return;
    }
    m_busy = false;
    askUser(QString());
}

void SignIn::setKeychainUnavailable(const QString &reason)
{
    m_keychainWorks = false;
    m_keychainNote =
        QCoreApplication::translate(
            "CivicDesk", "This computer has no working keychain (%1), so CivicDesk cannot "
                         "remember the password and asks for it at each start.")
            .arg(reason);
    qCWarning(lcApp) << "keychain unavailable:" << reason;
    Q_EMIT changed();
}

void SignIn::submit(const QString &userName, const QString &password)
{
    const QString name = userName.trimmed();
    if (name.isEmpty() || password.isEmpty()) {
        m_message = QCoreApplication::translate("CivicDesk", "Enter your user name and password.");
        Q_EMIT changed();
        return;
    }
    m_userName = name;
    attempt(withCredentials(m_url, name, password), Source::Typed);
}

void SignIn::workOffline()
{
    if (!m_canWorkOffline)
        return;
    qCInfo(lcApp) << "working offline on the replica as" << m_userName;
    Q_EMIT finished(m_offlineUrl, m_userName, QString(), true);
}

void SignIn::attempt(const QString &url, Source source)
{
    m_busy = true;
    m_message.clear();
    m_canWorkOffline = false;
    Q_EMIT changed();
    qCInfo(lcApp) << "signing in to" << redactedUrl(url);

    // The connection blocks for up to its timeout, so it is made on a thread of its own.
    const QPointer<SignIn> self(this);
    QThread *thread = QThread::create([self, url, source] {
        const SignInCheck check = checkPostgresSignIn(url);
        QMetaObject::invokeMethod(qApp, [self, url, source, check] {
            if (self)
                self->onChecked(url, source, check);
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void SignIn::onChecked(const QString &url, Source source, const SignInCheck &check)
{
    m_busy = false;
    switch (check.status) {
    case SignInCheck::Status::SignedIn:
        qCInfo(lcApp) << "signed in as" << m_userName << "with role" << check.role;
        if (source == Source::Typed && m_keychainWorks)
            m_store.write(PasswordStore::keyFor(url), QUrl(url).password());
        Q_EMIT changed();
        Q_EMIT finished(url, m_userName, check.role, false);
        return;
    case SignInCheck::Status::Refused:
        askUser(source == Source::Keychain
                    ? QCoreApplication::translate("CivicDesk",
                                                  "The saved password was not accepted: %1")
                          .arg(check.reason)
                    : QCoreApplication::translate(
                          "CivicDesk",
                          "The server refused the sign-in: %1. Check the user name and "
                          "password.")
                          .arg(check.reason));
        return;
    case SignInCheck::Status::Unreachable:
        m_offlineUrl = url;
        m_canWorkOffline = m_replicaExists;
        askUser(m_replicaExists
                    ? QCoreApplication::translate(
                          "CivicDesk",
                          "The central server cannot be reached (%1). You can work offline on "
                          "this workstation's copy; your changes are sent when the server is "
                          "back.")
                          .arg(check.reason)
                    : QCoreApplication::translate(
                          "CivicDesk",
                          "The central server cannot be reached (%1). This workstation has no "
                          "local copy yet, so it cannot work offline. Check the network and try "
                          "again.")
                          .arg(check.reason));
        return;
    }
}

void SignIn::askUser(const QString &message)
{
    m_message = message;
    Q_EMIT changed();
    if (!m_windowRequested) {
        m_windowRequested = true;
        Q_EMIT inputNeeded();
    }
}

} // namespace CivicDesk
