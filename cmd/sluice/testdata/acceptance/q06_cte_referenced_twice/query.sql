CREATE STREAM q06_src (k STRING, v INT, seq INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'q06_src.jsonl', format = 'json');

CREATE STREAM q06_pairs WITH (connector = 'file', path = 'out/q06_pairs.jsonl', format = 'json') AS
  WITH base AS (SELECT k, v, seq, ts FROM q06_src WHERE v > 0),
       hi AS (SELECT k, seq, ts FROM base WHERE v > 5),
       lo AS (SELECT k, seq, ts FROM base WHERE v <= 5)
  SELECT hi.k, hi.seq AS hi_seq, lo.seq AS lo_seq
  FROM hi JOIN lo WITHIN 15 SECONDS ON hi.k = lo.k;

CREATE STREAM q06_self WITH (connector = 'file', path = 'out/q06_self.jsonl', format = 'json') AS
  WITH b AS (SELECT k, seq, ts FROM q06_src WHERE v = 0 OR v = 8)
  SELECT x.seq AS a, y.seq AS b
  FROM b x JOIN b y WITHIN 1 MINUTE ON x.k = y.k
  WHERE x.seq < y.seq;
