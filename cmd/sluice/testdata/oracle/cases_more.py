"""A second round of cases: timestamp and mixed numeric comparisons, uneven and late hopping
windows, duration units, deduplication feeding a window, filters after outer joins, JSON input
shapes, CSV with event time, and a few thousand rows crossing batch boundaries."""
import random

from sqlo import (DAY, MINUTE, SECOND, Case, add, and3, case, cmp3, fdiv, hops, idiv, iso, jline, jlines,
                  late_rows, ms, tumble, utc)
from cases_window import group, mixed_ts
from cases_join import (C0, SHOP, STREAM_DECLS, TABLE_DECLS, interval_pairs, latest, stream_data,
                        table_data)
import operator as op


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


@case("ex10_timestamp_compare")
def ex10():
    """TIMESTAMP comparisons (=, >, BETWEEN) against FROM_UNIXTIME values, and arithmetic on
    TO_UNIXTIME; instants written with different offsets compare by instant."""
    t = ms("2026-04-01T12:00:00.000Z")
    forms = [("2026-04-01T12:00:00.000Z", t - 1, t + 1), ("2026-04-01T14:00:00.000+02:00", t, t),
             (t + 500, t, t + 499), ("2026-04-01T11:59:59.999Z", t, t + 10), (t - 86_400_000, None, t),
             ("2026-04-01T07:00:00.250-05:00", t + 250, t + 250)]
    rows = [{"id": i, "ts": f, "lo": lo, "hi": hi} for i, (f, lo, hi) in enumerate(forms, 1)]
    q = """
CREATE STREAM ex10_src (id INT, ts TIMESTAMP, lo BIGINT, hi BIGINT)
  WITH (connector = 'file', path = 'ex10_src.jsonl', format = 'json');

CREATE STREAM ex10_out %s AS
  SELECT id, ts > FROM_UNIXTIME(lo) AS after_lo, ts = FROM_UNIXTIME(hi) AS at_hi,
         ts BETWEEN FROM_UNIXTIME(lo) AND FROM_UNIXTIME(hi) AS inside, TO_UNIXTIME(ts) - lo AS since_lo
  FROM ex10_src;

CREATE STREAM ex10_before %s AS
  SELECT id FROM ex10_src WHERE ts < FROM_UNIXTIME(%d);
""" % (sink("ex10_out"), sink("ex10_before"), t)
    out, before = [], []
    for r in rows:
        tt = r["ts"] if isinstance(r["ts"], int) else ms(r["ts"])
        lo, hi = r["lo"], r["hi"]
        out.append({"id": r["id"], "after_lo": cmp3(op.gt, tt, lo), "at_hi": cmp3(op.eq, tt, hi),
                    "inside": and3(cmp3(op.ge, tt, lo), cmp3(op.le, tt, hi)),
                    "since_lo": None if lo is None else tt - lo})
        if tt < t:
            before.append({"id": r["id"]})
    return Case(q, {"ex10_src.jsonl": jlines(rows)}, {"ex10_out": out, "ex10_before": before})


@case("ex11_mixed_numeric_compare")
def ex11():
    """Comparisons and arithmetic across INT, BIGINT and DOUBLE: 2 = 2.0, 0 = -0.0, an INT
    against a BIGINT beyond the INT range, a DOUBLE literal against an INT column."""
    data = [(2, 2, 2.0), (3, 10_000_000_000, 2.5), (-1, -1, -0.5), (0, 0, -0.0), (None, 5, 1.0), (7, None, None),
            (2147483647, 2147483648, 2147483647.0)]
    rows = [{"id": k, "i": i, "b": b, "x": x} for k, (i, b, x) in enumerate(data, 1)]
    q = """
CREATE STREAM ex11_src (id INT, i INT, b BIGINT, x DOUBLE)
  WITH (connector = 'file', path = 'ex11_src.jsonl', format = 'json');

CREATE STREAM ex11_out %s AS
  SELECT id, i = b AS i_eq_b, i < b AS i_lt_b, i = x AS i_eq_x, i > x AS i_gt_x, i > 2.5 AS i_gt_lit,
         b + x AS b_plus_x, i + b AS i_plus_b, b / i AS b_div_i
  FROM ex11_src;
""" % sink("ex11_out")
    out = [{"id": r["id"], "i_eq_b": cmp3(op.eq, r["i"], r["b"]), "i_lt_b": cmp3(op.lt, r["i"], r["b"]),
            "i_eq_x": cmp3(op.eq, r["i"], r["x"]), "i_gt_x": cmp3(op.gt, r["i"], r["x"]),
            "i_gt_lit": cmp3(op.gt, r["i"], 2.5), "b_plus_x": add(r["b"], r["x"]), "i_plus_b": add(r["i"], r["b"]),
            "b_div_i": idiv(r["b"], r["i"])} for r in rows]
    return Case(q, {"ex11_src.jsonl": jlines(rows)}, {"ex11_out": out})


@case("w09_hopping_uneven")
def w09():
    """Hopping windows whose size is not a multiple of the advance (SIZE 60 s, ADVANCE BY 25 s):
    windows start at multiples of 25 s, so a row is in two or three of them; no GROUP BY."""
    rnd = random.Random(9)
    t0 = ms("2026-04-02T00:00:00.000Z")
    offs = sorted({rnd.randint(0, 149_999) for _ in range(30)} | {0, 25_000, 35_000, 50_000, 60_000, 74_999})
    rows = [{"v": rnd.randint(1, 9), "_t": t0 + o} for o in offs]
    q = """
CREATE STREAM w09_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w09_src.jsonl', format = 'json');

CREATE TABLE w09_out %s AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w09_src
  WINDOW HOPPING (SIZE 60 SECONDS, ADVANCE BY 25 SECONDS)
  EMIT FINAL;
""" % sink("w09_out")
    g = {}
    for r in rows:
        ws = hops(r["_t"], MINUTE, 25 * SECOND)
        assert len(ws) in (2, 3)
        for w in ws:
            g.setdefault(w, []).append(r["v"])
    out = [{"window_start": iso(s), "window_end": iso(e), "n": len(vs), "total": sum(vs)} for (s, e), vs in sorted(g.items())]
    return Case(q, {"w09_src.jsonl": jlines(mixed_ts(rows))}, {"w09_out": out})


