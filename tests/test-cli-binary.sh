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
check "bundled count" "$out" "115"
check "bundled status" "$status" "0"
check "bundled stderr" "$(cat "$tmp/err")" ""
# The bundled measures span the five regions of the Global Database.
for region in Africa Americas Asia Europe Oceania; do
  out=$("$measures" --count --region=$region 2>"$tmp/err")
  check "bundled measures in $region" "$([ "$out" -gt 0 ] 2>/dev/null && echo yes)" "yes"
done

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

# Values in either language, in any case, with or without diacritics.
ro=$("$measures" --count --country=România 2>"$tmp/err")
check "country in Romanian" "$ro" "$("$measures" --count --country=Romania)"
check "country in Romanian stderr" "$(cat "$tmp/err")" ""
check "country folded" "$("$measures" --count --country=romania)" "$ro"
check "form in Romanian" "$("$measures" --count --form="Trafic de persoane")" "$("$measures" --count --form=Trafficking)"
out=$("$measures" --count --country=turkiye 2>"$tmp/err"); status=$?
check "known country without measures" "$out/$status" "0/0"

# A value that names nothing: exit 1, naming the closest values.
"$measures" --count --country=Atlantis >"$tmp/out" 2>"$tmp/err"; status=$?
check "unknown country status" "$status" "1"
check "unknown country stdout" "$(cat "$tmp/out")" ""
case "$(cat "$tmp/err")" in
  "measures: no known country is called “Atlantis”; the closest are: "?*", "?*", "?*) check "unknown country message" yes yes ;;
  *) check "unknown country message" "$(cat "$tmp/err")" "measures: no known country is called “Atlantis”; the closest are: …" ;;
esac
LANGUAGE=ro "$measures" --count --form=Trafik >"$tmp/out" 2>"$tmp/err"; status=$?
check "unknown form in Romanian status" "$status" "1"
case "$(cat "$tmp/err")" in
  "measures: "*"„Trafik”"*"Trafic de persoane"*) check "unknown form in Romanian message" yes yes ;;
  *) check "unknown form in Romanian message" "$(cat "$tmp/err")" "measures: … „Trafik” … Trafic de persoane …" ;;
esac

"$measures" --count --year=soon >"$tmp/out" 2>"$tmp/err"; status=$?
check "malformed year status" "$status" "1"
check "malformed year message" "$(cat "$tmp/err")" "measures: --year must be a year or a range such as 2018-2022, 2018- or -2010, not “soon”"

# Exports: the format from the name, standard output for text, and a
# failure that leaves nothing behind.
"$measures" --export="$tmp/summary.html" --country=Romania --form=Trafficking 2>"$tmp/err"; status=$?
check "export status" "$status" "0"
case "$(cat "$tmp/summary.html")" in
  *"<h1>Measures against Violence against Women</h1>"*"Romania · Trafficking"*) check "export html" yes yes ;;
  *) check "export html" no yes ;;
esac

rows=$("$measures" --export=- --format=csv --country="Republic of Moldova" | grep -c '^"')
check "export csv to stdout" "$rows" "5"

# Standard output that cannot be written: exit 1, and say why.
"$measures" --export=- --format=csv >/dev/full 2>"$tmp/err"; status=$?
check "export to a full stdout status" "$status" "1"
check "export to a full stdout message" "$(cat "$tmp/err")" "measures: cannot write to standard output: No space left on device"
"$measures" --export=- --format=md "$(dirname "$0")/data/twenty-one.json" >&- 2>"$tmp/err"; status=$?
check "export to a closed stdout status" "$status" "1"
check "export to a closed stdout message" "$(cat "$tmp/err")" "measures: cannot write to standard output: Bad file descriptor"
"$measures" --export=- --format=svg --chart=forms >/dev/full 2>"$tmp/err"; status=$?
check "chart to a full stdout status" "$status" "1"
check "chart to a full stdout message" "$(cat "$tmp/err")" "measures: cannot write to standard output: No space left on device"
"$measures" --count >/dev/full 2>"$tmp/err"; status=$?
check "count to a full stdout status" "$status" "1"
check "count to a full stdout message" "$(cat "$tmp/err")" "measures: cannot write to standard output: No space left on device"
LANGUAGE=ro "$measures" --export=- --format=csv >/dev/full 2>"$tmp/err"
check "export to a full stdout in Romanian" "$(cat "$tmp/err")" "measures: nu se poate scrie la ieșirea standard: No space left on device"

