"""Cases on statements and plumbing: in-process streams read by two queries, INSERT INTO, CREATE
SINK ... FROM, DEDUPLICATE BY, CTEs and derived tables, SELECT *, identifiers and naming, types
and input formats (TIMESTAMP forms, DATE, DECIMAL, CSV, nested JSON), error records, LIMIT."""
import json
import random

from sqlo import (MINUTE, SECOND, Case, case, fdiv, iso, jline, jlines, ms, tumble)
from cases_window import group, mixed_ts


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


# ---------------------------------------------------------------- in-process streams and sinks

@case("s01_inprocess_two_readers")
def s01():
    """CREATE STREAM x AS SELECT without connector lives in the process; two later queries read
    it: a filter to a file and a tumbling-window aggregate over its (passed-through) event time."""
    rnd = random.Random(101)
    t0 = ms("2026-03-01T00:00:00.000Z")
    rows = []
    for i in range(60):
        v = None if i % 11 == 5 else round(rnd.uniform(0, 100), 1)
        rows.append({"id": i, "kind": rnd.choice(["a", "b", "c"]), "v": v, "_t": t0 + i * 5 * SECOND})
    q = """
CREATE STREAM s01_src (id INT, kind STRING, v DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 's01_src.jsonl', format = 'json');

CREATE STREAM s01_clean AS
  SELECT id, UPPER(kind) AS kind, v, ts FROM s01_src WHERE v IS NOT NULL;

CREATE STREAM s01_big %s AS
  SELECT id, kind, v FROM s01_clean WHERE v > 50;

CREATE TABLE s01_per_kind %s AS
  SELECT kind, window_start, COUNT(*) AS n, SUM(v) AS total
  FROM s01_clean
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY kind
  EMIT FINAL;
""" % (sink("s01_big"), sink("s01_per_kind"))
    clean = [dict(r, kind=r["kind"].upper()) for r in rows if r["v"] is not None]
    big = [{"id": r["id"], "kind": r["kind"], "v": r["v"]} for r in clean if r["v"] > 50]
    per = [{"kind": k, "window_start": iso(w[0]), "n": len(rs), "total": sum(r["v"] for r in rs)}
           for (k, w), rs in group(clean, lambda r: (r["kind"], tumble(r["_t"], MINUTE))).items()]
    return Case(q, {"s01_src.jsonl": jlines(mixed_ts(rows))}, {"s01_big": big, "s01_per_kind": per})


@case("s02_insert_into")
def s02():
    """INSERT INTO a declared file stream from two queries over two sources: the sink holds the
    union, keys in the declared column order."""
    web = [{"id": "w%d" % i, "amount": a} for i, a in enumerate([12.5, 3.0, 99.99, 0.5], 1)]
    app = [{"id": "a%d" % i, "cents": c} for i, c in enumerate([1250, 0, -5, 300, 7], 1)]
    q = """
CREATE STREAM s02_web (id STRING, amount DOUBLE)
  WITH (connector = 'file', path = 's02_web.jsonl', format = 'json');
CREATE STREAM s02_app (id STRING, cents INT)
  WITH (connector = 'file', path = 's02_app.jsonl', format = 'json');

CREATE STREAM s02_all (id STRING, channel STRING, amount DOUBLE)
  WITH (connector = 'file', path = 'out/s02_all.jsonl', format = 'json');

INSERT INTO s02_all SELECT id, 'web' AS channel, amount FROM s02_web;
INSERT INTO s02_all SELECT id, 'app' AS channel, CAST(cents AS DOUBLE) / 100 AS amount FROM s02_app WHERE cents > 0;
"""
    out = [{"id": r["id"], "channel": "web", "amount": r["amount"]} for r in web]
    out += [{"id": r["id"], "channel": "app", "amount": fdiv(r["cents"], 100)} for r in app if r["cents"] > 0]
    return Case(q, {"s02_web.jsonl": jlines(web), "s02_app.jsonl": jlines(app)}, {"s02_all": out})


