CREATE STREAM ty06_src (id INT, big BIGINT)
  WITH (connector = 'file', path = 'ty06_src.jsonl', format = 'json');

CREATE STREAM ty06_out WITH (connector = 'file', path = 'out/ty06_out.jsonl', format = 'json') AS
  SELECT id, big, CAST(big AS STRING) AS big_str, big - 9007199254740992 AS above_2_53,
         big = 9007199254740993 AS is_2_53_plus_1, CAST(big + 2 AS STRING) AS plus2_str
  FROM ty06_src
  WHERE big < 9000000000000000000 AND big > -9000000000000000000;

CREATE STREAM ty06_extremes WITH (connector = 'file', path = 'out/ty06_extremes.jsonl', format = 'json') AS
  SELECT id, CAST(big AS STRING) AS big_str, big = 9223372036854775807 AS is_max
  FROM ty06_src
  WHERE big > 9000000000000000000 OR big < -9000000000000000000;

CREATE TABLE ty06_groups WITH (connector = 'file', path = 'out/ty06_groups.jsonl', format = 'json') AS
  SELECT CAST(big AS STRING) AS k, COUNT(*) AS n, CAST(SUM(big) AS STRING) AS total
  FROM ty06_src
  WHERE big > 9000000000000000 AND big < 9100000000000000
  GROUP BY big
  EMIT FINAL;
