CREATE STREAM xs_src (id INT, g STRING, s STRING, t STRING)
  WITH (connector = 'file', path = 'xs_src.jsonl', format = 'json');

CREATE STREAM xs_cmp WITH (connector = 'file', path = 'out/xs_cmp.jsonl', format = 'json') AS
  SELECT id, s < t AS lt, s <= t AS le, s > t AS gt, s BETWEEN 'A' AND 'Z' AS upper_range
  FROM xs_src;

CREATE TABLE xs_minmax WITH (connector = 'file', path = 'out/xs_minmax.jsonl', format = 'json') AS
  SELECT g, MIN(s) AS min_s, MAX(s) AS max_s, MIN(t) AS min_t, MAX(t) AS max_t
  FROM xs_src
  GROUP BY g
  EMIT FINAL;
