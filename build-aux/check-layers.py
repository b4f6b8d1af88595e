#!/usr/bin/env python3
# Checks that the modules of the core call each other without a cycle:
# no module (measures-foo.c) calls into one that, directly or through
# others, calls back into it. Calls are read from the objects of the
# core's two static libraries with nm: a module calls another when its
# object needs a symbol the other's object defines. (That data never
# calls rendering is kept by the linker: see tests/meson.build.)
#
# Usage: check-layers.py NM LIBRARY...
import re
import subprocess
import sys

nm, libraries = sys.argv[1], sys.argv[2:]
defined = {}
needed = {}
for library in libraries:
    output = subprocess.run([nm, '-A', library], check=True, capture_output=True, text=True).stdout
    for line in output.splitlines():
        # "lib.a:measures-foo.c.o:0000000000000000 T measures_foo_new"
        # or "lib.a:measures-foo.c.o:                 U g_free"
        match = re.match(r'.*?:([^:]+)\.c\.o:\s*(?:[0-9a-f]+\s+)?([A-Za-z])\s+(\S+)$', line)
        if match is None:
            continue
        module, kind, symbol = match.groups()
        module = module.rsplit('/', 1)[-1]
        if kind == 'U':
            needed.setdefault(module, set()).add(symbol)
        elif kind.isupper():
            defined[symbol] = module

calls = {module: {defined[s] for s in symbols if s in defined and defined[s] != module}
         for module, symbols in needed.items()}
modules = sorted(set(defined.values()) | set(calls))

state = {}
cycles = []


def walk(module, path):
    state[module] = 'open'
    path.append(module)
    for target in sorted(calls.get(module, ())):
        if state.get(target) == 'open':
            cycles.append(path[path.index(target):] + [target])
        elif target not in state:
            walk(target, path)
    path.pop()
    state[module] = 'done'


for module in modules:
    if module not in state:
        walk(module, [])

for cycle in cycles:
    print('cycle: ' + ' → '.join(cycle))
if cycles:
    sys.exit(1)
print(f'{len(modules)} modules, {sum(len(t) for t in calls.values())} calls between them: no cycle')
