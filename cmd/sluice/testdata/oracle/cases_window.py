"""Cases on event-time windows: tumbling with GRACE PERIOD and late rows, hopping, session (with
merging), a WINDOW without GROUP BY, and window columns placed anywhere in the select list.
Every oracle assigns rows to windows with SQL.md's definitions ([k*d, (k+1)*d) epoch aligned;
hopping: every window containing the row; session: rows closer than the gap share a session,
window_start = first row, window_end = last row + gap) and, where rows are late, judges them row
by row with sqlo.late_rows (watermark = largest event time so far - delay; closed when the
watermark reaches window_end + grace)."""
import json
import os
import random

from sqlo import HOUR, MINUTE, SECOND, Case, case, hops, iso, jlines, late_rows, ms, tumble

HERE = os.path.dirname(os.path.abspath(__file__))


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


def mixed_ts(rows):
    """Writes event times alternately as epoch milliseconds and RFC 3339 text."""
    out = []
    for i, r in enumerate(rows):
        o = {k: v for k, v in r.items() if not k.startswith("_")}
        o["ts"] = r["_t"] if i % 2 == 0 else iso(r["_t"])
        out.append(o)
    return out


def group(rows, keyfn):
    g = {}
    for r in rows:
        g.setdefault(keyfn(r), []).append(r)
    return g


@case("w01_tumbling_grace_late")
def w01():
    """Tumbling 1 minute, GRACE PERIOD 30 seconds, watermark delay 5 seconds. Rows behind the
    watermark whose window is still within its grace period are counted; rows arriving after
    their window closed (at least 35 s after) go to the error sink with reason late, judged row
    by row in file order. The late rows follow the row that closed their window within 2 rows,
    so this case also checks that lateness is judged per row, not per batch of rows."""
    t0 = ms("2026-02-01T10:00:00.000Z")
    spec = [(5, "north", 1), (12, "south", 2), (30, "north", 3), (55, "south", 4), (62, "north", 5),
            (50, "north", 6), (80, "south", 7), (40, "south", 8), (130, "north", 9), (58, "north", 10),
            (70, "south", 11), (200, "north", 12), (90, "south", 13), (135, "north", 14),
            (240, "south", 15), (179, "south", 16), (270, "north", 17)]
    rows = [{"site": s, "v": v, "_t": t0 + sec * SECOND} for sec, s, v in spec]
    size, grace, delay = MINUTE, 30 * SECOND, 5 * SECOND
    late = late_rows(rows, delay, lambda t: [tumble(t, size)], grace)
    lines = jlines(mixed_ts(rows))
    q = """
CREATE STREAM w01_events (
  site STRING,
  v    INT,
  ts   TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'file', path = 'w01_events.jsonl', format = 'json',
        error_sink = 'file://errors/w01/');

CREATE TABLE w01_counts %s AS
  SELECT site, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w01_events
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 30 SECONDS)
  GROUP BY site
  EMIT FINAL;
""" % sink("w01_counts")
    kept = [r for r, lt in zip(rows, late) if not lt]
    out = []
    for (site, (ws, we)), rs in sorted(group(kept, lambda r: (r["site"], tumble(r["_t"], size))).items()):
        out.append({"site": site, "window_start": iso(ws), "window_end": iso(we), "n": len(rs),
                    "total": sum(r["v"] for r in rs)})
    errors = [{"reason": "late", "raw": line} for line, lt in zip(lines, late) if lt]
    assert len(errors) == 3
    return Case(q, {"w01_events.jsonl": lines}, {"w01_counts": out}, errors)


