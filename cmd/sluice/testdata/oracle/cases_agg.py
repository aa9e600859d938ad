"""Cases on aggregates: every aggregate of SQL.md (approximate ones only where they must be
exact), GROUP BY + HAVING, expressions over aggregates, and EMIT CHANGES. Aggregations run in
event-time windows with EMIT FINAL so that each group's row is emitted once; the oracles group
rows in Python and compute each aggregate from its SQL meaning (NULLs skipped by everything
but COUNT(*); SUM/MIN/MAX/AVG of no non-NULL value is NULL)."""
import random

from sqlo import (HOUR, MINUTE, SECOND, Case, case, idiv, iso, jlines, ms, round_half_away,
                  tumble)
from cases_window import group, mixed_ts, readings


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


def nonnull(rs, k):
    return [r[k] for r in rs if r[k] is not None]


def opt(f, xs):
    return f(xs) if xs else None


@case("agg01_basic_aggregates")
def agg01():
    """COUNT(*), COUNT(x) skipping NULLs, COUNT(DISTINCT s), SUM of INT and of DOUBLE, AVG, MIN
    and MAX of INT, DOUBLE, STRING and TIMESTAMP; a group whose values are all NULL; a NULL key."""
    t0 = ms("2026-02-10T08:00:00.000Z")
    spec = [
        ("g1", 3, 1.5, "b"), ("g1", -2, None, "a"), ("g2", None, None, None), ("g1", 10, 4.25, "b"),
        ("g3", 7, -0.5, "z"), ("g1", None, 2.0, None), ("g2", None, None, None), (None, 1, 1.0, "n"),
        ("g1", 0, -3.75, "c"), (None, 2, None, "n"), ("g1", 5, 0.5, "a"),
    ]
    rows = [{"grp": g, "i": i, "x": x, "s": s, "_t": t0 + k * 7 * MINUTE}
            for k, (g, i, x, s) in enumerate(spec)]
    q = """
CREATE STREAM agg01_src (grp STRING, i INT, x DOUBLE, s STRING, ts TIMESTAMP,
                         WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg01_src.jsonl', format = 'json');

CREATE TABLE agg01_out %s AS
  SELECT grp, window_start, COUNT(*) AS n, COUNT(x) AS n_x, COUNT(DISTINCT s) AS n_s,
         SUM(i) AS sum_i, SUM(x) AS sum_x, AVG(x) AS avg_x, MIN(i) AS min_i, MAX(i) AS max_i,
         MIN(x) AS min_x, MAX(x) AS max_x, MIN(s) AS min_s, MAX(s) AS max_s,
         MIN(ts) AS first_ts, MAX(ts) AS last_ts
  FROM agg01_src
  WINDOW TUMBLING (SIZE 2 HOURS)
  GROUP BY grp
  EMIT FINAL;
""" % sink("agg01_out")
    out = []
    for (g, w), rs in group(rows, lambda r: (r["grp"], tumble(r["_t"], 2 * HOUR))).items():
        xs, is_, ss = nonnull(rs, "x"), nonnull(rs, "i"), nonnull(rs, "s")
        ts = [r["_t"] for r in rs]
        out.append({"grp": g, "window_start": iso(w[0]), "n": len(rs), "n_x": len(xs), "n_s": len(set(ss)),
                    "sum_i": opt(sum, is_), "sum_x": opt(sum, xs), "avg_x": opt(lambda v: sum(v) / len(v), xs),
                    "min_i": opt(min, is_), "max_i": opt(max, is_), "min_x": opt(min, xs), "max_x": opt(max, xs),
                    "min_s": opt(min, ss), "max_s": opt(max, ss), "first_ts": iso(min(ts)), "last_ts": iso(max(ts))})
    return Case(q, {"agg01_src.jsonl": jlines(mixed_ts(rows))}, {"agg01_out": out})


@case("agg02_earliest_latest")
def agg02():
    """EARLIEST(x) and LATEST(x): the value of the first and last row of the group. Rows are in
    event-time order (so arrival order and event-time order agree) and the first and last row of
    every group hold non-NULL values (so whether NULLs are skipped does not matter)."""
    t0 = ms("2026-02-11T00:00:00.000Z")
    spec = [("a", 1.5, "first-a"), ("b", 10.0, "first-b"), ("a", None, None), ("a", 2.5, "mid-a"),
            ("c", 7.0, "only-c"), ("b", None, "mid-b"), ("a", -4.0, "last-a"), ("b", 20.0, "last-b")]
    rows = [{"k": k, "x": x, "s": s, "_t": t0 + i * 90 * SECOND} for i, (k, x, s) in enumerate(spec)]
    q = """
CREATE STREAM agg02_src (k STRING, x DOUBLE, s STRING, ts TIMESTAMP,
                         WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg02_src.jsonl', format = 'json');

CREATE TABLE agg02_out %s AS
  SELECT k, EARLIEST(x) AS first_x, LATEST(x) AS last_x, EARLIEST(s) AS first_s, LATEST(s) AS last_s
  FROM agg02_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY k
  EMIT FINAL;
""" % sink("agg02_out")
    out = []
    for (k, _), rs in group(rows, lambda r: (r["k"], tumble(r["_t"], HOUR))).items():
        out.append({"k": k, "first_x": rs[0]["x"], "last_x": rs[-1]["x"], "first_s": rs[0]["s"],
                    "last_s": rs[-1]["s"]})
    return Case(q, {"agg02_src.jsonl": jlines(mixed_ts(rows))}, {"agg02_out": out})


