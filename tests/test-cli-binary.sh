#!/bin/sh
# Runs the installed-style binary the way a user would on a machine
# without a display: `measures --count`, its errors and its help.
set -u
measures=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
failures=0

check () {
  if [ "$2" != "$3" ]; then
    echo "not ok: $1: expected [$3], got [$2]"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

out=$("$measures" --count 2>"$tmp/err"); status=$?
check "bundled count" "$out" "11"
check "bundled status" "$status" "0"
check "bundled stderr" "$(cat "$tmp/err")" ""

"$measures" --count "$tmp/missing.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "missing status" "$status" "1"
check "missing message" "$(cat "$tmp/err")" "$tmp/missing.json: the file does not exist"
check "missing stdout" "$(cat "$tmp/out")" ""

"$measures" --no-such-option >/dev/null 2>"$tmp/err"; status=$?
check "bad option status" "$status" "1"

out=$("$measures" --count --country=Romania --form=Trafficking 2>"$tmp/err"); status=$?
check "filtered count" "$out" "5"
check "filtered status" "$status" "0"

out=$("$measures" --count --country=Romania --country="Republic of Moldova" --type=Policies --year=2018- --search=strategie 2>"$tmp/err")
check "combined filters" "$out" "5"

"$measures" --count --year=soon >"$tmp/out" 2>"$tmp/err"; status=$?
check "malformed year status" "$status" "1"
check "malformed year message" "$(cat "$tmp/err")" "measures: --year must be a year or a range such as 2018-2022, 2018- or -2010, not “soon”"

help=$("$measures" --help)
case "$help" in
  *--count*) check "help lists --count" yes yes ;;
  *) check "help lists --count" no yes ;;
esac

help_ro=$(LANGUAGE=ro "$measures" --help)
case "$help_ro" in
  *"Afișează numărul de măsuri"*) check "help in Romanian" yes yes ;;
  *) check "help in Romanian" no yes ;;
esac

version=$("$measures" --version)
case "$version" in
  "measures "*) check "version" yes yes ;;
  *) check "version" "$version" "measures X.Y.Z" ;;
esac

[ "$failures" -eq 0 ]
