#!/bin/sh
# GNOME Shell's way to Measures' search provider, on a session bus of the
# test's own: the Shell calls the bus name search-provider.ini names, D-Bus
# starts the application from its service file (`measures
# --gapplication-service`, no window), it answers, and it exits by itself
# once idle.
#
#   test-search-service.sh MEASURES SERVICE-FILE SEARCH-PROVIDER-INI
set -u
measures=$1
service=$2
ini=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "${DBUS_STARTER_ADDRESS:-}${INNER:-}" ]; then
  ini_value () { sed -n "s/^$1=//p" "$ini"; }
  bus_name=$(ini_value BusName)
  object_path=$(ini_value ObjectPath)

  # The service file as installed, but starting the binary of the build tree.
  mkdir "$tmp/services"
  sed "s|^Exec=[^ ]*|Exec=$measures|" "$service" > "$tmp/services/$bus_name.service"
  grep -q "^Name=$bus_name\$" "$tmp/services/$bus_name.service" || { echo "not ok: the service file names $bus_name"; exit 1; }
  grep -q -- "--gapplication-service\$" "$tmp/services/$bus_name.service" || { echo "not ok: the service file starts a service"; exit 1; }

  cat > "$tmp/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
  INNER=1 BUS_NAME=$bus_name OBJECT_PATH=$object_path \
    exec dbus-run-session --config-file="$tmp/session.conf" -- "$0" "$@"
fi

failures=0
check () {
  if [ "$2" != "$3" ]; then
    echo "not ok: $1: expected [$3], got [$2]"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

has_owner () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$BUS_NAME"
}

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }

check "not running before the search" "$(has_owner)" "(false,)"

start=$(now_ms)
out=$(gdbus call --session --dest "$BUS_NAME" --object-path "$OBJECT_PATH" \
        --method org.gnome.Shell.SearchProvider2.GetInitialResultSet "['trafficking', 'romania']")
echo "# started and answered in $(( $(now_ms) - start )) ms"
case "$out" in
  *"'romania-2018-national-strategy-against-trafficking-in-persons-2018-2022'"*) echo "ok: started by D-Bus, it answers" ;;
  *) echo "not ok: started by D-Bus, it answers: got [$out]"; failures=$((failures + 1)) ;;
esac
check "five results" "$(echo "$out" | tr ',' '\n' | grep -c "'romania-")" "5"

start=$(now_ms)
gdbus call --session --dest "$BUS_NAME" --object-path "$OBJECT_PATH" \
  --method org.gnome.Shell.SearchProvider2.GetSubsearchResultSet "$(echo "$out" | sed 's/^(\(.*\),)$/\1/')" \
  "['trafficking', 'romania', 'strategy']" >/dev/null
echo "# the next search answered in $(( $(now_ms) - start )) ms"
check "running after the search" "$(has_owner)" "(true,)"

# Idle, it exits: GLib's services wait 10 seconds.
idle_start=$(now_ms)
while [ "$(has_owner)" = "(true,)" ] && [ $(( $(now_ms) - idle_start )) -lt 40000 ]; do
  sleep 0.5
done
check "exits once idle" "$(has_owner)" "(false,)"
echo "# exited $(( $(now_ms) - idle_start )) ms after the last search"

[ "$failures" -eq 0 ]
