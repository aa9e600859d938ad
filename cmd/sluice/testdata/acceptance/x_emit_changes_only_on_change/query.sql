CREATE STREAM xeo_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'xeo_src.jsonl', format = 'json');

CREATE TABLE xeo_running WITH (connector = 'file', path = 'out/xeo_running.jsonl', format = 'json') AS
  SELECT k, MAX(v) AS hi FROM xeo_src WHERE v >= 0 GROUP BY k EMIT CHANGES;

CREATE TABLE xeo_windowed WITH (connector = 'file', path = 'out/xeo_windowed.jsonl', format = 'json') AS
  SELECT k, window_start, MIN(v) AS lo, MAX(v) AS hi
  FROM xeo_src
  WINDOW TUMBLING (SIZE 30 SECONDS)
  GROUP BY k
  EMIT CHANGES;
