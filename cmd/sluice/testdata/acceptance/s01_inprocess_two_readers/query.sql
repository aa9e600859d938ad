CREATE STREAM s01_src (id INT, kind STRING, v DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 's01_src.jsonl', format = 'json');

CREATE STREAM s01_clean AS
  SELECT id, UPPER(kind) AS kind, v, ts FROM s01_src WHERE v IS NOT NULL;

CREATE STREAM s01_big WITH (connector = 'file', path = 'out/s01_big.jsonl', format = 'json') AS
  SELECT id, kind, v FROM s01_clean WHERE v > 50;

CREATE TABLE s01_per_kind WITH (connector = 'file', path = 'out/s01_per_kind.jsonl', format = 'json') AS
  SELECT kind, window_start, COUNT(*) AS n, SUM(v) AS total
  FROM s01_clean
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY kind
  EMIT FINAL;
