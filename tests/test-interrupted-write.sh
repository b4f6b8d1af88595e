#!/bin/sh
# Kills `measures --export` with SIGKILL while it writes, and checks that
# the file it was replacing is either the old one, whole, or the complete
# new one: never a half-written mix.
set -u
measures=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY

# A dataset large enough for the export to take a while.
awk 'BEGIN {
  printf "[";
  for (i = 0; i < 20000; i++) {
    printf "%s{\"id\":\"m%d\",\"country\":\"Romania\",\"year\":%d,\"forms\":\"Trafficking\",", (i ? "," : ""), i, 2000 + i % 25;
    printf "\"title\":\"Measure %d\",\"description\":\"", i;
    for (k = 0; k < 40; k++) printf "words of a long description %d ", k;
    printf "\"}";
  }
  printf "]\n";
}' > "$tmp/big.json"

failures=0
for format in pdf csv; do
  target="$tmp/summary.$format"
  printf 'the old summary\n' > "$target"

  "$measures" --export="$target" "$tmp/big.json" 2>/dev/null &
  pid=$!
  sleep 1
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null

  if [ "$(cat "$target")" = "the old summary" ]; then
    echo "ok: $format: killed while writing, the old file is intact"
  elif [ "$format" = pdf ] && head -c 5 "$target" | grep -q '%PDF-' && tail -c 6 "$target" | grep -q '%%EOF'; then
    echo "ok: $format: the export had finished, the new file is complete"
  elif [ "$format" = csv ] && [ "$(wc -l < "$target")" -eq 20001 ]; then
    echo "ok: $format: the export had finished, the new file is complete"
  else
    echo "not ok: $format: the file is neither the old one nor a complete new one"
    failures=$((failures + 1))
  fi
done

[ "$failures" -eq 0 ]
