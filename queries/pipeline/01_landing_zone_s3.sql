-- Stage 1: the S3 landing zone. Producers drop JSON-lines order files under s3://landing/orders/;
-- an SQS queue carries the bucket's event notifications. Every record is validated against the
-- declared schema; what fails (malformed JSON, wrong types, NULL ids, late rows) goes to the error
-- bucket, never stopping the query.
CREATE STREAM landing_orders (
  event_id    STRING NOT NULL,
  customer_id STRING NOT NULL,
  amount      DOUBLE,
  currency    STRING,
  country     STRING,
  ts          TIMESTAMP NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '30' SECOND
) WITH (connector = 's3', path = 's3://landing/orders/', region = 'eu-west-1',
        format = 'json', discovery = 'sqs://landing-orders-events', poll_interval = '10s',
        error_sink = 's3://errors/landing_orders/');

-- Valid records flow on into the platform's in-process stream.
CREATE STREAM validated_orders AS
  SELECT event_id, customer_id, amount, UPPER(currency) AS currency, UPPER(country) AS country, ts
  FROM landing_orders
  WHERE amount IS NOT NULL AND amount >= 0;

CREATE SINK validated_orders_out FROM validated_orders
  WITH (connector = 'kafka', topic = 'orders.validated', brokers = 'localhost:9092', format = 'json');
