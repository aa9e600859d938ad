"""Cases on joins. Stream-stream (SQL.md: `FROM a JOIN b WITHIN d ON a.k = b.k` pairs rows
whose timestamps differ by at most d; LEFT JOIN emits unmatched left rows with NULLs once d has
passed) and stream-table (`FROM s [LEFT] JOIN t ON s.k = t.pk` looks up the table row current at
the stream row's time). Both inputs of every join are in event-time order with a watermark, so
the answer does not depend on how the two files interleave: the oracle simply pairs rows."""
from sqlo import MINUTE, SECOND, Case, case, iso, jlines, ms


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


T0 = ms("2026-02-20T10:00:00.000Z")
ORDERS = [("o1", "c1", 10.5, 0), ("o2", "c2", 20.0, 60), ("o3", "c1", 5.25, 180), ("o4", "c3", 99.0, 240),
          ("o5", "c2", 1.0, 300), (None, "c9", 3.0, 310)]
# (order_id, method, seconds after T0): o3 is paid 2 minutes before its order (the bound is
# symmetric), o1 a second time exactly 10 minutes after (at most d: matches), o2 10 minutes and
# 1 ms after (no match), o5 twice, zz has no order, the last has a NULL key.
PAYMENTS = [("o3", "card", 60), ("o1", "cash", 60), ("o5", "card", 330), ("o5", "gift", 345),
            ("zz", "card", 400), ("o1", "card", 600), ("o2", "wire", 660.001), (None, "cash", 700)]
STREAM_DECLS = """
CREATE STREAM j_orders (id STRING, cust STRING, amount DOUBLE, ts TIMESTAMP,
                        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j_orders.jsonl', format = 'json');

CREATE STREAM j_payments (order_id STRING, method STRING, ts TIMESTAMP,
                          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j_payments.jsonl', format = 'json');
"""


def order_rows():
    return [{"id": i, "cust": c, "amount": a, "_t": T0 + s * SECOND} for i, c, a, s in ORDERS]


def payment_rows():
    return [{"order_id": o, "method": m, "_t": T0 + int(round(s * SECOND))} for o, m, s in PAYMENTS]


def stream_data():
    def enc(rows):
        return jlines([dict({k: v for k, v in r.items() if k != "_t"}, ts=iso(r["_t"]) if i % 2 else r["_t"])
                       for i, r in enumerate(rows)])
    return {"j_orders.jsonl": enc(order_rows()), "j_payments.jsonl": enc(payment_rows())}


def interval_pairs(left_outer):
    out = []
    for o in order_rows():
        matched = [p for p in payment_rows()
                   if o["id"] is not None and p["order_id"] == o["id"] and abs(p["_t"] - o["_t"]) <= 10 * MINUTE]
        for p in matched:
            out.append({"id": o["id"], "method": p["method"], "amount": o["amount"], "order_ts": iso(o["_t"]),
                        "paid_ts": iso(p["_t"])})
        if left_outer and not matched:
            out.append({"id": o["id"], "method": None, "amount": o["amount"], "order_ts": iso(o["_t"]),
                        "paid_ts": None})
    return out


@case("j01_interval_join")
def j01():
    """Inner interval join WITHIN 10 MINUTES: |difference| <= d pairs (both directions, the
    bound included, 1 ms past it excluded), several matches give several rows, NULL keys never
    match; `o.id` without alias is named `id`."""
    q = STREAM_DECLS + """
CREATE STREAM j01_paid %s AS
  SELECT o.id, p.method, o.amount, o.ts AS order_ts, p.ts AS paid_ts
  FROM j_orders o JOIN j_payments p WITHIN 10 MINUTES ON o.id = p.order_id;
""" % sink("j01_paid")
    return Case(q, stream_data(), {"j01_paid": interval_pairs(False)})


@case("j02_interval_left_join")
def j02():
    """LEFT interval join: every inner pair, plus each left row without a match within d (no
    payment, a payment 1 ms too late, a NULL key) once, with NULLs for the right columns."""
    q = STREAM_DECLS + """
CREATE STREAM j02_paid %s AS
  SELECT o.id, p.method, o.amount, o.ts AS order_ts, p.ts AS paid_ts
  FROM j_orders o LEFT JOIN j_payments p WITHIN INTERVAL '10' MINUTE ON o.id = p.order_id;
""" % sink("j02_paid")
    return Case(q, stream_data(), {"j02_paid": interval_pairs(True)})


# Stream-table cases: customers' versions all come before every order, so the row current at
# each order's time is the latest version of its key.
C0 = ms("2026-02-21T08:00:00.000Z")
CUSTOMERS = [("c1", "Ann", "gold", 0), ("c2", "Bob", "silver", 10), ("c3", "Cy", "bronze", 20),
             ("c2", "Bob B.", "gold", 30), ("c1", "Ann", "platinum", 40), ("c4", None, "silver", 50)]
SHOP = [("s1", "c1", 10.0, 600), ("s2", "c2", 20.0, 610), ("s3", "c9", 30.0, 620), ("s4", "c3", 40.0, 630),
        ("s5", None, 50.0, 640), ("s6", "c4", 60.0, 650), ("s7", "c1", 70.0, 660)]