# CSV in Romanian: Romanian headings and labels, and the stored values
# in columns of their own under the English headings (docs/data-format.md).
"$measures" --export=- --format=csv --lang=ro --country=Romania --form=Trafficking >"$tmp/ro.csv" 2>"$tmp/err"; status=$?
check "Romanian CSV status" "$status" "0"
check "Romanian CSV stderr" "$(cat "$tmp/err")" ""
csv_field () { python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
print("\n".join(sorted(set(",".join(row[int(i)] for i in sys.argv[2:]) for row in rows[1:]))))' "$@"; }
check "Romanian CSV headings" "$(head -n 1 "$tmp/ro.csv" | cut -d, -f1-11 | tr -d '\r')" \
  '"id","țară","country","regiune","region","an_început","an_sfârșit","tipuri","types","forme","forms"'
check "Romanian CSV countries and regions" "$(csv_field "$tmp/ro.csv" 1 2 3 4)" "România,Romania,Europa,Europe"
check "Romanian CSV rows" "$(python3 -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))) - 1)' "$tmp/ro.csv")" "5"
check "Romanian CSV form labels" "$(python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))[1:]
print(sum("Trafic de persoane" in row[9] and "Trafficking" in row[10].split("; ") for row in rows))' "$tmp/ro.csv")" "5"

mkdir "$tmp/ro-only"
echo "existing" > "$tmp/ro-only/keep.pdf"
"$measures" --export="$tmp/missing-folder/out.pdf" 2>"$tmp/err"; status=$?
check "export to a missing folder" "$status" "1"
case "$(cat "$tmp/err")" in
  "measures: Cannot write in “$tmp/missing-folder”: No such file or directory") check "export error message" yes yes ;;
  *) check "export error message" "$(cat "$tmp/err")" "measures: Cannot write in …" ;;
esac
check "existing file untouched" "$(cat "$tmp/ro-only/keep.pdf")" "existing"
"$measures" --export="$tmp/ro-only" --format=pdf 2>/dev/null; status=$?
check "export onto a folder" "$status" "1"
check "nothing left behind" "$(ls -A "$tmp/ro-only")" "keep.pdf"

# A pipe, a socket, a device or a link to one is refused before anything
# is written: a rename would replace it. All are made here, in $tmp.
mkdir "$tmp/special"
mkfifo "$tmp/special/pipe.csv"
ln -s pipe.csv "$tmp/special/to-pipe.csv"
"$measures" --export="$tmp/special/pipe.csv" 2>"$tmp/err"; status=$?
check "export to a pipe refused" "$status" "1"
check "export to a pipe message" "$(cat "$tmp/err")" "measures: Cannot write “$tmp/special/pipe.csv”: it is a named pipe, not a file"
"$measures" --export="$tmp/special/to-pipe.csv" 2>"$tmp/err"; status=$?
check "export to a link to a pipe refused" "$status" "1"
check "export to a link to a pipe message" "$(cat "$tmp/err")" \
  "measures: Cannot write “$tmp/special/to-pipe.csv”: it is a link to “pipe.csv”, which is not a file"
LANGUAGE=ro "$measures" --export="$tmp/special/pipe.csv" 2>"$tmp/err"
check "export to a pipe message in Romanian" "$(cat "$tmp/err")" "measures: „$tmp/special/pipe.csv” nu poate fi scris: este o conductă cu nume, nu un fișier"
check "the pipe is still a pipe" "$(test -p "$tmp/special/pipe.csv" && test -L "$tmp/special/to-pipe.csv" && echo yes)" "yes"
if python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/special/socket.md" 2>/dev/null; then
  "$measures" --export="$tmp/special/socket.md" 2>"$tmp/err"; status=$?
  check "export to a socket refused" "$status" "1"
  check "export to a socket message" "$(cat "$tmp/err")" "measures: Cannot write “$tmp/special/socket.md”: it is a socket, not a file"
  check "the socket is still a socket" "$(test -S "$tmp/special/socket.md" && echo yes)" "yes"