@case("w10_hopping_late")
def w10():
    """Late rows with hopping windows (SIZE 30 s, ADVANCE BY 10 s, no grace, delay 2 s): a row
    whose every window has closed goes to the error sink with reason late and counts nowhere;
    a row behind the watermark whose windows are all still open counts in all of them."""
    t0 = ms("2026-04-03T00:00:00.000Z")
    spec = [(1, 1), (5, 2), (12, 3), (18, 4), (27, 5), (24, 6), (41, 7), (7, 8), (55, 9), (50.5, 10),
            (68, 11), (20, 12), (83, 13), (94, 14), (61, 15), (99, 16)]
    rows = [{"v": v, "_t": t0 + int(s * SECOND)} for s, v in spec]
    late = late_rows(rows, 2 * SECOND, lambda t: hops(t, 30 * SECOND, 10 * SECOND), 0)
    lines = jlines(mixed_ts(rows))
    q = """
CREATE STREAM w10_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w10_src.jsonl', format = 'json', error_sink = 'file://errors/w10/');

CREATE TABLE w10_out %s AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w10_src
  WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS)
  EMIT FINAL;
""" % sink("w10_out")
    g = {}
    for r, lt in zip(rows, late):
        if not lt:
            for w in hops(r["_t"], 30 * SECOND, 10 * SECOND):
                g.setdefault(w, []).append(r["v"])
    out = [{"window_start": iso(s), "window_end": iso(e), "n": len(vs), "total": sum(vs)} for (s, e), vs in sorted(g.items())]
    errors = [{"reason": "late", "raw": line} for line, lt in zip(lines, late) if lt]
    assert len(errors) == 3, late
    return Case(q, {"w10_src.jsonl": lines}, {"w10_out": out}, errors)


@case("w11_duration_units")
def w11():
    """Durations in MILLISECONDS and DAYS (and an INTERVAL in MILLISECOND): 500 ms tumbling
    windows, 1-day windows aligned to UTC midnight; window_start/window_end inside expressions."""
    rnd = random.Random(11)
    f0 = ms("2026-04-04T10:00:00.000Z")
    fast = [{"v": rnd.randint(1, 5), "_t": f0 + o} for o in sorted(rnd.sample(range(0, 4000), 25)) + [4000, 4499, 4500]]
    d0 = ms("2026-04-05T00:00:00.000Z")
    days = [{"k": rnd.choice(["x", "y"]), "_t": d0 + o} for o in sorted(rnd.randint(0, 3 * DAY - 1) for _ in range(30))]
    days += [{"k": "x", "_t": d0 + 3 * DAY}]
    q = """
CREATE STREAM w11_fast (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '100' MILLISECOND)
  WITH (connector = 'file', path = 'w11_fast.jsonl', format = 'json');
CREATE STREAM w11_days (k STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
  WITH (connector = 'file', path = 'w11_days.jsonl', format = 'json');

CREATE TABLE w11_half_seconds %s AS
  SELECT window_start, TO_UNIXTIME(window_end) - TO_UNIXTIME(window_start) AS len_ms, COUNT(*) AS n, SUM(v) AS total
  FROM w11_fast
  WINDOW TUMBLING (SIZE 500 MILLISECONDS)
  EMIT FINAL;

CREATE TABLE w11_daily %s AS
  SELECT k, window_start, EXTRACT(DOW FROM window_start) AS dow, EXTRACT(DAY FROM window_end) AS end_day, COUNT(*) AS n
  FROM w11_days
  WINDOW TUMBLING (SIZE 1 DAY)
  GROUP BY k
  EMIT FINAL;
""" % (sink("w11_half_seconds"), sink("w11_daily"))
    half = [{"window_start": iso(w[0]), "len_ms": 500, "n": len(rs), "total": sum(r["v"] for r in rs)}
            for w, rs in sorted(group(fast, lambda r: tumble(r["_t"], 500)).items())]
    daily = []
    for (k, w), rs in sorted(group(days, lambda r: (r["k"], tumble(r["_t"], DAY))).items()):
        daily.append({"k": k, "window_start": iso(w[0]), "dow": (utc(w[0]).weekday() + 1) % 7,
                      "end_day": utc(w[1]).day, "n": len(rs)})
    data = {"w11_fast.jsonl": jlines(mixed_ts(fast)), "w11_days.jsonl": jlines(mixed_ts(days))}
    return Case(q, data, {"w11_half_seconds": half, "w11_daily": daily})


@case("d04_dedup_then_window")
def d04():
    """DEDUPLICATE BY ... WITHIN feeding a WINDOW in the same query (clause order: DEDUPLICATE,
    then WINDOW/GROUP BY): duplicates (all within the WITHIN bound of their first row, some in
    the next window) are not counted."""
    rnd = random.Random(44)
    t0 = ms("2026-04-06T00:00:00.000Z")
    rows, n = [], 0
    for i in range(80):
        t = t0 + i * 3 * SECOND
        if i > 3 and rnd.random() < 0.3:
            src = rows[rnd.randint(max(0, len(rows) - 6), len(rows) - 1)]
            rows.append({"event_id": src["event_id"], "k": src["k"], "v": 1000, "_t": t})
        else:
            n += 1
            rows.append({"event_id": "e%03d" % n, "k": rnd.choice(["a", "b"]), "v": rnd.randint(1, 9), "_t": t})
    q = """
CREATE STREAM d04_src (event_id STRING, k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'd04_src.jsonl', format = 'json');

CREATE TABLE d04_out %s AS
  SELECT k, window_start, COUNT(*) AS n, SUM(v) AS total
  FROM d04_src
  DEDUPLICATE BY event_id WITHIN 10 MINUTES
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY k
  EMIT FINAL;
""" % sink("d04_out")
    first, kept = {}, []
    for r in rows:
        if r["event_id"] in first:
            assert r["_t"] - first[r["event_id"]] < 10 * MINUTE and r["v"] == 1000
            continue
        first[r["event_id"]] = r["_t"]
        kept.append(r)
    out = [{"k": k, "window_start": iso(w[0]), "n": len(rs), "total": sum(r["v"] for r in rs)}
           for (k, w), rs in sorted(group(kept, lambda r: (r["k"], tumble(r["_t"], MINUTE))).items())]
    return Case(q, {"d04_src.jsonl": jlines(mixed_ts(rows))}, {"d04_out": out})


@case("j06_filters_after_joins")
def j06():
    """WHERE after joins: on an inner interval join, filters on both sides; on a LEFT interval
    join, `right column IS NULL` keeps only the unmatched left rows (an anti-join: the filter
    must not be pushed below the outer join); the same on a stream-table LEFT join."""
    q = STREAM_DECLS + TABLE_DECLS + """
CREATE STREAM j06_cards %s AS
  SELECT o.id, p.method, p.ts AS paid_ts
  FROM j_orders o JOIN j_payments p WITHIN 10 MINUTES ON o.id = p.order_id
  WHERE p.method = 'card' AND o.amount > 5;

CREATE STREAM j06_unpaid %s AS
  SELECT o.id, o.amount
  FROM j_orders o LEFT JOIN j_payments p WITHIN 10 MINUTES ON o.id = p.order_id
  WHERE p.order_id IS NULL;

CREATE STREAM j06_unknown_customers %s AS
  SELECT o.order_id, o.customer_id
  FROM st_orders o LEFT JOIN st_customers c ON o.customer_id = c.id
  WHERE c.id IS NULL;
""" % (sink("j06_cards"), sink("j06_unpaid"), sink("j06_unknown_customers"))
    inner = interval_pairs(False)
    amounts = {r["id"]: r["amount"] for r in inner}
    cards = [{"id": r["id"], "method": r["method"], "paid_ts": r["paid_ts"]} for r in inner
             if r["method"] == "card" and amounts[r["id"]] > 5]
    unpaid = [{"id": r["id"], "amount": r["amount"]} for r in interval_pairs(True) if r["method"] is None]
    unknown = [{"order_id": o, "customer_id": c} for o, c, a, s in SHOP if c is None or latest(c, C0 + s * SECOND) is None]
    data = dict(stream_data(), **table_data())
    return Case(q, data, {"j06_cards": cards, "j06_unpaid": unpaid, "j06_unknown_customers": unknown})


