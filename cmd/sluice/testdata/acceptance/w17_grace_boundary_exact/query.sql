CREATE STREAM w17_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w17_src.jsonl', format = 'json', error_sink = 'file://errors/w17/');

CREATE TABLE w17_out WITH (connector = 'file', path = 'out/w17_out.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w17_src
  WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 3 SECONDS)
  GROUP BY k
  EMIT FINAL;
