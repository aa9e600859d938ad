CREATE STREAM agg07_src (site STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg07_src.jsonl', format = 'json');

CREATE TABLE agg07_out WITH (connector = 'file', path = 'out/agg07_out.jsonl', format = 'json') AS
  SELECT COALESCE(site, 'unknown') AS site, window_start, COUNT(*) AS n,
         COUNT(CASE WHEN v > 0 THEN 1 END) AS positives, MAX(v * v) AS max_sq, MIN(ABS(v)) AS min_abs
  FROM agg07_src
  WINDOW TUMBLING (SIZE 5 MINUTES)
  GROUP BY COALESCE(site, 'unknown')
  EMIT FINAL;