fi
# As root, a device node of our own with the null device's numbers.
if mknod "$tmp/special/device.html" c 1 3 2>/dev/null; then
  "$measures" --export="$tmp/special/device.html" 2>"$tmp/err"; status=$?
  check "export to a device refused" "$status" "1"
  check "export to a device message" "$(cat "$tmp/err")" "measures: Cannot write “$tmp/special/device.html”: it is a device, not a file"
  check "the device is still a device" "$(test -c "$tmp/special/device.html" && echo yes)" "yes"
fi
check "nothing written beside them" "$(ls -A "$tmp/special" | grep -c '^\.measures-export-')" "0"

"$measures" --export=- --format=pdf >/dev/null 2>"$tmp/err"; status=$?
check "pdf to stdout refused" "$status" "1"
"$measures" --export="$tmp/x.docx" >/dev/null 2>"$tmp/err"; status=$?
check "unknown format refused" "$status" "1"
"$measures" --export="$tmp/x.md" --lang=fr >/dev/null 2>"$tmp/err"; status=$?
check "unknown language refused" "$status" "1"

# Charts as images, with no display.
"$measures" --export="$tmp/overview.png" --chart=timeline --scale=2 --country=Romania 2>"$tmp/err"; status=$?
check "chart png status" "$status" "0"
check "chart png stderr" "$(cat "$tmp/err")" ""
check "chart png signature" "$(head -c 8 "$tmp/overview.png" | od -An -c | tr -d ' ')" "211PNG\r\n032\n"
"$measures" --export="$tmp/overview.svg" --chart=forms --form=Trafficking 2>"$tmp/err"; status=$?
check "chart svg status" "$status" "0"
case "$(cat "$tmp/overview.svg")" in
  *"<title id=\"title\">Measures by Form of Violence</title>"*">Trafficking</text>"*) check "chart svg text" yes yes ;;
  *) check "chart svg text" no yes ;;
esac
"$measures" --export="$tmp/years.svg" "$(dirname "$0")/data/eleven.json" 2>"$tmp/err"; status=$?
check "default chart status" "$status" "0"
case "$(cat "$tmp/years.svg")" in
  *"Measures in Force per Year"*">2009</text>"*) check "default chart is years" yes yes ;;
  *) check "default chart is years" no yes ;;
esac
"$measures" --export="$tmp/bad.png" --chart=pie 2>"$tmp/err"; status=$?
check "unknown chart status" "$status" "1"
check "unknown chart message" "$(cat "$tmp/err")" "measures: unknown chart “pie”; use years, forms, types, timeline, coverage or map"
check "unknown chart writes nothing" "$(ls "$tmp" | grep -c bad.png)" "0"
"$measures" --export="$tmp/x.pdf" --chart=years 2>"$tmp/err"; status=$?
check "chart of a pdf status" "$status" "1"
check "chart of a pdf message" "$(cat "$tmp/err")" "measures: --chart and --scale need --export with a .png or .svg file"
"$measures" --export="$tmp/missing-folder/x.png" 2>"$tmp/err"; status=$?
check "chart to a missing folder" "$status" "1"

# The coverage matrix and the map, with the usual filters.
"$measures" --export="$tmp/matrix.csv" --chart=coverage --by=form --country=Romania 2>"$tmp/err"; status=$?
check "matrix csv status" "$status" "0"
check "matrix csv stderr" "$(cat "$tmp/err")" ""
# Every country with measures has a row; an empty cell is a form the
# country has no measure of, a 0 one the filter left out.
check "matrix csv" "$(tr -d '\r' < "$tmp/matrix.csv" | grep -E '^"(country|Romania|Republic of Moldova)"')" '"country","code","region","Domestic violence/Intimate partner violence","Female Genital Mutilation/Cutting (FGM/C)","Femicide/Feminicide","Sexual harassment","Sexual violence","Trafficking","Violence against women and girls","matches"
"Republic of Moldova","MD","Europe",0,,,,,0,,0
"Romania","RO","Europe",2,,,,,5,,7'
# 69 countries, and the header.
check "matrix csv rows" "$(tr -d '\r' < "$tmp/matrix.csv" | wc -l)" "70"
"$measures" --export="$tmp/matrix.svg" --chart=coverage 2>"$tmp/err"; status=$?
check "matrix svg status" "$status" "0"
case "$(cat "$tmp/matrix.svg")" in
  *"<title id=\"title\">Measures per Country and Category</title>"*">Romania</text>"*) check "matrix svg text" yes yes ;;
  *) check "matrix svg text" no yes ;;
