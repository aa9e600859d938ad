CREATE STREAM readings (
  sensor   STRING NOT NULL,
  site     STRING,
  temp     DOUBLE,
  humidity INT,
  ts       TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (connector = 'file', path = 'readings.jsonl', format = 'json');

CREATE TABLE w07_by_site WITH (connector = 'file', path = 'out/w07_by_site.jsonl', format = 'json') AS
  SELECT window_end, COUNT(humidity) AS with_hum, site, MAX(temp) - MIN(temp) AS spread, window_start
  FROM readings
  WINDOW TUMBLING (SIZE 2 MINUTES)
  GROUP BY site
  EMIT FINAL;
