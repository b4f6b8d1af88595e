#!/bin/sh
# The man page measures(1): groff reads it without a warning, `man -l`
# renders it (man-db), and it gives every option `measures --help` gives.
#
#   test-man.sh MEASURES MAN-PAGE
set -u
measures=$1
page=$2
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

groff -man -ww -z -K utf8 -Tutf8 "$page" 2>"$tmp/groff"
check "groff warns of nothing" "$(cat "$tmp/groff")" ""

MANWIDTH=80 MAN_KEEP_FORMATTING= man -l -P cat "$page" >"$tmp/page" 2>"$tmp/man"; status=$?
check "man -l renders it" "$status" "0"
check "man -l says nothing on stderr" "$(cat "$tmp/man")" ""
check "its name" "$(sed -n '/^NAME/{n;p;}' "$tmp/page" | sed 's/^ *//')" \
  "measures - browse measures against violence against women"
check "Romanian letters" "$(grep -c "ȘTIINȚĂ and Ştiinţă" "$tmp/page")" "1"
check "its version" "$(tail -n 1 "$tmp/page" | grep -c "Measures $("$measures" --version | cut -d' ' -f2)")" "1"

# Every option of --help, with its argument, and its description.
"$measures" --help | sed -n '/^Application Options:/,/^$/p' | sed -n 's/^  \(--[^ ]*\) *\(.*\)$/\1\t\2/p' >"$tmp/options"
check "--help gives options" "$(test -s "$tmp/options" && echo yes)" "yes"
while IFS='	' read -r option description; do
  check "the page gives $option" "$(grep -c -- "^       $option\$" "$tmp/page")" "1"
  first_words=$(echo "$description" | cut -d' ' -f1-4)
  check "the page describes $option" "$(tr -s ' \n' ' ' <"$tmp/page" | grep -c -- "$option $first_words")" "1"
done <"$tmp/options"

[ "$failures" -eq 0 ]
