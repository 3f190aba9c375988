#pragma once

#include <QString>

namespace CivicDesk {

// Result of signing in to a PostgreSQL central with the user and password of a URL.
struct SignInCheck
{
    enum class Status
    {
        SignedIn,
        Refused, // the server responded and rejected the user: wrong password, disabled, no rights
        Unreachable, // no server responded at the URL's host and port
    };
    Status status = Status::Unreachable;
    QString role;   // "operator", ...: the user's group (see sessionRoleCode); may be empty
    QString reason; // the server's or the network's sentence, when not signed in
};

// Opens a connection with `url` (password included), reads the user's role and closes it.
// Blocks for up to the connection timeout, so it runs off the GUI thread.
SignInCheck checkPostgresSignIn(const QString &url);

} // namespace CivicDesk
