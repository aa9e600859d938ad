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
