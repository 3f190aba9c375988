#include "models/passwordstore.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>
#include <QTimer>
#include <QUrl>

namespace CivicDesk {
namespace {

// Name under which the keychain lists CivicDesk's entries.
const QString serviceName = QStringLiteral("CivicDesk central");

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{}

QString PasswordStore::keyFor(const QString &url)
{
    const QUrl parsed(url);
    return QStringLiteral("%1@%2:%3/%4")
        .arg(parsed.userName(), parsed.host())
        .arg(parsed.port(5432))
        .arg(parsed.path().mid(1));
}

void PasswordStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setKey(key);
    watch(job, key);
}

void PasswordStore::write(const QString &key, const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName, this);
    job->setKey(key);
    job->setTextData(password);
    watch(job, key);
}

void PasswordStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName, this);
    job->setKey(key);
    watch(job, key);
}

void PasswordStore::watch(QKeychain::Job *job, const QString &key)
{
    // Without the plain-text fallback, a missing keychain is an error instead of a password
    // written to a settings file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    const QPointer<QKeychain::Job> watched(job);
    connect(deadline, &QTimer::timeout, this, [this, key, watched, deadline] {
        deadline->deleteLater();
        if (watched)
            watched->disconnect(this);
        qCWarning(lcApp) << "the keychain did not answer within" << m_timeoutMs << "ms";
        Q_EMIT finished(
            key, Result::Unavailable, QString(),
            QCoreApplication::translate("CivicDesk", "the keychain did not answer within %1 s")
                .arg(m_timeoutMs / 1000));
    });
    connect(job, &QKeychain::Job::finished, this, [this, key, deadline](QKeychain::Job *done) {
        deadline->stop();
        deadline->deleteLater();
        if (done->error() == QKeychain::NoError) {
            const auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(done);
            Q_EMIT finished(key, Result::Ok, reader ? reader->textData() : QString(), QString());
        } else if (done->error() == QKeychain::EntryNotFound) {
            Q_EMIT finished(key, Result::NotFound, QString(), QString());
        } else {
            qCWarning(lcApp) << "keychain error" << done->error() << done->errorString();
            Q_EMIT finished(key, Result::Unavailable, QString(), done->errorString());
        }
    });
    deadline->start(m_timeoutMs);
    job->start();
}

} // namespace CivicDesk
