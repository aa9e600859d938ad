CREATE STREAM xwl_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)
  WITH (connector = 'file', path = 'xwl_src.jsonl', format = 'json');

CREATE TABLE xwl_out WITH (connector = 'file', path = 'out/xwl_out.jsonl', format = 'json') AS
  SELECT k, window_start, COUNT(*) AS n, SUM(v) AS total
  FROM xwl_src
  WINDOW TUMBLING (SIZE 10 SECONDS)
  GROUP BY k
  HAVING SUM(v) > 50
  EMIT FINAL
  LIMIT 4;