@case("w02_late_after_1000_rows")
def w02():
    """Late rows that stay late however the watermark is batched: SQL.md lets a source advance
    its watermark only every 1,000 rows, so each late row here comes more than 1,000 rows after
    the rows that closed its window (tumbling 10 s, no grace, delay 1 s)."""
    rnd = random.Random(2)
    t0 = ms("2026-02-03T00:00:00.000Z")
    rows = [{"k": "abc"[i % 3], "v": rnd.randint(0, 9), "_t": t0 + i * 100} for i in range(1400)]
    for pos, sec in [(1350, 3.3), (1300, 12.5), (1200, 5.0)]:
        rows.insert(pos, {"k": "b", "v": 100, "_t": t0 + int(sec * SECOND)})
    size, delay = 10 * SECOND, SECOND
    late = late_rows(rows, delay, lambda t: [tumble(t, size)], 0)
    for p, lt in enumerate(late):
        if lt:  # the first row after which the watermark had closed this row's window
            end = tumble(rows[p]["_t"], size)[1]
            closer = next(i for i, r in enumerate(rows) if r["_t"] - delay >= end)
            assert p - closer > 1000, (p, closer)
    lines = jlines(mixed_ts(rows))
    q = """
CREATE STREAM w02_ticks (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w02_ticks.jsonl', format = 'json', error_sink = 'file://errors/w02/');

CREATE TABLE w02_sums %s AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w02_ticks
  WINDOW TUMBLING (SIZE 10 SECONDS)
  GROUP BY k
  EMIT FINAL;
""" % sink("w02_sums")
    kept = [r for r, lt in zip(rows, late) if not lt]
    out = []
    for (k, (ws, we)), rs in sorted(group(kept, lambda r: (r["k"], tumble(r["_t"], size))).items()):
        out.append({"k": k, "window_start": iso(ws), "window_end": iso(we), "n": len(rs),
                    "total": sum(r["v"] for r in rs)})
    errors = [{"reason": "late", "raw": line} for line, lt in zip(lines, late) if lt]
    assert len(errors) == 3
    return Case(q, {"w02_ticks.jsonl": lines}, {"w02_sums": out}, errors)


@case("w03_hopping")
def w03():
    """Hopping 1 minute advancing by 20 seconds: each row counts in every window containing its
    time (three), windows are [start, end) aligned to the epoch (so some start before the first
    row), and rows sit exactly on window boundaries."""
    rnd = random.Random(3)
    t0 = ms("2026-02-02T00:00:00.000Z")
    offsets = sorted({rnd.randint(0, 179_999) for _ in range(36)} |
                     {0, 20_000, 40_000, 59_999, 60_000, 119_999, 120_000, 140_000})
    rows = [{"dev": rnd.choice(["d1", "d2"]), "v": rnd.randint(1, 50), "_t": t0 + o} for o in offsets]
    size, adv = MINUTE, 20 * SECOND
    q = """
CREATE STREAM w03_meter (dev STRING, v BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w03_meter.jsonl', format = 'json');

CREATE TABLE w03_hops %s AS
  SELECT dev, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MAX(v) AS peak
  FROM w03_meter
  WINDOW HOPPING (SIZE INTERVAL '1' MINUTE, ADVANCE BY INTERVAL '20' SECOND)
  GROUP BY dev
  EMIT FINAL;
""" % sink("w03_hops")
    memb = [(r, w) for r in rows for w in hops(r["_t"], size, adv)]
    assert all(len(hops(r["_t"], size, adv)) == 3 for r in rows)
    g = {}
    for r, w in memb:
        g.setdefault((r["dev"], w), []).append(r)
    out = [{"dev": d, "window_start": iso(ws), "window_end": iso(we), "n": len(rs),
            "total": sum(r["v"] for r in rs), "peak": max(r["v"] for r in rs)}
           for (d, (ws, we)), rs in sorted(g.items())]
    return Case(q, {"w03_meter.jsonl": jlines(mixed_ts(rows))}, {"w03_hops": out})


def sessions(ts_sorted, gap):
    """Splits sorted times into sessions: rows closer than gap share one."""
    out, cur = [], [ts_sorted[0]]
    for t in ts_sorted[1:]:
        assert t - cur[-1] != gap, "a row exactly one gap away is ambiguous"
        if t - cur[-1] < gap:
            cur.append(t)
        else:
            out.append(cur)
            cur = [t]
    out.append(cur)
    return out


