"""Cases on scalar functions (every one of SQL.md's list but HASH, whose value is
implementation-defined). The oracles compute each function in Python from SQL.md's
"Signatures where engines differ" and the usual SQL meaning where it says no more."""
import json
import math
import re

from sqlo import Case, case, iso, imod, jlines, ms, round_half_away, utc


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


@case("fn01_math")
def fn01():
    """ABS, ROUND (half away from zero: 2.5 -> 3, -2.5 -> -3, 0.5 -> 1, -0.5 -> -1), FLOOR, CEIL
    on DOUBLE, and MOD on INT with the sign of the dividend."""
    xs = [2.5, -2.5, 0.5, -0.5, 1.4, -1.4, 1.6, -1.6, 3.0, -3.0, 0.0, 2.4999, 1234.5, -7.25, None]
    ns = [7, -7, 0, 10, -10, 3, -3, 1, 2, 100, -1, 5, 6, 4, None]
    rows = [{"id": i, "x": x, "n": n} for i, (x, n) in enumerate(zip(xs, ns), 1)]
    q = """
CREATE STREAM nums (id INT, x DOUBLE, n INT)
  WITH (connector = 'file', path = 'fn01_nums.jsonl', format = 'json');

CREATE STREAM math_out %s AS
  SELECT id, ABS(x) AS abs_x, ABS(n) AS abs_n, ROUND(x) AS round_x, ROUND(n) AS round_n,
         FLOOR(x) AS floor_x, CEIL(x) AS ceil_x, MOD(n, 3) AS mod3, MOD(n, -3) AS mod_neg3,
         MOD(-17, n + 20) AS mod_lit
  FROM nums;
""" % sink("math_out")
    out = []
    for r in rows:
        x, n = r["x"], r["n"]
        out.append({"id": r["id"], "abs_x": None if x is None else abs(x),
                    "abs_n": None if n is None else abs(n), "round_x": round_half_away(x),
                    "round_n": n, "floor_x": None if x is None else float(math.floor(x)),
                    "ceil_x": None if x is None else float(math.ceil(x)),
                    "mod3": imod(n, 3), "mod_neg3": imod(n, -3),
                    "mod_lit": imod(-17, None if n is None else n + 20)})
    return Case(q, {"fn01_nums.jsonl": jlines(rows)}, {"math_out": out})


@case("fn02_strings")
def fn02():
    """UPPER LOWER TRIM LENGTH (characters, not bytes) SUBSTRING (1-based, with and without a
    length, past the end) CONCAT REPLACE (every occurrence)."""
    strs = ["  Hello World  ", "héllo", "abc", "", None, "a,b,c", "MiXeD CaSe", "lollipop"]
    rows = [{"id": i, "s": s} for i, s in enumerate(strs, 1)]
    q = """
CREATE STREAM strs (id INT, s STRING)
  WITH (connector = 'file', path = 'fn02_strs.jsonl', format = 'json');

CREATE STREAM str_out %s AS
  SELECT id, UPPER(s) AS up, LOWER(s) AS low, TRIM(s) AS trimmed, LENGTH(s) AS len,
         LENGTH(TRIM(s)) AS len_trimmed, SUBSTRING(s, 2, 3) AS sub_2_3, SUBSTRING(s, 3) AS sub_from_3,
         SUBSTRING(s, 1, 1) AS first_char, SUBSTRING(s, 4, 100) AS sub_long,
         CONCAT('<', COALESCE(s, 'null'), '>') AS wrapped, CONCAT(UPPER(COALESCE(s, '')), '|', LOWER(COALESCE(s, ''))) AS up_low,
         REPLACE(s, 'l', 'L') AS repl, REPLACE(s, 'o', '') AS no_o
  FROM strs;
""" % sink("str_out")

    def m(f, s):
        return None if s is None else f(s)

    def substr(s, start, n=None):
        if s is None:
            return None
        i = start - 1
        return s[i:] if n is None else s[i:i + n]
    out = []
    for r in rows:
        s = r["s"]
        out.append({"id": r["id"], "up": m(str.upper, s), "low": m(str.lower, s),
                    "trimmed": m(lambda v: v.strip(" "), s), "len": m(len, s),
                    "len_trimmed": m(lambda v: len(v.strip(" ")), s), "sub_2_3": substr(s, 2, 3),
                    "sub_from_3": substr(s, 3), "first_char": substr(s, 1, 1),
                    "sub_long": substr(s, 4, 100), "wrapped": "<" + ("null" if s is None else s) + ">",
                    "up_low": (s or "").upper() + "|" + (s or "").lower(),
                    "repl": m(lambda v: v.replace("l", "L"), s), "no_o": m(lambda v: v.replace("o", ""), s)})
    return Case(q, {"fn02_strs.jsonl": jlines(rows)}, {"str_out": out})


