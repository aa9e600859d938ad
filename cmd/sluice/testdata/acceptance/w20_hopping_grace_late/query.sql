CREATE STREAM w20_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w20_src.jsonl', format = 'json', error_sink = 'file://errors/w20/');

CREATE TABLE w20_out WITH (connector = 'file', path = 'out/w20_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w20_src
  WINDOW HOPPING (SIZE 20 SECONDS, ADVANCE BY 10 SECONDS, GRACE PERIOD 5 SECONDS)
  EMIT FINAL;
