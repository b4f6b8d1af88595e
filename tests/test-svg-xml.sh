#!/bin/sh
# Every chart exported as SVG is well-formed XML, whatever text the
# records hold: the chart of each file of tests/data and tests/data/bad
# that loads, in each kind of chart, is read by a real XML parser
# (xmllint, from libxml2-utils). control-characters.json holds every
# character XML 1.0 cannot carry.
set -u
measures=$1
data=$(dirname "$0")/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
failures=0
parsed=0

if ! command -v xmllint > /dev/null; then
  echo "not ok: xmllint is needed to read the SVG images: install libxml2-utils"
  exit 1
fi

parse () {
  if xmllint --noout "$2" 2>"$tmp/xmllint"; then
    parsed=$((parsed + 1))
  else
    echo "not ok: $1: not well-formed XML: $(head -n 2 "$tmp/xmllint")"
    failures=$((failures + 1))
  fi
}

for file in "$data"/*.json "$data"/*.txt "$data"/bad/*; do
  case "$file" in
    *.tsv) continue ;;
  esac
  for chart in years forms types timeline coverage map; do
    rm -f "$tmp/chart.svg"
    "$measures" --export="$tmp/chart.svg" --chart=$chart "$file" > /dev/null 2>&1; status=$?
    name="$(basename "$file"), $chart"
    case $status in
      0|2) parse "$name" "$tmp/chart.svg" ;;
      1) [ ! -e "$tmp/chart.svg" ] || { echo "not ok: $name: an image for a file that did not load"; failures=$((failures + 1)); } ;;
      *) echo "not ok: $name: exit status $status"; failures=$((failures + 1)) ;;
    esac
  done
done

# The bundled dataset, to standard output, and with Romanian labels.
"$measures" --export=- --format=svg --chart=timeline > "$tmp/stdout.svg" 2>/dev/null
parse "bundled, timeline, standard output" "$tmp/stdout.svg"
LANGUAGE=ro "$measures" --export="$tmp/ro.svg" --chart=types 2>/dev/null
parse "bundled, types, Romanian" "$tmp/ro.svg"

# The map of the bundled measures: one group per country of the data,
# its name and count as the text of its title; Romanian too.
"$measures" --export="$tmp/map.svg" --chart=map 2>/dev/null
parse "bundled, map" "$tmp/map.svg"
for country in "RO:Romania: 7 matching measures" "MD:Republic of Moldova: 4 matching measures"; do
  code=${country%%:*} title=${country#*:}
  found=$(xmllint --xpath "count(//*[local-name()='g'][@id='$code'])" "$tmp/map.svg" 2>/dev/null)
  text=$(xmllint --xpath "string(//*[local-name()='g'][@id='$code']/*[local-name()='title'])" "$tmp/map.svg" 2>/dev/null)
  if [ "$found" = 1 ] && [ "$text" = "$title" ]; then
    echo "ok: map, $code: one group, titled “$text”"
  else
    echo "not ok: map, $code: $found groups, titled “$text”, not “$title”"
    failures=$((failures + 1))
  fi
done
LANGUAGE=ro "$measures" --export="$tmp/map-ro.svg" --chart=map --zoom=europe 2>/dev/null
parse "bundled, map of Europe, Romanian" "$tmp/map-ro.svg"
text=$(xmllint --xpath "string(//*[local-name()='g'][@id='RO']/*[local-name()='title'])" "$tmp/map-ro.svg" 2>/dev/null)
if [ "$text" = "România: 7 măsuri potrivite" ]; then
  echo "ok: map in Romanian"
else
  echo "not ok: map in Romanian: “$text”"
  failures=$((failures + 1))
fi

# The charts of HTML and Markdown summaries: in HTML each <svg> element
# of the page, in Markdown each image of a data: address, decoded.
for file in "" "$data/control-characters.json" "$data/twenty-one.json"; do
  for lang in en ro; do
    name="${file:+$(basename "$file"), }summary, $lang"
    rm -f "$tmp"/summary-*.svg
    "$measures" --export="$tmp/summary.html" --lang=$lang ${file:+"$file"} 2>/dev/null
    awk -v dir="$tmp" '/^<svg /{n++; out=sprintf("%s/summary-html-%d.svg", dir, n)} out{print > out} /^<\/svg>/{out=""}' \
      "$tmp/summary.html"
    "$measures" --export=- --format=md --lang=$lang ${file:+"$file"} 2>/dev/null |
      grep -o 'data:image/svg+xml;base64,[A-Za-z0-9+/=]*' | sed 's/^data:image\/svg+xml;base64,//' > "$tmp/images"
    n=0
    while read -r image; do
      n=$((n + 1))
      printf '%s' "$image" | base64 -d > "$tmp/summary-md-$n.svg"
    done < "$tmp/images"
    for kind in html md; do
      count=$(ls "$tmp"/summary-$kind-*.svg 2>/dev/null | wc -l)
      if [ "$count" -ne 2 ]; then
        echo "not ok: $name, $kind: $count charts, not the two of the cover"
        failures=$((failures + 1))
      fi
      for svg in "$tmp"/summary-$kind-*.svg; do
        [ -e "$svg" ] && parse "$name, $kind, $(basename "$svg")" "$svg"
      done
    done
  done
done

# What was not XML is U+FFFD, never a character reference.
for chart in forms types coverage map timeline; do
  "$measures" --export="$tmp/controls.svg" --chart=$chart "$data/control-characters.json" 2>/dev/null
  if grep -q '&#x[0-9a-fA-F]*;' "$tmp/controls.svg"; then
    echo "not ok: control characters, $chart: written as references: $(grep -o '&#x[0-9a-fA-F]*;' "$tmp/controls.svg" | sort -u | tr '\n' ' ')"
    failures=$((failures + 1))
  elif ! grep -q '�' "$tmp/controls.svg"; then
    echo "not ok: control characters, $chart: no U+FFFD in their place"
    failures=$((failures + 1))
  else
    echo "ok: control characters, $chart: each replaced with U+FFFD"
  fi
done
case "$(cat "$tmp/controls.svg")" in
  *"<desc>A &amp; B &lt;c&gt;: Allowed: tab"*"C1 "*", bidi "*"gnp.exe"*) echo "ok: markup escaped, other characters kept" ;;
  *) echo "not ok: markup escaped, other characters kept"; failures=$((failures + 1)) ;;
esac

echo "ok: $parsed images are well-formed XML"
[ "$failures" -eq 0 ]
