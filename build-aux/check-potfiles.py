#!/usr/bin/env python3
# Fails when a file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
listed = set()
for line in (root / 'po' / 'POTFILES.in').read_text().splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

c_marks = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*(?:"|[a-z])')
ui_marks = re.compile(r'translatable="yes"')

wanted = set()
for path in sorted(list((root / 'src').rglob('*.c')) + list((root / 'src').rglob('*.h'))):
    if c_marks.search(path.read_text(encoding='utf-8')):
        wanted.add(path.relative_to(root).as_posix())
for path in sorted((root / 'ui').rglob('*.ui')):
    if ui_marks.search(path.read_text(encoding='utf-8')):
        wanted.add(path.relative_to(root).as_posix())
for pattern in ('*.desktop.in', '*.metainfo.xml.in', '*.gschema.xml.in', '*.mime.xml.in'):
    for path in sorted((root / 'data').glob(pattern)):
        wanted.add(path.relative_to(root).as_posix())

status = 0
for missing in sorted(wanted - listed):
    print(f'po/POTFILES.in lacks {missing}, which has translatable strings')
    status = 1
for stale in sorted(listed):
    if not (root / stale).exists():
        print(f'po/POTFILES.in names {stale}, which does not exist')
        status = 1
if status == 0:
    print(f'{len(listed)} files listed, none missing')
sys.exit(status)
