CREATE STREAM w02_ticks (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w02_ticks.jsonl', format = 'json', error_sink = 'file://errors/w02/');

CREATE TABLE w02_sums WITH (connector = 'file', path = 'out/w02_sums.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w02_ticks
  WINDOW TUMBLING (SIZE 10 SECONDS)
  GROUP BY k
  EMIT FINAL;