@case("ty03_json_input_shapes")
def ty03():
    """JSON input as real producers write it: keys in any order and with spaces, \\u escapes,
    escaped quotes and newlines, a non-BMP character, integers and exponents for a DOUBLE
    column, -0.0, explicit nulls."""
    lines = [
        '{"id": 1, "name": "plain", "x": 1.5, "ok": true}',
        '{ "x" : 5 , "ok" : false , "name" : "int for double" , "id" : 2 }',
        '{"name":"caf\\u00e9","id":3,"x":1.5e2,"ok":null}',
        '{"id":4,"x":-0.0,"name":"say \\"hi\\"\\nbye","ok":true}',
        '{"id":5,"name":"\\ud83d\\ude00 smile","x":-2E-3,"ok":false}',
        '{"id":6,"name":null,"x":null,"ok":null}',
        '\t{"id":7,"name":"tab before","x":0,"ok":true}  ',
    ]
    import json
    q = """
CREATE STREAM ty03_src (id INT, name STRING, x DOUBLE, ok BOOLEAN)
  WITH (connector = 'file', path = 'ty03_src.jsonl', format = 'json');

CREATE STREAM ty03_out %s AS SELECT id, name, x, x * 2 AS x2, ok FROM ty03_src;
""" % sink("ty03_out")
    out = []
    for line in lines:
        r = json.loads(line)
        x = None if r["x"] is None else float(r["x"])
        out.append({"id": r["id"], "name": r["name"], "x": x, "x2": None if x is None else x * 2, "ok": r["ok"]})
    return Case(q, {"ty03_src.jsonl": lines}, {"ty03_out": out})


@case("csv03_event_time_window")
def csv03():
    """CSV input with a WATERMARK on a text timestamp column feeding a tumbling window."""
    rnd = random.Random(33)
    t0 = ms("2026-04-07T06:00:00.000Z")
    rows = [{"station": rnd.choice(["s1", "s2"]), "mm": round(rnd.uniform(0, 5), 1), "_t": t0 + i * 13 * SECOND}
            for i in range(40)]
    lines = ["station,mm,ts"] + ["%s,%s,%s" % (r["station"], r["mm"], iso(r["_t"])) for r in rows]
    q = """
CREATE STREAM csv03_rain (station STRING, mm DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'csv03_rain.csv', format = 'csv');

CREATE TABLE csv03_out %s AS
  SELECT station, window_start, window_end, COUNT(*) AS n, SUM(mm) AS total_mm, MAX(mm) AS max_mm
  FROM csv03_rain
  WINDOW TUMBLING (SIZE 2 MINUTES)
  GROUP BY station
  EMIT FINAL;
""" % sink("csv03_out")
    out = [{"station": s, "window_start": iso(w[0]), "window_end": iso(w[1]), "n": len(rs),
            "total_mm": sum(r["mm"] for r in rs), "max_mm": max(r["mm"] for r in rs)}
           for (s, w), rs in sorted(group(rows, lambda r: (r["station"], tumble(r["_t"], 2 * MINUTE))).items())]
    return Case(q, {"csv03_rain.csv": lines}, {"csv03_out": out})


@case("big01_batches")
def big01():
    """5,000 rows (several batches) with event-time jitter smaller than the watermark delay,
    read by four queries: a filter, a tumbling aggregate with COUNT(DISTINCT) and AVG, a
    deduplication, and a hopping count without GROUP BY."""
    rnd = random.Random(5000)
    t0 = ms("2026-04-08T00:00:00.000Z")
    rows = []
    for i in range(5000):
        rows.append({"k": "k%02d" % rnd.randint(0, 19), "u": "u%03d" % (i % 800), "v": rnd.randint(-50, 50),
                     "x": round(rnd.uniform(-10, 10), 3), "_t": t0 + i * 100 + rnd.randint(0, 2000)})
    q = """
CREATE STREAM big01_src (k STRING, u STRING, v INT, x DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'big01_src.jsonl', format = 'json', error_sink = 'file://errors/big01/');

CREATE STREAM big01_sevens %s AS
  SELECT k, u, v FROM big01_src WHERE v %% 7 = 0 AND x > 0;

CREATE TABLE big01_per_key %s AS
  SELECT k, window_start, COUNT(*) AS n, COUNT(DISTINCT u) AS users, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi, AVG(x) AS avg_x
  FROM big01_src
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY k
  EMIT FINAL;

CREATE STREAM big01_first_per_user %s AS
  SELECT u, k, v FROM big01_src DEDUPLICATE BY u;

CREATE TABLE big01_hops %s AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM big01_src
  WINDOW HOPPING (SIZE 2 MINUTES, ADVANCE BY 1 MINUTE)
  EMIT FINAL;
""" % (sink("big01_sevens"), sink("big01_per_key"), sink("big01_first_per_user"), sink("big01_hops"))
    assert not any(late_rows(rows, 5 * SECOND, lambda t: hops(t, 2 * MINUTE, MINUTE), 0, margin=0))
    sevens = [{"k": r["k"], "u": r["u"], "v": r["v"]} for r in rows if r["v"] % 7 == 0 and r["x"] > 0]
    per_key = []
    for (k, w), rs in sorted(group(rows, lambda r: (r["k"], tumble(r["_t"], MINUTE))).items()):
        vs = [r["v"] for r in rs]
        per_key.append({"k": k, "window_start": iso(w[0]), "n": len(rs), "users": len({r["u"] for r in rs}),
                        "total": sum(vs), "lo": min(vs), "hi": max(vs), "avg_x": fdiv(sum(r["x"] for r in rs), len(rs))})
    seen, first = set(), []
    for r in rows:
        if r["u"] not in seen:
            seen.add(r["u"])
            first.append({"u": r["u"], "k": r["k"], "v": r["v"]})
    g = {}
    for r in rows:
        for w in hops(r["_t"], 2 * MINUTE, MINUTE):
            g.setdefault(w, []).append(r["v"])
    hop = [{"window_start": iso(w[0]), "n": len(vs), "total": sum(vs)} for w, vs in sorted(g.items())]
    return Case(q, {"big01_src.jsonl": jlines(mixed_ts(rows))},
                {"big01_sevens": sevens, "big01_per_key": per_key, "big01_first_per_user": first, "big01_hops": hop},
                [])


