CREATE STREAM w04_clicks (user_id STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w04_clicks.jsonl', format = 'json');

CREATE TABLE w04_sessions WITH (connector = 'file', path = 'out/w04_sessions.jsonl', format = 'json') AS
  SELECT user_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w04_clicks
  WINDOW SESSION (30 SECONDS)
  GROUP BY user_id
  EMIT FINAL;
