"""sqlo: the small shared toolkit of the acceptance oracles.

Every acceptance case under ../acceptance/<case>/ is produced by one function registered with
@case in a cases_*.py module: the function returns the query text, the data files it needs
(written to ../acceptance/_data/) and the expected output rows, which it computes in plain Python
straight from /work/shared/SQL.md, never from Sluice's Go code. This module only holds what
SQL.md defines once for everyone: timestamps and their encoding, three-valued logic, integer
division and modulo, ROUND half away from zero, LIKE, and window assignment.
"""
import datetime
import decimal
import json
import re

CASES = {}


def case(name):
    """Registers a case function under its folder name."""
    def reg(fn):
        if name in CASES:
            raise ValueError("duplicate case " + name)
        CASES[name] = fn
        return fn
    return reg


class Case:
    """What a case function returns.

    query: the text of query.sql.
    data: {file name in _data/: list of lines (str), or one str written byte for byte}.
    expected: {sink name: list of dict rows (keys in select-list order)}.
    errors: None (no errors.jsonl) or a list of {"reason": ..., "raw": ...}.
    """

    def __init__(self, query, data=None, expected=None, errors=None):
        self.query = query.strip() + "\n"
        self.data = data or {}
        self.expected = expected or {}
        self.errors = errors


# ---------------------------------------------------------------- time

UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)
SECOND, MINUTE, HOUR, DAY = 1000, 60_000, 3_600_000, 86_400_000


def ms(text):
    """Epoch milliseconds of an RFC 3339 text ("2026-01-01T00:00:00.000Z", offsets allowed)."""
    d = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    delta = d - EPOCH
    return delta.days * DAY + delta.seconds * SECOND + delta.microseconds // 1000


def iso(t):
    """SQL.md TIMESTAMP output encoding: RFC 3339 UTC with milliseconds."""
    if t is None:
        return None
    d = EPOCH + datetime.timedelta(milliseconds=t)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (d.microsecond // 1000) + "Z"


def utc(t):
    """datetime of epoch milliseconds."""
    return EPOCH + datetime.timedelta(milliseconds=t)


# ---------------------------------------------------------------- JSON lines

def jline(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def jlines(objs):
    return [jline(o) for o in objs]


# ---------------------------------------------------------------- three-valued logic

def and3(a, b):
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def or3(a, b):
    if a is True or b is True:
        return True
    if a is None or b is None:
        return None
    return False


def not3(a):
    return None if a is None else (not a)


def cmp3(fn, a, b):
    """A comparison: NULL when either side is NULL."""
    if a is None or b is None:
        return None
    return fn(a, b)


def in3(x, items):
    """x IN (items): TRUE on a match, else NULL when x or any item is NULL, else FALSE."""
    if x is None:
        return None
    if any(i is not None and i == x for i in items):
        return True
    if any(i is None for i in items):
        return None
    return False


def between3(x, lo, hi):
    return and3(cmp3(lambda a, b: a >= b, x, lo), cmp3(lambda a, b: a <= b, x, hi))


def keep(pred):
    """WHERE keeps a row only when the predicate is TRUE."""
    return pred is True


# ---------------------------------------------------------------- arithmetic

def nn(*xs):
    return any(x is None for x in xs)


def add(a, b):
    return None if nn(a, b) else a + b


def sub(a, b):
    return None if nn(a, b) else a - b


def mul(a, b):
    return None if nn(a, b) else a * b


def idiv(a, b):
    """INT / INT: truncates toward zero; division by zero is NULL."""
    if nn(a, b) or b == 0:
        return None
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def imod(a, b):
    """a % b and MOD(a, b): the sign of a; by zero NULL."""
    if nn(a, b) or b == 0:
        return None
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def fdiv(a, b):
    """Real division (a DOUBLE operand); division by zero is NULL."""
    if nn(a, b) or b == 0:
        return None
    return float(a) / float(b)


def round_half_away(x):
    """ROUND(x): half away from zero, on the exact binary value of x."""
    if x is None:
        return None
    if isinstance(x, int):
        return x
    d = decimal.Decimal(x).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP)
    return float(d)


# ---------------------------------------------------------------- strings

def like(s, pat):
    """s LIKE pat: % any run, _ one character, everything else literal, case-sensitive."""
    if s is None or pat is None:
        return None
    rx = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pat)
    return re.fullmatch(rx, s, re.DOTALL) is not None


# ---------------------------------------------------------------- windows

def tumble(t, size):
    """[start, end) of the tumbling window holding t (epoch aligned)."""
    start = t - t % size  # Python % floors, so this holds for negative t too
    return start, start + size


def hops(t, size, advance):
    """Every [start, end) hopping window holding t: starts are multiples of advance."""
    last = t - t % advance
    out = []
    s = last
    while s > t - size:
        out.append((s, s + size))
        s -= advance
    return sorted(out)


def late_rows(rows, delay, windows_of, grace, margin=SECOND):
    """Marks each row late or not, judged row by row in file order (SQL.md: the watermark is the
    largest event time read so far minus the delay; a window closes when the watermark reaches
    window_end + grace; a row whose window has closed is late). rows: dicts with "_t" (epoch ms);
    windows_of(t) -> list of (start, end). A row is late only when every window it belongs to has
    closed (cases never place a row with some windows open and others closed). To keep the answer
    unambiguous, no row may be judged with the watermark within `margin` of a window's closing."""
    top = None
    out = []
    for r in rows:
        t = r["_t"]
        wm = None if top is None else top - delay
        wins = windows_of(t)
        closed = [wm is not None and wm >= end + grace for _, end in wins]
        if wm is not None and any(abs(wm - (end + grace)) < margin for _, end in wins):
            raise ValueError("row too close to its window's closing: %r" % r)
        if any(closed) and not all(closed):
            raise ValueError("ambiguous row: some windows closed, some open: %r" % r)
        out.append(bool(closed) and all(closed))
        top = t if top is None else max(top, t)
    return out
