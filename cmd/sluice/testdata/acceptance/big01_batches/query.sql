CREATE STREAM big01_src (k STRING, u STRING, v INT, x DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'big01_src.jsonl', format = 'json', error_sink = 'file://errors/big01/');

CREATE STREAM big01_sevens WITH (connector = 'file', path = 'out/big01_sevens.jsonl', format = 'json') AS
  SELECT k, u, v FROM big01_src WHERE v % 7 = 0 AND x > 0;

CREATE TABLE big01_per_key WITH (connector = 'file', path = 'out/big01_per_key.jsonl', format = 'json') AS
  SELECT k, window_start, COUNT(*) AS n, COUNT(DISTINCT u) AS users, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi, AVG(x) AS avg_x
  FROM big01_src
  WINDOW TUMBLING (SIZE 1 MINUTE)
  GROUP BY k
  EMIT FINAL;

CREATE STREAM big01_first_per_user WITH (connector = 'file', path = 'out/big01_first_per_user.jsonl', format = 'json') AS
  SELECT u, k, v FROM big01_src DEDUPLICATE BY u;

CREATE TABLE big01_hops WITH (connector = 'file', path = 'out/big01_hops.jsonl', format = 'json') AS
  SELECT window_start, COUNT(*) AS n, SUM(v) AS total
  FROM big01_src
  WINDOW HOPPING (SIZE 2 MINUTES, ADVANCE BY 1 MINUTE)
  EMIT FINAL;