@case("agg03_topk")
def agg03():
    """TOPK(x, n): an ARRAY of the n largest values, largest first; fewer values give a shorter
    array. Values within a group are distinct and non-NULL (so duplicate handling does not
    matter)."""
    t0 = ms("2026-02-12T00:00:00.000Z")
    vals = {"g1": [5, 9, 1, 7, 3], "g2": [4, 2], "g3": [8, 6, 10], "g4": [-1, -5, 0, -3]}
    seq = [(g, v) for i in range(5) for g, vs in sorted(vals.items()) if i < len(vs) for v in [vs[i]]]
    rows = [{"g": g, "v": v, "_t": t0 + i * SECOND} for i, (g, v) in enumerate(seq)]
    q = """
CREATE STREAM agg03_src (g STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg03_src.jsonl', format = 'json');

CREATE TABLE agg03_out %s AS
  SELECT g, TOPK(v, 3) AS top3
  FROM agg03_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY g
  EMIT FINAL;
""" % sink("agg03_out")
    out = [{"g": g, "top3": sorted(vs, reverse=True)[:3]} for g, vs in sorted(vals.items())]
    return Case(q, {"agg03_src.jsonl": jlines(mixed_ts(rows))}, {"agg03_out": out})


@case("agg04_approx_tiny")
def agg04():
    """APPROX_COUNT_DISTINCT on groups of at most 4 distinct values (any sketch is exact there)
    and APPROX_PERCENTILE(x, p) on groups whose values are all equal (every percentile is that
    value)."""
    t0 = ms("2026-02-13T00:00:00.000Z")
    spec = [("g1", "a", 2.5), ("g2", "x", 7.0), ("g1", "b", 2.5), ("g3", "p", -1.0), ("g1", "a", 2.5),
            ("g3", "q", -1.0), ("g1", "c", 2.5), ("g3", "r", -1.0), ("g3", "s", -1.0), ("g3", "p", -1.0)]
    rows = [{"g": g, "s": s, "x": x, "_t": t0 + i * SECOND} for i, (g, s, x) in enumerate(spec)]
    q = """
CREATE STREAM agg04_src (g STRING, s STRING, x DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg04_src.jsonl', format = 'json');

CREATE TABLE agg04_out %s AS
  SELECT g, APPROX_COUNT_DISTINCT(s) AS distinct_s, APPROX_PERCENTILE(x, 0.5) AS median_x,
         APPROX_PERCENTILE(x, 0.9) AS p90_x
  FROM agg04_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY g
  EMIT FINAL;
""" % sink("agg04_out")
    out = []
    for g, rs in sorted(group(rows, lambda r: r["g"]).items()):
        xs = {r["x"] for r in rs}
        assert len(xs) == 1
        out.append({"g": g, "distinct_s": len({r["s"] for r in rs}), "median_x": xs.pop(),
                    "p90_x": rs[0]["x"]})
    return Case(q, {"agg04_src.jsonl": jlines(mixed_ts(rows))}, {"agg04_out": out})


@case("agg05_group_having")
def agg05():
    """GROUP BY two keys (one of them sometimes NULL) with HAVING over aggregates that are not in
    the select list (readings.jsonl, 1-minute windows)."""
    rows = readings()
    q = """
CREATE STREAM readings (
  sensor   STRING NOT NULL,
  site     STRING,
  temp     DOUBLE,
  humidity INT,
  ts       TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (connector = 'file', path = 'readings.jsonl', format = 'json');

CREATE TABLE agg05_busy %s AS
  SELECT site, sensor, window_start, COUNT(*) AS n, AVG(temp) AS avg_temp
  FROM readings
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY site, sensor
  HAVING COUNT(*) >= 2 AND MAX(temp) > 25
  EMIT FINAL;
""" % sink("agg05_busy")
    out = []
    for (site, sensor, w), rs in group(rows, lambda r: (r["site"], r["sensor"], tumble(r["_t"], MINUTE))).items():
        temps = [r["temp"] for r in rs]
        if len(rs) >= 2 and max(temps) > 25:
            out.append({"site": site, "sensor": sensor, "window_start": iso(w[0]), "n": len(rs),
                        "avg_temp": sum(temps) / len(temps)})
    return Case(q, {}, {"agg05_busy": out})


