#!/usr/bin/env python3
# Checks a catalogue the way a release would:
# - msgfmt --check passes, and nothing is untranslated or fuzzy;
# - every message of the sources (extracted afresh with xgettext, with
#   the keywords of meson's glib preset) has a translation, so a new
#   string that nobody translated fails the test;
# - for Romanian, only comma-below ș and ț, never the cedilla ş and ţ,
#   and the Plural-Forms header gives the three Romanian forms.
#
#   check-po.py SOURCE_ROOT po/ro.po
import pathlib
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
po = sys.argv[2]
status = 0

result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', po],
                        capture_output=True, text=True)
stats = (result.stderr + result.stdout).strip()
print(stats)
if result.returncode != 0:
    print(f'{po}: msgfmt --check failed')
    status = 1
if 'untranslated' in stats or 'fuzzy' in stats:
    print(f'{po}: not every message is translated')
    status = 1

keywords = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dcgettext:2', 'g_dngettext:2,3',
            'g_dpgettext2:2c,3', 'ngettext:1,2']
with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / 'measures.pot'
    extract = subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments',
                              f'--directory={root}',
                              f'--files-from={root / "po" / "POTFILES.in"}',
                              f'--output={pot}']
                             + [f'--keyword={k}' for k in keywords],
                             capture_output=True, text=True)
    if extract.returncode != 0:
        print(extract.stderr)
        status = 1
    else:
        compare = subprocess.run(['msgcmp', po, str(pot)], capture_output=True, text=True)
        if compare.returncode != 0:
            print(compare.stderr.strip())
            print(f'{po}: some messages of the sources have no translation; '
                  'run `meson compile -C BUILD measures-update-po` and translate them')
            status = 1

if po.endswith('ro.po'):
    text = pathlib.Path(po).read_text(encoding='utf-8')
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith('msgstr') or line.startswith('"'):
            for letter in 'şţŞŢ':
                if letter in line:
                    print(f'{po}:{number}: cedilla “{letter}” where comma-below is meant')
                    status = 1
    if 'nplurals=3' not in text:
        print(f'{po}: the Plural-Forms header must give the three Romanian forms')
        status = 1

sys.exit(status)
