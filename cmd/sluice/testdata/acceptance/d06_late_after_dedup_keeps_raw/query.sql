CREATE STREAM d06_src (event_id STRING, amount INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'd06_src.jsonl', format = 'json', error_sink = 'file://errors/d06/');

CREATE STREAM d06_unique AS
  SELECT event_id AS id, amount * 100 AS cents, ts FROM d06_src DEDUPLICATE BY event_id WITHIN 1 HOUR;

CREATE TABLE d06_out WITH (connector = 'file', path = 'out/d06_out.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(cents) AS total
  FROM d06_unique
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
