CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM q01_out WITH (connector = 'file', path = 'out/q01_out.jsonl', format = 'json') AS
  WITH big AS (SELECT id, v * 2 AS v2 FROM q_src WHERE v > 3),
       labeled AS (SELECT id, v2, CASE WHEN v2 > 10 THEN 'hi' ELSE 'lo' END AS band FROM big)
  SELECT id, band, v2 FROM labeled WHERE band = 'hi' OR id < 3;
