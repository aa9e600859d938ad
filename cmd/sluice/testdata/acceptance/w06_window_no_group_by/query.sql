CREATE STREAM w06_samples (v DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w06_samples.jsonl', format = 'json');

CREATE TABLE w06_totals WITH (connector = 'file', path = 'out/w06_totals.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
  FROM w06_samples
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
