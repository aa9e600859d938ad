CREATE STREAM w15_src (event_time TIMESTAMP, v INT, WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w15_src.jsonl', format = 'json');

CREATE TABLE w15_out WITH (connector = 'file', path = 'out/w15_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w15_src
  WINDOW SESSION (10 SECONDS)
  EMIT FINAL;
