CREATE STREAM w10_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w10_src.jsonl', format = 'json', error_sink = 'file://errors/w10/');

CREATE TABLE w10_out WITH (connector = 'file', path = 'out/w10_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w10_src
  WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS)
  EMIT FINAL;
