CREATE STREAM w24_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'file', path = 'w24_src.jsonl', format = 'json', error_sink = 'file://errors/w24/');

CREATE TABLE w24_out WITH (connector = 'file', path = 'out/w24_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w24_src
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
