CREATE STREAM agg04_src (g STRING, s STRING, x DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg04_src.jsonl', format = 'json');

CREATE TABLE agg04_out WITH (connector = 'file', path = 'out/agg04_out.jsonl', format = 'json') AS
  SELECT g, APPROX_COUNT_DISTINCT(s) AS distinct_s, APPROX_PERCENTILE(x, 0.5) AS median_x,
         APPROX_PERCENTILE(x, 0.9) AS p90_x
  FROM agg04_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY g
  EMIT FINAL;