@case("fn03_split")
def fn03():
    """SPLIT(s, sep) is ARRAY<STRING>, indexed from 1; an index past its end gives NULL; empty
    pieces are kept; a multi-character separator."""
    data = [("a,b,c", "k::v::w"), ("x,,y", "k"), ("single", "::lead"), (None, None),
            ("one,two", "a::b"), (",lead", "trail::"), ("trail,", "x::y::z::w")]
    rows = [{"id": i, "s": s, "t": t} for i, (s, t) in enumerate(data, 1)]
    q = """
CREATE STREAM parts (id INT, s STRING, t STRING)
  WITH (connector = 'file', path = 'fn03_parts.jsonl', format = 'json');

CREATE STREAM split_out %s AS
  SELECT id, SPLIT(s, ',')[1] AS s1, SPLIT(s, ',')[2] AS s2, SPLIT(s, ',')[3] AS s3,
         SPLIT(s, ',')[4] AS s4, SPLIT(t, '::')[1] AS t1, SPLIT(t, '::')[3] AS t3
  FROM parts;
""" % sink("split_out")

    def at(s, sep, i):
        if s is None:
            return None
        p = s.split(sep)
        return p[i - 1] if i <= len(p) else None
    out = [{"id": r["id"], "s1": at(r["s"], ",", 1), "s2": at(r["s"], ",", 2), "s3": at(r["s"], ",", 3),
            "s4": at(r["s"], ",", 4), "t1": at(r["t"], "::", 1), "t3": at(r["t"], "::", 3)} for r in rows]
    return Case(q, {"fn03_parts.jsonl": jlines(rows)}, {"split_out": out})


@case("fn04_regex")
def fn04():
    """REGEXP_EXTRACT(s, re [, n]): group n (default 0, the whole first match), NULL when nothing
    matches; REGEXP_MATCHES with anchored patterns (so a full-match and a find reading agree)."""
    strs = ["abc-123", "no digits", "x-1 y-22", "ID42", None, "ABC-9", "zz-007", "a1b22c333"]
    rows = [{"id": i, "s": s} for i, s in enumerate(strs, 1)]
    pair = r"([a-z]+)-([0-9]+)"
    q = """
CREATE STREAM codes (id INT, s STRING)
  WITH (connector = 'file', path = 'fn04_codes.jsonl', format = 'json');

CREATE STREAM regex_out %s AS
  SELECT id, REGEXP_EXTRACT(s, '[0-9]+') AS digits, REGEXP_EXTRACT(s, '%s', 0) AS whole,
         REGEXP_EXTRACT(s, '%s', 1) AS word, REGEXP_EXTRACT(s, '%s', 2) AS num,
         REGEXP_MATCHES(s, '^[a-z]+-[0-9]+$') AS is_pair, REGEXP_MATCHES(s, '^[A-Z]+[0-9]*$') AS is_upper
  FROM codes;
""" % (sink("regex_out"), pair, pair, pair)

    def ext(s, rx, g=0):
        if s is None:
            return None
        mt = re.search(rx, s)
        return None if mt is None else mt.group(g)

    def matches(s, rx):
        return None if s is None else re.search(rx, s) is not None
    out = [{"id": r["id"], "digits": ext(r["s"], "[0-9]+"), "whole": ext(r["s"], pair),
            "word": ext(r["s"], pair, 1), "num": ext(r["s"], pair, 2),
            "is_pair": matches(r["s"], "^[a-z]+-[0-9]+$"), "is_upper": matches(r["s"], "^[A-Z]+[0-9]*$")}
           for r in rows]
    return Case(q, {"fn04_codes.jsonl": jlines(rows)}, {"regex_out": out})


