CREATE STREAM w16_src (t TIMESTAMP, v INT, WATERMARK FOR t AS t)
  WITH (connector = 'file', path = 'w16_src.jsonl', format = 'json', error_sink = 'file://errors/w16/');

CREATE TABLE w16_out WITH (connector = 'file', path = 'out/w16_out.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM w16_src
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
