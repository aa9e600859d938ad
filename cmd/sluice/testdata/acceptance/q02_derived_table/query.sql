CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM q02_out WITH (connector = 'file', path = 'out/q02_out.jsonl', format = 'json') AS
  SELECT t.id, t.v2 + 1 AS v3
  FROM (SELECT id, v * 2 AS v2 FROM q_src WHERE v > 3) AS t
  WHERE t.v2 < 20;
