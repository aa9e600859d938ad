CREATE STREAM j_orders (id STRING, cust STRING, amount DOUBLE, ts TIMESTAMP,
                        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j_orders.jsonl', format = 'json');

CREATE STREAM j_payments (order_id STRING, method STRING, ts TIMESTAMP,
                          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'j_payments.jsonl', format = 'json');

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

CREATE STREAM j06_cards WITH (connector = 'file', path = 'out/j06_cards.jsonl', format = 'json') AS
  SELECT o.id, p.method, p.ts AS paid_ts
  FROM j_orders o JOIN j_payments p WITHIN 10 MINUTES ON o.id = p.order_id
  WHERE p.method = 'card' AND o.amount > 5;

CREATE STREAM j06_unpaid WITH (connector = 'file', path = 'out/j06_unpaid.jsonl', format = 'json') AS
  SELECT o.id, o.amount
  FROM j_orders o LEFT JOIN j_payments p WITHIN 10 MINUTES ON o.id = p.order_id
  WHERE p.order_id IS NULL;

CREATE STREAM j06_unknown_customers WITH (connector = 'file', path = 'out/j06_unknown_customers.jsonl', format = 'json') AS
  SELECT o.order_id, o.customer_id
  FROM st_orders o LEFT JOIN st_customers c ON o.customer_id = c.id
  WHERE c.id IS NULL;