@case("s03_create_sink_from")
def s03():
    """CREATE SINK name FROM stream WITH (...) writes an in-process stream to a file; a BOOLEAN
    column alone is a WHERE predicate."""
    people = [("ann", True, 10.5), ("bob", False, 99.0), ("cy", True, 0.25), ("di", None, 5.0), ("ed", True, -1.0)]
    rows = [{"name": n, "vip": v, "spend": s} for n, v, s in people]
    q = """
CREATE STREAM s03_src (name STRING, vip BOOLEAN, spend DOUBLE)
  WITH (connector = 'file', path = 's03_src.jsonl', format = 'json');

CREATE STREAM s03_vip AS
  SELECT name, spend * 2 AS doubled FROM s03_src WHERE vip;

CREATE SINK s03_out FROM s03_vip WITH (connector = 'file', path = 'out/s03_out.jsonl', format = 'json');
"""
    out = [{"name": r["name"], "doubled": r["spend"] * 2} for r in rows if r["vip"] is True]
    return Case(q, {"s03_src.jsonl": jlines(rows)}, {"s03_out": out})


@case("s04_two_hops")
def s04():
    """Two in-process streams in a row (filter, then deduplicate) before a file sink."""
    ids = ["a", "b", "a", "c", "b", "d", "a", "e", "c"]
    rows = [{"id": x, "v": i} for i, x in enumerate(ids)]
    q = """
CREATE STREAM s04_src (id STRING, v INT)
  WITH (connector = 'file', path = 's04_src.jsonl', format = 'json');

CREATE STREAM s04_hop1 AS SELECT id, v FROM s04_src WHERE v <> 1;
CREATE STREAM s04_hop2 AS SELECT id, v * 10 AS v10 FROM s04_hop1 DEDUPLICATE BY id;
CREATE STREAM s04_out %s AS SELECT CONCAT(id, '!') AS tag, v10 FROM s04_hop2;
""" % sink("s04_out")
    seen, out = set(), []
    for r in rows:
        if r["v"] == 1 or r["id"] in seen:
            continue
        seen.add(r["id"])
        out.append({"tag": r["id"] + "!", "v10": r["v"] * 10})
    return Case(q, {"s04_src.jsonl": jlines(rows)}, {"s04_out": out})


# ---------------------------------------------------------------- deduplication

@case("d01_dedup_forever")
def d01():
    """DEDUPLICATE BY k without WITHIN keeps the first row of each key, forever (no watermark:
    first in arrival order); later duplicates with other payloads are dropped. A second query
    deduplicates by two keys."""
    spec = [("e1", "x", "first"), ("e2", "x", "first"), ("e1", "y", "dup"), ("e3", "x", "first"),
            ("e2", "y", "dup"), ("e1", "x", "dup2"), ("e4", "y", "first"), ("e3", "y", "dup"),
            ("e2", "x", "dup2"), ("e5", "x", "first")]
    rows = [{"event_id": e, "region": g, "payload": p, "n": i} for i, (e, g, p) in enumerate(spec)]
    q = """
CREATE STREAM d01_events (event_id STRING, region STRING, payload STRING, n INT)
  WITH (connector = 'file', path = 'd01_events.jsonl', format = 'json');

CREATE STREAM d01_unique %s AS
  SELECT event_id, payload, n FROM d01_events DEDUPLICATE BY event_id;

CREATE STREAM d01_unique_pair %s AS
  SELECT event_id, region, n FROM d01_events DEDUPLICATE BY event_id, region;
""" % (sink("d01_unique"), sink("d01_unique_pair"))
    seen, seen2, out, out2 = set(), set(), [], []
    for r in rows:
        if r["event_id"] not in seen:
            seen.add(r["event_id"])
            out.append({"event_id": r["event_id"], "payload": r["payload"], "n": r["n"]})
        if (r["event_id"], r["region"]) not in seen2:
            seen2.add((r["event_id"], r["region"]))
            out2.append({"event_id": r["event_id"], "region": r["region"], "n": r["n"]})
    return Case(q, {"d01_events.jsonl": jlines(rows)}, {"d01_unique": out, "d01_unique_pair": out2})


