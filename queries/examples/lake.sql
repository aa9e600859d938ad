-- Lands the sample orders in a local Parquet lake, partitioned by event date and hour, with the
-- rejected records in the lake's error folder. From the repository root:
--   go run ./cmd/sluice run queries/examples/lake.sql
--   go run ./cmd/sluice query --lake out/lake "SELECT country, COUNT(*) AS orders FROM lake.orders_raw GROUP BY ALL"
CREATE STREAM orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'file', path = 'queries/examples/data/orders.jsonl', format = 'json',
        error_sink = 'file://out/lake/errors/orders/');

CREATE SINK orders_raw FROM orders
  WITH (connector = 'file', path = 'out/lake/orders_raw', format = 'parquet', partition_by = 'dt,hour');

CREATE TABLE revenue_per_minute WITH (connector = 'file', path = 'out/lake/revenue_per_minute',
    format = 'parquet', partition_by = 'country') AS
  SELECT UPPER(TRIM(country)) AS country, window_start, COUNT(*) AS orders, SUM(amount) AS revenue
  FROM orders
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY UPPER(TRIM(country))
  EMIT FINAL;
