CREATE STREAM xc_src (user_id STRING, v INT)
  WITH (connector = 'file', path = 'xc_src.jsonl', format = 'json');

CREATE TABLE xc_running WITH (connector = 'file', path = 'out/xc_running.jsonl', format = 'json') AS
  SELECT user_id, COUNT(*) AS n, SUM(v) AS total
  FROM xc_src
  GROUP BY user_id
  EMIT CHANGES;
