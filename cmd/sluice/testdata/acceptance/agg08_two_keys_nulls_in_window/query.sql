CREATE STREAM agg08_src (a STRING, b STRING, v DOUBLE, u STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg08_src.jsonl', format = 'json');

CREATE TABLE agg08_out WITH (connector = 'file', path = 'out/agg08_out.jsonl', format = 'json') AS
  SELECT a, b, window_start, COUNT(*) AS n, COUNT(v) AS nv, COUNT(DISTINCT u) AS users, SUM(v) AS total,
         MIN(v) AS lo, MAX(v) AS hi, AVG(v) AS mean
  FROM agg08_src
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY a, b
  EMIT FINAL;
