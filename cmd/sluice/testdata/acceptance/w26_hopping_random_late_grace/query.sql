CREATE STREAM w26_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '3' SECOND)
  WITH (connector = 'file', path = 'w26_src.jsonl', format = 'json', error_sink = 'file://errors/w26/');

CREATE TABLE w26_out WITH (connector = 'file', path = 'out/w26_out.jsonl', format = 'json') AS
  SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MAX(v) AS hi
  FROM w26_src
  WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS, GRACE PERIOD 5 SECONDS)
  GROUP BY k
  EMIT FINAL;