@case("j07_self_join")
def j07():
    """A stream joined with itself (one source read once, two aliases): each click paired with
    the same user's later clicks within 1 minute."""
    t0 = ms("2026-04-09T00:00:00.000Z")
    spec = [("u1", 0), ("u2", 5), ("u1", 30), ("u1", 61), ("u2", 70), ("u3", 80), ("u2", 100), ("u1", 200), ("u1", 260)]
    rows = [{"seq": i, "user_id": u, "_t": t0 + s * SECOND} for i, (u, s) in enumerate(spec)]
    q = """
CREATE STREAM j07_clicks (seq INT, user_id STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j07_clicks.jsonl', format = 'json');

CREATE STREAM j07_pairs %s AS
  SELECT a.user_id, a.seq AS first_seq, b.seq AS next_seq
  FROM j07_clicks a JOIN j07_clicks b WITHIN 1 MINUTE ON a.user_id = b.user_id
  WHERE a.seq < b.seq;
""" % sink("j07_pairs")
    out = [{"user_id": a["user_id"], "first_seq": a["seq"], "next_seq": b["seq"]} for a in rows for b in rows
           if a["user_id"] == b["user_id"] and a["seq"] < b["seq"] and abs(a["_t"] - b["_t"]) <= MINUTE]
    return Case(q, {"j07_clicks.jsonl": jlines(mixed_ts(rows))}, {"j07_pairs": out})


@case("j08_interval_join_disorder")
def j08():
    """An interval join (inner and LEFT) over a few hundred rows per side whose event times are
    out of order by less than each side's watermark delay: no pair within 30 s may be missed and
    no unmatched left row may be emitted early."""
    rnd = random.Random(88)
    t0 = ms("2026-04-10T00:00:00.000Z")
    imps = [{"ad": "ad%d" % rnd.randint(0, 29), "imp": i, "_t": t0 + i * 700 + rnd.randint(0, 4000)} for i in range(300)]
    clicks = [{"ad": "ad%d" % rnd.randint(0, 29), "click": i, "_t": t0 + i * 2000 + rnd.randint(0, 4000)} for i in range(100)]
    q = """
CREATE STREAM j08_imps (ad STRING, imp INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j08_imps.jsonl', format = 'json', error_sink = 'file://errors/j08/');
CREATE STREAM j08_clicks (ad STRING, click INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j08_clicks.jsonl', format = 'json', error_sink = 'file://errors/j08/');

CREATE STREAM j08_inner %s AS
  SELECT i.imp, c.click
  FROM j08_imps i JOIN j08_clicks c WITHIN 30 SECONDS ON i.ad = c.ad;

CREATE STREAM j08_left %s AS
  SELECT i.imp, c.click
  FROM j08_imps i LEFT JOIN j08_clicks c WITHIN 30 SECONDS ON i.ad = c.ad;
""" % (sink("j08_inner"), sink("j08_left"))
    inner, left = [], []
    for i in imps:
        m = [c for c in clicks if c["ad"] == i["ad"] and abs(c["_t"] - i["_t"]) <= 30 * SECOND]
        inner += [{"imp": i["imp"], "click": c["click"]} for c in m]
        left += [{"imp": i["imp"], "click": c["click"]} for c in m] or [{"imp": i["imp"], "click": None}]
    assert len(inner) > 50 and len(left) > len(inner)
    data = {"j08_imps.jsonl": jlines(mixed_ts(imps)), "j08_clicks.jsonl": jlines(mixed_ts(clicks))}
    return Case(q, data, {"j08_inner": inner, "j08_left": left}, [])


@case("w12_session_random")
def w12():
    """Session windows (gap 20 s) over 300 rows of 8 users with event-time jitter below the
    watermark delay: sessions merge and split only by event time."""
    rnd = random.Random(12)
    t0 = ms("2026-04-11T00:00:00.000Z")
    rows, t = [], t0
    for i in range(300):
        t += rnd.choice([300, 800, 1500, 4000, 9000])
        rows.append({"user_id": "u%d" % rnd.randint(0, 7), "v": rnd.randint(1, 9), "_t": t + rnd.randint(0, 3000)})
    q = """
CREATE STREAM w12_src (user_id STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '4' SECOND)
  WITH (connector = 'file', path = 'w12_src.jsonl', format = 'json', error_sink = 'file://errors/w12/');

CREATE TABLE w12_sessions %s AS
  SELECT user_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w12_src
  WINDOW SESSION (20 SECONDS)
  GROUP BY user_id
  EMIT FINAL;
""" % sink("w12_sessions")
    from cases_window import session_rows
    # Every row is at or after the watermark when it arrives, so none is late.
    top = None
    for r in rows:
        assert top is None or r["_t"] >= top - 4 * SECOND
        top = r["_t"] if top is None else max(top, r["_t"])
    return Case(q, {"w12_src.jsonl": jlines(mixed_ts(rows))}, {"w12_sessions": session_rows(rows, 20 * SECOND)}, [])


@case("agg07_group_by_expression")
def agg07():
    """GROUP BY an expression repeated in the select list (COALESCE of a nullable key), COUNT of
    a CASE without ELSE (counts the non-NULL results), MIN/MAX of an expression."""
    rnd = random.Random(77)
    t0 = ms("2026-04-12T00:00:00.000Z")
    rows = [{"site": rnd.choice(["north", "south", None]), "v": rnd.randint(-5, 5), "_t": t0 + i * 10 * SECOND}
            for i in range(60)]
    q = """
CREATE STREAM agg07_src (site STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg07_src.jsonl', format = 'json');

CREATE TABLE agg07_out %s AS
  SELECT COALESCE(site, 'unknown') AS site, window_start, COUNT(*) AS n,
         COUNT(CASE WHEN v > 0 THEN 1 END) AS positives, MAX(v * v) AS max_sq, MIN(ABS(v)) AS min_abs
  FROM agg07_src
  WINDOW TUMBLING (SIZE 5 MINUTES)
  GROUP BY COALESCE(site, 'unknown')
  EMIT FINAL;
""" % sink("agg07_out")
    out = []
    for (s, w), rs in sorted(group(rows, lambda r: (r["site"] or "unknown", tumble(r["_t"], 5 * MINUTE))).items()):
        vs = [r["v"] for r in rs]
        out.append({"site": s, "window_start": iso(w[0]), "n": len(vs), "positives": sum(1 for v in vs if v > 0),
                    "max_sq": max(v * v for v in vs), "min_abs": min(abs(v) for v in vs)})
    return Case(q, {"agg07_src.jsonl": jlines(mixed_ts(rows))}, {"agg07_out": out})


