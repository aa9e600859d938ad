CREATE STREAM j11_orders (id STRING, amount DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j11_orders.jsonl', format = 'json');
CREATE STREAM j11_none (order_id STRING, method STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j11_empty.jsonl', format = 'json');

CREATE STREAM j11_left WITH (connector = 'file', path = 'out/j11_left.jsonl', format = 'json') AS
  SELECT o.id, o.amount, p.method, p.ts AS paid_ts
  FROM j11_orders o LEFT JOIN j11_none p WITHIN 1 MINUTE ON o.id = p.order_id;

CREATE STREAM j11_any WITH (connector = 'file', path = 'out/j11_any.jsonl', format = 'json') AS
  SELECT o.id, o.amount
  FROM j11_orders o WHERE o.amount > 0;
