#!/usr/bin/env bash
# Runs a command in a D-Bus session of its own with an unlocked GNOME keyring and a throwaway
# HOME, so that keychain tests never touch the user's keyring. The daemon creates and unlocks
# a login keyring with the fixed password it reads from standard input.
set -euo pipefail
home="$(mktemp -d /tmp/civicdesk-keyring.XXXXXX)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
unset GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS
exec dbus-run-session -- bash -c '
    printf "civicdesk-test" | gnome-keyring-daemon --unlock --components=secrets > /dev/null
    exec "$@"' with-keyring "$@"
