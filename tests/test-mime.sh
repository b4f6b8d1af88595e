#!/bin/sh
# The MIME type of measures-1 files, as the desktop sees them: a MIME
# database of the test's own, made of freedesktop.org's types and ours,
# tells the files Measures reads and writes from other JSON.
#
#   test-mime.sh MEASURES MIME-XML
set -u
measures=$1
ours=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

check () {
  if [ "$2" != "$3" ]; then
    echo "not ok: $1: expected [$3], got [$2]"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp /usr/share/mime/packages/freedesktop.org.xml "$ours" "$tmp/share/mime/packages/"
PKGSYSTEM_ENABLE_FSYNC=0 update-mime-database "$tmp/share/mime" || exit 1

type_of () {
  XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/home" \
    gio info --attributes=standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

cp "$G_TEST_SRCDIR/../data/measures.json" "$tmp/bundled.json"
check "the bundled dataset" "$(type_of "$tmp/bundled.json")" "application/x-measures+json"

# What Measures writes (json-glib puts a space before the colon).
"$measures" --export="$tmp/exported.json" --country=Romania || exit 1
check "an exported dataset" "$(type_of "$tmp/exported.json")" "application/x-measures+json"

printf '{"format":"measures-1","measures":[]}' > "$tmp/compact.json"
check "a compact dataset" "$(type_of "$tmp/compact.json")" "application/x-measures+json"

cp "$tmp/compact.json" "$tmp/dataset"
check "a dataset without .json" "$(type_of "$tmp/dataset")" "application/x-measures+json"

printf '{"name": "not a dataset", "measures": 3}\n' > "$tmp/other.json"
check "other JSON" "$(type_of "$tmp/other.json")" "application/json"

printf '{"format": "measures-2", "measures": []}\n' > "$tmp/later.json"
check "another format" "$(type_of "$tmp/later.json")" "application/json"

printf '{"$schema": "https://json-schema.org/draft/2020-12/schema"}\n' > "$tmp/schema.json"
check "JSON Schema keeps its type" "$(type_of "$tmp/schema.json")" "application/schema+json"

type_file="$tmp/share/mime/application/x-measures+json.xml"
check "a subclass of JSON" "$(sed -n 's/.*sub-class-of type="\([^"]*\)".*/\1/p' "$type_file")" "application/json"
check "named in Romanian too" "$(sed -n 's/.*<comment xml:lang="ro">\(.*\)<\/comment>.*/\1/p' "$type_file")" "Set de date Măsuri"

[ "$failures" -eq 0 ]