@case("agg06_aggregate_expressions")
def agg06():
    """Expressions over aggregates and aggregates over expressions: SUM(v) / COUNT(*) on integers
    truncates, SUM(v * 2), MAX - MIN, ROUND(AVG(x)) half away from zero, CASE on COUNT(*),
    SUM(CASE ...)."""
    rnd = random.Random(6)
    t0 = ms("2026-02-14T00:00:00.000Z")
    rows = []
    for i in range(90):
        rows.append({"k": rnd.choice(["p", "q", "r"]), "v": rnd.randint(-20, 20),
                     "x": rnd.choice([0.5, 1.5, 2.5, -2.5, -0.5, 3.0, 1.25]), "_t": t0 + i * 20 * SECOND})
    q = """
CREATE STREAM agg06_src (k STRING, v INT, x DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg06_src.jsonl', format = 'json');

CREATE TABLE agg06_out %s AS
  SELECT k, window_start, SUM(v) / COUNT(*) AS int_mean, SUM(v * 2) AS twice, MAX(v) - MIN(v) AS spread,
         ROUND(AVG(x)) AS avg_x_rounded, CASE WHEN COUNT(*) > 5 THEN 'many' ELSE 'few' END AS size_class,
         SUM(CASE WHEN v > 5 THEN 1 ELSE 0 END) AS n_big
  FROM agg06_src
  WINDOW TUMBLING (SIZE 10 MINUTES)
  GROUP BY k
  EMIT FINAL;
""" % sink("agg06_out")
    out = []
    for (k, w), rs in group(rows, lambda r: (r["k"], tumble(r["_t"], 10 * MINUTE))).items():
        vs = [r["v"] for r in rs]
        xs = [r["x"] for r in rs]
        out.append({"k": k, "window_start": iso(w[0]), "int_mean": idiv(sum(vs), len(vs)),
                    "twice": sum(v * 2 for v in vs), "spread": max(vs) - min(vs),
                    "avg_x_rounded": round_half_away(sum(xs) / len(xs)),
                    "size_class": "many" if len(rs) > 5 else "few", "n_big": sum(1 for v in vs if v > 5)})
    return Case(q, {"agg06_src.jsonl": jlines(mixed_ts(rows))}, {"agg06_out": out})


@case("x_emit_changes")
def x_emit_changes():
    """EMIT CHANGES on a GROUP BY without window (no watermark): every input row changes its
    group's COUNT(*), so the sink holds one updated row per input row (the running count and
    sum of that row's group after it). Marked x_: it assumes one update per input row."""
    rnd = random.Random(41)
    rows = [{"user_id": rnd.choice(["ann", "bob", "cy"]), "v": rnd.randint(1, 9)} for _ in range(25)]
    q = """
CREATE STREAM xc_src (user_id STRING, v INT)
  WITH (connector = 'file', path = 'xc_src.jsonl', format = 'json');

CREATE TABLE xc_running %s AS
  SELECT user_id, COUNT(*) AS n, SUM(v) AS total
  FROM xc_src
  GROUP BY user_id
  EMIT CHANGES;
""" % sink("xc_running")
    state, out = {}, []
    for r in rows:
        n, t = state.get(r["user_id"], (0, 0))
        state[r["user_id"]] = (n + 1, t + r["v"])
        out.append({"user_id": r["user_id"], "n": n + 1, "total": t + r["v"]})
    return Case(q, {"xc_src.jsonl": jlines(rows)}, {"xc_running": out})


@case("x_emit_changes_window")
def x_emit_changes_window():
    """EMIT CHANGES on a tumbling window: every input row changes its window's COUNT(*), so the
    sink holds one updated row per input row, and nothing more when windows close. Marked x_:
    it assumes one update per input row."""
    t0 = ms("2026-02-15T00:00:00.000Z")
    rnd = random.Random(42)
    rows = [{"site": rnd.choice(["n", "s"]), "v": rnd.randint(1, 9), "_t": t0 + i * 7 * SECOND} for i in range(20)]
    q = """
CREATE STREAM xcw_src (site STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'xcw_src.jsonl', format = 'json');

CREATE TABLE xcw_running %s AS
  SELECT site, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM xcw_src
  WINDOW TUMBLING (SIZE 30 SECONDS)
  GROUP BY site
  EMIT CHANGES;
""" % sink("xcw_running")
    state, out = {}, []
    for r in rows:
        w = tumble(r["_t"], 30 * SECOND)
        n, t = state.get((r["site"], w), (0, 0))
        state[(r["site"], w)] = (n + 1, t + r["v"])
        out.append({"site": r["site"], "window_start": iso(w[0]), "window_end": iso(w[1]), "n": n + 1,
                    "total": t + r["v"]})
    return Case(q, {"xcw_src.jsonl": jlines(mixed_ts(rows))}, {"xcw_running": out})
