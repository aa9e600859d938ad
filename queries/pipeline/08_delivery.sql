-- Stage 7: delivery back to customers. Per-minute revenue goes to a Kafka topic keyed by
-- country, and large orders to a Kinesis stream for the fraud team.
CREATE STREAM clean_orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECONDS
) WITH (connector = 'kafka', topic = 'orders.clean', brokers = 'localhost:9092', group_id = 'sluice-delivery',
        format = 'json');

CREATE STREAM revenue_out (
  country STRING,
  minute  TIMESTAMP,
  orders  BIGINT,
  revenue DOUBLE
) WITH (connector = 'kafka', topic = 'revenue.minute', brokers = 'localhost:9092', format = 'json', key = 'country');

INSERT INTO revenue_out
  SELECT country, window_end AS minute, COUNT(*) AS orders, SUM(amount) AS revenue
  FROM clean_orders
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY country
  EMIT FINAL;

CREATE STREAM large_orders WITH (connector = 'kinesis', stream = 'large-orders', region = 'eu-west-1', format = 'json') AS
  SELECT event_id, customer_id, amount, country, ts
  FROM clean_orders
  WHERE amount >= 1000;
