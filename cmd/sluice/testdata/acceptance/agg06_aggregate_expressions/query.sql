CREATE STREAM agg06_src (k STRING, v INT, x DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg06_src.jsonl', format = 'json');

CREATE TABLE agg06_out WITH (connector = 'file', path = 'out/agg06_out.jsonl', format = 'json') AS
  SELECT k, window_start, SUM(v) / COUNT(*) AS int_mean, SUM(v * 2) AS twice, MAX(v) - MIN(v) AS spread,
         ROUND(AVG(x)) AS avg_x_rounded, CASE WHEN COUNT(*) > 5 THEN 'many' ELSE 'few' END AS size_class,
         SUM(CASE WHEN v > 5 THEN 1 ELSE 0 END) AS n_big
  FROM agg06_src
  WINDOW TUMBLING (SIZE 10 MINUTES)
  GROUP BY k
  EMIT FINAL;
