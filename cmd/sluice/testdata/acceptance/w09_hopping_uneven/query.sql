CREATE STREAM w09_src (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'w09_src.jsonl', format = 'json');

CREATE TABLE w09_out WITH (connector = 'file', path = 'out/w09_out.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w09_src
  WINDOW HOPPING (SIZE 60 SECONDS, ADVANCE BY 25 SECONDS)
  EMIT FINAL;