@case("d02_dedup_within")
def d02():
    """DEDUPLICATE BY k WITHIN 1 MINUTE on event time (watermark delay 1 s, rows in time order):
    a duplicate less than a minute after the kept row is dropped; the same key minutes later is
    kept again. Every re-kept row comes well over a minute (plus the delay) after the previous
    row of its key, so reading WITHIN from the kept row, from the last duplicate, or from when
    state is freed behind the watermark gives the same answer."""
    t0 = ms("2026-03-02T00:00:00.000Z")
    spec = [("k1", 0), ("k1", 10), ("k2", 20), ("k1", 50), ("k2", 75), ("k9", 200), ("k9", 250),
            ("k1", 300), ("k1", 330), ("k2", 400), ("k3", 410), ("k3", 455), ("k9", 600), ("k3", 700)]
    rows = [{"k": k, "seq": i, "_t": t0 + s * SECOND} for i, (k, s) in enumerate(spec)]
    q = """
CREATE STREAM d02_events (k STRING, seq INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'd02_events.jsonl', format = 'json');

CREATE STREAM d02_unique %s AS
  SELECT k, seq, ts FROM d02_events DEDUPLICATE BY k WITHIN INTERVAL '1' MINUTE;
""" % sink("d02_unique")
    kept, last_seen, out = {}, {}, []
    for r in rows:
        k, t = r["k"], r["_t"]
        if k in kept and t - kept[k] < MINUTE:
            assert t - last_seen[k] < MINUTE
            last_seen[k] = t
            continue
        assert k not in last_seen or t - last_seen[k] > MINUTE + 30 * SECOND
        kept[k] = last_seen[k] = t
        out.append({"k": k, "seq": r["seq"], "ts": iso(t)})
    return Case(q, {"d02_events.jsonl": jlines(mixed_ts(rows))}, {"d02_unique": out})


@case("d03_dedup_after_where")
def d03():
    """Clause order is WHERE, then DEDUPLICATE BY: a first occurrence that the WHERE drops does
    not count, so the key's first row passing the filter is kept."""
    spec = [("a", 5.0), ("a", 20.0), ("b", 30.0), ("a", 40.0), ("c", 1.0), ("b", 50.0), ("c", 11.0), ("c", 12.0)]
    rows = [{"id": i, "amount": a, "seq": n} for n, (i, a) in enumerate(spec)]
    q = """
CREATE STREAM d03_orders (id STRING, amount DOUBLE, seq INT)
  WITH (connector = 'file', path = 'd03_orders.jsonl', format = 'json');

CREATE STREAM d03_unique %s AS
  SELECT id, amount, seq FROM d03_orders WHERE amount > 10 DEDUPLICATE BY id;
""" % sink("d03_unique")
    seen, out = set(), []
    for r in rows:
        if r["amount"] > 10 and r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return Case(q, {"d03_orders.jsonl": jlines(rows)}, {"d03_unique": out})


# ---------------------------------------------------------------- query shapes

Q_ROWS = [{"id": i, "name": n, "v": v} for i, (n, v) in enumerate(
    [("ann", 2), ("bob", 4), ("cy", 9), ("di", 6), ("ed", None), ("flo", 12), ("gus", 3)], 1)]
Q_DECL = """
CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');
"""


@case("q01_cte")
def q01():
    """WITH name AS (SELECT ...) before the SELECT of a persistent query, two CTEs, the second
    reading the first (beyond SQL.md's text: what Flink SQL users expect)."""
    q = Q_DECL + """
CREATE STREAM q01_out %s AS
  WITH big AS (SELECT id, v * 2 AS v2 FROM q_src WHERE v > 3),
       labeled AS (SELECT id, v2, CASE WHEN v2 > 10 THEN 'hi' ELSE 'lo' END AS band FROM big)
  SELECT id, band, v2 FROM labeled WHERE band = 'hi' OR id < 3;
""" % sink("q01_out")
    out = []
    for r in Q_ROWS:
        if r["v"] is None or not r["v"] > 3:
            continue
        v2 = r["v"] * 2
        band = "hi" if v2 > 10 else "lo"
        if band == "hi" or r["id"] < 3:
            out.append({"id": r["id"], "band": band, "v2": v2})
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)}, {"q01_out": out})


@case("q02_derived_table")
def q02():
    """A derived table FROM (SELECT ...) AS t, referenced with its alias as qualifier (beyond
    SQL.md's text: what Flink SQL users expect)."""
    q = Q_DECL + """
CREATE STREAM q02_out %s AS
  SELECT t.id, t.v2 + 1 AS v3
  FROM (SELECT id, v * 2 AS v2 FROM q_src WHERE v > 3) AS t
  WHERE t.v2 < 20;
""" % sink("q02_out")
    out = [{"id": r["id"], "v3": r["v"] * 2 + 1} for r in Q_ROWS
           if r["v"] is not None and r["v"] > 3 and r["v"] * 2 < 20]
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)}, {"q02_out": out})


