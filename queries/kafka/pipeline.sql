-- The Kafka example pipeline, the one `sluice playground` runs against an embedded broker:
-- ingest JSON orders from Kafka → deduplicate, filter and transform → revenue per country every
-- ten seconds of event time → delivery to an output topic keyed by country.
--
-- Brokers come from $SLUICE_KAFKA_BROKERS (else localhost:9092); the playground sets them. Run it
-- against your own cluster with: SLUICE_KAFKA_BROKERS=host:9092 sluice run queries/kafka/pipeline.sql

-- Ingest: orders as JSON, event time from `ts`, the partition and offset kept as columns.
-- Records that do not decode go to the orders.errors topic.
CREATE STREAM orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  _partition  INT,
  _offset     BIGINT,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (connector = 'kafka', topic = 'orders', group_id = 'sluice-playground', start = 'earliest',
        format = 'json', idle_timeout = '2s', error_sink = 'kafka://orders.errors');

-- Clean: producers retry, so an order may arrive twice; keep the first copy seen within ten
-- minutes, drop test customers and non-positive amounts, normalise the country.
CREATE STREAM clean_orders AS
  SELECT event_id, customer_id, ROUND(amount, 2) AS amount, UPPER(TRIM(country)) AS country, ts
  FROM orders
  WHERE amount > 0 AND customer_id IS NOT NULL AND customer_id NOT LIKE 'test-%'
  DEDUPLICATE BY event_id WITHIN INTERVAL '10' MINUTES;

-- Aggregate and deliver: final revenue per country per ten-second window, to the revenue
-- topic, keyed by country (murmur2 partitioning like the Java client).
CREATE STREAM revenue WITH (connector = 'kafka', topic = 'revenue', format = 'json', key = 'country') AS
  SELECT country, window_start, window_end, COUNT(*) AS orders, SUM(amount) AS revenue
  FROM clean_orders
  WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 1 SECOND)
  GROUP BY country
  EMIT FINAL;
