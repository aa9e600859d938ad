CREATE STREAM readings (
  sensor   STRING NOT NULL,
  site     STRING,
  temp     DOUBLE,
  humidity INT,
  ts       TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (connector = 'file', path = 'readings.jsonl', format = 'json');

CREATE TABLE agg05_busy WITH (connector = 'file', path = 'out/agg05_busy.jsonl', format = 'json') AS
  SELECT site, sensor, window_start, COUNT(*) AS n, AVG(temp) AS avg_temp
  FROM readings
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY site, sensor
  HAVING COUNT(*) >= 2 AND MAX(temp) > 25
  EMIT FINAL;
