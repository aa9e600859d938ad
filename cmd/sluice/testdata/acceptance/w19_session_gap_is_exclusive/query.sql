CREATE STREAM w19_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
  WITH (connector = 'file', path = 'w19_src.jsonl', format = 'json');

CREATE TABLE w19_sessions WITH (connector = 'file', path = 'out/w19_sessions.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w19_src
  WINDOW SESSION (GAP 10 SECONDS)
  GROUP BY k
  EMIT FINAL;