@case("err04_late_and_decode")
def err04():
    """One error sink receives both kinds of trouble of a windowed source: undecodable lines and
    late rows (tumbling 10 s, delay 1 s; the late row is minutes behind)."""
    t0 = ms("2026-04-13T00:00:00.000Z")
    good = [{"v": i, "_t": t0 + i * 4 * SECOND} for i in range(40)]
    lines = jlines(mixed_ts(good))
    late = jline({"v": 999, "ts": t0 + 2 * SECOND})
    lines.insert(30, late)
    lines.insert(10, '{"v": 1, "ts": ')
    lines.insert(35, "{oops}")
    q = """
CREATE STREAM err04_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'err04_src.jsonl', format = 'json', error_sink = 'file://errors/err04/');

CREATE TABLE err04_out %s AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM err04_src
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
""" % sink("err04_out")
    out = [{"window_start": iso(w[0]), "n": len(rs), "total": sum(r["v"] for r in rs)}
           for w, rs in sorted(group(good, lambda r: tumble(r["_t"], 10 * SECOND)).items())]
    errors = [{"reason": "decode", "raw": '{"v": 1, "ts": '}, {"reason": "decode", "raw": "{oops}"},
              {"reason": "late", "raw": late}]
    return Case(q, {"err04_src.jsonl": lines}, {"err04_out": out}, errors)


@case("src01_glob_path")
def src01():
    """A file source whose path is a glob reads every matching file (no watermark; the output
    is compared as a multiset, so the order of files does not matter)."""
    parts = {"src01_part_a.jsonl": [("a1", 1), ("a2", 2)], "src01_part_b.jsonl": [("b1", 3)],
             "src01_part_c.jsonl": [("c1", 4), ("c2", 5), ("c3", 6)]}
    data = {f: jlines([{"id": i, "n": n} for i, n in rows]) for f, rows in parts.items()}
    q = """
CREATE STREAM src01_all (id STRING, n INT)
  WITH (connector = 'file', path = 'src01_part_*.jsonl', format = 'json');

CREATE STREAM src01_out %s AS SELECT id, n * 10 AS n10 FROM src01_all;
""" % sink("src01_out")
    out = [{"id": i, "n10": n * 10} for rows in parts.values() for i, n in rows]
    return Case(q, data, {"src01_out": out})


@case("lx03_lexical_corners")
def lx03():
    """Comment markers inside string literals are text; function names in any case; columns
    named like keywords, quoted ("select", `from`); nested comments are not assumed."""
    rows = [{"id": 1, "select": "a -- b", "from": 10}, {"id": 2, "select": "/* c */", "from": -3},
            {"id": 3, "select": "plain", "from": None}]
    q = """
CREATE STREAM lx03_src (id INT, "select" STRING, `from` INT)
  WITH (connector = 'file', path = 'lx03_src.jsonl', format = 'json');

CREATE STREAM lx03_out %s AS
  SELECT id, "select" AS sel, '-- not a comment' AS dashes, '/* nor this */' AS stars,
         upper("select") AS sel_up, Coalesce(`from`, 0) AS frm, abs(`from`) AS frm_abs
  FROM lx03_src -- a real comment
  WHERE "select" <> 'x -- y' /* a real block comment */ AND id > 0;
""" % sink("lx03_out")
    out = [{"id": r["id"], "sel": r["select"], "dashes": "-- not a comment", "stars": "/* nor this */",
            "sel_up": r["select"].upper(), "frm": r["from"] if r["from"] is not None else 0,
            "frm_abs": None if r["from"] is None else abs(r["from"])} for r in rows]
    return Case(q, {"lx03_src.jsonl": jlines(rows)}, {"lx03_out": out})


@case("err05_shared_error_sink")
def err05():
    """Two sources naming the same error_sink folder: the records of both arrive (neither
    source's records overwrite the other's)."""
    a = [jline({"id": 1, "v": 1}), '{"id": 2, "v": ', jline({"id": 3, "v": 3})]
    b = [jline({"id": 10, "v": 10}), jline({"id": 11, "v": "eleven"}), jline({"id": 12, "v": 12}), "]["]
    q = """
CREATE STREAM err05_a (id INT, v INT)
  WITH (connector = 'file', path = 'err05_a.jsonl', format = 'json', error_sink = 'file://errors/shared/');
CREATE STREAM err05_b (id INT, v INT)
  WITH (connector = 'file', path = 'err05_b.jsonl', format = 'json', error_sink = 'file://errors/shared/');

CREATE STREAM err05_out_a %s AS SELECT id, v FROM err05_a;
CREATE STREAM err05_out_b %s AS SELECT id, v FROM err05_b;
""" % (sink("err05_out_a"), sink("err05_out_b"))
    errors = [{"reason": "decode", "raw": '{"id": 2, "v": '}, {"reason": "schema", "raw": b[1]},
              {"reason": "decode", "raw": "]["}]
    return Case(q, {"err05_a.jsonl": a, "err05_b.jsonl": b},
                {"err05_out_a": [{"id": 1, "v": 1}, {"id": 3, "v": 3}],
                 "err05_out_b": [{"id": 10, "v": 10}, {"id": 12, "v": 12}]}, errors)


@case("err06_late_through_inprocess")
def err06():
    """A row that is late at a window fed by an in-process stream is sent to the error sink of
    the source it came from; a row that is behind but removed by the WHERE before the window
    has no window, so it is not late."""
    t0 = ms("2026-04-14T00:00:00.000Z")
    spec = [(0, 1), (4, 2), (9, 3), (13, 4), (22, 5), (31, 6), (3, 7), (35, 8), (5, -9), (44, 10), (52, 11),
            (21, 12), (58, 13)]
    rows = [{"v": v, "_t": t0 + s * SECOND} for s, v in spec]
    late = late_rows([r for r in rows if r["v"] >= 0], SECOND, lambda t: [tumble(t, 10 * SECOND)], 0)
    lines = jlines(mixed_ts(rows))
    q = """
CREATE STREAM err06_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'err06_src.jsonl', format = 'json', error_sink = 'file://errors/err06/');

CREATE STREAM err06_mid AS SELECT v, ts FROM err06_src WHERE v >= 0;

CREATE TABLE err06_out %s AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM err06_mid
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
""" % sink("err06_out")
    passed = [r for r in rows if r["v"] >= 0]
    kept = [r for r, lt in zip(passed, late) if not lt]
    out = [{"window_start": iso(w[0]), "n": len(rs), "total": sum(r["v"] for r in rs)}
           for w, rs in sorted(group(kept, lambda r: tumble(r["_t"], 10 * SECOND)).items())]
    late_lines = {id(r) for r, lt in zip(passed, late) if lt}
    errors = [{"reason": "late", "raw": line} for r, line in zip(rows, lines) if id(r) in late_lines]
    assert len(errors) == 2
    return Case(q, {"err06_src.jsonl": lines}, {"err06_out": out}, errors)


