CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM q04_inner WITH (connector = 'file', path = 'out/q04_inner.jsonl', format = 'json') AS
  SELECT id, v * 2 AS v FROM q_src WHERE v > 4;

CREATE STREAM q04_outer WITH (connector = 'file', path = 'out/q04_outer.jsonl', format = 'json') AS
  SELECT t.id, t.v FROM (SELECT id, v * 2 AS v FROM q_src) AS t WHERE t.v > 4;
