CREATE STREAM err10_a (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'err10_a.jsonl', format = 'json', error_sink = 'file://errors/shared10/');
CREATE STREAM err10_b (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'err10_b.jsonl', format = 'json', error_sink = 'file://errors/shared10/');

CREATE TABLE err10_out_a WITH (connector = 'file', path = 'out/err10_out_a.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total FROM err10_a WINDOW TUMBLING (SIZE 10 SECONDS) EMIT FINAL;
CREATE TABLE err10_out_b WITH (connector = 'file', path = 'out/err10_out_b.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total FROM err10_b WINDOW TUMBLING (SIZE 10 SECONDS) EMIT FINAL;
