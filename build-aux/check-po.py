#!/usr/bin/env python3
# Checks a catalogue the way a release would:
# - msgfmt --check passes, and nothing is untranslated or fuzzy;
# - every message of the sources (extracted afresh with xgettext, with
#   the keywords of meson's glib preset) has a translation, so a new
#   string that nobody translated fails the test;
# - for Romanian, only comma-below ș and ț, never the cedilla ş and ţ,
#   and the Plural-Forms header gives the three Romanian forms;
# - no translation calls the application "Measures": in Romanian it is
#   "Măsuri" (the application id, the binary `measures` and file names
#   stay as they are);
# - within each menu of the .ui files (a submenu is a menu of its own),
#   each dialog of the .ui files (the responses of an AdwMessageDialog)
#   and each dialog the C sources make (adw_message_dialog_add_responses,
#   gtk_file_chooser_native_new), no two labels have the same mnemonic,
#   in English and in the translation; and a translated label keeps
#   exactly one mnemonic where the English has one.
#
#   check-po.py SOURCE_ROOT po/ro.po
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def unescape(text):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def read_po(path):
    """The translated messages of a catalogue, {(context, msgid): [msgstr, …]},
    with the line of each msgstr."""
    messages = {}
    entry = {}
    field = None
    lines = {}

    def finish():
        if 'msgid' in entry and entry['msgid'] != '':
            forms = [entry[k] for k in sorted(entry) if k.startswith('msgstr')]
            key = (entry.get('msgctxt'), entry['msgid'])
            messages[key] = forms
            lines[key] = entry.get('line', 0)

    for number, raw in enumerate(pathlib.Path(path).read_text(encoding='utf-8').splitlines(), 1):
        line = raw.strip()
        if line.startswith('#~'):
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
        if match:
            name = match.group(1)
            if name in ('msgctxt', 'msgid') and (name == 'msgctxt' or 'msgctxt' not in entry
                                                  or 'msgid' in entry):
                if 'msgid' in entry:
                    finish()
                    entry = {}
            entry[name] = unescape(match.group(2))
            if name.startswith('msgstr') and 'line' not in entry:
                entry['line'] = number
            field = name
        elif line.startswith('"') and field is not None:
            entry[field] += unescape(line[1:-1])
        elif line == '':
            field = None
    finish()
    return messages, lines


def mnemonic(label):
    """The mnemonic of a label, as GTK finds it, lowercased; None without one."""
    found = re.findall(r'(?<!_)(?:__)*_([^_])', label)
    return found[0].lower() if found else None


def n_mnemonics(label):
    return len(re.findall(r'(?<!_)(?:__)*_([^_])', label))


def ui_scopes(root):
    """The groups of labels that share mnemonics in the .ui files: each
    <menu> and <submenu> (a submenu's own label is in its parent's group),
    and each <responses> of a dialog. Each label is (file, context, msgid)."""
    scopes = []
    for ui in sorted((root / 'ui').rglob('*.ui')):
        tree = ET.parse(ui)

        def label_of(element):
            for attribute in element.findall('attribute'):
                if attribute.get('name') == 'label' and attribute.get('translatable') == 'yes':
                    return (ui.name, attribute.get('context'), attribute.text or '')
            return None

        def walk(menu, name):
            labels = []
            for child in menu.iter():
                if child is menu:
                    continue
                if child.tag in ('item', 'submenu'):
                    # Only what belongs to this menu, not to a submenu in it.
                    if any(child in list(sub.iter()) and child is not sub
                           for sub in menu.iter('submenu') if sub is not menu):
                        continue
                    label = label_of(child)
                    if label is not None:
                        labels.append(label)
                    if child.tag == 'submenu':
                        walk(child, f'{name} › {label[2] if label else "submenu"}')
            scopes.append((f'{ui.name}: menu {name}', labels))

        for menu in tree.iter('menu'):
            walk(menu, menu.get('id', '?'))
        for responses in tree.iter('responses'):
            labels = [(ui.name, r.get('context'), r.text or '') for r in responses.findall('response')
                      if r.get('translatable') == 'yes']
            scopes.append((f'{ui.name}: dialog responses', labels))
    return scopes


GETTEXT = r'_\(\s*"((?:[^"\\]|\\.)*)"\s*\)'


def c_scopes(root):
    """The dialogs the C sources make with labels of their own: the
    responses given to one adw_message_dialog_add_responses() call (or the
    add_response calls on one dialog in one function), and the buttons of
    one gtk_file_chooser_native_new() call."""
    scopes = []
    for source in sorted((root / 'src').glob('*.c')):
        text = source.read_text(encoding='utf-8')
        for call in re.finditer(r'(adw_message_dialog_add_responses|gtk_file_chooser_native_new)\s*\(([^;]*);',
                                text):
            labels = [(source.name, None, unescape(m)) for m in re.findall(GETTEXT, call.group(2))]
            if call.group(1) == 'gtk_file_chooser_native_new':
                labels = labels[1:]  # the first is the title
            line = text.count('\n', 0, call.start()) + 1
            scopes.append((f'{source.name}:{line}: {call.group(1)}', labels))
    return scopes


def check_mnemonics(root, messages, po):
    status = 0
    for where, labels in ui_scopes(root) + c_scopes(root):
        for language in ('en', 'translation'):
            seen = {}
            for _file, context, msgid in labels:
                if language == 'en':
                    label = msgid
                else:
                    forms = messages.get((context, msgid))
                    if not forms:
                        continue
                    label = forms[0]
                    if mnemonic(msgid) is not None and n_mnemonics(label) != 1:
                        print(f'{po}: “{label}” ({where}) must have one mnemonic, as “{msgid}” has')
                        status = 1
                key = mnemonic(label)
                if key is None:
                    continue
                if key in seen:
                    name = 'English' if language == 'en' else po
                    print(f'{name}: {where}: “{seen[key]}” and “{label}” share the mnemonic “{key}”')
                    status = 1
                seen[key] = label
    return status


# "Measures" as a name of the application in a translated sentence; the
# application id (io.github.measures.Measures) and paths are no names.
APP_NAME = re.compile(r'(?<![./\w-])Measures(?![.\w-])')

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
    messages, lines = read_po(po)
    for key, forms in messages.items():
        for form in forms:
            if APP_NAME.search(form):
                print(f'{po}:{lines[key]}: “Measures” in “{form}”; the application is “Măsuri” in Romanian')
                status = 1
    status |= check_mnemonics(root, messages, po)

sys.exit(status)
