CREATE STREAM w13_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w13_src.jsonl', format = 'json');

CREATE TABLE w13_out WITH (connector = 'file', path = 'out/w13_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w13_src
  WINDOW TUMBLING (SIZE 15 SECONDS)
  EMIT FINAL;
