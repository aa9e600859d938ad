-- The quickstart: orders from a sample file, cleaned, deduplicated and aggregated per country
-- every minute. From the repository root: go run ./cmd/sluice run queries/examples/quickstart.sql
CREATE STREAM orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'file', path = 'queries/examples/data/orders.jsonl', format = 'json',
        error_sink = 'file://out/errors/orders/');

CREATE STREAM big_orders AS
  SELECT event_id, customer_id, amount * 100 AS cents, UPPER(TRIM(country)) AS country, ts
  FROM orders
  WHERE amount > 10
  DEDUPLICATE BY event_id WITHIN INTERVAL '1' HOUR;

CREATE TABLE revenue WITH (connector = 'file', path = 'out/revenue.jsonl', format = 'json') AS
  SELECT country, window_start, window_end, COUNT(*) AS orders, SUM(cents) / 100 AS revenue
  FROM big_orders
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 2 SECONDS)
  GROUP BY country
  EMIT FINAL;

-- A transient query: its rows go to standard output as JSON lines.
SELECT window_start, country, COUNT(*) AS orders, MAX(cents) / 100 AS largest
FROM big_orders
WINDOW TUMBLING (SIZE 5 MINUTES)
GROUP BY country
EMIT FINAL;