@case("q03_select_star")
def q03():
    """SELECT * keeps every column in declared order."""
    q = Q_DECL + """
CREATE STREAM q03_out %s AS
  SELECT * FROM q_src WHERE v IS NULL OR v < 5;
""" % sink("q03_out")
    out = [dict(r) for r in Q_ROWS if r["v"] is None or r["v"] < 5]
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)}, {"q03_out": out})


@case("x_limit")
def x_limit():
    """LIMIT n on a persistent query into a file: the first n rows passing WHERE, in file order."""
    q = Q_DECL + """
CREATE STREAM xl_out %s AS
  SELECT id, name FROM q_src WHERE v > 2 LIMIT 3;
""" % sink("xl_out")
    out = [{"id": r["id"], "name": r["name"]} for r in Q_ROWS if r["v"] is not None and r["v"] > 2][:3]
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)}, {"xl_out": out})


# ---------------------------------------------------------------- lexical rules and naming

@case("lx01_identifiers")
def lx01():
    """Keywords and unquoted identifiers in any case (a column declared `city` and referenced as
    CITY or Lx01_People.City is named `city`); "double quoted" and `backquoted` identifiers keep
    their case and spaces; '' in a string literal is a quote; -- and /* */ comments."""
    people = [("O'Brien", 40, "Cork"), ("O'Brien", 41, "Dublin"), ("Smith", 30, "Dublin"), ("Ng", None, "Cork")]
    rows = [{"Full Name": n, "AGE": a, "city": c} for n, a, c in people]
    q = """
/* A block comment
   over two lines. */
cReAtE sTrEaM Lx01_People (
  "Full Name" STRING,   -- quoted: keeps its case and its space
  `AGE` INT,
  city varchar
) wItH (connector = 'file', path = 'lx01_people.jsonl', format = 'json');

Create Stream lx01_out With (connector = 'file', path = 'out/lx01_out.jsonl', format = 'json') As
  Select "Full Name", `AGE` + 1 As "Next Age", CITY, Lx01_People.City aS `City Again`, 'it''s' AS quote
  From LX01_PEOPLE
  wHeRe "Full Name" <> 'O''Brien' Or CiTy = 'Cork';  -- a comment after the statement
"""
    out = []
    for r in rows:
        if r["Full Name"] != "O'Brien" or r["city"] == "Cork":
            out.append({"Full Name": r["Full Name"], "Next Age": None if r["AGE"] is None else r["AGE"] + 1,
                        "city": r["city"], "City Again": r["city"], "quote": "it's"})
    return Case(q, {"lx01_people.jsonl": jlines(rows)}, {"lx01_out": out})


@case("lx02_col_n_naming")
def lx02():
    """An unnamed expression's key is _colN where N is its 1-based position in the select list
    (our reading of SQL.md's "_colN (N = position)"); a bare or qualified column keeps its own
    name; an alias wins."""
    q = Q_DECL + """
CREATE STREAM lx02_out %s AS
  SELECT id, v * 2, UPPER(name), v AS v_copy, ABS(v), q_src.name, CAST(id AS STRING)
  FROM q_src
  WHERE v IS NOT NULL;
""" % sink("lx02_out")
    out = [{"id": r["id"], "_col2": r["v"] * 2, "_col3": r["name"].upper(), "v_copy": r["v"], "_col5": abs(r["v"]),
            "name": r["name"], "_col7": str(r["id"])} for r in Q_ROWS if r["v"] is not None]
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)}, {"lx02_out": out})


# ---------------------------------------------------------------- types and input formats

@case("ty01_timestamp_inputs")
def ty01():
    """A JSON TIMESTAMP accepts epoch milliseconds or RFC 3339 text (no fraction, a short
    fraction, UTC offsets) and is written back as UTC with milliseconds."""
    forms = [1767225600000, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.5Z", "2026-01-01T01:00:00.250+01:00",
             "2025-12-31T19:00:01.000-05:00", "2026-01-01T00:00:02.123Z", 1767225603999,
             "2026-06-15T12:34:56.789+05:30", 0, "1999-12-31T23:59:59.999Z"]
    rows = [{"id": i, "ts": f} for i, f in enumerate(forms, 1)]
    q = """
CREATE STREAM ty01_src (id INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'ty01_src.jsonl', format = 'json');

CREATE STREAM ty01_out %s AS SELECT id, ts FROM ty01_src;
""" % sink("ty01_out")
    out = [{"id": r["id"], "ts": iso(r["ts"] if isinstance(r["ts"], int) else ms(r["ts"]))} for r in rows]
    return Case(q, {"ty01_src.jsonl": jlines(rows)}, {"ty01_out": out})