esac
"$measures" --export="$tmp/map.png" --chart=map --zoom=europe --scale=0.5 2>"$tmp/err"; status=$?
check "map png status" "$status" "0"
check "map png signature" "$(head -c 8 "$tmp/map.png" | od -An -c | tr -d ' ')" "211PNG\r\n032\n"
"$measures" --export="$tmp/map.csv" --chart=map 2>"$tmp/err"; status=$?
check "map csv status" "$status" "1"
check "map csv message" "$(cat "$tmp/err")" "measures: the map is an image; write it as .png or .svg"
"$measures" --export="$tmp/years.png" --zoom=europe 2>"$tmp/err"; status=$?
check "zoom without a map status" "$status" "1"
check "zoom without a map message" "$(cat "$tmp/err")" "measures: --by needs --chart=coverage or --include=matrix, and --zoom --chart=map or --include=map"
"$measures" --count --by=form 2>"$tmp/err"; status=$?
check "by without an export status" "$status" "1"
check "by without an export writes nothing" "$(ls "$tmp" | grep -c years.png)" "0"

# A summary with the matrix and the map, when asked for.
"$measures" --export="$tmp/parts.html" --include=matrix,map --by=form --zoom=europe --country=Romania 2>"$tmp/err"; status=$?
check "summary parts status" "$status" "0"
check "summary parts stderr" "$(cat "$tmp/err")" ""
check "summary parts matrix" "$(grep -c '<table class="matrix">' "$tmp/parts.html")" "1"
check "summary parts map" "$(grep -c '<figure class="chart map">' "$tmp/parts.html")" "1"
check "summary parts by form" "$(grep -c '<h2>Measures per Country and Form of Violence</h2>' "$tmp/parts.html")" "1"
"$measures" --export="$tmp/plain.html" --country=Romania 2>"$tmp/err"; status=$?
check "summary without parts" "$(grep -c 'class="matrix"\|class="chart map"' "$tmp/plain.html")" "0"
"$measures" --export="$tmp/parts.md" --include=map --include=matrix 2>"$tmp/err"; status=$?
check "summary parts repeated status" "$status" "0"
"$measures" --export="$tmp/parts.csv" --include=matrix 2>"$tmp/err"; status=$?
check "parts of a csv status" "$status" "1"
check "parts of a csv message" "$(cat "$tmp/err")" "measures: --include is for a summary in pdf, html or md"
check "parts of a csv writes nothing" "$(ls "$tmp" | grep -c parts.csv)" "0"
"$measures" --export="$tmp/parts.png" --chart=map --include=map 2>"$tmp/err"; status=$?
check "parts of an image status" "$status" "1"
check "parts of an image message" "$(cat "$tmp/err")" "measures: --include is for a summary in pdf, html or md"
"$measures" --export="$tmp/bad.pdf" --include=matrix,legend 2>"$tmp/err"; status=$?
check "unknown part status" "$status" "1"
check "unknown part message" "$(cat "$tmp/err")" "measures: --include takes matrix, map or both (matrix,map), not “legend”"
"$measures" --export="$tmp/bad.pdf" --include=map --by=form 2>"$tmp/err"; status=$?
check "by without the matrix status" "$status" "1"
check "by without the matrix message" "$(cat "$tmp/err")" "measures: --by needs --chart=coverage or --include=matrix"
"$measures" --export="$tmp/bad.pdf" --include=matrix --zoom=mars 2>"$tmp/err"; status=$?
check "zoom without the map message" "$(cat "$tmp/err")" "measures: --zoom needs --chart=map or --include=map"
"$measures" --export="$tmp/bad.pdf" --include=map --zoom=mars 2>"$tmp/err"; status=$?
check "unknown zoom message" "$(cat "$tmp/err")" "measures: --zoom must be world or europe, not “mars”"
check "bad parts write nothing" "$(ls "$tmp" | grep -c bad.pdf)" "0"
"$measures" --count --include=map 2>"$tmp/err"; status=$?
check "parts without an export status" "$status" "1"
check "parts without an export message" "$(cat "$tmp/err")" "measures: --include needs --export with a .pdf, .html or .md file"

