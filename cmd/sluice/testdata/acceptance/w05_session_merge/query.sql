CREATE STREAM w05_clicks (user_id STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' MINUTE)
  WITH (connector = 'file', path = 'w05_clicks.jsonl', format = 'json');

CREATE TABLE w05_sessions WITH (connector = 'file', path = 'out/w05_sessions.jsonl', format = 'json') AS
  SELECT user_id, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w05_clicks
  WINDOW SESSION (GAP 30 SECONDS, GRACE PERIOD 10 SECONDS)
  GROUP BY user_id
  EMIT FINAL;
