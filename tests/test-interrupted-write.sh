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

[ "$failures" -eq 0 ]