@case("x_limit_with_other_query")
def x_limit_other():
    """LIMIT ends its own query only: another query over the same source still writes every
    row. Marked x_: SQL.md describes LIMIT for transient queries."""
    from cases_misc import Q_DECL, Q_ROWS
    q = Q_DECL + """
CREATE STREAM xl2_first %s AS SELECT id FROM q_src LIMIT 2;
CREATE STREAM xl2_all %s AS SELECT id, name FROM q_src;
""" % (sink("xl2_first"), sink("xl2_all"))
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)},
                {"xl2_first": [{"id": r["id"]} for r in Q_ROWS[:2]],
                 "xl2_all": [{"id": r["id"], "name": r["name"]} for r in Q_ROWS]})


@case("q04_alias_shadowing")
def q04():
    """WHERE sees the FROM columns, not the select list's aliases (`v * 2 AS v ... WHERE v > 4`
    filters on the source's v), while a WHERE over a derived table sees the derived columns."""
    from cases_misc import Q_DECL, Q_ROWS
    q = Q_DECL + """
CREATE STREAM q04_inner %s AS
  SELECT id, v * 2 AS v FROM q_src WHERE v > 4;

CREATE STREAM q04_outer %s AS
  SELECT t.id, t.v FROM (SELECT id, v * 2 AS v FROM q_src) AS t WHERE t.v > 4;
""" % (sink("q04_inner"), sink("q04_outer"))
    inner = [{"id": r["id"], "v": r["v"] * 2} for r in Q_ROWS if r["v"] is not None and r["v"] > 4]
    outer = [{"id": r["id"], "v": r["v"] * 2} for r in Q_ROWS if r["v"] is not None and r["v"] * 2 > 4]
    assert inner != outer
    return Case(q, {"q_src.jsonl": jlines(Q_ROWS)}, {"q04_inner": inner, "q04_outer": outer})


@case("j09_lookup_then_window")
def j09():
    """A stream-table join into an in-process stream that keeps the stream's event time column,
    then a tumbling window over it grouped by a table column."""
    from cases_join import CUSTOMERS
    q = TABLE_DECLS + """
CREATE STREAM j09_enriched AS
  SELECT o.order_id, c.tier, o.amount, o.ts
  FROM st_orders o JOIN st_customers c ON o.customer_id = c.id;

CREATE TABLE j09_by_tier %s AS
  SELECT tier, window_start, COUNT(*) AS n, SUM(amount) AS total
  FROM j09_enriched
  WINDOW TUMBLING (SIZE 30 SECONDS)
  GROUP BY tier
  EMIT FINAL;
""" % sink("j09_by_tier")
    assert CUSTOMERS
    rows = []
    for o, c, a, s in SHOP:
        hit = None if c is None else latest(c, C0 + s * SECOND)
        if hit is not None:
            rows.append({"tier": hit[1], "amount": a, "_t": C0 + s * SECOND})
    out = [{"tier": t, "window_start": iso(w[0]), "n": len(rs), "total": sum(r["amount"] for r in rs)}
           for (t, w), rs in sorted(group(rows, lambda r: (r["tier"], tumble(r["_t"], 30 * SECOND))).items())]
    return Case(q, table_data(), {"j09_by_tier": out})


@case("ty04_no_trailing_newline")
def ty04():
    """The last line of a JSON-lines file without a final newline is still a row."""
    text = '{"id":1,"s":"a"}\n{"id":2,"s":"b"}\n{"id":3,"s":"last"}'
    q = """
CREATE STREAM ty04_src (id INT, s STRING)
  WITH (connector = 'file', path = 'ty04_src.jsonl', format = 'json');

CREATE STREAM ty04_out %s AS SELECT id, s FROM ty04_src;
""" % sink("ty04_out")
    return Case(q, {"ty04_src.jsonl": text}, {"ty04_out": [{"id": 1, "s": "a"}, {"id": 2, "s": "b"}, {"id": 3, "s": "last"}]})


@case("ty05_crlf_lines")
def ty05():
    """CRLF line endings: JSON lines (the CR is JSON whitespace) and CSV (RFC 4180's own line
    ending: the CR is not part of the last field)."""
    js = '{"id":1,"s":"a"}\r\n{"id":2,"s":"b"}\r\n'
    cs = 'id,s,x\r\n1,a,1.5\r\n2,"b, c",2.5\r\n'
    q = """
CREATE STREAM ty05_json (id INT, s STRING)
  WITH (connector = 'file', path = 'ty05_src.jsonl', format = 'json');
CREATE STREAM ty05_csv (id INT, s STRING, x DOUBLE)
  WITH (connector = 'file', path = 'ty05_src.csv', format = 'csv');

CREATE STREAM ty05_out_json %s AS SELECT id, CONCAT(s, '|') AS s FROM ty05_json;
CREATE STREAM ty05_out_csv %s AS SELECT id, CONCAT(s, '|') AS s, x * 2 AS x2 FROM ty05_csv;
""" % (sink("ty05_out_json"), sink("ty05_out_csv"))
    return Case(q, {"ty05_src.jsonl": js, "ty05_src.csv": cs},
                {"ty05_out_json": [{"id": 1, "s": "a|"}, {"id": 2, "s": "b|"}],
                 "ty05_out_csv": [{"id": 1, "s": "a|", "x2": 3.0}, {"id": 2, "s": "b, c|", "x2": 5.0}]})


@case("ex12_expression_corners")
def ex12():
    """Parsing and typing corners: an integer literal beyond INT is a BIGINT, unary minus with %,
    `NOT a = b` is NOT (a = b), BETWEEN ... AND ... AND ..., IN with expressions and columns in
    the list, COALESCE widening INT to DOUBLE, a NULL literal, nested calls."""
    data = [(1, 1, "  abcdef "), (2, 5, "xy"), (5, 2, None), (None, 3, "   "), (4, 4, "Q")]
    rows = [{"id": i, "a": a, "b": b, "s": s} for i, (a, b, s) in enumerate(data, 1)]
    q = """
CREATE STREAM ex12_src (id INT, a INT, b INT, s STRING)
  WITH (connector = 'file', path = 'ex12_src.jsonl', format = 'json');

CREATE STREAM ex12_out %s AS
  SELECT id, a + 3000000000 AS big, -7 %% 3 AS neg_mod, 2 - -3 AS minus_neg, -a * 2 AS neg_times,
         NOT a = b AS not_eq, a BETWEEN 1 AND 4 AND b > 2 AS btw_and, a + 1 IN (2, b, 10) AS in_exprs,
         COALESCE(a, 0.5) AS widened, NULL AS nothing, CAST(NULL AS INT) AS typed_null,
         UPPER(SUBSTRING(TRIM(s), 1, 3)) AS nested, LENGTH(TRIM(s)) AS trimmed_len
  FROM ex12_src;
""" % sink("ex12_out")
    from sqlo import in3, not3, between3
    out = []
    for r in rows:
        a, b, s = r["a"], r["b"], r["s"]
        t = None if s is None else s.strip(" ")
        out.append({"id": r["id"], "big": add(a, 3000000000), "neg_mod": -1, "minus_neg": 5,
                    "neg_times": None if a is None else -a * 2, "not_eq": not3(cmp3(op.eq, a, b)),
                    "btw_and": and3(between3(a, 1, 4), cmp3(op.gt, b, 2)),
                    "in_exprs": in3(add(a, 1), [2, b, 10]), "widened": 0.5 if a is None else float(a),
                    "nothing": None, "typed_null": None, "nested": None if t is None else t[:3].upper(),
                    "trimmed_len": None if t is None else len(t)})
    return Case(q, {"ex12_src.jsonl": jlines(rows)}, {"ex12_out": out})