# Converting records copied as text into a measures-1 dataset.
"$measures" --export="$tmp/converted.json" "$(dirname "$0")/data/several.txt" 2>"$tmp/err"; status=$?
check "convert status" "$status" "0"
check "converted count" "$("$measures" --count "$tmp/converted.json")" "3"
case "$(cat "$tmp/converted.json")" in
  *'"format" : "measures-1"'*'"Child, early and forced marriage"'*) check "converted content" yes yes ;;
  *) check "converted content" no yes ;;
esac

# Some records skipped: the rest are counted, exit 2.
out=$("$measures" --count "$(dirname "$0")/data/some-bad.json" 2>/dev/null); status=$?
check "partial count" "$out" "2"
check "partial status" "$status" "2"

help=$("$measures" --help)
case "$help" in
  *--count*) check "help lists --count" yes yes ;;
  *) check "help lists --count" no yes ;;
esac
case "$help" in
  *--chart=CHART*"years, forms, types, timeline, coverage"*--include=PARTS*--by=COLUMNS*--zoom=REGION*--scale=N*) check "help lists --chart, --by, --zoom and --scale" yes yes ;;
  *) check "help lists --chart, --by, --zoom and --scale" no yes ;;
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

# A byte-order mark before the JSON, as Windows editors write it.
printf '\357\273\277[{"country": "Romania"}]\n' > "$tmp/bom.json"
out=$("$measures" --count "$tmp/bom.json" 2>"$tmp/err"); status=$?
check "byte-order mark count" "$out" "1"
check "byte-order mark status" "$status" "0"
check "byte-order mark stderr" "$(cat "$tmp/err")" ""

# Nesting json-glib would overflow its stack on, after a first value.
{ printf '"x"'; head -c 200000 /dev/zero | tr '\0' '['; } > "$tmp/deep.json"
"$measures" --count "$tmp/deep.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "deep after a text status" "$status" "1"
check "deep after a text message" "$(cat "$tmp/err")" "$tmp/deep.json: unexpected text after the data, at line 1, column 4"
check "deep after a text stdout" "$(cat "$tmp/out")" ""

# Only files are read: a FIFO with no writer, and a device, are refused at
# once (timeout would end a hang with 124).
mkfifo "$tmp/pipe.json"
timeout 20 "$measures" --count "$tmp/pipe.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "fifo status" "$status" "1"
check "fifo message" "$(cat "$tmp/err")" "$tmp/pipe.json: this is a named pipe, not a file"
timeout 20 "$measures" --count /dev/zero >"$tmp/out" 2>"$tmp/err"; status=$?
check "device status" "$status" "1"
check "device message" "$(cat "$tmp/err")" "/dev/zero: this is a device, not a file"
timeout 20 "$measures" --export="$tmp/from-device.json" /dev/urandom >"$tmp/out" 2>"$tmp/err"; status=$?
check "export from a device status" "$status" "1"
check "export from a device writes nothing" "$(ls "$tmp" | grep -c from-device)" "0"

# A folder holding no datasets is named, and nothing is exported.
mkdir "$tmp/empty.json"
"$measures" --count "$tmp/empty.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "empty folder status" "$status" "1"
check "empty folder message" "$(cat "$tmp/err")" "$tmp/empty.json: the folder holds no datasets (.json or .txt files)"
check "empty folder stdout" "$(cat "$tmp/out")" ""
"$measures" --export="$tmp/from-empty.json" "$tmp/empty.json" >"$tmp/out" 2>"$tmp/err"; status=$?
check "export from an empty folder status" "$status" "1"
check "export from an empty folder writes nothing" "$(ls "$tmp" | grep -c from-empty)" "0"

# An empty FILE is no folder, in any mode.
empty_name="measures: a file name is empty; give a file or a folder, or “.” for the current folder"
(cd "$tmp" && "$measures" --count "") >"$tmp/out" 2>"$tmp/err"; status=$?
check "empty name status" "$status" "1"
check "empty name message" "$(cat "$tmp/err")" "$empty_name"
check "empty name stdout" "$(cat "$tmp/out")" ""
(cd "$tmp" && "$measures" --export="$tmp/from-nothing.json" "$tmp/bom.json" "") >"$tmp/out" 2>"$tmp/err"; status=$?
check "export of an empty name status" "$status" "1"
check "export of an empty name writes nothing" "$(ls "$tmp" | grep -c from-nothing)" "0"
"$measures" "" >"$tmp/out" 2>"$tmp/err"; status=$?
check "window with an empty name status" "$status" "1"
check "window with an empty name message" "$(cat "$tmp/err")" "$empty_name"

