#!/usr/bin/env python3
# Checks that the shortcuts window lists every accelerator the
# application sets (src/measures-application.c), so that what the menus
# show can be found there too.
#
# Usage: check-shortcuts.py SRCDIR
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
source = open(os.path.join(root, 'src', 'measures-application.c'), encoding='utf-8').read()
table = re.search(r'accels\[\] = \{(.*?)\n  \};', source, re.S).group(1)
actions = re.findall(r'\{ "([^"]+)", \{', table)

overlay = ET.parse(os.path.join(root, 'ui', 'gtk', 'help-overlay.ui'))
listed = {p.text for p in overlay.iter('property') if p.get('name') == 'action-name'}

missing = [a for a in actions if a not in listed]
for action in missing:
    print(f'help-overlay.ui does not list {action}')
if not actions:
    print('no accelerators found in measures-application.c')
    sys.exit(1)
sys.exit(1 if missing else 0)
