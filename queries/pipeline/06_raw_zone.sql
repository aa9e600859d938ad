-- Stage 5: the raw zone. Everything ingested is kept as it arrived, as Parquet in Hive
-- partitions by event date and hour, rolled every minute or 128 MB.
CREATE STREAM raw_orders (
  event_id    STRING NOT NULL,
  customer_id STRING,
  amount      DOUBLE,
  currency    STRING,
  country     STRING,
  ts          TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '30' SECONDS
) WITH (connector = 'kafka', topic = 'orders', brokers = 'localhost:9092', group_id = 'sluice-raw',
        start = 'earliest', format = 'json', error_sink = 's3://errors/raw_orders/');

CREATE SINK raw_zone FROM raw_orders
  WITH (connector = 's3', path = 's3://raw/orders/', region = 'eu-west-1', format = 'parquet',
        partition_by = 'dt,hour', roll_interval = '60s', roll_size = '128MB', compression = 'zstd');
