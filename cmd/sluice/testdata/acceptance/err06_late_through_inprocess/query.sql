CREATE STREAM err06_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'err06_src.jsonl', format = 'json', error_sink = 'file://errors/err06/');

CREATE STREAM err06_mid AS SELECT v, ts FROM err06_src WHERE v >= 0;

CREATE TABLE err06_out WITH (connector = 'file', path = 'out/err06_out.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM err06_mid
  WINDOW TUMBLING (SIZE 10 SECONDS)
  EMIT FINAL;
