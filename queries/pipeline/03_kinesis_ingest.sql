-- Stage 2b: Kinesis ingestion. IoT readings arrive on a Kinesis stream as JSON.
CREATE STREAM device_readings (
  device_id STRING NOT NULL,
  site      STRING,
  temp      DOUBLE,
  humidity  INT,
  ts        TIMESTAMP NOT NULL,
  WATERMARK FOR ts AS ts - INTERVAL '10' SECONDS
) WITH (connector = 'kinesis', stream = 'device-readings', region = 'eu-west-1',
        start = 'latest', format = 'json', error_sink = 's3://errors/device_readings/');

CREATE SINK readings_landed FROM device_readings
  WITH (connector = 's3', path = 's3://raw/device_readings/', region = 'eu-west-1',
        format = 'parquet', partition_by = 'dt,hour', roll_interval = '60s');