# Instants for the date-time cases: every weekday, a leap day, a year end, before 1970, and
# exact unit boundaries.
INSTANTS = ["2026-03-15T13:45:27.891Z", "2024-02-29T23:59:59.999Z", "2025-12-31T23:59:59.999Z",
            "1969-12-31T23:59:59.500Z", "2026-01-01T00:00:00.000Z", "1970-01-01T00:00:00.001Z",
            "2026-03-16T08:00:00.000Z", "2026-03-17T12:30:45.000Z", "2026-03-18T06:07:08.009Z",
            "2026-03-19T23:00:00.000Z", "2026-03-20T00:59:59.999Z", "2026-03-21T18:18:18.180Z"]


def instant_rows():
    """Alternates the two JSON TIMESTAMP input forms (RFC 3339 text, epoch milliseconds)."""
    rows = []
    for i, text in enumerate(INSTANTS, 1):
        t = ms(text)
        rows.append({"id": i, "ts": text if i % 2 == 0 else t, "_t": t})
    return rows


def trunc(t, unit):
    d = utc(t)
    if unit == "year":
        d = d.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    elif unit == "month":
        d = d.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    elif unit == "day":
        d = d.replace(hour=0, minute=0, second=0, microsecond=0)
    elif unit == "hour":
        d = d.replace(minute=0, second=0, microsecond=0)
    elif unit == "minute":
        d = d.replace(second=0, microsecond=0)
    elif unit == "second":
        d = d.replace(microsecond=0)
    return iso(ms(d.isoformat()))


@case("fn05_date_trunc")
def fn05():
    """DATE_TRUNC(unit, ts) returns TIMESTAMP, truncating down (also before 1970)."""
    rows = instant_rows()
    units = ["second", "minute", "hour", "day", "month", "year"]
    sel = ", ".join("DATE_TRUNC('%s', ts) AS to_%s" % (u, u) for u in units)
    q = """
CREATE STREAM instants (id INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'fn_instants.jsonl', format = 'json');

CREATE STREAM trunc_out %s AS
  SELECT id, ts, %s
  FROM instants;
""" % (sink("trunc_out"), sel)
    out = []
    for r in rows:
        o = {"id": r["id"], "ts": iso(r["_t"])}
        for u in units:
            o["to_" + u] = trunc(r["_t"], u)
        out.append(o)
    data = jlines([{"id": r["id"], "ts": r["ts"]} for r in rows])
    return Case(q, {"fn_instants.jsonl": data}, {"trunc_out": out})


@case("fn06_extract")
def fn06():
    """EXTRACT(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND|DOW FROM ts) returns BIGINT; DOW 0 = Sunday."""
    rows = instant_rows()
    q = """
CREATE STREAM instants (id INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'fn_instants.jsonl', format = 'json');

CREATE STREAM extract_out %s AS
  SELECT id, EXTRACT(YEAR FROM ts) AS y, EXTRACT(MONTH FROM ts) AS mo, EXTRACT(DAY FROM ts) AS d,
         EXTRACT(HOUR FROM ts) AS h, EXTRACT(MINUTE FROM ts) AS mi, EXTRACT(SECOND FROM ts) AS s,
         EXTRACT(DOW FROM ts) AS dow
  FROM instants;
""" % sink("extract_out")
    out = []
    for r in rows:
        d = utc(r["_t"])
        out.append({"id": r["id"], "y": d.year, "mo": d.month, "d": d.day, "h": d.hour, "mi": d.minute,
                    "s": d.second, "dow": (d.weekday() + 1) % 7})
    data = jlines([{"id": r["id"], "ts": r["ts"]} for r in rows])
    return Case(q, {"fn_instants.jsonl": data}, {"extract_out": out})


