#!/usr/bin/env python3
"""gen.py [CASE...]: regenerates the acceptance cases written by the oracle modules.

For every case registered in cases_*.py it rewrites ../acceptance/<case>/query.sql and
../acceptance/<case>/expected/*.jsonl, and writes the case's data files into
../acceptance/_data/. Output is deterministic (fixed seeds, no clock). The three copied example
cases (e01_filter_project, e02_tumbling, e03_bad_input) and the two example data files are never
touched. Stdlib only; run with `python3 cmd/sluice/testdata/oracle/gen.py`.
"""
import os
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import sqlo  # noqa: E402
import cases_expr  # noqa: E402,F401
import cases_func  # noqa: E402,F401
import cases_window  # noqa: E402,F401
import cases_agg  # noqa: E402,F401
import cases_join  # noqa: E402,F401
import cases_misc  # noqa: E402,F401
import cases_more  # noqa: E402,F401
import cases_round2  # noqa: E402,F401

ACC = os.path.normpath(os.path.join(HERE, "..", "acceptance"))
DATA = os.path.join(ACC, "_data")
PROTECTED_CASES = {"e01_filter_project", "e02_tumbling", "e03_bad_input"}
PROTECTED_DATA = {"readings.jsonl", "readings_bad.jsonl"}


def write(path, lines):
    """Writes lines, each ending in a newline; a str is written as it is (exact bytes)."""
    if isinstance(lines, bytes):  # bytes that need not be UTF-8
        with open(path, "wb") as f:
            f.write(lines)
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        if isinstance(lines, str):
            f.write(lines)
            return
        for line in lines:
            f.write(line + "\n")


def check(built):
    """Case names and data files: no reserved name, no file written differently by two cases."""
    owners = {}
    for name, c in built.items():
        if name in PROTECTED_CASES:
            raise ValueError("case name %s is reserved" % name)
        for fname, lines in c.data.items():
            if fname in PROTECTED_DATA:
                raise ValueError("%s: data file %s is reserved" % (name, fname))
            if fname in owners and owners[fname][1] != lines:
                raise ValueError("%s: data file %s already written differently by %s" % (name, fname, owners[fname][0]))
            owners[fname] = (name, lines)
        for sink, rows in c.expected.items():
            if not rows:
                raise ValueError("%s: expected/%s.jsonl would be empty" % (name, sink))


def emit(name, c):
    for fname, lines in c.data.items():
        write(os.path.join(DATA, fname), lines)
    folder = os.path.join(ACC, name)
    shutil.rmtree(os.path.join(folder, "expected"), ignore_errors=True)
    os.makedirs(os.path.join(folder, "expected"))
    with open(os.path.join(folder, "query.sql"), "w", encoding="utf-8", newline="\n") as f:
        f.write(c.query)
    for sink, rows in c.expected.items():
        write(os.path.join(folder, "expected", sink + ".jsonl"), sqlo.jlines(rows))
    if c.errors is not None:
        write(os.path.join(folder, "expected", "errors.jsonl"), sqlo.jlines(c.errors))


def main(only):
    built = {name: sqlo.CASES[name]() for name in sorted(sqlo.CASES)}  # every oracle runs before any write
    check(built)
    for name, c in built.items():
        if not only or name in only:
            emit(name, c)
            print("wrote", name)


if __name__ == "__main__":
    main(set(sys.argv[1:]))
