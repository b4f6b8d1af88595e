#!/usr/bin/env python3
# Writes the table of countries Measures knows, src/core/measures-countries-table.h,
# from iso-codes' list of ISO 3166-1 countries (their codes and ISO names,
# whose translations the iso_3166-1 gettext domain holds) and from
# build-aux/countries.tsv (the names the Global Database writes and its
# regions). See docs/countries.md.
#
#   gen-countries.py ISO_3166-1.JSON COUNTRIES.TSV OUTPUT
#   gen-countries.py --check ISO_3166-1.JSON COUNTRIES.TSV OUTPUT
#
# With --check nothing is written: it fails, showing the difference, when
# OUTPUT is not what the two inputs make now, or when they disagree (a
# code iso-codes does not have, a country of iso-codes the table lacks,
# an unknown region, a name two countries share).
#
# A country ISO 3166-1 does not list (Kosovo) has a user-assigned code
# (XA to XZ, as the EU and the UN give Kosovo XK), written with its
# alpha-3 code as "XK/XKX", and names of ours: iso-codes knows nothing
# of it.
import difflib
import json
import pathlib
import sys
import unicodedata

REGIONS = {'Africa', 'Americas', 'Asia', 'Europe', 'Oceania'}


def fail(message):
    print(f'gen-countries: {message}', file=sys.stderr)
    sys.exit(1)


def fold(name):
    """The key Measures compares names by: as measures_countries_key()
    makes it, without case, diacritics or punctuation, and without a
    leading "the"."""
    decomposed = unicodedata.normalize('NFKD', name)
    plain = ''.join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = ''.join(c if c.isalnum() else ' ' for c in plain).split()
    if len(words) > 1 and words[0] == 'the':
        words = words[1:]
    return ' '.join(words)


def c_string(text):
    escaped = text.replace('\\', '\\\\').replace('"', '\\"')
    return f'"{escaped}"'


def read_table(path):
    rows = []
    for number, line in enumerate(pathlib.Path(path).read_text(encoding='utf-8').splitlines(), 1):
        if line.startswith('#') or not line.strip():
            continue
        fields = line.split('\t')
        if len(fields) != 4:
            fail(f'{path}:{number}: four columns separated by tabs are expected')
        code, region, label, names = fields
        alpha_3 = None
        if '/' in code:
            code, alpha_3 = code.split('/', 1)
            if not (len(code) == 2 and code[0] == 'X' and code[1].isupper()) or \
               not (len(alpha_3) == 3 and alpha_3.isupper() and alpha_3.isalpha()):
                fail(f'{path}:{number}: only a user-assigned code, XA to XZ, has its alpha-3 code '
                     f'after it (“XK/XKX”), not “{fields[0]}”')
            if label != 'ours':
                fail(f'{path}:{number}: iso-codes does not name {code}: its label is “ours”')
        if region != '-' and region not in REGIONS:
            fail(f'{path}:{number}: unknown region “{region}”')
        if label not in ('iso', 'ours'):
            fail(f'{path}:{number}: the label column is “iso” or “ours”, not “{label}”')
        names = [n.strip() for n in names.split('|') if n.strip()]
        if not names:
            fail(f'{path}:{number}: no name')
        rows.append((number, code, alpha_3, None if region == '-' else region, label == 'ours', names))
    return rows


def generate(iso_path, table_path):
    iso = {c['alpha_2']: c for c in json.loads(pathlib.Path(iso_path).read_text(encoding='utf-8'))['3166-1']}
    rows = read_table(table_path)

    seen = set()
    for number, code, alpha_3, _, _, names in rows:
        if alpha_3 is not None:
            if code in iso:
                fail(f'{table_path}:{number}: iso-codes has {code}: give it without an alpha-3 code')
            iso[code] = {'alpha_2': code, 'alpha_3': alpha_3, 'name': names[0]}
        elif code not in iso:
            fail(f'{table_path}:{number}: iso-codes has no country “{code}”')
        if code in seen:
            fail(f'{table_path}:{number}: “{code}” is listed twice')
        seen.add(code)
    missing = sorted(set(iso) - seen)
    if missing:
        fail(f'{table_path}: iso-codes has countries the table lacks: {", ".join(missing)}')

    rows.sort(key=lambda row: row[1])
    countries = []
    names = []
    owner = {}
    for index, (number, code, _, region, ours, own_names) in enumerate(rows):
        entry = iso[code]
        forms = own_names + [entry[key] for key in ('name', 'official_name', 'common_name') if key in entry]
        for form in forms:
            key = fold(form)
            if key in owner and owner[key] != code:
                fail(f'{table_path}:{number}: “{form}” names both {owner[key]} and {code}')
            if key not in owner:
                owner[key] = code
                names.append((form, index))
        shown = own_names[0]
        countries.append((code, entry['alpha_3'], shown, entry['name'], region, ours))

    out = ['/* measures-countries-table.h',
           ' *',
           ' * Copyright 2026 The Measures authors',
           ' * SPDX-License-Identifier: GPL-3.0-or-later',
           ' *',
           ' * Made by build-aux/gen-countries.py from iso-codes\' iso_3166-1.json and',
           ' * build-aux/countries.tsv; do not edit it, run that script (see',
           ' * docs/countries.md). Only measures-countries.c includes it.',
           ' */',
           '',
           '/* Every country of ISO 3166-1: its codes, its name in English as the',
           ' * Global Database writes it, its name in iso-codes (the message of the',
           ' * iso_3166-1 domain), its region, and whether our own catalogue names',
           ' * it in other languages (those names are messages of ours). */',
           'static const MeasuresCountry country_table[] = {']
    for code, alpha_3, shown, iso_name, region, ours in countries:
        name = f'NC_("country", {c_string(shown)})' if ours else c_string(shown)
        out.append(f'  {{ "{code}", "{alpha_3}", {name}, {c_string(iso_name)}, '
                   f'{c_string(region) if region else "NULL"}, {"TRUE" if ours else "FALSE"} }},')
    out += ['};',
            '',
            '/* The names records use for them, each with its country. */',
            'static const struct',
            '{',
            '  const char *name;',
            '  guint16 country;',
            '} country_names[] = {']
    for form, index in names:
        out.append(f'  {{ {c_string(form)}, {index} }},')
    out += ['};', '']
    return '\n'.join(out)


def main():
    args = sys.argv[1:]
    check = bool(args) and args[0] == '--check'
    if check:
        args = args[1:]
    if len(args) != 3:
        print(__doc__ or 'usage: gen-countries.py [--check] ISO_JSON TSV OUTPUT', file=sys.stderr)
        sys.exit(2)
    iso_path, table_path, output = args
    text = generate(iso_path, table_path)
    target = pathlib.Path(output)
    if not check:
        target.write_text(text, encoding='utf-8')
        return
    current = target.read_text(encoding='utf-8') if target.exists() else ''
    if current != text:
        sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                                   str(target), 'generated now'))
        fail(f'{output} is not what iso-codes and {table_path} make now; '
             'run build-aux/gen-countries.py to write it again')
    print(f'{output}: {text.count(chr(10))} lines, as iso-codes and {table_path} make it')


main()
