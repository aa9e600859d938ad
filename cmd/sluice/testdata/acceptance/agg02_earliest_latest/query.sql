CREATE STREAM agg02_src (k STRING, x DOUBLE, s STRING, ts TIMESTAMP,
                         WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg02_src.jsonl', format = 'json');

CREATE TABLE agg02_out WITH (connector = 'file', path = 'out/agg02_out.jsonl', format = 'json') AS
  SELECT k, EARLIEST(x) AS first_x, LATEST(x) AS last_x, EARLIEST(s) AS first_s, LATEST(s) AS last_s
  FROM agg02_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  GROUP BY k
  EMIT FINAL;
