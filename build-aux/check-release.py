#!/usr/bin/env python3
# The release is told in four places that must agree: the version in
# meson.build, the newest <release> of the metainfo (which the About
# window shows), the first section of NEWS and the newest release of
# measures.doap; each of the metainfo's releases has notes, and NEWS has
# a section for each of them.
#
#   check-release.py SOURCE_ROOT
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1])
status = 0


def fail(message):
    global status
    print(message)
    status = 1


version = re.search(r"^\s*version:\s*'([^']+)'", (root / 'meson.build').read_text(), re.M).group(1)

metainfo = ET.parse(root / 'data' / 'io.github.measures.Measures.metainfo.xml.in')
releases = metainfo.findall('./releases/release')
if not releases:
    fail('the metainfo has no <release>')
else:
    if releases[0].get('version') != version:
        fail(f'the newest release of the metainfo is {releases[0].get("version")}, meson.build says {version}')
    for release in releases:
        if release.find('description') is None or not ''.join(release.find('description').itertext()).strip():
            fail(f'release {release.get("version")} of the metainfo has no notes')

news = (root / 'NEWS').read_text()
sections = re.findall(r'^Version (\S+)\n=+\nReleased: (\S+)$', news, re.M)
if not sections:
    fail('NEWS has no "Version X" section')
else:
    if sections[0][0] != version:
        fail(f'the first section of NEWS is {sections[0][0]}, meson.build says {version}')
    told = dict(sections)
    for release in releases:
        if told.get(release.get('version')) != release.get('date'):
            fail(f'NEWS lacks release {release.get("version")} of {release.get("date")}')

ns = {'doap': 'http://usefulinc.com/ns/doap#'}
doap = ET.parse(root / 'measures.doap')
revisions = [r.text for r in doap.findall('.//doap:release/doap:Version/doap:revision', ns)]
if not revisions or revisions[0] != version:
    fail(f'the newest release of measures.doap is {revisions[:1]}, meson.build says {version}')

if status == 0:
    print(f'{version}: meson.build, the metainfo, NEWS and measures.doap agree')
sys.exit(status)