# The user's stars and collections, from $XDG_DATA_HOME/measures/library.json.
mkdir -p "$tmp/data/measures"
cat >"$tmp/data/measures/library.json" <<'END'
{
  "format": "measures-library-1",
  "starred": ["romania-2018-law-no-174-2018-on-domestic-violence",
              "romania-2021-educational-programme-and-campaign-against-trafficking",
              "a-measure-no-dataset-has"],
  "collections": [
    {"id": "c1", "name": "Report 2027", "measures": [
      "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022",
      "romania-2018-law-no-174-2018-on-domestic-violence",
      "romania-2021-educational-programme-and-campaign-against-trafficking"]},
    {"id": "c2", "name": "Reading list", "measures": [
      "romania-2018-national-strategy-on-promoting-gender-equality-and-preventing-domestic-violence-2018-2021"]}
  ],
  "notes": {}, "searches": []
}
END
library_before=$(cat "$tmp/data/measures/library.json")
out=$(XDG_DATA_HOME="$tmp/data" "$measures" --count --starred 2>"$tmp/err"); status=$?
check "starred count" "$out/$status" "2/0"
out=$(XDG_DATA_HOME="$tmp/data" "$measures" --count --collection="report 2027" 2>"$tmp/err")
check "collection count" "$out" "3"
out=$(XDG_DATA_HOME="$tmp/data" "$measures" --count --collection="Report 2027" --collection="Reading list" 2>"$tmp/err")
check "collections are ORed" "$out" "4"
out=$(XDG_DATA_HOME="$tmp/data" "$measures" --count --starred --collection="Report 2027" --form=Trafficking 2>"$tmp/err")
check "starred with a collection and a form" "$out" "1"
XDG_DATA_HOME="$tmp/data" "$measures" --export=- --format=json --collection="Reading list" >"$tmp/out" 2>"$tmp/err"; status=$?
check "collection export status" "$status" "0"
check "collection export holds it" "$(grep -c '"id" : "romania-2018-national-strategy-on-promoting' "$tmp/out")" "1"
XDG_DATA_HOME="$tmp/data" "$measures" --count --collection=Reprot >"$tmp/out" 2>"$tmp/err"; status=$?
check "unknown collection status" "$status" "1"
check "unknown collection message" "$(cat "$tmp/err")" \
  "measures: no collection is named “Reprot”; did you mean Report 2027? The collections are: “Report 2027”, “Reading list”"
XDG_DATA_HOME="$tmp/data" "$measures" --count --collection=Budget >"$tmp/out" 2>"$tmp/err"; status=$?
check "far collection message" "$(cat "$tmp/err")" \
  "measures: no collection is named “Budget”; the collections are: “Report 2027”, “Reading list”"
check "the command line leaves the library as it is" "$(cat "$tmp/data/measures/library.json")" "$library_before"
out=$(XDG_DATA_HOME="$tmp/nothing" "$measures" --count --starred 2>"$tmp/err"); status=$?
check "starred without a library" "$out/$status" "0/0"
XDG_DATA_HOME="$tmp/nothing" "$measures" --count --collection=Report >"$tmp/out" 2>"$tmp/err"; status=$?
check "collection without a library" "$status: $(cat "$tmp/err")" \
  "1: measures: no collection is named “Report”: there are no collections yet"
echo '{"format": "measures-library-1", "starred": [' >"$tmp/data/measures/library.json"
XDG_DATA_HOME="$tmp/data" "$measures" --count --starred >"$tmp/out" 2>"$tmp/err"; status=$?
check "damaged library status" "$status" "1"
case "$(cat "$tmp/err")" in
  "measures: “$tmp/data/measures/library.json” is damaged: "*) check "damaged library message" yes yes ;;
  *) check "damaged library message" "$(cat "$tmp/err")" "measures: “…/library.json” is damaged: …" ;;
esac
check "a damaged library is not set aside by the command line" "$(ls "$tmp/data/measures")" "library.json"

[ "$failures" -eq 0 ]
