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

CREATE STREAM j09_enriched AS
  SELECT o.order_id, c.tier, o.amount, o.ts
  FROM st_orders o JOIN st_customers c ON o.customer_id = c.id;

CREATE TABLE j09_by_tier WITH (connector = 'file', path = 'out/j09_by_tier.jsonl', format = 'json') AS
  SELECT tier, window_start, COUNT(*) AS n, SUM(amount) AS total
  FROM j09_enriched
  WINDOW TUMBLING (SIZE 30 SECONDS)
  GROUP BY tier
  EMIT FINAL;
