CREATE STREAM w14_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w14_src.jsonl', format = 'json');

CREATE TABLE w14_sevens WITH (connector = 'file', path = 'out/w14_sevens.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w14_src
  WINDOW TUMBLING (SIZE 7 MINUTES)
  EMIT FINAL;

CREATE TABLE w14_hops WITH (connector = 'file', path = 'out/w14_hops.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n
  FROM w14_src
  WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 3 MINUTES)
  EMIT FINAL;
