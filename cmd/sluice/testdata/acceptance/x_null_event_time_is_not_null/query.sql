CREATE STREAM xnt_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'file', path = 'xnt_src.jsonl', format = 'json', error_sink = 'file://errors/xnt/');

CREATE TABLE xnt_out WITH (connector = 'file', path = 'out/xnt_out.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total FROM xnt_src WINDOW TUMBLING (SIZE 10 SECONDS) EMIT FINAL;
