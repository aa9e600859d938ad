CREATE STREAM d04_src (event_id STRING, k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'd04_src.jsonl', format = 'json');

CREATE TABLE d04_out WITH (connector = 'file', path = 'out/d04_out.jsonl', format = 'json') AS
  SELECT k, window_start, COUNT(*) AS n, SUM(v) AS total
  FROM d04_src
  DEDUPLICATE BY event_id WITHIN 10 MINUTES
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY k
  EMIT FINAL;
