CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM xl_out WITH (connector = 'file', path = 'out/xl_out.jsonl', format = 'json') AS
  SELECT id, name FROM q_src WHERE v > 2 LIMIT 3;
