CREATE STREAM w18_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'file', path = 'w18_src.jsonl', format = 'json', error_sink = 'file://errors/w18/');

CREATE TABLE w18_sessions WITH (connector = 'file', path = 'out/w18_sessions.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w18_src
  WINDOW SESSION (10 SECONDS, GRACE PERIOD 5 SECONDS)
  GROUP BY k
  EMIT FINAL;
