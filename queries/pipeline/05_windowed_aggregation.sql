-- Stage 4: windowed aggregation. Revenue per country every minute (final results only), a
-- sliding five-minute view, and customer sessions.
CREATE STREAM clean_orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'kafka', topic = 'orders.clean', brokers = 'localhost:9092', group_id = 'sluice-agg',
        format = 'json', error_sink = 'file://lake/errors/clean_orders/');

CREATE TABLE revenue_per_minute WITH (connector = 'kafka', topic = 'revenue.minute', brokers = 'localhost:9092', format = 'json') AS
  SELECT country, window_start, window_end,
         COUNT(*) AS orders, SUM(amount) AS revenue, AVG(amount) AS avg_order,
         APPROX_COUNT_DISTINCT(customer_id) AS customers
  FROM clean_orders
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 10 SECONDS)
  GROUP BY country
  EMIT FINAL;

CREATE TABLE revenue_sliding AS
  SELECT country, window_start, window_end, SUM(amount) AS revenue, MAX(amount) AS largest
  FROM clean_orders
  WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 1 MINUTE)
  GROUP BY country
  HAVING SUM(amount) > 0
  EMIT CHANGES;

CREATE TABLE customer_sessions WITH (connector = 'file', path = 'lake/processed/customer_sessions/', format = 'parquet', partition_by = 'dt') AS
  SELECT customer_id, window_start, window_end, COUNT(*) AS orders, SUM(amount) AS spent,
         EARLIEST(country) AS first_country, LATEST(country) AS last_country
  FROM clean_orders
  WINDOW SESSION (30 MINUTES)
  GROUP BY customer_id
  EMIT FINAL;
