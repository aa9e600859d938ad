CREATE STREAM ty08_src (id INT, grp STRING, d DATE, ts TIMESTAMP)
  WITH (connector = 'file', path = 'ty08_src.jsonl', format = 'json');

CREATE STREAM ty08_out WITH (connector = 'file', path = 'out/ty08_out.jsonl', format = 'json') AS
  SELECT id, d, CAST(d AS STRING) AS d_str, d >= CAST('2000-01-01' AS DATE) AS modern, CAST(ts AS DATE) AS ts_day,
         CAST(ts AS DATE) = d AS same_day
  FROM ty08_src;

CREATE TABLE ty08_by_day WITH (connector = 'file', path = 'out/ty08_by_day.jsonl', format = 'json') AS
  SELECT d, COUNT(*) AS n, MIN(ts) AS first_ts
  FROM ty08_src
  GROUP BY d
  EMIT FINAL;

CREATE TABLE ty08_range WITH (connector = 'file', path = 'out/ty08_range.jsonl', format = 'json') AS
  SELECT grp, MIN(d) AS lo, MAX(d) AS hi, COUNT(d) AS n
  FROM ty08_src
  GROUP BY grp
  EMIT FINAL;