def session_rows(rows, gap):
    """Output rows per (user, session): window_start = first time, window_end = last + gap."""
    out = []
    for user, rs in sorted(group(rows, lambda r: r["user_id"]).items()):
        by_t = {}
        for r in rs:
            by_t.setdefault(r["_t"], []).append(r)
        for sess in sessions(sorted(by_t), gap):
            members = [r for t in sess for r in by_t[t]]
            out.append({"user_id": user, "window_start": iso(sess[0]), "window_end": iso(sess[-1] + gap),
                        "n": len(members), "total": sum(r["v"] for r in members)})
    return out


@case("w04_session")
def w04():
    """Session windows per key, gap 30 s (ksqlDB form `SESSION (30 SECONDS)`): rows less than 30 s
    apart share a session; window_start is the first row's time and window_end the last row's
    time + 30 s; a lone row makes a session of its own. Rows are in time order."""
    t0 = ms("2026-02-04T09:00:00.000Z")
    spec = [("u1", 0, 1), ("u2", 5, 2), ("u1", 10, 3), ("u1", 25, 4), ("u2", 34, 5), ("u3", 50, 6),
            ("u2", 63.5, 7), ("u1", 70, 8), ("u1", 95, 9), ("u2", 100, 10), ("u1", 200, 11),
            ("u3", 260.25, 12)]
    rows = [{"user_id": u, "v": v, "_t": t0 + int(s * SECOND)} for u, s, v in spec]
    q = """
CREATE STREAM w04_clicks (user_id STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w04_clicks.jsonl', format = 'json');

CREATE TABLE w04_sessions %s AS
  SELECT user_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w04_clicks
  WINDOW SESSION (30 SECONDS)
  GROUP BY user_id
  EMIT FINAL;
""" % sink("w04_sessions")
    return Case(q, {"w04_clicks.jsonl": jlines(mixed_ts(rows))}, {"w04_sessions": session_rows(rows, 30 * SECOND)})


@case("w05_session_merge")
def w05():
    """Session windows with out-of-order rows (watermark delay 2 minutes, so no session closes
    before the input ends): a row arriving between two sessions of its key, closer than the gap
    to both, merges them; a row before a session's first row moves its window_start earlier.
    Syntax `SESSION (GAP d, GRACE PERIOD g)`."""
    t0 = ms("2026-02-05T12:00:00.000Z")
    spec = [("u1", 0, 1), ("u2", 0, 2), ("u1", 10, 3), ("u3", 10, 4), ("u3", 20, 5), ("u2", 45, 6),
            ("u1", 60, 7), ("u1", 70, 8), ("u4", 100, 9), ("u2", 100, 10), ("u1", 35, 11),
            ("u2", 22, 12), ("u4", 80, 13), ("u3", 110, 14)]
    rows = [{"user_id": u, "v": v, "_t": t0 + int(s * SECOND)} for u, s, v in spec]
    q = """
CREATE STREAM w05_clicks (user_id STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' MINUTE)
  WITH (connector = 'file', path = 'w05_clicks.jsonl', format = 'json');

CREATE TABLE w05_sessions %s AS
  SELECT user_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w05_clicks
  WINDOW SESSION (GAP 30 SECONDS, GRACE PERIOD 10 SECONDS)
  GROUP BY user_id
  EMIT FINAL;
""" % sink("w05_sessions")
    # No session may close while rows are still coming: the watermark stays below every end.
    assert max(r["_t"] for r in rows) - 2 * MINUTE < min(r["_t"] for r in rows) + 30 * SECOND
    return Case(q, {"w05_clicks.jsonl": jlines(mixed_ts(rows))}, {"w05_sessions": session_rows(rows, 30 * SECOND)})


