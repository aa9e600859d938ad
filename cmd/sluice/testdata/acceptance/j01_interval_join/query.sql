CREATE STREAM j_orders (id STRING, cust STRING, amount DOUBLE, ts TIMESTAMP,
                        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j_orders.jsonl', format = 'json');

CREATE STREAM j_payments (order_id STRING, method STRING, ts TIMESTAMP,
                          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j_payments.jsonl', format = 'json');

CREATE STREAM j01_paid WITH (connector = 'file', path = 'out/j01_paid.jsonl', format = 'json') AS
  SELECT o.id, p.method, o.amount, o.ts AS order_ts, p.ts AS paid_ts
  FROM j_orders o JOIN j_payments p WITHIN 10 MINUTES ON o.id = p.order_id;