@case("ty02_scalar_types")
def ty02():
    """BOOLEAN, BIGINT, DECIMAL(p,s) (a JSON number), DATE ("2026-11-25") in and out; arithmetic
    on DECIMAL; CAST(ts AS DATE) takes the UTC date (also before 1970)."""
    spec = [(True, 1234567890123, 12.34, "2026-03-04", "2026-03-04T23:59:59.999Z"),
            (False, -42, 0.05, "1999-12-31", "1969-12-31T12:00:00.000Z"),
            (None, None, None, None, "2026-11-25T00:00:00.000Z")]
    rows = [{"id": i, "flag": f, "big": b, "price": p, "birthday": d, "ts": t} for i, (f, b, p, d, t) in enumerate(spec, 1)]
    q = """
CREATE STREAM ty02_src (id INT, flag BOOLEAN, big BIGINT, price DECIMAL(10, 2), birthday DATE, ts TIMESTAMP)
  WITH (connector = 'file', path = 'ty02_src.jsonl', format = 'json');

CREATE STREAM ty02_out %s AS
  SELECT id, flag, NOT flag AS not_flag, big, big + 1 AS big_next, price, price * 2 AS price2, birthday,
         CAST(ts AS DATE) AS ts_day
  FROM ty02_src;
""" % sink("ty02_out")
    out = []
    for r in rows:
        f, b, p = r["flag"], r["big"], r["price"]
        out.append({"id": r["id"], "flag": f, "not_flag": None if f is None else not f, "big": b,
                    "big_next": None if b is None else b + 1, "price": p, "price2": None if p is None else p * 2,
                    "birthday": r["birthday"], "ts_day": iso(ms(r["ts"]))[:10]})
    return Case(q, {"ty02_src.jsonl": jlines(rows)}, {"ty02_out": out})


CSV_LINES = ["id,name,amount,active,ts",
             "1,Ann,10.5,true,2026-01-01T00:00:00.000Z",
             '2,"Smith, J",20.25,false,2026-01-01T00:00:01.000Z',
             '3,"say ""hi""",-3.5,true,2026-01-01T00:00:02.500Z',
             "4,Bob,0,false,2026-01-01T00:00:03.000Z",
             "5,Zed,7.75,true,2026-01-01T01:00:04.000+01:00"]


@case("csv01_input")
def csv01():
    """format = 'csv' with a header row: quoted fields holding commas and doubled quotes,
    numbers, booleans and RFC 3339 timestamps."""
    import csv
    rows = list(csv.DictReader(CSV_LINES))
    q = """
CREATE STREAM csv01_people (id INT, name STRING, amount DOUBLE, active BOOLEAN, ts TIMESTAMP)
  WITH (connector = 'file', path = 'csv01_people.csv', format = 'csv');

CREATE STREAM csv01_out %s AS
  SELECT id, name, amount * 2 AS doubled, active, ts FROM csv01_people WHERE id > 0;
""" % sink("csv01_out")
    out = [{"id": int(r["id"]), "name": r["name"], "doubled": float(r["amount"]) * 2, "active": r["active"] == "true",
            "ts": iso(ms(r["ts"]))} for r in rows]
    return Case(q, {"csv01_people.csv": CSV_LINES}, {"csv01_out": out})


@case("csv02_bad_row")
def csv02():
    """A CSV row whose field does not parse as its column's type is a schema error (as a JSON
    string for a DOUBLE is in the example e03), sent to the error sink with its line as raw."""
    lines = ["id,name,amount", "1,Ann,10.5", "2,Bob,lots", "3,Cy,-1.25"]
    q = """
CREATE STREAM csv02_src (id INT, name STRING, amount DOUBLE)
  WITH (connector = 'file', path = 'csv02_src.csv', format = 'csv', error_sink = 'file://errors/csv02/');

CREATE STREAM csv02_out %s AS SELECT id, name, amount FROM csv02_src;
""" % sink("csv02_out")
    out = [{"id": 1, "name": "Ann", "amount": 10.5}, {"id": 3, "name": "Cy", "amount": -1.25}]
    return Case(q, {"csv02_src.csv": lines}, {"csv02_out": out}, [{"reason": "schema", "raw": "2,Bob,lots"}])


