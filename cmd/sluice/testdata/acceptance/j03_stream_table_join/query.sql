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

CREATE STREAM j03_enriched WITH (connector = 'file', path = 'out/j03_enriched.jsonl', format = 'json') AS
  SELECT o.order_id, o.amount, c.name, c.tier
  FROM st_orders o JOIN st_customers c ON o.customer_id = c.id;
