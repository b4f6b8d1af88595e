#!/bin/sh
# Installs a build into a DESTDIR of its own and checks that what the
# desktop reads is in place, named by the application id of its profile,
# and that the validators accept it there: the desktop file, the
# metainfo, the icons, the settings schema, the D-Bus service, the search
# provider, the MIME type, the man page and the catalogue.
#
#   test-install.sh BUILD APP_ID
#
# The build must be built; run-all-tests also runs it for the
# development profile.
set -u
build=$(realpath "$1")
app_id=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

ok () { echo "ok: $1"; }
not_ok () { echo "not ok: $1"; failures=$((failures + 1)); }
check () {
  if [ "$2" != "$3" ]; then not_ok "$1: expected [$3], got [$2]"; else ok "$1"; fi
}

prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/dest" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; echo "not ok: meson install"; exit 1; }
root="$tmp/dest$prefix"
share="$root/share"
app_path="/$(echo "$app_id" | tr . /)"

for file in \
  bin/measures \
  "share/applications/$app_id.desktop" \
  "share/metainfo/$app_id.metainfo.xml" \
  "share/icons/hicolor/scalable/apps/$app_id.svg" \
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "share/glib-2.0/schemas/$app_id.gschema.xml" \
  "share/dbus-1/services/$app_id.service" \
  "share/gnome-shell/search-providers/$app_id.search-provider.ini" \
  "share/mime/packages/$app_id.xml" \
  share/man/man1/measures.1 \
  share/locale/ro/LC_MESSAGES/measures.mo
do
  if [ -f "$root/$file" ]; then ok "installed $file"; else not_ok "installed $file"; fi
done

# Nothing else of the application's own is named by another id.
other=$(find "$share" -name 'io.github.measures.Measures*' ! -name "$app_id.*" ! -name "$app_id-symbolic.svg")
check "every file named by $app_id" "$other" ""

key () { sed -n "s/^$2=//p" "$1"; }
desktop="$share/applications/$app_id.desktop"
check "desktop file: Icon" "$(key "$desktop" Icon)" "$app_id"
check "desktop file: DBusActivatable" "$(key "$desktop" DBusActivatable)" "true"
check "desktop file: MimeType" "$(key "$desktop" MimeType)" "application/x-measures+json;"

service="$share/dbus-1/services/$app_id.service"
check "service: Name" "$(key "$service" Name)" "$app_id"
check "service: Exec" "$(key "$service" Exec)" "$prefix/bin/measures --gapplication-service"

provider="$share/gnome-shell/search-providers/$app_id.search-provider.ini"
check "search provider: DesktopId" "$(key "$provider" DesktopId)" "$app_id.desktop"
check "search provider: BusName" "$(key "$provider" BusName)" "$app_id"
check "search provider: ObjectPath" "$(key "$provider" ObjectPath)" "$app_path/SearchProvider"
check "search provider: Version" "$(key "$provider" Version)" "2"

metainfo="$share/metainfo/$app_id.metainfo.xml"
check "metainfo: id" "$(sed -n 's|^ *<id>\(.*\)</id>|\1|p' "$metainfo")" "$app_id"
check "metainfo: launchable" "$(sed -n 's|^ *<launchable type="desktop-id">\(.*\)</launchable>|\1|p' "$metainfo")" "$app_id.desktop"
check "metainfo: D-Bus name" "$(sed -n 's|^ *<dbus type="user">\(.*\)</dbus>|\1|p' "$metainfo")" "$app_id"

schema="$share/glib-2.0/schemas/$app_id.gschema.xml"
check "schema: id and path" "$(grep -c "<schema id=\"$app_id\" path=\"$app_path/\">" "$schema")" "1"

icon="$share/icons/hicolor/scalable/apps/$app_id.svg"
case "$app_id" in
  *.Devel) check "the development icon" "$(grep -c devel-band "$icon")" "2" ;;
  *) check "the icon" "$(grep -c devel-band "$icon")" "0" ;;
esac

# The validators, on what was installed.
if desktop-file-validate "$desktop" >"$tmp/out" 2>&1; then ok "desktop-file-validate"
else cat "$tmp/out"; not_ok "desktop-file-validate"; fi
check "desktop-file-validate says nothing" "$(cat "$tmp/out")" ""

if appstreamcli validate --pedantic --no-net --explain "$metainfo" >"$tmp/out" 2>&1; then ok "appstreamcli validate --pedantic"
else not_ok "appstreamcli validate --pedantic"; fi
cat "$tmp/out" | sed 's/^/# /'
# The two notes that are expected: see docs/flathub.md.
check "appstreamcli: only the expected notes" \
  "$(grep -E '^[EWIP]: ' "$tmp/out" | grep -v -e 'cid-contains-uppercase-letter' -e 'unknown-tag developer$')" ""

if glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" >"$tmp/out" 2>&1; then ok "glib-compile-schemas --strict"
else cat "$tmp/out"; not_ok "glib-compile-schemas --strict"; fi