TABLE_DECLS = """
CREATE TABLE st_customers (
  id STRING,
  name STRING,
  tier STRING,
  updated_at TIMESTAMP,
  PRIMARY KEY (id),
  WATERMARK FOR updated_at AS updated_at - INTERVAL '1' SECOND
) WITH (connector = 'file', path = 'st_customers.jsonl', format = 'json');

CREATE STREAM st_orders (order_id STRING, customer_id STRING, amount DOUBLE, ts TIMESTAMP,
                         WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'st_orders.jsonl', format = 'json');
"""


def table_data():
    cust = [{"id": i, "name": n, "tier": t, "updated_at": iso(C0 + s * SECOND)} for i, n, t, s in CUSTOMERS]
    shop = [{"order_id": o, "customer_id": c, "amount": a, "ts": C0 + s * SECOND} for o, c, a, s in SHOP]
    return {"st_customers.jsonl": jlines(cust), "st_orders.jsonl": jlines(shop)}


def latest(key, at):
    """The customer row current at time `at`: the last version with updated_at <= at."""
    cur = None
    for i, n, t, s in CUSTOMERS:
        if i == key and C0 + s * SECOND <= at:
            cur = (n, t)
    return cur


def table_join(left_outer):
    out = []
    for o, c, a, s in SHOP:
        hit = None if c is None else latest(c, C0 + s * SECOND)
        if hit is None and not left_outer:
            continue
        out.append({"order_id": o, "amount": a, "name": hit and hit[0], "tier": hit and hit[1]})
    return out


@case("j03_stream_table_join")
def j03():
    """Stream-table inner join on the table's PRIMARY KEY: each order sees the latest version of
    its customer (all versions precede all orders); orders of unknown or NULL customers are
    dropped; a NULL non-key table column stays NULL."""
    q = TABLE_DECLS + """
CREATE STREAM j03_enriched %s AS
  SELECT o.order_id, o.amount, c.name, c.tier
  FROM st_orders o JOIN st_customers c ON o.customer_id = c.id;
""" % sink("j03_enriched")
    return Case(q, table_data(), {"j03_enriched": table_join(False)})


@case("j04_stream_table_left_join")
def j04():
    """Stream-table LEFT join: like j03, but orders of unknown or NULL customers are kept with
    NULL table columns."""
    q = TABLE_DECLS + """
CREATE STREAM j04_enriched %s AS
  SELECT o.order_id, o.amount, c.name, c.tier
  FROM st_orders o LEFT JOIN st_customers c ON o.customer_id = c.id;
""" % sink("j04_enriched")
    return Case(q, table_data(), {"j04_enriched": table_join(True)})


@case("j05_stream_table_as_of")
def j05():
    """Stream-table join as of the stream row's time: price versions and trades interleave in
    event time, and each trade sees the version current at its own time (not the latest one
    read); a trade before its key's first version has no match (inner join)."""
    p0 = ms("2026-02-22T09:00:00.000Z")
    prices = [("AAA", 10.0, 0), ("BBB", 20.0, 30), ("AAA", 11.0, 120), ("BBB", 21.0, 200),
              ("CCC", 5.0, 250), ("AAA", 12.0, 300), ("BBB", 22.0, 420)]
    trades = [("t1", "AAA", 1, 60), ("t2", "BBB", 2, 90), ("t3", "CCC", 3, 100), ("t4", "AAA", 4, 180),
              ("t5", "BBB", 5, 260), ("t6", "CCC", 6, 280), ("t7", "AAA", 7, 360), ("t8", "BBB", 8, 400),
              ("t9", "AAA", 9, 500)]
    q = """
CREATE TABLE j05_prices (
  sym STRING,
  price DOUBLE,
  ts TIMESTAMP,
  PRIMARY KEY (sym),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (connector = 'file', path = 'j05_prices.jsonl', format = 'json');

CREATE STREAM j05_trades (trade_id STRING, sym STRING, qty INT, ts TIMESTAMP,
                          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j05_trades.jsonl', format = 'json');

CREATE STREAM j05_valued %s AS
  SELECT t.trade_id, t.sym, p.price, t.qty * p.price AS notional
  FROM j05_trades t JOIN j05_prices p ON t.sym = p.sym;
""" % sink("j05_valued")
    out = []
    for tid, sym, qty, s in trades:
        cur = None
        for psym, price, ps in prices:
            if psym == sym and ps <= s:
                cur = price
        if cur is not None:
            out.append({"trade_id": tid, "sym": sym, "price": cur, "notional": qty * cur})
    data = {"j05_prices.jsonl": jlines([{"sym": a, "price": b, "ts": iso(p0 + s * SECOND)} for a, b, s in prices]),
            "j05_trades.jsonl": jlines([{"trade_id": a, "sym": b, "qty": c, "ts": p0 + s * SECOND}
                                        for a, b, c, s in trades])}
    return Case(q, data, {"j05_valued": out})
