#!/usr/bin/python3
# Walks the AT-SPI tree of a running Measures window, as Orca meets it,
# and fails on an interactive node (an actionable role, or one that can
# take the focus) that is nameless, named by a type name ("GtkImage"),
# carries a mnemonic underscore ("_Cancel") or says its name twice.
#
#   check-atspi.py APP-NAME SETTLE-SECONDS
#
# Run it on the accessibility bus of a session bus of its own, beside
# the application (see build-aux/check-atspi); needs /usr/bin/python3
# with Debian's python3-pyatspi. GTK 4.8 marks every node visible and
# none but the window showing, hidden stack pages too: all are walked.
import re
import sys
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_LINK, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TEXT, pyatspi.ROLE_TOGGLE_BUTTON,
}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Measures)[A-Z][A-Za-z]+$')
MNEMONIC = re.compile(r'(^| )_[^_ ]')


def problem(name):
    if not name or not name.strip():
        return 'no name'
    if TYPE_NAME.match(name):
        return 'named by its type'
    if MNEMONIC.search(name):
        return 'a mnemonic underscore'
    half = len(name) // 2
    if len(name) % 2 == 1 and name[half] == ' ' and name[:half] == name[half + 1:]:
        return 'its name twice'
    return None


def walk(node, path, found, counted):
    role = node.getRole()
    states = node.getState()
    if role in INTERACTIVE or states.contains(pyatspi.STATE_FOCUSABLE):
        counted[0] += 1
        what = problem(node.name)
        if what:
            found.append(f'{path} › [{node.getRoleName()}] {node.name!r}: {what}')
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, f'{path} › {node.getRoleName()}', found, counted)


def main():
    name, settle = sys.argv[1], float(sys.argv[2])
    app = None
    deadline = time.monotonic() + 60
    while app is None and time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            if child is not None and child.name == name and child.childCount > 0:
                app = child
        time.sleep(0.2)
    if app is None:
        print(f'{name} never showed a window on the accessibility bus')
        return 1
    time.sleep(settle)
    found, counted = [], [0]
    walk(app, 'application', found, counted)
    print(f'{counted[0]} interactive nodes showing')
    for line in found:
        print(line)
    return 1 if found or counted[0] < 20 else 0


sys.exit(main())
