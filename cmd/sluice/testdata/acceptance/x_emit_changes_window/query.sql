CREATE STREAM xcw_src (site STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'xcw_src.jsonl', format = 'json');

CREATE TABLE xcw_running WITH (connector = 'file', path = 'out/xcw_running.jsonl', format = 'json') AS
  SELECT site, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM xcw_src
  WINDOW TUMBLING (SIZE 30 SECONDS)
  GROUP BY site
  EMIT CHANGES;
