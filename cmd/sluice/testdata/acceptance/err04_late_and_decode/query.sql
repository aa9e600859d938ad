CREATE STREAM err04_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'err04_src.jsonl', format = 'json', error_sink = 'file://errors/err04/');

CREATE TABLE err04_out WITH (connector = 'file', path = 'out/err04_out.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM err04_src
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
