CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM xl2_first WITH (connector = 'file', path = 'out/xl2_first.jsonl', format = 'json') AS SELECT id FROM q_src LIMIT 2;
CREATE STREAM xl2_all WITH (connector = 'file', path = 'out/xl2_all.jsonl', format = 'json') AS SELECT id, name FROM q_src;