# ---------------------------------------------------------------- error records

def err_lines():
    t = ms("2026-03-05T00:00:00.000Z")
    good = lambda i, name, qty: jline({"id": i, "name": name, "qty": qty, "ts": t + i * SECOND})  # noqa: E731
    return [
        (good(1, "ok", 5), None),
        (jline({"id": 2, "name": "x", "qty": "five", "ts": t}), "schema"),
        ("not json at all", "decode"),
        (jline({"id": 3, "name": None, "qty": 1, "ts": t}), "not_null"),
        (jline({"id": 4, "name": "y", "qty": 2, "ts": "yesterday"}), "schema"),
        (jline({"id": 5, "name": "z", "qty": True, "ts": t}), "schema"),
        (good(6, "w", 3), None),
        ('{"id":7,"name":"v","qty":4,"ts":%d' % t, "decode"),
        (good(8, "u", None), None),
        # Not asserted: an object for a STRING column (Flink's JSON format stores its text).
        (good(10, "s", 0), None),
    ]


@case("err01_error_reasons")
def err01():
    """decode (not JSON, truncated JSON), schema (a string for INT, an unparseable TIMESTAMP, a
    boolean for INT) and not_null records go to the error sink with the
    original line as raw; the other rows flow on (a NULL in a nullable column is fine)."""
    lines = err_lines()
    q = """
CREATE STREAM err01_src (id INT, name STRING NOT NULL, qty INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'err01_src.jsonl', format = 'json', error_sink = 'file://errors/err01/');

CREATE STREAM err01_ok %s AS SELECT id, name, qty FROM err01_src;
""" % sink("err01_ok")
    ok = []
    for line, reason in lines:
        if reason is None:
            r = json.loads(line)
            ok.append({"id": r["id"], "name": r["name"], "qty": r["qty"]})
    errors = [{"reason": reason, "raw": line} for line, reason in lines if reason]
    return Case(q, {"err01_src.jsonl": [l for l, _ in lines]}, {"err01_ok": ok}, errors)


@case("err02_missing_and_extra_fields")
def err02():
    """A JSON object without a nullable column's field gives NULL; without a NOT NULL column's
    field it violates NOT NULL (reason not_null); fields not in the schema are ignored."""
    lines = [jline({"id": 1, "name": "a", "qty": 1}), jline({"id": 2, "name": "b"}), jline({"id": 3, "qty": 3}),
             jline({"id": 4, "name": "d", "qty": 4, "extra": "ignored", "more": [1, 2]}), jline({"name": "e", "qty": 5})]
    q = """
CREATE STREAM err02_src (id INT NOT NULL, name STRING, qty INT)
  WITH (connector = 'file', path = 'err02_src.jsonl', format = 'json', error_sink = 'file://errors/err02/');

CREATE STREAM err02_ok %s AS SELECT id, name, qty FROM err02_src;
""" % sink("err02_ok")
    out = [{"id": 1, "name": "a", "qty": 1}, {"id": 2, "name": "b", "qty": None}, {"id": 3, "name": None, "qty": 3},
           {"id": 4, "name": "d", "qty": 4}]
    return Case(q, {"err02_src.jsonl": lines}, {"err02_ok": out}, [{"reason": "not_null", "raw": lines[4]}])


@case("err03_shared_source_errors_once")
def err03():
    """A source read by two queries is read once (SQL.md Lexical rules), so each bad record
    reaches the error sink once, not once per query."""
    lines = err_lines()
    q = """
CREATE STREAM err03_src (id INT, name STRING NOT NULL, qty INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'err01_src.jsonl', format = 'json', error_sink = 'file://errors/err03/');

CREATE STREAM err03_names %s AS SELECT id, name FROM err03_src;
CREATE STREAM err03_qty %s AS SELECT id, qty FROM err03_src WHERE qty > 0;
""" % (sink("err03_names"), sink("err03_qty"))
    names, qty = [], []
    for line, reason in lines:
        if reason is None:
            r = json.loads(line)
            names.append({"id": r["id"], "name": r["name"]})
            if r["qty"] is not None and r["qty"] > 0:
                qty.append({"id": r["id"], "qty": r["qty"]})
    errors = [{"reason": reason, "raw": line} for line, reason in lines if reason]
    return Case(q, {"err01_src.jsonl": [l for l, _ in lines]}, {"err03_names": names, "err03_qty": qty}, errors)