if MANWIDTH=80 man -l -P cat "$share/man/man1/measures.1" >"$tmp/out" 2>&1 && grep -q '^NAME' "$tmp/out"; then
  ok "man -l renders the installed page"
else
  not_ok "man -l renders the installed page"
fi

if xmllint --noout "$share/mime/packages/$app_id.xml" 2>"$tmp/out"; then ok "the MIME entry is XML"
else cat "$tmp/out"; not_ok "the MIME entry is XML"; fi


# The catalogue, wherever the install is and whatever directory it is
# started from: the installed binary finds the catalogue installed beside
# it (here under the DESTDIR), not one relative to the working directory.
# A build that finds none says so on stderr and writes English.
title_ro="# Măsuri de combatere a violenței împotriva femeilor"
title_en="# Measures against Violence against Women"
missing="measures: warning: Measures cannot find its catalogue for “ro”"
mkdir "$tmp/elsewhere"
(cd "$tmp/elsewhere" && env -u MEASURES_LOCALEDIR LANGUAGE=ro "$root/bin/measures" --export=- --format=md --lang=ro \
   >"$tmp/summary.md" 2>"$tmp/err"); status=$?
check "installed: a Romanian summary from another directory" "$status $(head -n 1 "$tmp/summary.md")" "0 $title_ro"
check "installed: no warning" "$(cat "$tmp/err")" ""
(cd / && env -u MEASURES_LOCALEDIR "$root/bin/measures" --export=- --format=csv --lang=ro \
   >"$tmp/summary.csv" 2>"$tmp/err")
check "installed: Romanian CSV headings from /" "$(head -n 1 "$tmp/summary.csv" | cut -d, -f1-3)" '"id","țară","country"'
check "installed: no warning from /" "$(cat "$tmp/err")" ""

check "desktop file: Name[ro]" "$(key "$desktop" 'Name\[ro\]')" "Măsuri"
check "desktop file: no Measures in Romanian" "$(grep '\[ro\]=' "$desktop" | grep -c 'Measures')" "0"
check "metainfo: Romanian name" "$(sed -n 's|^ *<name xml:lang="ro">\(.*\)</name>|\1|p' "$metainfo")" "Măsuri"
check "metainfo: no Measures in Romanian" "$(grep 'xml:lang="ro"' "$metainfo" | grep -c 'Measures')" "0"

# Without its catalogue: the install with the catalogue taken away (when
# the configured prefix has none of its own either), a catalogue
# directory that has none, and the build tree's binary run on its own.
rm "$share/locale/ro/LC_MESSAGES/measures.mo"
if [ -f "$prefix/share/locale/ro/LC_MESSAGES/measures.mo" ]; then
  echo "ok: # skip: $prefix has a catalogue of its own"
else
  (cd "$tmp/elsewhere" && env -u MEASURES_LOCALEDIR "$root/bin/measures" --export=- --format=md --lang=ro \
     >"$tmp/summary.md" 2>"$tmp/err"); status=$?
  check "no catalogue: still written, in English" "$status $(head -n 1 "$tmp/summary.md")" "0 $title_en"
  case "$(cat "$tmp/err")" in
    "$missing (/$prefix/share/locale/ro/LC_MESSAGES/measures.mo), so it is in English."*|"$missing ($prefix/share/locale/ro/LC_MESSAGES/measures.mo), so it is in English."*)
      ok "no catalogue: the warning names the file" ;;
    *) not_ok "no catalogue: the warning names the file: got [$(cat "$tmp/err")]" ;;
  esac
  (cd "$tmp/elsewhere" && env -u MEASURES_LOCALEDIR LANGUAGE=ro "$build/src/measures" --export=- --format=md --lang=ro \
     >"$tmp/summary.md" 2>"$tmp/err")
  case "$(cat "$tmp/err")" in
    "$missing ("*) ok "the build tree's binary on its own warns" ;;
    *) not_ok "the build tree's binary on its own warns: got [$(cat "$tmp/err")]" ;;
  esac
fi
mkdir "$tmp/no-catalogue"
MEASURES_LOCALEDIR="$tmp/no-catalogue" "$build/src/measures" --export=- --format=csv --lang=ro >"$tmp/summary.csv" 2>"$tmp/err"; status=$?
check "empty catalogue directory: the warning" "$status $(cat "$tmp/err")" \
  "0 $missing ($tmp/no-catalogue/ro/LC_MESSAGES/measures.mo), so it is in English. Install Measures, or run it from its build tree with “meson devenv -C BUILD measures”."
check "empty catalogue directory: English CSV" "$(head -n 1 "$tmp/summary.csv" | cut -d, -f1-3)" '"id","country","region"'
MEASURES_LOCALEDIR="$tmp/no-catalogue" "$build/src/measures" --export=- --format=csv --lang=en >/dev/null 2>"$tmp/err"
check "empty catalogue directory: English needs none" "$(cat "$tmp/err")" ""

[ "$failures" -eq 0 ]
