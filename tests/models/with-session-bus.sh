#!/usr/bin/env bash
# Runs a command on a D-Bus session bus of its own, with a throwaway HOME, so that a test never
# reaches the user's session. The configuration lists no service folders, so the bus starts no
# service on demand and every name on it belongs to the test.
set -euo pipefail
home="$(mktemp -d /tmp/civicdesk-bus.XXXXXX)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config"
export XDG_RUNTIME_DIR="$home/run"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
export CIVICDESK_PRIVATE_SESSION_BUS=1

cat > "$home/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$XDG_RUNTIME_DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

# No exec: the trap removes the folder once the bus has stopped.
dbus-run-session --config-file="$home/session.conf" -- "$@"
