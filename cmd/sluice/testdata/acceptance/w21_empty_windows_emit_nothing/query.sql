CREATE STREAM w21_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w21_src.jsonl', format = 'json');

CREATE TABLE w21_all WITH (connector = 'file', path = 'out/w21_all.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n
  FROM w21_src
  WHERE v > 0
  WINDOW TUMBLING (SIZE 1 MINUTE)
  EMIT FINAL;

CREATE TABLE w21_busy WITH (connector = 'file', path = 'out/w21_busy.jsonl', format = 'json') AS
  SELECT k, window_start, COUNT(*) AS n, SUM(v) AS total
  FROM w21_src
  WHERE v > 0
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY k
  HAVING COUNT(*) >= 2 OR SUM(v) > 7
  EMIT FINAL;
