CREATE STREAM w25_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w25_src.jsonl', format = 'json', error_sink = 'file://errors/w25/');

CREATE TABLE w25_sessions WITH (connector = 'file', path = 'out/w25_sessions.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w25_src
  WINDOW SESSION (8 SECONDS, GRACE PERIOD 4 SECONDS)
  GROUP BY k
  EMIT FINAL;
