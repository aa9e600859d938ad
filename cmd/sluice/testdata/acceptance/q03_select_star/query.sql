CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM q03_out WITH (connector = 'file', path = 'out/q03_out.jsonl', format = 'json') AS
  SELECT * FROM q_src WHERE v IS NULL OR v < 5;
