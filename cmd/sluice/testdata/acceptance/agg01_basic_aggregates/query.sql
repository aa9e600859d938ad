CREATE STREAM agg01_src (grp STRING, i INT, x DOUBLE, s STRING, ts TIMESTAMP,
                         WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg01_src.jsonl', format = 'json');

CREATE TABLE agg01_out WITH (connector = 'file', path = 'out/agg01_out.jsonl', format = 'json') AS
  SELECT grp, window_start, COUNT(*) AS n, COUNT(x) AS n_x, COUNT(DISTINCT s) AS n_s,
         SUM(i) AS sum_i, SUM(x) AS sum_x, AVG(x) AS avg_x, MIN(i) AS min_i, MAX(i) AS max_i,
         MIN(x) AS min_x, MAX(x) AS max_x, MIN(s) AS min_s, MAX(s) AS max_s,
         MIN(ts) AS first_ts, MAX(ts) AS last_ts
  FROM agg01_src
  WINDOW TUMBLING (SIZE 2 HOURS)
  GROUP BY grp
  EMIT FINAL;
