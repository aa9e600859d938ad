CREATE STREAM w12_src (user_id STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '4' SECOND)
  WITH (connector = 'file', path = 'w12_src.jsonl', format = 'json', error_sink = 'file://errors/w12/');

CREATE TABLE w12_sessions WITH (connector = 'file', path = 'out/w12_sessions.jsonl', format = 'json') AS
  SELECT user_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w12_src
  WINDOW SESSION (20 SECONDS)
  GROUP BY user_id
  EMIT FINAL;