@case("fn07_unixtime")
def fn07():
    """FROM_UNIXTIME(ms) and TO_UNIXTIME(ts) use epoch milliseconds."""
    rows = instant_rows()
    epochs = [0, 1767225600123, -1000, 86399999, None, 1, 1772755200000, -86400000, 999, 1000,
              4102444800000, 42]
    for r, e in zip(rows, epochs):
        r["epoch_ms"] = e
    q = """
CREATE STREAM instants2 (id INT, ts TIMESTAMP, epoch_ms BIGINT)
  WITH (connector = 'file', path = 'fn07_instants.jsonl', format = 'json');

CREATE STREAM unix_out %s AS
  SELECT id, TO_UNIXTIME(ts) AS ts_ms, FROM_UNIXTIME(epoch_ms) AS from_ms,
         FROM_UNIXTIME(TO_UNIXTIME(ts) + 1000) AS plus_1s, TO_UNIXTIME(FROM_UNIXTIME(epoch_ms)) AS round_trip
  FROM instants2;
""" % sink("unix_out")
    out = [{"id": r["id"], "ts_ms": r["_t"], "from_ms": iso(r["epoch_ms"]), "plus_1s": iso(r["_t"] + 1000),
            "round_trip": r["epoch_ms"]} for r in rows]
    data = jlines([{"id": r["id"], "ts": r["ts"], "epoch_ms": r["epoch_ms"]} for r in rows])
    return Case(q, {"fn07_instants.jsonl": data}, {"unix_out": out})


@case("fn08_json_value")
def fn08():
    """JSON_VALUE(s, path) on a STRING holding JSON: object members, nested members, array
    elements ($.a[0]); a missing path, an index past the end, invalid JSON or NULL give NULL.
    Numbers and booleans are read back through CAST so either a STRING or a typed result works."""
    docs = [
        {"user": {"name": "ann", "age": 31, "tags": ["a", "b"]}, "ok": True, "score": 1.5},
        {"user": {"name": "bob"}, "ok": False, "score": -2.25},
        {"user": {"name": "q\"uote", "age": 7, "tags": []}, "score": 0.5},
        {"other": 1},
    ]
    payloads = [json.dumps(d) for d in docs] + ["not json", None]
    rows = [{"id": i, "payload": p} for i, p in enumerate(payloads, 1)]
    q = """
CREATE STREAM docs (id INT, payload STRING)
  WITH (connector = 'file', path = 'fn08_docs.jsonl', format = 'json');

CREATE STREAM json_out %s AS
  SELECT id, JSON_VALUE(payload, '$.user.name') AS name,
         CAST(JSON_VALUE(payload, '$.user.age') AS INT) AS age,
         JSON_VALUE(payload, '$.user.tags[0]') AS first_tag,
         JSON_VALUE(payload, '$.user.tags[5]') AS far_tag,
         JSON_VALUE(payload, '$.missing') AS missing,
         CAST(JSON_VALUE(payload, '$.ok') AS BOOLEAN) AS ok,
         CAST(JSON_VALUE(payload, '$.score') AS DOUBLE) AS score
  FROM docs;
""" % sink("json_out")

    def path(p, keys):
        if p is None:
            return None
        try:
            v = json.loads(p)
        except ValueError:
            return None
        for k in keys:
            if isinstance(k, int):
                if not isinstance(v, list) or k >= len(v):
                    return None
            elif not isinstance(v, dict) or k not in v:
                return None
            v = v[k]
        return v
    out = []
    for r in rows:
        p = r["payload"]
        out.append({"id": r["id"], "name": path(p, ["user", "name"]), "age": path(p, ["user", "age"]),
                    "first_tag": path(p, ["user", "tags", 0]), "far_tag": path(p, ["user", "tags", 5]),
                    "missing": path(p, ["missing"]), "ok": path(p, ["ok"]), "score": path(p, ["score"])})
    return Case(q, {"fn08_docs.jsonl": jlines(rows)}, {"json_out": out})
