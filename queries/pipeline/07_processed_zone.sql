-- Stage 6: the processed zone. Cleaned, enriched orders joined with the customer table, written
-- as Parquet partitioned by country and date for Athena / DuckDB.
CREATE STREAM clean_orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECONDS
) WITH (connector = 'kafka', topic = 'orders.clean', brokers = 'localhost:9092', group_id = 'sluice-processed',
        format = 'json');

CREATE TABLE customers (
  customer_id STRING NOT NULL,
  name        STRING,
  tier        STRING,
  updated_at  TIMESTAMP,
  PRIMARY KEY (customer_id)
) WITH (connector = 'kafka', topic = 'customers', brokers = 'localhost:9092', format = 'json', start = 'earliest');

CREATE STREAM enriched_orders AS
  SELECT o.event_id, o.customer_id, c.name AS customer_name, COALESCE(c.tier, 'none') AS tier,
         o.amount, o.country, o.ts
  FROM clean_orders AS o
  LEFT JOIN customers AS c ON o.customer_id = c.customer_id;

CREATE SINK processed_zone FROM enriched_orders
  WITH (connector = 's3', path = 's3://processed/orders/', region = 'eu-west-1', format = 'parquet',
        partition_by = 'country,dt', roll_interval = '60s', roll_size = '128MB');
