CREATE STREAM w22_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w22_src.jsonl', format = 'json', error_sink = 'file://errors/w22/');

CREATE TABLE w22_tens WITH (connector = 'file', path = 'out/w22_tens.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total FROM w22_src WINDOW TUMBLING (SIZE 10 SECONDS) EMIT FINAL;

CREATE TABLE w22_minutes WITH (connector = 'file', path = 'out/w22_minutes.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total FROM w22_src WINDOW TUMBLING (SIZE 1 MINUTE) EMIT FINAL;
