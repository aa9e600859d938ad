CREATE STREAM xwj_orders (id STRING, amount INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'xwj_orders.jsonl', format = 'json');
CREATE STREAM xwj_pays (order_id STRING, method STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'xwj_pays.jsonl', format = 'json');

CREATE TABLE xwj_out WITH (connector = 'file', path = 'out/xwj_out.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(amount) AS total, MIN(ts) AS first_ts, MAX(ts) AS last_ts
  FROM (SELECT o.id, o.amount, o.ts FROM xwj_orders o JOIN xwj_pays p WITHIN 1 MINUTE ON o.id = p.order_id) AS j
  WINDOW TUMBLING (SIZE 30 SECONDS)
  EMIT FINAL;
