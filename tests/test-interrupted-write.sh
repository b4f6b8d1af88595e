#!/bin/sh
# Kills `measures --export` with SIGKILL while it writes, and checks that
# the file it was replacing is either the old one, whole, or the complete
# new one: never a half-written mix; and that what a killed export left
# is removed by the next one.
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

# The cache: killed at moments spread over loading a changed file (which
# writes its cache anew), the cache is the old one, whole, or a complete
# new one that the next load uses; never half of one.
export XDG_CACHE_HOME="$tmp/cache"
"$measures" --count "$tmp/big.json" > /dev/null 2>&1
cache=$(ls "$tmp"/cache/measures/*.cache)
cp "$cache" "$tmp/old.cache"
sed -i 's/Measure 1"/Measure one"/' "$tmp/big.json"

for delay in 0.3 0.5 0.6 0.65 0.7 0.75 0.8 0.85 0.9 1.0 1.2 1.8; do
  cp "$tmp/old.cache" "$cache"
  "$measures" --count "$tmp/big.json" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  during=""
  if ls "$cache".?????? > /dev/null 2>&1; then
    during=", in the middle of writing the new one"
  fi

  if cmp -s "$cache" "$tmp/old.cache"; then
    echo "ok: cache, killed after ${delay}s$during: the old cache is intact"
  elif G_MESSAGES_DEBUG=measures-loader "$measures" --count "$tmp/big.json" 2>&1 | grep -q "from its cache"; then
    echo "ok: cache, killed after ${delay}s: the new cache is complete and used"
  else
    echo "not ok: cache, killed after ${delay}s: the cache is neither the old one nor a complete new one"
    failures=$((failures + 1))
  fi
done

# Whatever was killed, a load gives every record.
count=$("$measures" --count "$tmp/big.json" 2>/dev/null)
if [ "$count" = 20000 ]; then
  echo "ok: cache: the next load reads all 20000 records"
else
  echo "not ok: cache: the next load read $count records"
  failures=$((failures + 1))
fi

# An export killed while it writes leaves its temporary file; the next
# export into that folder removes it, but not one that an export is
# still writing. A file size limit kills the export (SIGXFSZ) in the
# middle of writing, every time; the cache is complete by now, so the
# export only reads it.
"$measures" --count "$tmp/big.json" > /dev/null 2>&1
mkdir "$tmp/exports"
target="$tmp/exports/summary.csv"
printf 'the old summary\n' > "$target"
(ulimit -f 128; exec "$measures" --export="$target" "$tmp/big.json") > /dev/null 2>&1
leftover=$(ls -A "$tmp/exports" | grep '^\.measures-export-')
if [ -n "$leftover" ] && [ "$(cat "$target")" = "the old summary" ]; then
  echo "ok: leftover: killed while writing, $leftover left beside the old file, intact"
else
  echo "not ok: leftover: the killed export left [$leftover], the target holds [$(head -c 40 "$target")]"
  failures=$((failures + 1))
fi

# One being written: its writer holds a lock on it (here, a sleep that
# flock(1) has locked it for).
writer="$tmp/exports/.measures-export-Writer"
printf 'half' > "$writer"
(flock 9 && exec sleep 30) 9<>"$writer" > /dev/null 2>&1 &
holder=$!
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  flock -n "$writer" true || break
  sleep 0.1
done
"$measures" --export="$tmp/exports/other.md" 2>"$tmp/err"; status=$?
if [ "$status" = 0 ] && [ ! -e "$tmp/exports/$leftover" ] && [ -e "$writer" ]; then
  echo "ok: leftover: the next export removed $leftover and kept the one being written"
else
  echo "not ok: leftover: after the next export (status $status, $(cat "$tmp/err")): $(ls -A "$tmp/exports" | tr '\n' ' ')"
  failures=$((failures + 1))
fi
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
"$measures" --export="$tmp/exports/other.md" 2>/dev/null
if [ -z "$(ls -A "$tmp/exports" | grep '^\.measures-export-')" ]; then
  echo "ok: leftover: once its writer is gone, the next export removes it too"
else
  echo "not ok: leftover: left after its writer ended: $(ls -A "$tmp/exports" | tr '\n' ' ')"
  failures=$((failures + 1))
fi

[ "$failures" -eq 0 ]