# ---------------------------------------------------------------- nested JSON

NESTED = [
    {"id": "n1", "customer": {"name": "Ann", "address": {"city": "Oslo", "zip": "0150"}},
     "attrs": {"color": "red"}, "scores": [7, 8, 9], "items": [{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 5}]},
    {"id": "n2", "customer": {"name": "Bob", "address": None}, "attrs": {"size": "M"}, "scores": [4],
     "items": [{"sku": "C3", "qty": 1}]},
    {"id": "n3", "customer": None, "attrs": {}, "scores": [], "items": []},
    {"id": "n4", "customer": {"name": "Cy"}, "attrs": None, "scores": None, "items": None},
    {"id": "n5", "customer": {"name": "Di", "address": {"city": "Rome", "zip": "00100"}},
     "attrs": {"color": "blue"}, "scores": [1, 2, 3, 4], "items": [{"sku": "D4", "qty": 3}, {"sku": "E5", "qty": None}]},
]
NESTED_DECL = """
CREATE STREAM nx_events (
  id       STRING,
  customer STRUCT<name STRING, address STRUCT<city STRING, zip STRING>>,
  attrs    MAP<STRING, STRING>,
  scores   ARRAY<INT>,
  items    ARRAY<STRUCT<sku STRING, qty INT>>
) WITH (connector = 'file', path = 'nx_events.jsonl', format = 'json');
"""


@case("nx01_nested_access")
def nx01():
    """Struct fields a.b and a.b.c, map access m['k'], array access a[1] (1-based), an element of
    an array of structs; a NULL or missing parent, a missing key, an index past the end give NULL."""
    q = NESTED_DECL + """
CREATE STREAM nx01_out %s AS
  SELECT id, customer.name AS name, customer.address.city AS city, attrs['color'] AS color,
         scores[1] AS first_score, scores[3] AS third_score, items[1].sku AS first_sku, items[2].qty AS second_qty
  FROM nx_events;
""" % sink("nx01_out")

    def get(v, *path):
        for p in path:
            if v is None:
                return None
            if isinstance(p, int):
                v = v[p - 1] if p <= len(v) else None
            else:
                v = v.get(p)
        return v
    out = [{"id": r["id"], "name": get(r, "customer", "name"), "city": get(r, "customer", "address", "city"),
            "color": get(r, "attrs", "color"), "first_score": get(r, "scores", 1), "third_score": get(r, "scores", 3),
            "first_sku": get(r, "items", 1, "sku"), "second_qty": get(r, "items", 2, "qty")} for r in NESTED]
    return Case(q, {"nx_events.jsonl": jlines(NESTED)}, {"nx01_out": out})


@case("nx02_nested_output")
def nx02():
    """ARRAY, STRUCT and MAP values written to JSON as arrays and objects (struct fields in
    declared order, a missing struct field as null); SPLIT's ARRAY<STRING> as a JSON array."""
    q = NESTED_DECL + """
CREATE STREAM nx02_out %s AS
  SELECT id, scores, customer, attrs, SPLIT(CONCAT(id, '-x-y'), '-') AS parts
  FROM nx_events
  WHERE id IN ('n1', 'n2', 'n5');
""" % sink("nx02_out")

    def struct(c):
        if c is None:
            return None
        addr = c.get("address")
        return {"name": c.get("name"),
                "address": None if addr is None else {"city": addr.get("city"), "zip": addr.get("zip")}}
    out = [{"id": r["id"], "scores": r["scores"], "customer": struct(r["customer"]), "attrs": r["attrs"],
            "parts": [r["id"], "x", "y"]} for r in NESTED if r["id"] in ("n1", "n2", "n5")]
    for o in out:
        assert o["attrs"] is None or len(o["attrs"]) <= 1  # map key order is not compared
    return Case(q, {"nx_events.jsonl": jlines(NESTED)}, {"nx02_out": out})