@case("w06_window_no_group_by")
def w06():
    """A WINDOW without GROUP BY aggregates all rows of each window into one row; windows with
    no rows produce nothing; rows exactly on a boundary belong to the window starting there."""
    t0 = ms("2026-02-06T00:00:00.000Z")
    offs = [0, 3_250, 9_999, 10_000, 12_500, 19_999, 40_000, 41_500, 59_999, 60_000, 60_001]
    vals = [4.5, -1.25, 10.0, 2.0, 2.5, 0.5, 7.75, -3.0, 1.0, 6.5, 0.25]
    rows = [{"v": v, "_t": t0 + o} for o, v in zip(offs, vals)]
    size = 10 * SECOND
    q = """
CREATE STREAM w06_samples (v DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w06_samples.jsonl', format = 'json');

CREATE TABLE w06_totals %s AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
  FROM w06_samples
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
""" % sink("w06_totals")
    out = []
    for (ws, we), rs in sorted(group(rows, lambda r: tumble(r["_t"], size)).items()):
        vs = [r["v"] for r in rs]
        out.append({"window_start": iso(ws), "window_end": iso(we), "n": len(vs), "total": sum(vs),
                    "lo": min(vs), "hi": max(vs)})
    return Case(q, {"w06_samples.jsonl": jlines(mixed_ts(rows))}, {"w06_totals": out})


def readings():
    """The example data set readings.jsonl (in time order), read, not written."""
    out = []
    with open(os.path.join(HERE, "..", "acceptance", "_data", "readings.jsonl")) as f:
        for line in f:
            r = json.loads(line)
            t = r["ts"]
            r["_t"] = t if isinstance(t, int) else ms(t)
            out.append(r)
    return out


@case("w07_window_columns_anywhere")
def w07():
    """window_end, window_start, the key and aggregates in any order in the select list; keys
    follow the select list; a NULL key is a group of its own (readings.jsonl, 2-minute windows)."""
    rows = readings()
    size = 2 * MINUTE
    q = """
CREATE STREAM readings (
  sensor   STRING NOT NULL,
  site     STRING,
  temp     DOUBLE,
  humidity INT,
  ts       TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (connector = 'file', path = 'readings.jsonl', format = 'json');

CREATE TABLE w07_by_site %s AS
  SELECT window_end, COUNT(humidity) AS with_hum, site, MAX(temp) - MIN(temp) AS spread, window_start
  FROM readings
  WINDOW TUMBLING (SIZE 2 MINUTES)
  GROUP BY site
  EMIT FINAL;
""" % sink("w07_by_site")
    out = []
    g = group(rows, lambda r: (r["site"] or "", r["site"], tumble(r["_t"], size)))
    for (_, site, (ws, we)), rs in sorted(g.items()):
        temps = [r["temp"] for r in rs]
        out.append({"window_end": iso(we), "with_hum": sum(1 for r in rs if r["humidity"] is not None),
                    "site": site, "spread": max(temps) - min(temps), "window_start": iso(ws)})
    return Case(q, {}, {"w07_by_site": out})


@case("w08_tumbling_hourly_day_edge")
def w08():
    """Tumbling 1 hour windows across midnight with a watermark of 30 s, including a window that
    starts at 00:00 of the next day; HOURS plural and the INTERVAL form of SIZE."""
    rnd = random.Random(8)
    t0 = ms("2026-02-28T21:00:00.000Z")
    offs = sorted(rnd.randint(0, 5 * HOUR - 1) for _ in range(60))
    rows = [{"route": rnd.choice(["r1", "r2", "r3"]), "km": round(rnd.uniform(0.5, 20.0), 2), "_t": t0 + o}
            for o in offs]
    q = """
CREATE STREAM w08_trips (route STRING, km DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '30' SECOND)
  WITH (connector = 'file', path = 'w08_trips.jsonl', format = 'json');

CREATE TABLE w08_hourly %s AS
  SELECT route, window_start, window_end, COUNT(*) AS trips, SUM(km) AS total_km, AVG(km) AS avg_km
  FROM w08_trips
  WINDOW TUMBLING (SIZE INTERVAL '1' HOUR)
  GROUP BY route
  EMIT FINAL;
""" % sink("w08_hourly")
    out = []
    for (route, (ws, we)), rs in sorted(group(rows, lambda r: (r["route"], tumble(r["_t"], HOUR))).items()):
        kms = [r["km"] for r in rs]
        out.append({"route": route, "window_start": iso(ws), "window_end": iso(we), "trips": len(kms),
                    "total_km": sum(kms), "avg_km": sum(kms) / len(kms)})
    return Case(q, {"w08_trips.jsonl": jlines(mixed_ts(rows))}, {"w08_hourly": out})


