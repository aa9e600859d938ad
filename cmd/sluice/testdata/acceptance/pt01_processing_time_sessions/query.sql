CREATE STREAM pt01_src (k STRING, v INT)
  WITH (connector = 'file', path = 'pt01_src.jsonl', format = 'json');

CREATE TABLE pt01_sessions WITH (connector = 'file', path = 'out/pt01_sessions.jsonl', format = 'json') AS
  SELECT k, COUNT(*) AS n, SUM(v) AS total, MIN(v) AS lo, MAX(v) AS hi
  FROM pt01_src
  WINDOW SESSION (1 HOUR)
  GROUP BY k
  EMIT FINAL;

CREATE STREAM pt01_first WITH (connector = 'file', path = 'out/pt01_first.jsonl', format = 'json') AS SELECT k, v FROM pt01_src DEDUPLICATE BY k WITHIN 1 HOUR;
