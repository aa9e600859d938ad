-- Stage 2a: Kafka ingestion. Clickstream events arrive Avro-encoded in the Confluent wire format;
-- the schema comes from the registry, so the column list is omitted.
CREATE STREAM clicks
  WITH (connector = 'kafka', topic = 'clicks', brokers = 'localhost:9092', group_id = 'sluice-clicks',
        start = 'earliest', format = 'avro', schema_registry = 'http://localhost:8081',
        error_sink = 'kafka://clicks.errors');

-- Orders arrive as JSON on Kafka, validated against the declared schema.
CREATE STREAM kafka_orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'kafka', topic = 'orders', brokers = 'localhost:9092', group_id = 'sluice-orders',
        start = 'earliest', format = 'json', error_sink = 'kafka://orders.errors');

CREATE SINK orders_landed FROM kafka_orders
  WITH (connector = 'file', path = 'lake/raw/kafka_orders/', format = 'json', partition_by = 'dt,hour');