@case("fn09_literal_patterns")
def fn09():
    """REPLACE and SPLIT take their search text literally ('.' and '|' are not regular
    expressions); in SQL string literals a backslash is an ordinary character, so
    REGEXP_EXTRACT(s, '(\\d+)\\.(\\d+)', 2) sees RE2's \\d and \\.; LIKE with a pattern built
    from a column."""
    data = [("v12.34", "a.b.c", "x|y|z", "ab"), ("no dots", "a.b", "p|q", "no"), ("3.14 and 2.71", "...", "|", "zz"),
            (None, None, None, None)]
    rows = [{"id": i, "s": s, "dots": d, "pipes": p, "prefix": pr} for i, (s, d, p, pr) in enumerate(data, 1)]
    q = r"""
CREATE STREAM fn09_src (id INT, s STRING, dots STRING, pipes STRING, prefix STRING)
  WITH (connector = 'file', path = 'fn09_src.jsonl', format = 'json');

CREATE STREAM fn09_out %s AS
  SELECT id, REPLACE(dots, '.', '-') AS dashed, SPLIT(dots, '.')[2] AS dot2, SPLIT(pipes, '|')[2] AS pipe2,
         REGEXP_EXTRACT(s, '(\d+)\.(\d+)', 2) AS decimals, REGEXP_EXTRACT(s, '\d+') AS first_int,
         s LIKE CONCAT(prefix, '%%') AS has_prefix, 'back\slash' AS literal
  FROM fn09_src;
""" % sink("fn09_out")
    import re

    def split_at(v, sep, i):
        if v is None:
            return None
        p = v.split(sep)
        return p[i - 1] if i <= len(p) else None

    def ext(v, rx, g=0):
        if v is None:
            return None
        m = re.search(rx, v)
        return None if m is None else m.group(g)
    out = []
    for r in rows:
        s, d, p, pr = r["s"], r["dots"], r["pipes"], r["prefix"]
        out.append({"id": r["id"], "dashed": None if d is None else d.replace(".", "-"), "dot2": split_at(d, ".", 2),
                    "pipe2": split_at(p, "|", 2), "decimals": ext(s, r"(\d+)\.(\d+)", 2), "first_int": ext(s, r"\d+"),
                    "has_prefix": None if s is None or pr is None else s.startswith(pr), "literal": "back\\slash"})
    return Case(q, {"fn09_src.jsonl": jlines(rows)}, {"fn09_out": out})


@case("w13_windows_before_1970")
def w13():
    """Epoch-aligned windows also before 1970 (negative epoch milliseconds): a row at
    1969-12-31T23:59:50Z is in the 15-second window starting 23:59:45, not one starting at 0."""
    t0 = ms("1969-12-31T23:59:30.000Z")
    offs = [0, 7_500, 14_999, 15_000, 20_000, 29_999, 30_000, 35_000, 44_999, 45_000, 52_000]
    rows = [{"v": i + 1, "_t": t0 + o} for i, o in enumerate(offs)]
    q = """
CREATE STREAM w13_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w13_src.jsonl', format = 'json');

CREATE TABLE w13_out %s AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w13_src
  WINDOW TUMBLING (SIZE 15 SECONDS)
  EMIT FINAL;
""" % sink("w13_out")
    out = [{"window_start": iso(w[0]), "window_end": iso(w[1]), "n": len(rs), "total": sum(r["v"] for r in rs)}
           for w, rs in sorted(group(rows, lambda r: tumble(r["_t"], 15 * SECOND)).items())]
    data = [{"v": r["v"], "ts": iso(r["_t"])} for r in rows]
    return Case(q, {"w13_src.jsonl": jlines(data)}, {"w13_out": out})


