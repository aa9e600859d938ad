CREATE STREAM agg09_src (k STRING, at TIMESTAMP, d DATE, s STRING, price DECIMAL(6, 2), seq INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'agg09_src.jsonl', format = 'json');

CREATE TABLE agg09_out WITH (connector = 'file', path = 'out/agg09_out.jsonl', format = 'json') AS
  SELECT k, window_start, MIN(at) AS first_at, MAX(at) AS last_at, MIN(d) AS min_d, MAX(d) AS max_d,
         MIN(s) AS min_s, MAX(s) AS max_s, MIN(price) AS min_p, MAX(price) AS max_p, SUM(price) AS sum_p,
         EARLIEST(seq) AS first_seq, LATEST(seq) AS last_seq
  FROM agg09_src
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY k
  EMIT FINAL;
