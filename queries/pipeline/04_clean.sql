-- Stage 3: deduplicate, filter and transform. Retries upstream may deliver an order twice; keep
-- the first copy seen within an hour of event time, drop test traffic, normalise fields.
CREATE STREAM orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  channel     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'kafka', topic = 'orders', brokers = 'localhost:9092', group_id = 'sluice-clean',
        format = 'json', error_sink = 'file://lake/errors/orders/');

CREATE STREAM clean_orders AS
  SELECT event_id,
         customer_id,
         ROUND(amount, 2) AS amount,
         CAST(amount * 100 AS BIGINT) AS cents,
         UPPER(TRIM(country)) AS country,
         COALESCE(channel, 'web') AS channel,
         CASE WHEN amount >= 1000 THEN 'large' WHEN amount >= 100 THEN 'medium' ELSE 'small' END AS size_band,
         ts
  FROM orders
  WHERE amount > 0 AND customer_id IS NOT NULL AND customer_id NOT LIKE 'test-%'
  DEDUPLICATE BY event_id WITHIN INTERVAL '1' HOUR;

CREATE SINK clean_orders_out FROM clean_orders
  WITH (connector = 'kafka', topic = 'orders.clean', brokers = 'localhost:9092', format = 'json', key = 'customer_id');