@case("w14_epoch_alignment")
def w14():
    """Windows are aligned to the epoch, not to the first row, the hour or the day: 7-minute
    tumbling windows and 5-minute windows hopping by 3 minutes."""
    rnd = random.Random(14)
    t0 = ms("2026-04-15T10:02:00.000Z")
    rows = [{"v": rnd.randint(1, 9), "_t": t0 + o} for o in sorted(rnd.randint(0, 40 * MINUTE) for _ in range(40))]
    q = """
CREATE STREAM w14_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w14_src.jsonl', format = 'json');

CREATE TABLE w14_sevens %s AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w14_src
  WINDOW TUMBLING (SIZE 7 MINUTES)
  EMIT FINAL;

CREATE TABLE w14_hops %s AS
  SELECT window_start, window_end, COUNT(*) AS n
  FROM w14_src
  WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 3 MINUTES)
  EMIT FINAL;
""" % (sink("w14_sevens"), sink("w14_hops"))
    sevens = [{"window_start": iso(w[0]), "window_end": iso(w[1]), "n": len(rs), "total": sum(r["v"] for r in rs)}
              for w, rs in sorted(group(rows, lambda r: tumble(r["_t"], 7 * MINUTE)).items())]
    assert any((w[0] // MINUTE) % 60 not in (0, 2) for w in [tumble(r["_t"], 7 * MINUTE) for r in rows])
    g = {}
    for r in rows:
        for w in hops(r["_t"], 5 * MINUTE, 3 * MINUTE):
            g.setdefault(w, []).append(r)
    hop = [{"window_start": iso(s), "window_end": iso(e), "n": len(rs)} for (s, e), rs in sorted(g.items())]
    return Case(q, {"w14_src.jsonl": jlines(mixed_ts(rows))}, {"w14_sevens": sevens, "w14_hops": hop})


@case("sqlmd01_example_pipeline")
def sqlmd01():
    """SQL.md's own example pipeline (orders -> big_orders -> revenue), with `amount` kept in
    big_orders so that revenue's SUM(amount) binds: WHERE, DEDUPLICATE BY ... WITHIN 1 HOUR,
    UPPER, a 10-second tumbling window with a 2-second grace period over an in-process stream,
    late rows (judged at the window with the source's watermark, which every row read
    advances) sent to the source's error sink; a duplicate or filtered row is never late."""
    rnd = random.Random(1125)
    t0 = ms("2026-11-25T10:00:00.000Z")
    rows, n = [], 0
    for i in range(70):
        base = t0 + i * 1000
        if i > 5 and i % 9 == 0:  # a duplicate of a recent order, other amount
            src = rows[-rnd.randint(1, 5)]
            rows.append(dict(src, amount=round(rnd.uniform(11, 99), 2), _t=base + rnd.randint(0, 3000)))
            continue
        n += 1
        rows.append({"event_id": "o%03d" % n, "customer_id": "c%d" % rnd.randint(1, 9),
                     "amount": round(rnd.uniform(1, 60), 2), "country": rnd.choice(["de", "DE", "fr", "Fr", "us", None]),
                     "_t": base + rnd.randint(0, 3000)})
    # Late rows, 40 s behind: unique and passing the filter (late), a small one (filtered, not
    # late), a duplicate of an early order (deduplicated, not late).
    rows.insert(50, {"event_id": "late1", "customer_id": "c1", "amount": 50.0, "country": "de", "_t": rows[49]["_t"] - 40_000})
    rows.insert(58, {"event_id": "late2", "customer_id": "c2", "amount": 20.0, "country": None, "_t": rows[57]["_t"] - 45_000})
    rows.insert(60, {"event_id": "late3", "customer_id": "c3", "amount": 5.0, "country": "fr", "_t": rows[59]["_t"] - 40_000})
    rows.insert(66, dict(rows[3], _t=rows[65]["_t"] - 50_000))
    lines = jlines(mixed_ts(rows))
    q = """
CREATE STREAM orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'file', path = 'sqlmd01_orders.jsonl', format = 'json',
        error_sink = 'file://errors/orders/');

CREATE STREAM big_orders AS
  SELECT event_id, customer_id, amount, amount * 100 AS cents, UPPER(country) AS country, ts
  FROM orders
  WHERE amount > 10
  DEDUPLICATE BY event_id WITHIN INTERVAL '1' HOUR;

CREATE TABLE revenue WITH (connector = 'file', path = 'out/revenue.jsonl', format = 'json') AS
  SELECT country, window_start, window_end, COUNT(*) AS orders, SUM(amount) AS revenue
  FROM big_orders
  WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 2 SECONDS)
  GROUP BY country
  EMIT FINAL;

CREATE STREAM big_orders_out WITH (connector = 'file', path = 'out/big_orders_out.jsonl', format = 'json') AS
  SELECT event_id, cents, country FROM big_orders;
"""
    top, seen, big, kept, errors = None, {}, [], [], []
    for r, line in zip(rows, lines):
        wm = None if top is None else top - 5 * SECOND
        top = r["_t"] if top is None else max(top, r["_t"])
        if not r["amount"] > 10:
            continue
        if r["event_id"] in seen:
            assert r["_t"] - seen[r["event_id"]] < HOUR_MS
            continue
        seen[r["event_id"]] = r["_t"]
        big.append({"event_id": r["event_id"], "cents": r["amount"] * 100,
                    "country": None if r["country"] is None else r["country"].upper()})
        end = tumble(r["_t"], 10 * SECOND)[1]
        assert wm is None or abs(wm - (end + 2 * SECOND)) >= SECOND
        if wm is not None and wm >= end + 2 * SECOND:
            errors.append({"reason": "late", "raw": line})
        else:
            kept.append(dict(r, country=big[-1]["country"]))
    assert [e["raw"] for e in errors] == [l for l in lines if '"late1"' in l or '"late2"' in l]
    rev = [{"country": c, "window_start": iso(w[0]), "window_end": iso(w[1]), "orders": len(rs),
            "revenue": sum(r["amount"] for r in rs)}
           for (c, w), rs in group(kept, lambda r: (r["country"], tumble(r["_t"], 10 * SECOND))).items()]
    return Case(q, {"sqlmd01_orders.jsonl": lines}, {"revenue": rev, "big_orders_out": big}, errors)


HOUR_MS = 3_600_000


@case("w15_session_no_group_by")
def w15():
    """A session WINDOW without GROUP BY: all rows form one key, so sessions split only on
    gaps of 10 s or more in the whole stream; the event-time column is the first column and is
    not named ts."""
    t0 = ms("2026-04-16T00:00:00.000Z")
    offs = [0, 3, 9, 18.5, 29, 45, 47, 70, 79.9, 95]
    rows = [{"v": i + 1, "_t": t0 + int(o * SECOND)} for i, o in enumerate(offs)]
    q = """
CREATE STREAM w15_src (event_time TIMESTAMP, v INT, WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w15_src.jsonl', format = 'json');

CREATE TABLE w15_out %s AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w15_src
  WINDOW SESSION (10 SECONDS)
  EMIT FINAL;
""" % sink("w15_out")
    from cases_window import sessions
    by_t = {r["_t"]: r for r in rows}
    out = [{"window_start": iso(s[0]), "window_end": iso(s[-1] + 10 * SECOND), "n": len(s),
            "total": sum(by_t[t]["v"] for t in s)} for s in sessions(sorted(by_t), 10 * SECOND)]
    data = [{"event_time": iso(r["_t"]) if i % 2 else r["_t"], "v": r["v"]} for i, r in enumerate(rows)]
    return Case(q, {"w15_src.jsonl": jlines(data)}, {"w15_out": out})


@case("w16_watermark_without_delay")
def w16():
    """`WATERMARK FOR t AS t` (no delay): a row behind the largest time read so far whose window
    has already ended is late at once; one behind it but in a window still open is counted."""
    t0 = ms("2026-04-17T00:00:00.000Z")
    spec = [(1, 1), (5, 2), (12, 3), (8, 4), (11, 5), (25, 6), (19.5, 7), (21, 8), (33, 9)]
    rows = [{"v": v, "_t": t0 + int(s * SECOND)} for s, v in spec]
    late = late_rows(rows, 0, lambda t: [tumble(t, 10 * SECOND)], 0)
    lines = jlines([{"t": r["_t"], "v": r["v"]} for r in rows])
    q = """
CREATE STREAM w16_src (t TIMESTAMP, v INT, WATERMARK FOR t AS t)
  WITH (connector = 'file', path = 'w16_src.jsonl', format = 'json', error_sink = 'file://errors/w16/');

CREATE TABLE w16_out %s AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM w16_src
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
""" % sink("w16_out")
    kept = [r for r, lt in zip(rows, late) if not lt]
    out = [{"window_start": iso(w[0]), "n": len(rs), "total": sum(r["v"] for r in rs)}
           for w, rs in sorted(group(kept, lambda r: tumble(r["_t"], 10 * SECOND)).items())]
    errors = [{"reason": "late", "raw": line} for line, lt in zip(lines, late) if lt]
    assert len(errors) == 2
    return Case(q, {"w16_src.jsonl": lines}, {"w16_out": out}, errors)
